// Where a bucket's rows lie in its bridge table: one run of rowids, so a page anywhere in the bucket is read by range.
import type { BucketQuery } from '../../shared/api';
import { BUCKET_KINDS } from '../../shared/reportTypes';
import type { BucketListing } from './buildBucketListing';
import type { Database } from './openDatabase';
import { quoteIdent } from './openDatabase';

export interface BucketRun {
  /** rowid of the bucket's first row (its lowest row number). */
  start: number;
  count: number;
}

/** Per listing (a new compile makes new listings), per bucket: its run, or null when its rows are not one run. */
const known = new WeakMap<BucketListing, Map<string, Promise<BucketRun | null>>>();

/** Totals (gross, net, net_unmatched) mix kinds, and sorts, filters and unreadable values pick rows: those go by query. */
function isPlainBucket(query: BucketQuery): query is BucketQuery & { reason: string } {
  const kinds: readonly string[] = BUCKET_KINDS;
  return (
    query.reason !== undefined &&
    kinds.includes(query.kind) &&
    query.unreadableColumn === undefined &&
    (query.sort ?? []).length === 0 &&
    (query.filter ?? []).length === 0
  );
}

/**
 * buildBridge stores rows ordered by side, kind, reason and row number, so a bucket shown in row order is the
 * rowids start..start+count-1. That is checked, not assumed: a bucket whose rowids are not one run gets null.
 */
export function findBucketRun(db: Database, listing: BucketListing, query: BucketQuery): Promise<BucketRun | null> {
  if (!isPlainBucket(query)) return Promise.resolve(null);
  let runs = known.get(listing);
  if (!runs) known.set(listing, (runs = new Map()));
  const key = JSON.stringify([query.kind, query.reason]);
  let run = runs.get(key);
  if (!run) {
    run = db
      .all<{ start: string | null; last: string | null; n: string }>(
        `SELECT min(rowid) AS start, max(rowid) AS last, count(*) AS n FROM ${quoteIdent(listing.bridge)} WHERE side = $1 AND kind = $2 AND reason = $3`,
        [listing.side, query.kind, query.reason],
      )
      .then(([row]) => {
        const count = Number(row?.n ?? 0);
        if (count === 0 || row?.start === undefined || row.start === null || row.last === null) return { start: 0, count: 0 };
        return Number(row.last) - Number(row.start) + 1 === count ? { start: Number(row.start), count } : null;
      });
    runs.set(key, run);
    // A failed lookup (an interrupted query) is asked again next time.
    run.catch(() => runs.delete(key));
  }
  return run;
}
