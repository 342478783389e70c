// Each touch model's share of every counted touch (revenue.md, "Attribution"): exact fractions num/den, time decay in doubles.
import type { AttributionSpec, TouchModel } from '../../../../shared/revenueContractTypes';
import { quoteLiteral } from '../../openDatabase';
import type { MetricsContext } from '../MetricsContext';
import type { AttributionTables } from './attributionTables';

/**
 * The exact share of each touch as (num, den) over the counted touches `c` (pos 1..n) joined with their milestone
 * position `m_pos`; a touch with no share gets no row.
 */
const RATIONAL_SHARES: Record<Exclude<TouchModel, 'time_decay'>, string> = {
  first_touch: 'SELECT 1 AS num, 1 AS den WHERE c.pos = 1',
  last_touch: 'SELECT 1 AS num, 1 AS den WHERE c.pos = c.n',
  linear: 'SELECT 1 AS num, c.n AS den',
  // 40% to the first and the last, 20% over the middle; one touch takes all, two split it.
  u_shaped: `SELECT CASE WHEN c.n = 1 THEN 1 WHEN c.n = 2 THEN 1 WHEN c.pos IN (1, c.n) THEN 2 ELSE 1 END AS num,
    CASE WHEN c.n = 1 THEN 1 WHEN c.n = 2 THEN 2 WHEN c.pos IN (1, c.n) THEN 5 ELSE 5 * (c.n - 2) END AS den`,
  // Twentieths: 6 per position held (3 more to first and last when there is no milestone), then the last 10%
  // (2 twentieths) split over the k touches holding no position, or over the k distinct position touches when none.
  w_shaped: `SELECT a * k + CASE WHEN others = 0 OR a = 0 THEN 2 ELSE 0 END AS num, 20 * k AS den FROM (
      SELECT a, others, CASE WHEN others > 0 THEN others ELSE c.n - others END AS k FROM (
        SELECT 6 * ((c.pos = 1)::INT + coalesce(c.pos = c.m_pos, false)::INT + (c.pos = c.n)::INT)
             + CASE WHEN c.m_pos IS NULL THEN 3 * ((c.pos = 1)::INT + (c.pos = c.n)::INT) ELSE 0 END AS a,
          c.n - (1 + (c.n > 1)::INT + (c.m_pos IS NOT NULL AND c.m_pos NOT IN (1, c.n))::INT) AS others))`,
};

/** The touch models whose shares the entry needs: its own, and the one `sourced.touches` names (default first_touch). */
export function listShareModels(entry: AttributionSpec): TouchModel[] {
  const models = entry.models.filter((m): m is TouchModel => m !== 'self_reported');
  const sourcing = findSourcingModel(entry);
  return sourcing === undefined || models.includes(sourcing) ? models : [...models, sourcing];
}

/** The model deciding `sourced.touches`: the one named, first_touch when `sourced` names none, none without `sourced`. */
export function findSourcingModel(entry: AttributionSpec): TouchModel | undefined {
  return entry.sourced === undefined ? undefined : (entry.sourced.touches ?? 'first_touch');
}

function buildModelSql(entry: AttributionSpec, model: TouchModel, t: AttributionTables): string {
  const columns = `${quoteLiteral(model)} AS model, c.opp_row, c.t_row, c.pos, c.channel, c.campaign`;
  const touches = `(SELECT k.*, m.m_pos FROM ${t.counted} k LEFT JOIN ${t.milestone} m ON m.opp_row = k.opp_row) c`;
  if (model === 'time_decay') {
    const halfLifeDays = (entry.halfLife?.hours ?? 0) / 24;
    return `SELECT ${columns}, CAST(NULL AS HUGEINT) AS num, CAST(NULL AS HUGEINT) AS den, w / sum(w) OVER (PARTITION BY c.opp_row) AS share
      FROM (SELECT *, pow(2.0, -days / ${halfLifeDays}) AS w FROM ${touches}) c`;
  }
  return `SELECT ${columns}, CAST(r.num AS HUGEINT) AS num, CAST(r.den AS HUGEINT) AS den, r.num / r.den AS share
    FROM ${touches}, LATERAL (${RATIONAL_SHARES[model]}) r WHERE r.num > 0`;
}

export async function createModelShares(ctx: MetricsContext, entry: AttributionSpec, t: AttributionTables): Promise<void> {
  const parts = listShareModels(entry).map((model) => buildModelSql(entry, model, t));
  const empty = `SELECT CAST(NULL AS VARCHAR) AS model, CAST(NULL AS BIGINT) AS opp_row, CAST(NULL AS BIGINT) AS t_row, CAST(NULL AS BIGINT) AS pos,
    CAST(NULL AS VARCHAR) AS channel, CAST(NULL AS VARCHAR) AS campaign, CAST(NULL AS HUGEINT) AS num, CAST(NULL AS HUGEINT) AS den, CAST(NULL AS DOUBLE) AS share WHERE false`;
  await ctx.db.run(`CREATE OR REPLACE TEMP TABLE ${t.shares} AS ${parts.length === 0 ? empty : parts.join('\nUNION ALL\n')}`);
  // The touch with the largest share (ties: the earliest) decides sourced.touches and the agreement matrix.
  await ctx.db.run(`CREATE OR REPLACE TEMP TABLE ${t.top} AS SELECT model, opp_row, channel FROM (
      SELECT model, opp_row, channel, row_number() OVER (PARTITION BY model, opp_row ORDER BY share DESC, pos) AS r FROM ${t.shares}) WHERE r = 1`);
}
