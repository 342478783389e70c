// The matched pairs on screen (the pairs grid): which reconciliation, which filter, the counts of each filter, the pair under inspection.
import { create } from 'zustand';
import type { IdentityInspection, PairQuery } from '../../shared/api';
import type { Side } from '../../shared/reportTypes';
import { getApi } from '../api/getApi';
import { reportError } from './useErrorStore';

/** All pairs (neither key), one compare field that differs, or the pairs whose amounts are not equal. */
export type PairFilter = Pick<PairQuery, 'differs' | 'amountChanged'>;

export interface PairCounts {
  all: number;
  amountChanged: number;
  /** Compare field -> pairs where it differs. */
  differs: Record<string, number>;
}

interface PairsState {
  reconciliation: string | null;
  filter: PairFilter;
  /** The compare fields in contract order, learned from the engine; null while loading. */
  fields: string[] | null;
  counts: PairCounts | null;
  inspection: IdentityInspection | null;
  inspected: { side: Side; recordId: string } | null;
  inspecting: string | null;
  /** Shows the pairs of a reconciliation with a filter, and counts every filter anew (the bridge may have changed). */
  openPairs(reconciliation: string, filter: PairFilter): Promise<void>;
  chooseFilter(filter: PairFilter): void;
  inspectRecord(side: Side, recordId: string): Promise<void>;
  closeInspector(): void;
  reset(): void;
}

async function countEvery(reconciliation: string, fields: string[]): Promise<PairCounts> {
  const api = getApi();
  const [all, amountChanged, ...differs] = await Promise.all([
    api.countPairs({ reconciliation }),
    api.countPairs({ reconciliation, amountChanged: true }),
    ...fields.map((field) => api.countPairs({ reconciliation, differs: field })),
  ]);
  return { all: all ?? 0, amountChanged: amountChanged ?? 0, differs: Object.fromEntries(fields.map((f, i) => [f, differs[i] ?? 0])) };
}

export const usePairsStore = create<PairsState>()((set, get) => ({
  reconciliation: null,
  filter: {},
  fields: null,
  counts: null,
  inspection: null,
  inspected: null,
  inspecting: null,
  async openPairs(reconciliation, filter) {
    const same = get().reconciliation === reconciliation;
    set({ reconciliation, filter, inspection: null, inspected: null, ...(same ? {} : { fields: null, counts: null }) });
    try {
      // A one-pair page tells the compare fields.
      const fields = (await getApi().fetchPairs({ reconciliation }, { offset: 0, limit: 1 })).fields;
      const counts = await countEvery(reconciliation, fields);
      if (get().reconciliation === reconciliation) set({ fields, counts });
    } catch (error) {
      reportError(error);
    }
  },
  chooseFilter(filter) {
    set({ filter });
  },
  async inspectRecord(side, recordId) {
    const reconciliation = get().reconciliation;
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
    set({ inspection: null, inspected: null, inspecting: null });
  },
  reset() {
    set({ reconciliation: null, filter: {}, fields: null, counts: null, inspection: null, inspected: null, inspecting: null });
  },
}));
