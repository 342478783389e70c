// The open investigation, the screen shown, and the long work (open, create, apply) with its progress.
import { create } from 'zustand';
import type { ExportPreview, NewInvestigation, Progress, RecentInvestigation, SampleName, SessionInfo } from '../../shared/api';
import { ApiError } from '../../shared/unwrapApiResult';
import { getApi } from '../api/getApi';
import { useBridgeStore } from './useBridgeStore';
import { useCompareStore } from './useCompareStore';
import { useContractStore } from './useContractStore';
import { describeCancel, isCancelled, reportError, useErrorStore } from './useErrorStore';
import { useMetricsStore } from './useMetricsStore';
import { usePairsStore } from './usePairsStore';
import { useRecordsStore } from './useRecordsStore';
import { useRepairStore } from './useRepairStore';
import { useReviewStore } from './useReviewStore';

/** `repair`: a contract that failed to load, open in the editor (there may be no session at all). */
export type Screen = 'start' | 'bridge' | 'records' | 'pairs' | 'funnel' | 'shared' | 'attribution' | 'contract' | 'compare' | 'repair';

const PROGRESS_POLL_MS = 250;

/** What a failed Create leaves to the form: a message to show beside the Create button, or nothing. */
export type CreateOutcome = { created: true } | { created: false; message: string | null; code: string | null };

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
  openSample(sample?: SampleName): Promise<void>;
  resetSample(sample?: SampleName): Promise<void>;
  openContract(contractPath: string): Promise<void>;
  /** Opens a contract that failed to load in the editor, to be fixed there; `reason` when no line of it is to blame. */
  repairContract(contractPath: string, reason?: string): Promise<void>;
  /** Saves the fixed text of the contract being repaired and opens it; its issues when it still does not load. */
  saveRepairedContract(contractPath: string, text: string): Promise<boolean>;
  createInvestigation(spec: NewInvestigation): Promise<CreateOutcome>;
  /** Shows `work` in the progress panel, with Cancel, while it runs; its failure goes to the caller, a cancel too. */
  trackLongWork<T>(label: string, work: () => Promise<T>): Promise<T>;
  /** trackLongWork, then the failure in the banner (a cancel as a notice); null when it failed. */
  runLongWork<T>(label: string, work: () => Promise<T>): Promise<T | null>;
  /**
   * An export read for the new-investigation form, in the progress panel (a large one takes seconds); null when the
   * user cancelled it (said in a notice), any other failure thrown for the form to show by its field.
   */
  readExportPreview(file: string, sheet?: string): Promise<ExportPreview | null>;
  cancelWork(): Promise<void>;
}

/** A contract whose content is at fault: the editor, not a dead end. */
const isContractProblem = (error: unknown) => error instanceof ApiError && error.code === 'invalid_contract';
/** A contract that parses but did not open (ids that repeat...): the editor too, with the reason said above it. */
const isOpenProblem = (error: unknown) => error instanceof ApiError && error.code === 'invalid_input';
/** A failure of the long work `label` said in the banner; a cancel is the user's own act, said as a notice naming what stopped. */
const reportFailure = (label: string, error: unknown) => (isCancelled(error) ? useErrorStore.getState().reportNotice(describeCancel(label)) : reportError(error));

export const useSessionStore = create<SessionState>()((set, get) => {
  const enter = (session: SessionInfo | null) => {
    if (!session) return;
    useErrorStore.getState().clearErrors();
    useRepairStore.getState().close();
    set({ session, screen: 'bridge' });
    useRecordsStore.getState().reset();
    usePairsStore.getState().reset();
    useMetricsStore.getState().reset();
    useCompareStore.getState().reset();
    useReviewStore.getState().reset();
    void useBridgeStore.getState().loadReport();
    void useReviewStore.getState().loadReview();
    void useContractStore.getState().loadContract();
  };
  /** Runs an open of `contractPath`; a contract that fails to load opens in the editor instead of a banner. */
  const openOrRepair = async (label: string, contractPath: string | null, work: () => Promise<SessionInfo>) => {
    let failure: unknown = null;
    const session = await get().runLongWork(label, () =>
      work().catch((error: unknown) => {
        failure = error;
        return null;
      }),
    );
    if (session) enter(session);
    else if (contractPath && isContractProblem(failure)) await get().repairContract(contractPath);
    else if (contractPath && isOpenProblem(failure)) await get().repairContract(contractPath, (failure as ApiError).message);
    else if (failure) reportFailure(label, failure);
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
      if (screen !== get().screen) useErrorStore.getState().clearErrors();
      set({ screen });
      if (screen === 'start') void get().loadRecent();
    },
    async openSample(sample) {
      await openOrRepair('Opening the sample investigation', null, () => getApi().openSample(sample));
    },
    async resetSample(sample) {
      await openOrRepair('Putting the sample back as it shipped', null, () => getApi().resetSample(sample));
    },
    async openContract(contractPath) {
      await openOrRepair(`Opening ${contractPath}`, contractPath, () => getApi().openContract(contractPath));
    },
    async repairContract(contractPath, reason) {
      if (await useRepairStore.getState().loadFile(contractPath, reason ?? null)) {
        useErrorStore.getState().clearErrors();
        set({ screen: 'repair' });
      }
    },
    async saveRepairedContract(contractPath, text) {
      let failure: unknown = null;
      const label = `Saving and opening ${contractPath}`;
      const issues = await get().runLongWork(label, () =>
        getApi()
          .saveContractFile(contractPath, text)
          .catch((error: unknown) => {
            failure = error;
            return null;
          }),
      );
      // Saved, but it still does not open for a reason no line shows: said above the editor.
      if (isOpenProblem(failure)) useRepairStore.setState({ reason: (failure as ApiError).message });
      else if (failure) reportFailure(label, failure);
      if (issues === null) return false;
      useRepairStore.setState({ reason: null });
      if (issues.length > 0) {
        useRepairStore.setState({ issues });
        return false;
      }
      enter(await getApi().getSession());
      return true;
    },
    async createInvestigation(spec) {
      let failure: unknown = null;
      const label = `Creating ${spec.title}`;
      const session = await get().runLongWork(label, () =>
        getApi()
          .createInvestigation(spec)
          .catch((error: unknown) => {
            failure = error;
            return null;
          }),
      );
      if (session) {
        enter(session);
        return { created: true };
      }
      // The contract was written and only its content is wrong: it opens in the editor to be fixed.
      if (isContractProblem(failure)) {
        await get().repairContract(spec.contractPath);
        return { created: false, message: null, code: 'invalid_contract' };
      }
      // A cancel took back what Create wrote (createInvestigation): nothing to fix in the form, only news to give.
      if (isCancelled(failure)) {
        reportFailure(label, failure);
        return { created: false, message: null, code: 'cancelled' };
      }
      const code = failure instanceof ApiError ? failure.code : null;
      return { created: false, message: failure instanceof Error ? failure.message : failure ? String(failure) : null, code };
    },
    async trackLongWork(label, work) {
      if (get().work) throw new Error(`Please wait: ${get().work} is still running.`);
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
      } finally {
        clearInterval(poll);
        set({ work: null, progress: null });
      }
    },
    async runLongWork(label, work) {
      try {
        const result = await get().trackLongWork(label, work);
        // The next action that succeeds: what went wrong before no longer applies.
        if (result !== null) useErrorStore.getState().clearErrors();
        return result;
      } catch (error) {
        reportFailure(label, error);
        return null;
      }
    },
    async readExportPreview(file, sheet) {
      const label = `Reading ${file.split(/[\\/]/).at(-1) ?? file}`;
      try {
        return await get().trackLongWork(label, () => getApi().previewExport(file, sheet));
      } catch (error) {
        if (!isCancelled(error)) throw error;
        reportFailure(label, error);
        return null;
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
