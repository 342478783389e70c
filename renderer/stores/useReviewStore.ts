// The review of the open investigation (decisions, sign-offs, the reviewer's name) and the actions that append to its decisions file.
import { create } from 'zustand';
import type { DecisionStatus, DecisionTarget, ReviewState } from '../../shared/reviewTypes';
import { ApiError } from '../../shared/unwrapApiResult';
import { getApi } from '../api/getApi';
import { reportError } from './useErrorStore';

/** What waits for the reviewer's name: the decision or sign-off the user just asked for. */
type PendingWork = () => Promise<boolean>;

interface ReviewStoreState {
  review: ReviewState | null;
  /** True while the name dialog is open: the first decision without a name, or the header's name link. */
  askingName: boolean;
  saving: boolean;
  loadReview(): Promise<void>;
  /** Opens the name dialog (the header's link: to change it). */
  askName(): void;
  cancelName(): void;
  /** Keeps the name and runs what waited for it; false when the name was refused. */
  setReviewer(name: string): Promise<boolean>;
  /** Appends a decision; asks the name first when none is kept. Resolves true once the decision is in the file. */
  decide(target: DecisionTarget, status: DecisionStatus, note: string): Promise<boolean>;
  signOff(reconciliation: string, note: string): Promise<boolean>;
  reset(): void;
}

// Kept outside the state: a function is no part of what the screens draw.
let pending: { work: PendingWork; settle(done: boolean): void } | null = null;

function settlePending(done: boolean): void {
  const waiting = pending;
  pending = null;
  waiting?.settle(done);
}

export const useReviewStore = create<ReviewStoreState>()((set, get) => {
  /** Runs an append; without a reviewer's name, the dialog opens and the append runs once the name is kept. */
  const withReviewer = (work: PendingWork): Promise<boolean> => {
    if (get().review?.reviewer) return work();
    settlePending(false);
    return new Promise<boolean>((resolve) => {
      pending = { work, settle: resolve };
      set({ askingName: true });
    });
  };
  /** One append: the review it answers replaces the one shown; a missing name (another window cleared it) asks again. */
  const append = async (call: () => Promise<ReviewState>, retry: PendingWork): Promise<boolean> => {
    set({ saving: true });
    try {
      set({ review: await call() });
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'no_reviewer') {
        set((state) => ({ review: state.review ? { ...state.review, reviewer: null } : null }));
        return withReviewer(retry);
      }
      reportError(error);
      return false;
    } finally {
      set({ saving: false });
    }
  };
  return {
    review: null,
    askingName: false,
    saving: false,
    async loadReview() {
      try {
        set({ review: await getApi().getReview() });
      } catch (error) {
        reportError(error);
      }
    },
    askName() {
      set({ askingName: true });
    },
    cancelName() {
      set({ askingName: false });
      settlePending(false);
    },
    async setReviewer(name) {
      try {
        set({ review: await getApi().setReviewer(name), askingName: false });
      } catch (error) {
        reportError(error);
        return false;
      }
      const waiting = pending;
      pending = null;
      if (waiting) waiting.settle(await waiting.work());
      return true;
    },
    decide(target, status, note) {
      const work = () => append(() => getApi().decide(target, status, note), work);
      return withReviewer(work);
    },
    signOff(reconciliation, note) {
      const work = () => append(() => getApi().signOff(reconciliation, note), work);
      return withReviewer(work);
    },
    reset() {
      settlePending(false);
      set({ review: null, askingName: false, saving: false });
    },
  };
});
