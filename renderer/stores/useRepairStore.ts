// A contract that failed to load, open in the editor: its text and its problems at their lines, checked as it is typed.
import { create } from 'zustand';
import type { ContractDocument, ContractIssue } from '../../shared/api';
import { getApi } from '../api/getApi';
import { createTypedContractCheck } from './createTypedContractCheck';
import { reportError } from './useErrorStore';


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


export const useRepairStore = create<RepairState>()((set, get) => {
  const typedCheck = createTypedContractCheck(get, set);
  return {
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
      typedCheck.schedule(text);
    },
    close() {
      typedCheck.cancel();
      set({ document: null, text: '', issues: [], checking: false, reason: null });
    },
  };
});
