// The comparison screen: the kept revisions, which two contracts are compared, their comparison, the move whose records are listed, the record inspected.
import { create } from 'zustand';
import type { ComparisonView, ContractRef, MovedQuery, RevisionSummary } from '../../shared/reviewTypes';
import { getApi } from '../api/getApi';
import { createInspectorSlice, NO_INSPECTION, type InspectorState } from './createInspectorSlice';
import { reportError } from './useErrorStore';

/** One move's records on screen: which move, how many, and the listing's columns (learned from a first page). */
export interface OpenMove {
  query: MovedQuery;
  count: number;
  columns: string[] | null;
}

interface CompareState extends InspectorState {
  /** Every kept revision, oldest first; null until loaded. */
  revisions: RevisionSummary[] | null;
  a: ContractRef | null;
  b: ContractRef | null;
  /** True once the reviewer chose A or B: until then each visit proposes the last apply again. */
  chosen: boolean;
  comparison: ComparisonView | null;
  /** The two refs the comparison shown was made of (the pickers may have moved on since). */
  compared: { a: ContractRef; b: ContractRef } | null;
  comparing: boolean;
  move: OpenMove | null;
  loadRevisions(): Promise<void>;
  chooseA(ref: ContractRef | null): void;
  chooseB(ref: ContractRef | null): void;
  compare(): Promise<void>;
  openMove(query: MovedQuery, count: number): Promise<void>;
  closeMove(): void;
  reset(): void;
}

/**
 * The comparison a reviewer most often wants first: the last two revisions (what the last apply changed);
 * with one revision only, that revision against another file has to be chosen, so B stays open.
 */
function proposeRefs(revisions: RevisionSummary[]): { a: ContractRef | null; b: ContractRef | null } {
  const last = revisions.at(-1);
  const before = revisions.at(-2);
  if (last && before) return { a: { revision: before.number }, b: { revision: last.number } };
  return { a: last ? { revision: last.number } : { open: true }, b: null };
}

const EMPTY = { comparison: null, compared: null, comparing: false, move: null, ...NO_INSPECTION } as const;

export const useCompareStore = create<CompareState>()((set, get) => ({
  revisions: null,
  a: null,
  b: null,
  chosen: false,
  ...EMPTY,
  ...createInspectorSlice(set, get, () => get().move?.query.reconciliation ?? null),
  async loadRevisions() {
    try {
      const revisions = await getApi().listRevisions();
      // A choice the reviewer made is kept; otherwise the last apply is proposed, the one made since the last visit too.
      set(get().chosen ? { revisions } : { revisions, ...proposeRefs(revisions) });
    } catch (error) {
      reportError(error);
    }
  },
  chooseA(a) {
    set({ a, chosen: true });
  },
  chooseB(b) {
    set({ b, chosen: true });
  },
  async compare() {
    const { a, b } = get();
    if (!a || !b) return;
    set({ comparing: true, move: null, ...NO_INSPECTION });
    try {
      const comparison = await getApi().compareContracts(a, b);
      set({ comparison, compared: { a, b } });
    } catch (error) {
      reportError(error);
    } finally {
      set({ comparing: false });
    }
  },
  async openMove(query, count) {
    const move: OpenMove = { query, count, columns: null };
    set({ move, ...NO_INSPECTION });
    try {
      // A one-row page tells the listing's columns before the grid mounts.
      const page = await getApi().fetchMovedRows(query, { offset: 0, limit: 1 });
      if (get().move === move) set({ move: { ...move, columns: page.columns } });
    } catch (error) {
      reportError(error);
    }
  },
  closeMove() {
    set({ move: null, ...NO_INSPECTION });
  },
  reset() {
    set({ revisions: null, a: null, b: null, chosen: false, ...EMPTY });
  },
}));
