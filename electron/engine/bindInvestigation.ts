// The query side of an open investigation: report, bucket pages, inspector, over a compiled model.
import type { BucketQuery, InvestigationApi, PageRequest, PairQuery, ReportOptions, RowPage } from '../../shared/api';
import { countPairs, fetchPairRows, fetchPairs } from './queryPairs';
import type { Contract } from '../../shared/contractTypes';
import type { MetricListQuery, MetricsReport } from '../../shared/metricsReportTypes';
import type { ReconReport, Side } from '../../shared/reportTypes';
import type { BucketListing } from './buildBucketListing';
import type { CompiledModel, CompiledReconcile } from './compiledInvestigation';
import { inspectIdentityKey, inspectRecord } from './inspectIdentityKey';
import type { Database } from './openDatabase';
import { countBucketRows, fetchBucketRows } from './queryBucketRows';
import { fetchMetricRecords, resolveList } from './metrics/fetchMetricRecords';
import { readMetricsReport } from './metrics/readMetricsReport';
import { summarizeMetricsReport } from './metrics/summarizeMetricsReport';
import { traceDealTouches } from './metrics/attribution/traceDealTouches';
import { tracePersonPath } from './metrics/tracePersonPath';
import { tracePersonTimeline } from './metrics/tracePersonTimeline';
import { readReport } from './readReport';
import { locateRecords, type RecordBucket } from './review/locateRecords';
import { writeReportJson } from './writeReportJson';
import { writeMetricsReportJson } from './metrics/writeMetricsReportJson';
import { exportAuditPack, type AuditPackFile, type AuditPackOptions } from './review/audit/exportAuditPack';
import { UserError } from './UserError';

export interface Investigation extends InvestigationApi {
  readonly contract: Contract;
  readonly model: CompiledModel;
  /** The listing a query reads (validated: known reconciliation and side). */
  listingOf(query: BucketQuery): BucketListing;
  /** Matched pairs with both records' columns (the CLI's drill into matched records). */
  fetchPairRows(reconciliation: string, reason: string | undefined, page: PageRequest): Promise<RowPage>;
  /** Funnels, attribution, shared metrics and SLAs (revenue.md), computed at the first call only: the bridge never waits for them. */
  getMetricsReport(options?: ReportOptions): Promise<MetricsReport>;
  /** The records of one list of the metrics report (recon drill --funnel, --sla, --shared). */
  fetchMetricRecords(query: MetricListQuery, page: PageRequest): Promise<RowPage>;
  /** Record id -> the bucket it is in now, for ids of one side of a reconciliation (record decisions); unknown ids are left out. */
  locateRecords(reconciliation: string, side: Side, ids: readonly string[]): Promise<Map<string, RecordBucket>>;
  /** How many records one list of the metrics report holds (a decision on the list records it). */
  countMetricList(query: MetricListQuery): Promise<number>;
  /** The complete report's JSON text, as JSON.stringify(getReport(), null, 2) gives it, written piece by piece (the CLI's --json). */
  writeReportJson(write: (text: string) => Promise<void>): Promise<void>;
  /** `recon metrics --json`: the report as JSON, its id lists never parsed (writeMetricsReportJson). */
  writeMetricsReportJson(write: (text: string) => Promise<void>): Promise<void>;
  /** The audit pack of review.md (the workbook, then the PDF) of the contract file at `contractLabel`. */
  exportAuditPack(options?: AuditPackOptions): Promise<AuditPackFile[]>;
}

/**
 * `counts`: the report without id lists, when already read (a session keeps it with its model). `metricsDb`: the
 * connection the metrics report and its lists are computed on (a session's second one; the CLI has one for all).
 */
export function bindInvestigation(db: Database, contract: Contract, model: CompiledModel, contractLabel = contract.title, counts?: ReconReport, metricsDb = db): Investigation {
  // Two readings kept: the complete report, and the counts alone (no id lists) that screens draw from.
  const reports = new Map<boolean, Promise<ReconReport>>(counts ? [[false, Promise.resolve(counts)]] : []);
  let metricsReport: Promise<MetricsReport> | undefined;
  let metricsSummary: Promise<MetricsReport> | undefined;
  const metrics = { db: metricsDb, contract, model, contractLabel };
  const getFullMetricsReport = () => {
    metricsReport ??= readMetricsReport(metrics);
    // A failure is not kept: the next call tries again and says why again.
    metricsReport.catch(() => (metricsReport = metricsSummary = undefined));
    return metricsReport;
  };
  const getMetricsReport = (options?: ReportOptions) => {
    if (options?.ids !== false) return getFullMetricsReport();
    metricsSummary ??= getFullMetricsReport().then(summarizeMetricsReport);
    return metricsSummary;
  };
  const find = (name: string): CompiledReconcile => {
    const found = model.reconciles.find((r) => r.spec.name === name);
    if (!found) throw new UserError(`unknown reconciliation '${name}'; the contract has: ${model.reconciles.map((r) => r.spec.name).join(', ')}`);
    return found;
  };
  const listingOf = (query: BucketQuery) => {
    if (query.side !== 'left' && query.side !== 'right') throw new UserError(`side must be 'left' or 'right', not '${String(query.side)}'`);
    return find(query.reconciliation).listings[query.side];
  };
  const getReport = (options?: ReportOptions) => {
    const withIds = options?.ids !== false;
    const cached = reports.get(withIds) ?? readReport(db, contract, model.sources.map((s) => s.report), model.reconciles, withIds);
    reports.set(withIds, cached);
    return cached;
  };
  return {
    contract,
    model,
    listingOf,
    getReport,
    getMetricsReport,
    fetchMetricRecords: async (query: MetricListQuery, page: PageRequest) => fetchMetricRecords(metrics, await getFullMetricsReport(), query, page),
    tracePersonTimeline: async (funnel: string, recordId: string) => tracePersonTimeline(metrics, funnel, recordId),
    tracePersonPath: async (metric: string, recordId: string) => tracePersonPath(metrics, await getFullMetricsReport(), metric, recordId),
    // The deal's touches are read from the tables the report's attribution leaves behind.
    traceDealTouches: async (attribution: string, recordId: string) => {
      await getFullMetricsReport();
      return traceDealTouches(metrics, attribution, recordId);
    },
    locateRecords: async (reconciliation: string, side: Side, ids: readonly string[]) => locateRecords(db, find(reconciliation), side, ids),
    countMetricList: async (query: MetricListQuery) => (await resolveList(metrics, await getFullMetricsReport(), query)).ids.length,
    // The headers were read when each export was imported: no file is opened again.
    listSourceColumns: async () => Object.fromEntries(model.sources.map((source) => [source.spec.name, [...source.fileColumns]])),
    countRows: async (query: BucketQuery) => countBucketRows(db, listingOf(query), query),
    fetchRows: async (query: BucketQuery, page: PageRequest) => fetchBucketRows(db, listingOf(query), query, page),
    inspectKey: async (reconciliation: string, key: string) => inspectIdentityKey(db, find(reconciliation), key),
    inspectRecord: async (reconciliation: string, side: Side, recordId: string) => inspectRecord(db, find(reconciliation), side, recordId),
    fetchPairRows: async (reconciliation: string, reason: string | undefined, page: PageRequest) => fetchPairRows(db, find(reconciliation), reason, page),
    writeReportJson: async (write: (text: string) => Promise<void>) =>
      writeReportJson(db, contract, model.sources.map((s) => s.report), model.reconciles, write),
    writeMetricsReportJson: async (write: (text: string) => Promise<void>) => writeMetricsReportJson(metrics, write),
    exportAuditPack: async (options?: AuditPackOptions) => exportAuditPack({ db, contract, model, contractPath: contractLabel, getReport }, options),
    countPairs: async (query: PairQuery) => countPairs(db, find(query.reconciliation), query),
    fetchPairs: async (query: PairQuery, page: PageRequest) => fetchPairs(db, find(query.reconciliation), query, page),
  };
}
