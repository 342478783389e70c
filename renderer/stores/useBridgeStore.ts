// The bridge report on screen and which reconciliation of the contract is shown.
import { create } from 'zustand';
import type { ReconReport, ReconciliationReport } from '../../shared/reportTypes';
import { getApi } from '../api/getApi';
import { reportError } from './useErrorStore';

interface BridgeState {
  report: ReconReport | null;
  loading: boolean;
  /** Name of the reconciliation shown; the first one when null. */
  reconciliation: string | null;
  loadReport(): Promise<void>;
  setReport(report: ReconReport): void;
  selectReconciliation(name: string): void;
  reset(): void;
}

export const useBridgeStore = create<BridgeState>()((set) => ({
  report: null,
  loading: false,
  reconciliation: null,
  async loadReport() {
    set({ loading: true });
    try {
      const report = await getApi().getReport({ ids: false });
      set((state) => ({ report, reconciliation: pickReconciliation(report, state.reconciliation) }));
    } catch (error) {
      reportError(error);
    } finally {
      set({ loading: false });
    }
  },
  setReport(report) {
    set((state) => ({ report, reconciliation: pickReconciliation(report, state.reconciliation) }));
  },
  selectReconciliation(name) {
    set({ reconciliation: name });
  },
  reset() {
    set({ report: null, reconciliation: null });
  },
}));

function pickReconciliation(report: ReconReport, current: string | null): string | null {
  if (current && report.reconciliations.some((r) => r.name === current)) return current;
  return report.reconciliations[0]?.name ?? null;
}

/** The reconciliation shown, from a report and the selected name. */
export function findReconciliation(report: ReconReport | null, name: string | null): ReconciliationReport | null {
  return report?.reconciliations.find((r) => r.name === name) ?? report?.reconciliations[0] ?? null;
}
