// The bridge report of spec/report.md, plus the plain-data shapes the engine API returns.

export type Side = 'left' | 'right';

export const BUCKET_KINDS = ['excluded', 'duplicate', 'out_of_period', 'matched', 'timing', 'excluded_on_other_side', 'unmatched'] as const;
export type BucketKind = (typeof BUCKET_KINDS)[number];

/**
 * What a records listing can show: one bucket kind, or a side's totals (gross: every row; net: what the metric counts;
 * net_unmatched: the net records the other side does not count, i.e. every net kind but matched).
 */
export const LISTING_KINDS = [
  ...BUCKET_KINDS,
  'gross',
  'net',
  'net_unmatched',
] as const;
export type ListingKind = (typeof LISTING_KINDS)[number];

/** The bucket kinds that make up a side's net count. */
export const NET_KINDS: readonly BucketKind[] = ['matched', 'timing', 'excluded_on_other_side', 'unmatched'];

/** The net kinds of records only one side counts (its net minus what both count). */
export const NET_UNMATCHED_KINDS: readonly BucketKind[] = NET_KINDS.filter((k) => k !== 'matched');

export interface DroppedRow {
  line: number;
  reason: 'report_footer' | 'title_row' | 'blank_row' | 'unparseable_row';
  text: string;
}

export interface UnreadableColumn {
  column: string;
  count: number;
  ids: string[];
}

export interface SourceReport {
  name: string;
  file: string;
  rows: number;
  dropped: DroppedRow[];
  unreadable: UnreadableColumn[];
}

export interface Bucket {
  side: Side;
  kind: BucketKind;
  reason: string;
  count: number;
  ids: string[];
}

export interface SideSummary {
  metric: string;
  source: string;
  gross: number;
  net: number;
}

export interface ReconciliationReport {
  name: string;
  left: SideSummary;
  right: SideSummary;
  buckets: Bucket[];
}

export interface ReconReport {
  contract: { title: string; version: string };
  period: { from: string; to: string; timezone: string };
  sources: SourceReport[];
  reconciliations: ReconciliationReport[];
}
