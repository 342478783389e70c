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
  /** A source of several files: the file the line is in (`line` counts in that file). */
  file?: string;
}

/** A source of several files: what each file gave, in the order the rows are numbered. */
export interface SourceFileReport {
  file: string;
  rows: number;
  dropped: number;
}

export interface UnreadableColumn {
  column: string;
  count: number;
  ids: string[];
}

/** How one amount column was read (money.md): its decimal mark, and whether nothing in the column settled it. */
export interface AmountColumn {
  column: string;
  decimal: 'point' | 'comma';
  ambiguous: boolean;
}

export interface SourceReport {
  name: string;
  file: string;
  rows: number;
  dropped: DroppedRow[];
  unreadable: UnreadableColumn[];
  /** The amount columns read, when a metric of the source has a value or compares amounts. */
  amounts?: AmountColumn[];
  /** Only for a source of several files (`file:` a list or a glob), so a one-file report stays as it was. */
  files?: SourceFileReport[];
}

export interface Bucket {
  side: Side;
  kind: BucketKind;
  reason: string;
  count: number;
  /** money.md, when the metrics have a value: the sum of the records' values (reporting currency, cents). */
  value?: number;
  /** Records of the bucket whose own amount is empty. */
  missing_values?: number;
  ids: string[];
}

export interface SideSummary {
  metric: string;
  source: string;
  gross: number;
  net: number;
  gross_value?: number;
  net_value?: number;
}

/** A compared field's two values as the report shows them: amounts converted, dates YYYY-MM-DD, empty as null. */
export type PairValue = number | string | null;

/** A matched pair whose reason is not `matched`, with every compare field that differs (money.md). */
export interface Pair {
  left_id: string;
  right_id: string;
  reason: string;
  differs: Record<string, [PairValue, PairValue]>;
}

/**
 * The value bridge's step between the two matched totals (an extension of money.md): matched pairs whose
 * amounts are not equal, and the sums of the increases and decreases (right minus left), so that
 * right matched value = left matched value + increase - decrease.
 */
export interface ValueDifferences {
  count: number;
  increase: number;
  decrease: number;
}

export interface ReconciliationReport {
  name: string;
  left: SideSummary;
  right: SideSummary;
  buckets: Bucket[];
  /** Present when the entry compares fields: every matched pair whose reason is not `matched`. */
  pairs?: Pair[];
  /** Present when the metrics have a value. */
  value_differences?: ValueDifferences;
}

export interface ReconReport {
  /** reporting.currency, when the contract has one. */
  currency?: string;
  contract: { title: string; version: string };
  period: { from: string; to: string; timezone: string };
  sources: SourceReport[];
  reconciliations: ReconciliationReport[];
}
