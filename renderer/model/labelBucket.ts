// Plain-language labels and accessible names of bridge buckets, one wording for chart, table, grid and changes.
import { labelListing } from '../../shared/labelListing';
import type { BucketKind, Side } from '../../shared/reportTypes';

export { labelKind, labelReason } from '../../shared/labelStep';

/** "Excluded: internal", "Timing", "Out of period: Missing date". */
export function labelBucket(kind: BucketKind, reason: string): string {
  // Names are unused for a bucket kind: only the gross and net listings name their metric or source.
  return labelListing({ kind, reason }, { metric: '', source: '' });
}

/** The chart bar's accessible name: "left timing: 193", "left excluded internal: 118". */
export function nameBucket(side: Side, kind: BucketKind, reason: string, count: number): string {
  const reasonPart = reason === '' || reason === kind ? '' : ` ${reason}`;
  return `${side} ${kind}${reasonPart}: ${count}`;
}
