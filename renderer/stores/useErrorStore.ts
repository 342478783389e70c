// Failed API calls, shown in a dismissable banner until the person closes them or they no longer apply.
import { create } from 'zustand';

export interface ShownError {
  id: number;
  message: string;
}

interface ErrorState {
  errors: ShownError[];
  reportError(error: unknown): void;
  dismissError(id: number): void;
  /** On a screen change or the next action that succeeds: what went wrong before no longer applies. */
  clearErrors(): void;
}

let nextId = 1;

export const useErrorStore = create<ErrorState>()((set) => ({
  errors: [],
  reportError(error) {
    const message = error instanceof Error ? error.message : String(error);
    // The same message twice in a row (a retried call) is shown once.
    set((state) => (state.errors.at(-1)?.message === message ? state : { errors: [...state.errors, { id: nextId++, message }] }));
  },
  dismissError(id) {
    set((state) => ({ errors: state.errors.filter((e) => e.id !== id) }));
  },
  clearErrors() {
    set((state) => (state.errors.length === 0 ? state : { errors: [] }));
  },
}));

/** For calls whose failure has nothing else to do than be shown. */
export function reportError(error: unknown): void {
  useErrorStore.getState().reportError(error);
}
