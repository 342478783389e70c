// The open investigation, the screen shown, and the long work (open, create, apply) with its progress.
import { create } from 'zustand';
import type { NewInvestigation, Progress, RecentInvestigation, SessionInfo } from '../../shared/api';
import { getApi } from '../api/getApi';
import { useBridgeStore } from './useBridgeStore';
import { useContractStore } from './useContractStore';
import { reportError } from './useErrorStore';
import { useRecordsStore } from './useRecordsStore';

export type Screen = 'start' | 'bridge' | 'records' | 'contract';

const PROGRESS_POLL_MS = 250;

interface SessionState {
  session: SessionInfo | null;
  recent: RecentInvestigation[];
  screen: Screen;
  /** True once the first getSession answered, so the start screen does not flash before a reopened session. */
  ready: boolean;
  /** What the long work under way is doing, in words; null when idle. */
  work: string | null;
  progress: Progress | null;
  loadSession(): Promise<void>;
  loadRecent(): Promise<void>;
  showScreen(screen: Screen): void;
  openSample(): Promise<void>;
  openContract(contractPath: string): Promise<void>;
  createInvestigation(spec: NewInvestigation): Promise<void>;
  runLongWork<T>(label: string, work: () => Promise<T>): Promise<T | null>;
  cancelWork(): Promise<void>;
}

export const useSessionStore = create<SessionState>()((set, get) => {
  const enter = (session: SessionInfo | null) => {
    if (!session) return;
    set({ session, screen: 'bridge' });
    useRecordsStore.getState().reset();
    void useBridgeStore.getState().loadReport();
    void useContractStore.getState().loadContract();
  };
  return {
    session: null,
    recent: [],
    screen: 'start',
    ready: false,
    work: null,
    progress: null,
    async loadSession() {
      try {
        const session = await getApi().getSession();
        set({ ready: true });
        if (session) enter(session);
        else await get().loadRecent();
      } catch (error) {
        set({ ready: true });
        reportError(error);
      }
    },
    async loadRecent() {
      try {
        set({ recent: await getApi().listRecent() });
      } catch (error) {
        reportError(error);
      }
    },
    showScreen(screen) {
      set({ screen });
      if (screen === 'start') void get().loadRecent();
    },
    async openSample() {
      enter(await get().runLongWork('Opening the sample investigation', () => getApi().openSample()));
    },
    async openContract(contractPath) {
      enter(await get().runLongWork(`Opening ${contractPath}`, () => getApi().openContract(contractPath)));
    },
    async createInvestigation(spec) {
      enter(await get().runLongWork(`Creating ${spec.title}`, () => getApi().createInvestigation(spec)));
    },
    async runLongWork(label, work) {
      if (get().work) {
        reportError(new Error(`Please wait: ${get().work} is still running.`));
        return null;
      }
      set({ work: label, progress: null });
      const poll = setInterval(() => {
        getApi()
          .getProgress()
          .then((progress) => {
            if (get().work === label) set({ progress });
          })
          .catch(() => undefined); // a missed poll is replaced by the next one
      }, PROGRESS_POLL_MS);
      try {
        return await work();
      } catch (error) {
        reportError(error);
        return null;
      } finally {
        clearInterval(poll);
        set({ work: null, progress: null });
      }
    },
    async cancelWork() {
      try {
        await getApi().cancel();
      } catch (error) {
        reportError(error);
      }
    },
  };
});
