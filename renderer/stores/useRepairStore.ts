// A contract that failed to load, open in the editor: its text and its problems at their lines, checked as it is typed.
import { create } from 'zustand';
import type { ContractDocument, ContractIssue } from '../../shared/api';
import { getApi } from '../api/getApi';
import { reportError } from './useErrorStore';

const CHECK_DELAY_MS = 300;

interface RepairState {
  document: ContractDocument | null;
  text: string;
  issues: ContractIssue[];
  checking: boolean;
  /** Why it did not open when no line is to blame (an id column that repeats a value...). */
  reason: string | null;
  /** Reads the file and its problems; false when it cannot be read at all (the error is reported). */
  loadFile(contractPath: string, reason: string | null): Promise<boolean>;
  editText(text: string): void;
  close(): void;
}

let checkTimer: ReturnType<typeof setTimeout> | undefined;

export const useRepairStore = create<RepairState>()((set, get) => ({
  document: null,
  text: '',
  issues: [],
  checking: false,
  reason: null,
  async loadFile(contractPath, reason) {
    try {
      const document = await getApi().readContractFile(contractPath);
      set({ document, text: document.text, issues: document.issues, checking: false, reason });
      return true;
    } catch (error) {
      reportError(error);
      return false;
    }
  },
  editText(text) {
    set({ text, checking: true });
    clearTimeout(checkTimer);
    checkTimer = setTimeout(() => {
      getApi()
        .checkContract(text)
        // An answer for text that has since changed is dropped; the newer check follows.
        .then((issues) => get().text === text && set({ issues, checking: false }))
        .catch((error: unknown) => {
          if (get().text === text) set({ checking: false });
          reportError(error);
        });
    }, CHECK_DELAY_MS);
  },
  close() {
    clearTimeout(checkTimer);
    set({ document: null, text: '', issues: [], checking: false, reason: null });
  },
}));
