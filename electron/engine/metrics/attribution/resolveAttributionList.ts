// The records behind one attribution list (a credit line's opportunities or touches, the sourced bridge, an agreement cell).
import type { MetricListQuery, MetricsReport } from '../../../../shared/metricsReportTypes';
import { quoteLiteral } from '../../openDatabase';
import { UserError } from '../../UserError';
import { buildIdListSql, readIdList } from '../buildIdListSql';
import type { ResolvedList } from '../fetchMetricRecords';
import { findMetric, findSource, type MetricsContext } from '../MetricsContext';
import { attributionTables } from './attributionTables';

type AttributionQuery = Extract<MetricListQuery, { attribution: string }>;

/** The touch records giving a credit line its share, over the period's opportunities. */
async function readLineTouchIds(ctx: MetricsContext, index: number, query: Extract<AttributionQuery, { model: string }>): Promise<string[]> {
  const t = attributionTables(index);
  const campaign = query.campaign === null ? '' : `AND s.campaign = ${quoteLiteral(query.campaign)}`;
  const [row] = await ctx.db.all<{ ids: string }>(`SELECT ${buildIdListSql('t_id')} AS ids FROM (SELECT DISTINCT c.t_row, c.t_id
    FROM ${t.shares} s JOIN ${t.opps} o ON o.row_no = s.opp_row AND o.in_period JOIN ${t.counted} c ON c.opp_row = s.opp_row AND c.t_row = s.t_row
    WHERE s.model = ${quoteLiteral(query.model)} AND s.channel = ${quoteLiteral(query.channel)} ${campaign})`);
  return readIdList(ctx, row?.ids);
}

export async function resolveAttributionList(ctx: MetricsContext, report: MetricsReport, query: AttributionQuery): Promise<ResolvedList> {
  const entries = ctx.contract.revenue?.attribution ?? [];
  const index = entries.findIndex((e) => e.name === query.attribution);
  const entry = entries[index];
  const result = report.attribution.find((a) => a.name === query.attribution);
  if (entry === undefined || result === undefined) {
    throw new UserError(`unknown attribution '${query.attribution}'; the contract has: ${entries.map((e) => e.name).join(', ') || 'no attribution'}`);
  }
  const opportunities = findMetric(ctx, entry.opportunities).source;
  if ('model' in query) {
    const line = result.models[query.model]?.find((l) => l.channel === query.channel && l.campaign === query.campaign);
    if (line === undefined) {
      const lines = (result.models[query.model] ?? []).map((l) => (l.campaign === null ? l.channel : `${l.channel} / ${l.campaign}`)).join(', ');
      throw new UserError(`attribution '${entry.name}' has no ${query.model} line '${query.channel}${query.campaign === null ? '' : ` / ${query.campaign}`}'; its lines: ${lines || 'none'}`);
    }
    if (query.list === 'opportunities') return { source: opportunities, ids: line.ids };
    if (query.model === 'self_reported') throw new UserError(`self_reported credits the opportunity's own field, not touches: open its opportunities instead`);
    return { source: findSource(ctx, ctx.contract.revenue?.touches?.source ?? ''), ids: await readLineTouchIds(ctx, index, query) };
  }
  if ('agreement' in query) {
    const cell = result.agreement?.[query.agreement]?.find((c) => c.reported === query.reported && c.touched === query.touched);
    return { source: opportunities, ids: cell?.ids ?? [] };
  }
  const lists = { no_touch: result.no_touch, influenced: result.influenced, ...result.sourced };
  return { source: opportunities, ids: lists[query.list].ids };
}
