// Plain-language labels and accessible names of bridge buckets, one wording for chart, table, grid and changes.
import type { BucketKind, ListingKind, SideSummary, Side } from '../../shared/reportTypes';

const REASON_LABELS: Record<string, string> = {
  outside_period: 'Outside the period',
  missing_date: 'Missing date',
  no_counterpart: 'No counterpart',
  missing_key: 'Missing identity key',
};

const KIND_LABELS: Record<BucketKind, string> = {
  excluded: 'Excluded',
  duplicate: 'Duplicates',
  out_of_period: 'Out of period',
  matched: 'Matched',
  timing: 'Timing',
  excluded_on_other_side: 'Excluded on the other side',
  unmatched: 'Unmatched',
};

/** "Excluded: internal", "Timing", "Out of period: Missing date". */
export function labelBucket(kind: BucketKind, reason: string): string {
  const base = KIND_LABELS[kind];
  if (reason === '' || reason === kind || reason === 'duplicate' || reason === 'matched') return base;
  return `${base}: ${REASON_LABELS[reason] ?? reason}`;
}

export function labelKind(kind: BucketKind): string {
  return KIND_LABELS[kind];
}

export function labelReason(reason: string): string {
  return REASON_LABELS[reason] ?? reason;
}

/** The chart bar's accessible name: "left timing: 193", "left excluded internal: 118". */
export function nameBucket(side: Side, kind: BucketKind, reason: string, count: number): string {
  const reasonPart = reason === '' || reason === kind ? '' : ` ${reason}`;
  return `${side} ${kind}${reasonPart}: ${count}`;
}

/** A listing's label: a bucket's, or a side's totals ("Gross: every hubspot row", "Net: what MQL counts", "Only MQL counts"). */
export function labelListing(kind: ListingKind, reason: string, own: SideSummary): string {
  if (kind === 'gross') return `Gross: every ${own.source} row`;
  if (kind === 'net') return `Net: what ${own.metric} counts`;
  if (kind === 'net_unmatched') return `Only ${own.metric} counts`;
  return labelBucket(kind, reason);
}
