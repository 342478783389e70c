// What compiling a contract produced: the DuckDB tables behind each source, metric and reconcile entry.
import type { MetricSpec, ReconcileSpec, SourceSpec } from '../../shared/contractTypes';
import type { SourceReport } from '../../shared/reportTypes';
import type { BucketListing } from './buildBucketListing';
import type { SourceFile } from './contract/resolveSourceFiles';
import type { AmountBasis } from './fingerprintSource';

export interface CompiledSource {
  spec: SourceSpec;
  table: string;
  /** Everything the source table depends on (spec, zones, file size and time): equal means reusable. */
  fingerprint: string;
  /** Absolute path of the export (the first, for a source of several files) and the fields read as timestamps: what the fingerprint is taken of. */
  file: string;
  /**
   * A source of several files (`file:` a list or a glob): each file, in row order, and the contract's folder the globs
   * are matched in again to tell whether a file was added. The table then has __file_no and __line (importSourceFiles).
   */
  files?: SourceFile[];
  filesDir?: string;
  dateFields: string[];
  /** Date fields where `YYYY-MM` reads as the first day of that month (the spend sheet's date, revenue.md). */
  monthFields?: string[];
  /** Date fields whose instants the table keeps too (instantColumn), for revenue.md's clocks; none in sessions made before. */
  instantFields?: string[];
  /** The fields read as amounts (money.md), each with its typed columns (money/buildAmountColumns), and their currency and rates. */
  amounts: AmountBasis;
  /** The file's own columns, in file order. */
  fileColumns: string[];
  /** Canonical field -> the file's column. */
  fields: Record<string, string>;
  report: SourceReport;
}

export interface CompiledMetric {
  spec: MetricSpec;
  table: string;
  source: CompiledSource;
}

export interface CompiledReconcile {
  spec: ReconcileSpec;
  table: string;
  left: CompiledMetric;
  right: CompiledMetric;
  listings: { left: BucketListing; right: BucketListing };
  /** The table of matched pairs, with each compare field's two values (buildPairs). */
  pairs: string;
}

/** Plain data, so a session can store it beside its tables and reopen without recompiling. */
export interface CompiledModel {
  reportingZone: string;
  sources: CompiledSource[];
  /** Every metric of the contract, in contract order, bridged or not (funnels and shared metrics read them). */
  metrics: CompiledMetric[];
  reconciles: CompiledReconcile[];
}
