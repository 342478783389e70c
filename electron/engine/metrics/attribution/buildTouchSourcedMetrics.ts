// The shared metrics that depend on attribution (revenue.md, "Shared metrics"): marketing-sourced revenue by touches and CAC per channel.
import type { SharedMetricReport } from '../../../../shared/metricsReportTypes';
import type { SharedMetricsSpec } from '../../../../shared/revenueContractTypes';
import { canonicalColumn } from '../../buildSourceTable';
import type { CompiledMetric } from '../../compiledInvestigation';
import { amountColumns } from '../../money/buildAmountColumns';
import { quoteIdent, quoteLiteral } from '../../openDatabase';
import { readIdList } from '../buildIdListSql';
import { divideCents } from '../divideCents';
import { findMetric, findSource, requireField, type MetricsContext } from '../MetricsContext';
import { readNetRecords } from '../readNetRecords';
import { attributionTables } from './attributionTables';
import { buildTouchSourcedRowsSql } from './buildSourcedLines';
import { findSourcingModel } from './createModelShares';
import { findSourcedEntry } from './findSourcedEntry';

/**
 * The won deals' rows that are touch-sourced, with their largest-share channel: a won record is a deal of the
 * entry's opportunities when it is the same row of the same source (net or out of period there); undefined when
 * the contract has no `sourced` to read.
 */
function findTouchSourced(ctx: MetricsContext, spec: SharedMetricsSpec, won: CompiledMetric): { sql: string; describe: string; basis: string } | undefined {
  const found = findSourcedEntry(ctx, spec);
  const model = found === undefined ? undefined : findSourcingModel(found.entry);
  if (found === undefined || model === undefined) return undefined;
  const sameSource = findMetric(ctx, found.entry.opportunities).source.spec.name === won.source.spec.name;
  return {
    sql: sameSource ? buildTouchSourcedRowsSql(attributionTables(found.index), model) : 'SELECT NULL AS row_no, NULL AS channel WHERE false',
    describe: `sourced.touches of '${found.entry.name}': the ${model} model's largest share on a marketing channel, lookback ${found.entry.lookback.text}`,
    basis: `${model} share of '${found.entry.name}' (lookback ${found.entry.lookback.text})`,
  };
}

export async function buildTouchSourcedRevenue(ctx: MetricsContext, spec: SharedMetricsSpec, won: CompiledMetric): Promise<SharedMetricReport[]> {
  const sourced = findTouchSourced(ctx, spec, won);
  if (sourced === undefined) return [];
  const net = await readNetRecords(ctx, won, `SELECT row_no FROM (${sourced.sql})`);
  return [
    {
      name: 'marketing_sourced_revenue',
      by: 'touches',
      value: won.spec.value === undefined ? Number(net.n) : Number(net.value),
      basis: 'interpretation',
      depends_on: sourced.describe,
      ids: readIdList(ctx, net.ids),
    },
  ];
}

/** cac by channel: each channel's spend in the period / the period's won records touch-sourced with their largest share on it. */
export async function buildTouchCac(ctx: MetricsContext, spec: SharedMetricsSpec, won: CompiledMetric): Promise<SharedMetricReport[]> {
  const spend = spec.spend;
  const sourced = findTouchSourced(ctx, spec, won);
  if (spend?.channel === undefined || sourced === undefined) return [];
  const source = findSource(ctx, spend.source);
  requireField(ctx, source, spend.channel, 'shared_metrics.spend.channel');
  const { from, to } = ctx.contract.reporting;
  const channel = `NULLIF(trim(CAST(${quoteIdent(canonicalColumn(spend.channel))} AS VARCHAR)), '')`;
  const rows = await ctx.db.all<{ channel: string; spend: string }>(`SELECT ${channel} AS channel, CAST(sum(coalesce(${quoteIdent(amountColumns(spend.value).cents)}, 0)) AS VARCHAR) AS spend
    FROM ${quoteIdent(source.table)} WHERE CAST(${quoteIdent(canonicalColumn(spend.date))} AS DATE) BETWEEN CAST(${quoteLiteral(from)} AS DATE) AND CAST(${quoteLiteral(to)} AS DATE)
      AND ${channel} IS NOT NULL GROUP BY ALL ORDER BY channel`);
  const result: SharedMetricReport[] = [];
  for (const row of rows) {
    const net = await readNetRecords(ctx, won, `SELECT row_no FROM (${sourced.sql}) WHERE channel = ${quoteLiteral(row.channel)}`);
    result.push({
      name: 'cac',
      by: row.channel,
      value: divideCents(row.spend, Number(net.n)),
      basis: 'interpretation',
      depends_on: `spend of ${spend.source} on ${row.channel} dated in the period / ${spec.periodMetric} records touch-sourced with their largest ${sourced.basis} on ${row.channel}`,
      ids: readIdList(ctx, net.ids),
    });
  }
  return result;
}
