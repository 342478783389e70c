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

/** Per listing (a new compile makes new listings): every bucket's run of its side, or null when its rows are not one run. */
const known = new WeakMap<BucketListing, Promise<Map<string, BucketRun | null>>>();

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

const keyOf = (kind: string, reason: string) => JSON.stringify([kind, reason]);

/**
 * buildBridge stores rows bucket by bucket, each in row number order, so a bucket shown in row order is the
 * rowids start..start+count-1. That is checked, not assumed: a bucket whose rowids are not one run gets null.
 * The runs of every bucket of the side are read in one scan, at the side's first page (the bridge screen asks for
 * one as it opens): the click on a bucket then finds its run known.
 */
export async function findBucketRun(db: Database, listing: BucketListing, query: BucketQuery): Promise<BucketRun | null> {
  if (!isPlainBucket(query)) return null;
  let runs = known.get(listing);
  if (!runs) {
    runs = db
      .all<{ kind: string; reason: string; start: string; last: string; n: string }>(
        `SELECT kind, reason, min(rowid) AS start, max(rowid) AS last, count(*) AS n FROM ${quoteIdent(listing.bridge)} WHERE side = $1 GROUP BY kind, reason`,
        [listing.side],
      )
      .then((rows) => {
        const count = (row: (typeof rows)[number]) => Number(row.n);
        return new Map(rows.map((row) => [keyOf(row.kind, row.reason), Number(row.last) - Number(row.start) + 1 === count(row) ? { start: Number(row.start), count: count(row) } : null]));
      });
    known.set(listing, runs);
    // A failed lookup (an interrupted query) is asked again next time.
    runs.catch(() => known.delete(listing));
  }
  const run = (await runs).get(keyOf(query.kind, query.reason));
  // A bucket the side does not have is empty.
  return run === undefined ? { start: 0, count: 0 } : run;
}
