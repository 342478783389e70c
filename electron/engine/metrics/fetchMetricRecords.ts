// Pages the records behind one list of the metrics report (recon drill --funnel / --sla / --shared), from the source they belong to.
import type { PageRequest, RowPage } from '../../../shared/api';
import type { MetricListQuery, MetricsReport } from '../../../shared/metricsReportTypes';
import { idOrderSql } from '../buildSourceTable';
import type { CompiledSource } from '../compiledInvestigation';
import { quoteIdent } from '../openDatabase';
import { UserError } from '../UserError';
import { resolveAttributionList } from './attribution/resolveAttributionList';
import { findMetric, type MetricsContext } from './MetricsContext';

export interface ResolvedList {
  source: CompiledSource;
  ids: string[];
}

function pick<T extends { name: string }>(items: readonly T[], name: string, what: string): T {
  const found = items.find((item) => item.name === name);
  if (!found) throw new UserError(`unknown ${what} '${name}'; the contract has: ${items.map((item) => item.name).join(', ') || `no ${what}`}`);
  return found;
}

/** The ids of the list and the source whose records they are: cohort ids are the cohort metric's, stage records the stage metric's. */
export async function resolveList(ctx: MetricsContext, report: MetricsReport, query: MetricListQuery): Promise<ResolvedList> {
  const revenue = ctx.contract.revenue;
  if ('funnel' in query) {
    const funnel = pick(report.funnels, query.funnel, 'funnel');
    const cohort = findMetric(ctx, funnel.cohort.metric).source;
    if (query.list === 'cohort') return { source: cohort, ids: funnel.cohort.ids };
    const stage = funnel.stages[(query.stage ?? 0) - 1];
    if (!stage) throw new UserError(`funnel '${funnel.name}' has stages 1 to ${funnel.stages.length}; --stage ${query.stage ?? '(none)'} is none of them`);
    const own = findMetric(ctx, stage.metric).source;
    const lists = { reached: [cohort, stage.reached_ids], ids: [own, stage.ids], dropped: [cohort, stage.dropped], skipped: [cohort, stage.skipped], outside_cohort: [own, stage.outside_cohort] } as const;
    const [source, ids] = lists[query.list];
    return { source, ids };
  }
  if ('sla' in query) {
    const sla = pick(report.sla, query.sla, 'SLA');
    const spec = pick(revenue?.sharedMetrics?.sla ?? [], query.sla, 'SLA');
    return { source: findMetric(ctx, spec.from).source, ids: sla[query.list].ids };
  }
  if (!('shared' in query)) return resolveAttributionList(ctx, report, query);
  const entries = report.shared_metrics.filter((m) => m.name === query.shared);
  const entry = entries.find((m) => m.by === query.by);
  if (!entry) {
    const groups = entries.map((m) => (m.by === null ? '(all, no --by)' : m.by)).join(', ');
    throw new UserError(`no shared metric '${query.shared}'${query.by === null ? '' : ` by '${query.by}'`}; ${groups ? `it is reported by: ${groups}` : 'the report has none'}`);
  }
  const shared = revenue?.sharedMetrics;
  const metric =
    query.shared === 'lead_to_revenue'
      ? pick(report.funnels, entry.by ?? '', 'funnel').cohort.metric
      : query.shared === 'pipeline_velocity'
        ? (shared?.opportunities ?? '')
        : (shared?.periodMetric ?? '');
  return { source: findMetric(ctx, metric).source, ids: entry.ids };
}

/** record_id, then the export's own columns, in the list's order. */
export async function fetchMetricRecords(ctx: MetricsContext, report: MetricsReport, query: MetricListQuery, page: PageRequest): Promise<RowPage> {
  const { source, ids } = await resolveList(ctx, report, query);
  const columns = source.fileColumns.map((c) => `CAST(${quoteIdent(c)} AS VARCHAR) AS ${quoteIdent(c)}`);
  const rows = await ctx.db.all<Record<string, string | null>>(
    `SELECT __id AS __record_id, ${columns.join(', ')} FROM ${quoteIdent(source.table)}
     WHERE __id IN (SELECT unnest(CAST(CAST($1 AS JSON) AS VARCHAR[]))) ORDER BY ${idOrderSql('__id')} LIMIT $2 OFFSET $3`,
    [JSON.stringify(ids), page.limit, page.offset],
  );
  const names = ['record_id', ...source.fileColumns];
  return { columns: names, rows: rows.map((row) => Object.values(row).map((v) => (v === null ? null : String(v)))) };
}
