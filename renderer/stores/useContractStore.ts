// The contract on screen: the saved document, the text being edited, its issues, and the last apply's changes.
import { create } from 'zustand';
import type { ApplyResult, ContractDocument, ContractIssue } from '../../shared/api';
import { getApi } from '../api/getApi';
import { useBridgeStore } from './useBridgeStore';
import { createTypedContractCheck } from './createTypedContractCheck';
import { reportError } from './useErrorStore';
import { useMetricsStore } from './useMetricsStore';
import { useReviewStore } from './useReviewStore';
import { useSessionStore } from './useSessionStore';


interface ContractState {
  document: ContractDocument | null;
  text: string;
  issues: ContractIssue[];
  checking: boolean;
  applying: boolean;
  lastApply: ApplyResult | null;
  /** Each source's export headers (the editor's completion); empty until read, or when they cannot be. */
  columns: Record<string, string[]>;
  loadContract(): Promise<void>;
  loadColumns(): Promise<void>;
  editText(text: string): void;
  discardEdits(): void;
  applyText(): Promise<void>;
}


export const useContractStore = create<ContractState>()((set, get) => {
  const typedCheck = createTypedContractCheck(get, set);
  return {
    document: null,
    text: '',
    issues: [],
    checking: false,
    applying: false,
    lastApply: null,
    columns: {},
    async loadContract() {
      try {
        const document = await getApi().getContract();
        set({ document, text: document.text, issues: document.issues, lastApply: null });
        await get().loadColumns();
      } catch (error) {
        reportError(error);
      }
    },
    async loadColumns() {
      // Completion goes without headers rather than bother the user when they cannot be read.
      const columns = await getApi()
        .listSourceColumns()
        .catch(() => ({}));
      set({ columns });
    },
    editText(text) {
      typedCheck.schedule(text);
    },
    discardEdits() {
      typedCheck.cancel();
      const document = get().document;
      if (document) set({ text: document.text, issues: document.issues, checking: false });
    },
    async applyText() {
      const text = get().text;
      set({ applying: true });
      try {
        const result = await useSessionStore.getState().runLongWork('Applying the contract', () => getApi().applyContract(text));
        if (!result) return;
        if (result.issues.length > 0) {
          set({ issues: result.issues });
          return;
        }
        const previous = get().document;
        set({ lastApply: result, issues: [], document: previous ? { ...previous, text, issues: [] } : previous });
        if (result.report) useBridgeStore.getState().setReport(result.report);
        // Funnels and shared metrics follow the edit too, each number with where it was.
        void useMetricsStore.getState().reloadAfterApply();
        // Decisions are checked against the new bridge: a line whose records changed shows as stale.
        void useReviewStore.getState().loadReview();
        // The parsed contract (rules shown in the bridge's definitions) comes back from the engine.
        set({ document: await getApi().getContract() });
        await get().loadColumns();
      } catch (error) {
        reportError(error);
      } finally {
        set({ applying: false });
      }
    },
  };
});
