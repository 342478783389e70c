// The workbench's comparisons: a DuckDB database of their own (the session's tables stay untouched), holding the last one for its drill-downs.
import type { PageRequest, RowPage } from '../../../shared/api';
import type { ContractComparison, MovedQuery } from '../../../shared/reviewTypes';
import { dropDerivedTables } from '../dropDerivedTables';
import { openDatabase, type Database } from '../openDatabase';
import { UserError } from '../UserError';
import { compareContracts, type CompareOptions, type ComparedText, type ComparisonRun } from './compareContracts';
import { fetchMovedRows } from './fetchMovedRows';

export interface Comparer {
  compare(a: ComparedText, b: ComparedText, work: Pick<CompareOptions, 'onProgress' | 'signal'>): Promise<ContractComparison>;
  fetchMovedRows(query: MovedQuery, page: PageRequest): Promise<RowPage>;
  /** Forgets the last comparison and frees its database (another investigation was opened). */
  close(): void;
}

export function createComparer(): Comparer {
  let db: Database | null = null;
  let last: ComparisonRun | null = null;
  return {
    async compare(a, b, work) {
      db ??= await openDatabase(':memory:');
      const open = db;
      const interrupt = () => open.interrupt();
      work.signal?.addEventListener('abort', interrupt);
      try {
        // The exports an earlier comparison read are reused when read the same way; the others are dropped once this one is made.
        const run = await compareContracts(open, a, b, { withIds: false, reusable: last?.sources, ...work });
        // Its drill-downs read the moved rows and the sources alone: the metric steps and bridges of both compiles go.
        await dropDerivedTables(open, { sources: run.sources });
        last = run;
        return run.comparison;
      } catch (error) {
        // Its moved tables may have been half replaced: the last comparison's drill-downs are gone with it.
        if (last) last = { ...last, moved: new Map() };
        if (work.signal?.aborted) throw new UserError('cancelled', 'cancelled');
        throw error;
      } finally {
        work.signal?.removeEventListener('abort', interrupt);
      }
    },
    async fetchMovedRows(query, page) {
      if (!db || !last) throw new UserError('no comparison has been made yet: compare two contracts first', 'no_comparison');
      const moved = last.moved.get(query.reconciliation);
      if (!moved) {
        const paired = [...last.moved.keys()];
        throw new UserError(`reconciliation '${query.reconciliation}' is not in both contracts of the last comparison${paired.length ? `; it compared: ${paired.join(', ')}` : ''}`);
      }
      return fetchMovedRows(db, moved, query, page);
    },
    close() {
      db?.close();
      db = null;
      last = null;
    },
  };
}
