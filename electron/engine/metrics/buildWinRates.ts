// win_rate of revenue.md's shared metrics: the period's won against won + lost records, overall and by `win_rate_by`.
import type { SharedMetricReport } from '../../../shared/metricsReportTypes';
import type { SharedMetricsSpec } from '../../../shared/revenueContractTypes';
import { canonicalColumn } from '../buildSourceTable';
import type { CompiledMetric } from '../compiledInvestigation';
import { quoteIdent, quoteLiteral } from '../openDatabase';
import { buildIdListSql, readIdList } from './buildIdListSql';
import { findMetric, requireField, type MetricsContext } from './MetricsContext';

/** The group a text value falls in: itself trimmed; empty or missing is `(empty)`. */
export const EMPTY_GROUP = '(empty)';

interface RateRow {
  overall: boolean;
  grp: string | null;
  won: string;
  total: string;
  /** Whole cents, so the rate is a ratio of two exact integers. */
  won_value: string;
  total_value: string;
  ids: string;
}

/** The net records of a metric, each with its value and (when asked) its group. */
function buildSideSql(ctx: MetricsContext, metric: CompiledMetric, won: boolean, by: string | undefined): string {
  let group = 'CAST(NULL AS VARCHAR)';
  if (by !== undefined) {
    requireField(ctx, metric.source, by, 'shared_metrics.win_rate_by');
    group = `coalesce(nullif(trim(CAST(t.${quoteIdent(canonicalColumn(by))} AS VARCHAR)), ''), ${quoteLiteral(EMPTY_GROUP)})`;
  }
  return `SELECT s.__id AS id, s.__value AS value, ${won} AS won, ${group} AS grp
    FROM ${quoteIdent(metric.table)} s JOIN ${quoteIdent(metric.source.table)} t ON t.__row_no = s.__row_no WHERE s.step = 'net'`;
}

/**
 * One entry for all (by null) and one per group, overall first, groups in text order. `value` counts records,
 * `value_rate` sums values (null unless both metrics have a value). `ids` are the won and the lost records it is
 * computed from, so the rate opens to both sides of it.
 * Without a `lost` metric there is no win rate: won / won says nothing.
 */
export async function buildWinRates(ctx: MetricsContext, spec: SharedMetricsSpec): Promise<SharedMetricReport[]> {
  if (spec.lost === undefined) return [];
  const won = findMetric(ctx, spec.periodMetric);
  const lost = findMetric(ctx, spec.lost);
  const valued = won.spec.value !== undefined && lost.spec.value !== undefined;
  // GROUPING() needs a grouping set with a column: without win_rate_by there is one overall row and no group.
  const grouped = spec.winRateBy !== undefined;
  const rows = await ctx.db.all<RateRow>(`SELECT ${grouped ? 'GROUPING(grp) = 1 AS overall, grp' : 'true AS overall, NULL AS grp'}, count_if(won) AS won, count(*) AS total,
      CAST(coalesce(sum(value) FILTER (WHERE won), 0) * 100 AS HUGEINT) AS won_value, CAST(coalesce(sum(value), 0) * 100 AS HUGEINT) AS total_value,
      ${buildIdListSql('id')} AS ids
    FROM (${buildSideSql(ctx, won, true, spec.winRateBy)} UNION ALL ${buildSideSql(ctx, lost, false, spec.winRateBy)})
    ${grouped ? 'GROUP BY GROUPING SETS ((), (grp)) ORDER BY overall DESC, grp' : ''}`);
  const depends = `${spec.periodMetric} against ${spec.periodMetric} + ${spec.lost} (period step kept)`;
  return rows.map((row) => {
    const total = Number(row.total);
    const totalValue = Number(row.total_value);
    return {
      name: 'win_rate',
      by: row.overall ? null : (row.grp ?? EMPTY_GROUP),
      value: total === 0 ? null : Number(row.won) / total,
      value_rate: !valued || totalValue === 0 ? null : Number(row.won_value) / totalValue,
      basis: 'fact',
      depends_on: row.overall || spec.winRateBy === undefined ? depends : `${depends}, by ${spec.winRateBy}`,
      ids: readIdList(ctx, row.ids),
    } satisfies SharedMetricReport;
  });
}
