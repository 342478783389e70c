// Checks a contract text as it is typed: a short pause after the last key, and an answer for older text dropped.
import type { ContractIssue } from '../../shared/api';
import { getApi } from '../api/getApi';
import { reportError } from './useErrorStore';

const CHECK_DELAY_MS = 300;

interface TypedText {
  text: string;
  issues: ContractIssue[];
  checking: boolean;
}

/** One checker per store: `schedule` after each edit, `cancel` when the text is put away. */
export function createTypedContractCheck(get: () => TypedText, set: (patch: Partial<TypedText>) => void) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    schedule(text: string): void {
      set({ text, checking: true });
      clearTimeout(timer);
      timer = setTimeout(() => {
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
    cancel(): void {
      clearTimeout(timer);
    },
  };
}
