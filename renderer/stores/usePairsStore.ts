// The matched pairs on screen (the pairs grid): which reconciliation, which filter, the counts of each filter, the pair under inspection.
import { create } from 'zustand';
import type { PairQuery } from '../../shared/api';
import { getApi } from '../api/getApi';
import { createInspectorSlice, NO_INSPECTION, type InspectorState } from './createInspectorSlice';
import { reportError } from './useErrorStore';

/** All pairs (neither key), one compare field that differs, or the pairs whose amounts are not equal. */
export type PairFilter = Pick<PairQuery, 'differs' | 'amountChanged'>;

export interface PairCounts {
  all: number;
  amountChanged: number;
  /** Compare field -> pairs where it differs. */
  differs: Record<string, number>;
}

interface PairsState extends InspectorState {
  reconciliation: string | null;
  filter: PairFilter;
  /** The compare fields in contract order, learned from the engine; null while loading. */
  fields: string[] | null;
  counts: PairCounts | null;
  /** Shows the pairs of a reconciliation with a filter, and counts every filter anew (the bridge may have changed). */
  openPairs(reconciliation: string, filter: PairFilter): Promise<void>;
  chooseFilter(filter: PairFilter): void;
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
  ...createInspectorSlice(set, get, () => get().reconciliation),
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
  reset() {
    set({ reconciliation: null, filter: {}, fields: null, counts: null, ...NO_INSPECTION });
  },
}));
