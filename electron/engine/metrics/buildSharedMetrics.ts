// The shared metrics of revenue.md: sourced revenue (CRM rule, touches), lead-to-revenue, win rate, velocity, CAC (overall, per channel).
import type { FunnelReport, SharedMetricReport } from '../../../shared/metricsReportTypes';
import type { AttributionSpec, SharedMetricsSpec } from '../../../shared/revenueContractTypes';
import { canonicalColumn } from '../buildSourceTable';
import type { CompiledMetric } from '../compiledInvestigation';
import { amountColumns } from '../money/buildAmountColumns';
import { quoteIdent, quoteLiteral } from '../openDatabase';
import { findSourcedEntry } from './attribution/findSourcedEntry';
import { buildTouchCac, buildTouchSourcedRevenue } from './attribution/buildTouchSourcedMetrics';
import { readIdList } from './buildIdListSql';
import { buildWinRates } from './buildWinRates';
import { buildSourceRuleContextSql } from './checkRevenueRule';
import { divideCents, roundToCents } from './divideCents';
import { findMetric, findSource, requireField, type MetricsContext } from './MetricsContext';
import { readNetRecords, type NetRow } from './readNetRecords';

export async function buildSharedMetrics(ctx: MetricsContext, funnels: FunnelReport[]): Promise<SharedMetricReport[]> {
  const spec = ctx.contract.revenue?.sharedMetrics;
  if (!spec) return [];
  const won = findMetric(ctx, spec.periodMetric);
  const wonNet = await readNetRecords(ctx, won);
  const winRates = await buildWinRates(ctx, spec);
  return [
    ...(await buildCrmSourcedRevenue(ctx, spec, won)),
    ...(await buildTouchSourcedRevenue(ctx, spec, won)),
    ...funnels.map(buildLeadToRevenue),
    ...winRates,
    ...(await buildPipelineVelocity(ctx, spec, won, wonNet, winRates.find((r) => r.by === null)?.value ?? null)),
    ...(await buildCac(ctx, spec, wonNet)),
    ...(await buildTouchCac(ctx, spec, won)),
  ];
}

/** The attribution entry whose `sourced` decides, and its CRM rule. */
function findCrmRule(ctx: MetricsContext, spec: SharedMetricsSpec): { entry: AttributionSpec; expression: string } | undefined {
  const entry = findSourcedEntry(ctx, spec)?.entry;
  const expression = entry?.sourced?.crm;
  return entry && expression !== undefined ? { entry, expression } : undefined;
}

/**
 * marketing_sourced_revenue by `crm`: the period's won records whose deal is sourced by the rule. The deal is the
 * same row of the attribution entry's opportunities metric, taken without its period step (net or out of period):
 * an excluded or duplicate opportunity, or a won record of another source, has no sourced status (revenue.md,
 * "Sourced / influenced"). A won metric without a value counts records instead, as attribution credits count opportunities.
 */
async function buildCrmSourcedRevenue(ctx: MetricsContext, spec: SharedMetricsSpec, won: CompiledMetric): Promise<SharedMetricReport[]> {
  const crm = findCrmRule(ctx, spec);
  if (!crm) return [];
  const opportunities = findMetric(ctx, crm.entry.opportunities);
  // compileInvestigation refused the rule unless it is one row-level expression over the opportunities' source.
  const deals =
    opportunities.source.spec.name === won.source.spec.name
      ? `SELECT __row_no FROM ${quoteIdent(opportunities.table)} WHERE step IN ('net', 'out_of_period')
         AND __row_no IN (SELECT __row_no FROM (${buildSourceRuleContextSql(won.source)}) WHERE (${crm.expression}))`
      : 'SELECT NULL';
  const net = await readNetRecords(ctx, won, deals);
  return [
    {
      name: 'marketing_sourced_revenue',
      by: 'crm',
      value: won.spec.value === undefined ? Number(net.n) : Number(net.value),
      basis: 'fact',
      depends_on: `sourced.crm of '${crm.entry.name}': ${crm.expression}`,
      ids: readIdList(ctx, net.ids),
    },
  ];
}

function buildLeadToRevenue(funnel: FunnelReport): SharedMetricReport {
  const last = funnel.stages.at(-1);
  const reached = last?.reached ?? 0;
  return {
    name: 'lead_to_revenue',
    by: funnel.name,
    value: funnel.cohort.count === 0 ? null : reached / funnel.cohort.count,
    basis: 'fact',
    depends_on: `the last stage (${last?.metric ?? 'none'}) of '${funnel.name}' over its cohort (${funnel.cohort.metric}), window ${funnel.depends_on.replace(/^window /, '')}`,
    ids: last?.reached_ids ?? [],
  };
}

/**
 * opportunities x win rate x average won value / average days. The average won value is rounded to cents first
 * and the product rounded to cents, so the report's inputs give its value. Average days come from the won
 * records that are rows of the opportunities metric's own source (same source, same row), each with that row's date.
 */
async function buildPipelineVelocity(ctx: MetricsContext, spec: SharedMetricsSpec, won: CompiledMetric, wonNet: NetRow, winRate: number | null): Promise<SharedMetricReport[]> {
  if (spec.opportunities === undefined) return [];
  const opportunities = findMetric(ctx, spec.opportunities);
  const opened = await readNetRecords(ctx, opportunities);
  const averageWonValue = won.spec.value === undefined ? null : divideCents(wonNet.value, Number(wonNet.n));
  let averageDays: number | null = null;
  if (opportunities.source.spec.name === won.source.spec.name) {
    const [row] = await ctx.db.all<{ days: number | null }>(`SELECT avg(CAST(w.__anchor AS DATE) - CAST(o.__anchor AS DATE)) AS days
      FROM ${quoteIdent(won.table)} w JOIN ${quoteIdent(opportunities.table)} o ON o.__row_no = w.__row_no
      WHERE w.step = 'net' AND o.__anchor IS NOT NULL`);
    averageDays = row?.days ?? null;
  }
  const count = Number(opened.n);
  const value = winRate === null || averageWonValue === null || averageDays === null || averageDays === 0 ? null : roundToCents((count * winRate * averageWonValue) / averageDays);
  return [
    {
      name: 'pipeline_velocity',
      by: null,
      value,
      inputs: { opportunities: count, win_rate: winRate, average_won_value: averageWonValue, average_days: averageDays },
      basis: 'interpretation',
      depends_on: `an estimate: ${spec.opportunities} x win rate (${spec.periodMetric} against ${spec.lost ?? 'no lost metric'}) x average ${spec.periodMetric} value / average days from ${spec.opportunities} date to ${spec.periodMetric} date`,
      ids: readIdList(ctx, opened.ids),
    },
  ];
}

/** cac by null: spend rows dated in the period (`YYYY-MM` is the month's first day) / the period's won records; `ids` the won records. */
async function buildCac(ctx: MetricsContext, spec: SharedMetricsSpec, wonNet: NetRow): Promise<SharedMetricReport[]> {
  if (spec.spend === undefined) return [];
  const source = findSource(ctx, spec.spend.source);
  requireField(ctx, source, spec.spend.date, 'shared_metrics.spend.date');
  requireField(ctx, source, spec.spend.value, 'shared_metrics.spend.value');
  const { from, to } = ctx.contract.reporting;
  const [row] = await ctx.db.all<{ spend: string }>(`SELECT CAST(coalesce(sum(${quoteIdent(amountColumns(spec.spend.value).cents)}), 0) AS VARCHAR) AS spend
    FROM ${quoteIdent(source.table)} WHERE CAST(${quoteIdent(canonicalColumn(spec.spend.date))} AS DATE) BETWEEN CAST(${quoteLiteral(from)} AS DATE) AND CAST(${quoteLiteral(to)} AS DATE)`);
  return [
    {
      name: 'cac',
      by: null,
      value: divideCents(row?.spend ?? '0', Number(wonNet.n)),
      basis: 'fact',
      depends_on: `spend of ${spec.spend.source} dated in the period / ${spec.periodMetric} records`,
      ids: readIdList(ctx, wonNet.ids),
    },
  ];
}
