// Failed API calls, and the user's own cancels, shown in a dismissable banner until closed or no longer applicable.
import { create } from 'zustand';
import { ApiError } from '../../shared/unwrapApiResult';

export interface ShownError {
  id: number;
  message: string;
  /** `notice`: not a failure (a cancel the user asked for), shown as neutral news rather than as an alert. */
  tone: 'error' | 'notice';
}

interface ErrorState {
  errors: ShownError[];
  reportError(error: unknown): void;
  /** A neutral line, such as what a cancel left as it was. */
  reportNotice(message: string): void;
  dismissError(id: number): void;
  /** On a screen change or the next action that succeeds: what went wrong before no longer applies. */
  clearErrors(): void;
}

let nextId = 1;

/** The engine's answer to a Cancel: the work stopped because the user asked, and nothing changed. */
export function isCancelled(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'cancelled';
}

/** What a notice of a cancel says: what stopped (the label of the long work, as the progress bar showed it), and that nothing changed. */
export function describeCancel(label?: string): string {
  return label ? `Cancelled ${label.charAt(0).toLowerCase()}${label.slice(1)}: nothing was changed.` : 'Cancelled: nothing was changed.';
}

export const useErrorStore = create<ErrorState>()((set) => {
  const show = (message: string, tone: ShownError['tone']) =>
    // The same message twice in a row (a retried call) is shown once.
    set((state) => (state.errors.at(-1)?.message === message ? state : { errors: [...state.errors, { id: nextId++, message, tone }] }));
  return {
    errors: [],
    reportError(error) {
      if (isCancelled(error)) show(describeCancel(), 'notice');
      else show(error instanceof Error ? error.message : String(error), 'error');
    },
    reportNotice(message) {
      show(message, 'notice');
    },
    dismissError(id) {
      set((state) => ({ errors: state.errors.filter((e) => e.id !== id) }));
    },
    clearErrors() {
      set((state) => (state.errors.length === 0 ? state : { errors: [] }));
    },
  };
});

/** For calls whose failure has nothing else to do than be shown. */
export function reportError(error: unknown): void {
  useErrorStore.getState().reportError(error);
}
