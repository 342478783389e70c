// The bridge report on screen and which reconciliation of the contract is shown.
import { create } from 'zustand';
import type { ReconReport, ReconciliationReport } from '../../shared/reportTypes';
import { getApi } from '../api/getApi';
import { reportError } from './useErrorStore';

/** Which bridge the chart draws when the metrics have a value: records or amounts. */
export type BridgeMeasure = 'count' | 'value';

const MEASURE_KEY = 'recon.bridgeMeasure';

/** The measure chosen in this browser session (sessionStorage survives a reload, not a new window); null when none was. */
function readMeasure(): BridgeMeasure | null {
  try {
    const stored = window.sessionStorage.getItem(MEASURE_KEY);
    return stored === 'count' || stored === 'value' ? stored : null;
  } catch {
    return null; // storage refused (privacy settings): the choice lasts as long as the page
  }
}

function storeMeasure(measure: BridgeMeasure): void {
  try {
    window.sessionStorage.setItem(MEASURE_KEY, measure);
  } catch {
    // Storage refused: the store still holds the choice for this page.
  }
}

interface BridgeState {
  report: ReconReport | null;
  loading: boolean;
  /** Name of the reconciliation shown; the first one when null. */
  reconciliation: string | null;
  /** The chart's measure as chosen; null until chosen (Value when the report has values, else Count). */
  measure: BridgeMeasure | null;
  chooseMeasure(measure: BridgeMeasure): void;
  loadReport(): Promise<void>;
  setReport(report: ReconReport): void;
  selectReconciliation(name: string): void;
  reset(): void;
}

export const useBridgeStore = create<BridgeState>()((set) => ({
  report: null,
  loading: false,
  reconciliation: null,
  measure: readMeasure(),
  chooseMeasure(measure) {
    storeMeasure(measure);
    set({ measure });
  },
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
