// The record inspector's part of a screen's store (records grid, pairs grid): which record is inspected, its key's rows, loading.
import type { IdentityInspection } from '../../shared/api';
import type { Side } from '../../shared/reportTypes';
import { getApi } from '../api/getApi';
import { reportError } from './useErrorStore';

export interface InspectorState {
  inspection: IdentityInspection | null;
  /** The record the inspector was opened from (its column is marked). */
  inspected: { side: Side; recordId: string } | null;
  inspecting: string | null;
  inspectRecord(side: Side, recordId: string): Promise<void>;
  closeInspector(): void;
}

/** The inspector closed: what a store resets to when its listing changes. */
export const NO_INSPECTION = { inspection: null, inspected: null, inspecting: null } as const;

/**
 * `reconciliationOf` says which reconciliation the screen shows (null: nothing to inspect). An answer that
 * arrives after another record was chosen is dropped, so the inspector never shows a record it was not asked for.
 */
export function createInspectorSlice(
  set: (partial: Partial<InspectorState>) => void,
  get: () => InspectorState,
  reconciliationOf: () => string | null,
): InspectorState {
  return {
    ...NO_INSPECTION,
    async inspectRecord(side, recordId) {
      const reconciliation = reconciliationOf();
      if (!reconciliation) return;
      set({ inspecting: recordId });
      try {
        const inspection = await getApi().inspectRecord(reconciliation, side, recordId);
        if (get().inspecting === recordId) set({ inspection, inspected: { side, recordId } });
      } catch (error) {
        reportError(error);
      } finally {
        if (get().inspecting === recordId) set({ inspecting: null });
      }
    },
    closeInspector() {
      set(NO_INSPECTION);
    },
  };
}
