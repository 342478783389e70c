// review.md's `lines`: every bucket non-empty under A or under B, with its count (and value) under each contract.
import { BUCKET_KINDS, type Bucket } from '../../../shared/reportTypes';
import type { ComparedCount, ComparedLine } from '../../../shared/reviewTypes';

/** One contract's buckets of a reconciliation (report order) and whether its metrics have a value; null when it has no such reconciliation. */
export interface ComparedBuckets {
  buckets: Bucket[];
  valued: boolean;
}

const keyOf = (b: Pick<Bucket, 'side' | 'kind' | 'reason'>) => `${b.side}\t${b.kind}\t${b.reason}`;

function countOf(buckets: ComparedBuckets | null, bucket: Bucket | undefined): ComparedCount {
  return buckets?.valued ? { count: bucket?.count ?? 0, value: bucket?.value ?? 0 } : { count: bucket?.count ?? 0 };
}

/**
 * Lines in report order: side, then kind; within a kind A's order, and the buckets only B has after A's in B's order
 * (a reason of a new rule, or one A never met).
 */
export function mergeComparedLines(a: ComparedBuckets | null, b: ComparedBuckets | null): ComparedLine[] {
  const aBuckets = (a?.buckets ?? []).filter((x) => x.count > 0);
  const bBuckets = (b?.buckets ?? []).filter((x) => x.count > 0);
  const aIndex = new Map(aBuckets.map((x, i) => [keyOf(x), i]));
  const bIndex = new Map(bBuckets.map((x, i) => [keyOf(x), i]));
  const keys = [...new Set([...aIndex.keys(), ...bIndex.keys()])];
  const first = (key: string) => aBuckets[aIndex.get(key) ?? -1] ?? (bBuckets[bIndex.get(key) ?? -1] as Bucket);
  const rank = (key: string) => {
    const bucket = first(key);
    return [bucket.side === 'left' ? 0 : 1, BUCKET_KINDS.indexOf(bucket.kind), aIndex.get(key) ?? Number.MAX_SAFE_INTEGER, bIndex.get(key) ?? 0];
  };
  keys.sort((x, y) => {
    const rx = rank(x);
    const ry = rank(y);
    return rx.map((v, i) => v - (ry[i] ?? 0)).find((d) => d !== 0) ?? 0;
  });
  return keys.map((key) => {
    const bucket = first(key);
    return {
      side: bucket.side,
      kind: bucket.kind,
      reason: bucket.reason,
      a: countOf(a, aBuckets[aIndex.get(key) ?? -1]),
      b: countOf(b, bBuckets[bIndex.get(key) ?? -1]),
    };
  });
}
