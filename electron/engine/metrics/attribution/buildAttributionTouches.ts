// Attribution's inputs in DuckDB: the opportunities with their instants and values, their people, and the touches each counts (revenue.md, "Attribution").
import type { AttributionSpec, TouchesSpec } from '../../../../shared/revenueContractTypes';
import { canonicalColumn, idOrderSql } from '../../buildSourceTable';
import { quoteIdent } from '../../openDatabase';
import { buildIdentityKeySql, buildTrimBlankSql } from '../../sql/buildIdentityKeySql';
import { withoutFilterPushdown } from '../../sql/withoutFilterPushdown';
import { buildFieldInstantSql } from '../buildFieldInstantSql';
import { findLink } from '../buildLinks';
import { findLinkPairsTable } from '../createLinkPairTables';
import { findMetric, findSource, listPersonNormalizers, requireField, stepsKeyIsPerson, type MetricsContext } from '../MetricsContext';
import type { AttributionTables } from './attributionTables';

/** A field's text trimmed (the blanks the identity normalisers trim too), NULL when empty. */
function trimmedSql(column: string): string {
  return `NULLIF(${buildTrimBlankSql(`CAST(${column} AS VARCHAR)`)}, '')`;
}

/**
 * Every record of the opportunities metric that is net or out of period (sourced statuses need the period step
 * left out), with its instant (a date alone ends its day) and its value in cents: 100 when the metric has no value.
 */
async function createOpportunities(ctx: MetricsContext, entry: AttributionSpec, t: AttributionTables): Promise<void> {
  const metric = findMetric(ctx, entry.opportunities);
  const cents = metric.spec.value === undefined ? '100' : 'CAST(round(coalesce(s.__value, 0) * 100) AS HUGEINT)';
  await ctx.db.run(`CREATE OR REPLACE TEMP TABLE ${t.opps} AS
    SELECT s.__row_no AS row_no, s.__id AS id, CASE WHEN s.__anchor IS NULL THEN NULL ELSE ${await buildFieldInstantSql(ctx, metric.source, metric.spec.date, 'o')} END AS instant,
      ${cents} AS v, s.step = 'net' AS in_period,
      -- The id's place in the report's id order: the credit lines list each deal once per model and channel.
      row_number() OVER (ORDER BY ${idOrderSql('s.__id')}) AS id_rank
    FROM ${quoteIdent(metric.table)} s JOIN ${quoteIdent(metric.source.table)} o ON o.__row_no = s.__row_no
    WHERE s.step IN ('net', 'out_of_period')`);
}

/** The people of each opportunity: its link's pairs (primary ones only under `people: primary` when it has any), or its own key field. */
async function createPeople(ctx: MetricsContext, entry: AttributionSpec, touches: TouchesSpec, t: AttributionTables): Promise<void> {
  const metric = findMetric(ctx, entry.opportunities);
  if (entry.via === undefined) {
    requireField(ctx, metric.source, touches.key, `attribution.${entry.name}: the opportunities' own '${touches.key}'`);
    const person = buildIdentityKeySql(`CAST(o.${quoteIdent(canonicalColumn(touches.key))} AS VARCHAR)`, listPersonNormalizers(ctx.contract));
    const own = `SELECT DISTINCT * FROM (
      SELECT p.row_no AS opp_row, ${person} AS person FROM ${t.opps} p JOIN ${quoteIdent(metric.source.table)} o ON o.__row_no = p.row_no) WHERE person IS NOT NULL`;
    await withoutFilterPushdown(ctx.db, () => ctx.db.run(`CREATE OR REPLACE TEMP TABLE ${t.people} AS ${own}`));
    return;
  }
  const link = findLink(ctx, entry.via);
  // A pair is primary when any link row giving it satisfies the rule; the report made the pairs once (createLinkPairTables).
  const pairs = findLinkPairsTable(ctx, entry.via);
  const id = buildIdentityKeySql('CAST(p.id AS VARCHAR)', link.normalizeFrom);
  const all = `SELECT p.row_no AS opp_row, l.person, l.is_primary FROM ${t.opps} p JOIN ${pairs} l ON l.from_key = ${id}`;
  const chosen =
    entry.people === 'primary'
      ? `SELECT opp_row, person FROM (SELECT *, bool_or(is_primary) OVER (PARTITION BY opp_row) AS has_primary FROM (${all})) WHERE is_primary OR NOT has_primary`
      : `SELECT opp_row, person FROM (${all})`;
  await ctx.db.run(`CREATE OR REPLACE TEMP TABLE ${t.people} AS ${chosen}`);
}

/** The touch rows: a non-empty channel, a key and an instant; campaign `(no campaign)` when mapped and empty, NULL when not mapped. */
export async function buildTouchRowsSql(ctx: MetricsContext, touches: TouchesSpec): Promise<string> {
  const source = findSource(ctx, touches.source);
  for (const field of [touches.key, touches.date, touches.channel, ...(touches.campaign === undefined ? [] : [touches.campaign])]) requireField(ctx, source, field, 'touches');
  const person = buildIdentityKeySql(`CAST(r.${quoteIdent(canonicalColumn(touches.key))} AS VARCHAR)`, listPersonNormalizers(ctx.contract));
  const campaign = touches.campaign === undefined ? 'CAST(NULL AS VARCHAR)' : `coalesce(${trimmedSql(`r.${quoteIdent(canonicalColumn(touches.campaign))}`)}, '(no campaign)')`;
  return `SELECT * FROM (SELECT r.__row_no AS t_row, r.__id AS t_id, ${person} AS person, ${await buildFieldInstantSql(ctx, source, touches.date, 'r')} AS instant,
      ${trimmedSql(`r.${quoteIdent(canonicalColumn(touches.channel))}`)} AS channel, ${campaign} AS campaign
    FROM ${quoteIdent(source.table)} r) WHERE person IS NOT NULL AND channel IS NOT NULL AND instant IS NOT NULL`;
}

/** Each opportunity's touches within the lookback and not after it, numbered in order (instant, then data row). */
async function createCounted(ctx: MetricsContext, entry: AttributionSpec, touches: TouchesSpec, t: AttributionTables): Promise<void> {
  const touchRows = await buildTouchRowsSql(ctx, touches);
  await withoutFilterPushdown(ctx.db, () => ctx.db.run(`CREATE OR REPLACE TEMP TABLE ${t.counted} AS
    WITH touch AS MATERIALIZED (${touchRows}),
    hit AS (SELECT DISTINCT p.opp_row, r.t_row, r.t_id, r.person, r.instant, r.channel, r.campaign,
        (epoch_us(o.instant) - epoch_us(r.instant)) / 86400000000.0 AS days
      FROM ${t.people} p JOIN ${t.opps} o ON o.row_no = p.opp_row JOIN touch r ON r.person = p.person
      WHERE r.instant <= o.instant AND r.instant >= o.instant - to_hours(${entry.lookback.hours}))
    SELECT *, row_number() OVER (PARTITION BY opp_row ORDER BY instant, t_row) AS pos, count(*) OVER (PARTITION BY opp_row) AS n FROM hit`));
}

/** W-shaped: the last counted touch at or before the latest milestone record of the opportunity's people. */
async function createMilestone(ctx: MetricsContext, entry: AttributionSpec, touches: TouchesSpec, t: AttributionTables): Promise<void> {
  if (entry.milestone === undefined) {
    await ctx.db.run(`CREATE OR REPLACE TEMP TABLE ${t.milestone} AS SELECT CAST(NULL AS BIGINT) AS opp_row, CAST(NULL AS BIGINT) AS m_pos WHERE false`);
    return;
  }
  const metric = findMetric(ctx, entry.milestone);
  requireField(ctx, metric.source, touches.key, `attribution.${entry.name}.w_shaped.milestone`);
  const person = stepsKeyIsPerson(ctx, metric, touches.key)
    ? 's.__key'
    : buildIdentityKeySql(`CAST(m.${quoteIdent(canonicalColumn(touches.key))} AS VARCHAR)`, listPersonNormalizers(ctx.contract));
  await ctx.db.run(`CREATE OR REPLACE TEMP TABLE ${t.milestone} AS
    WITH record AS (SELECT ${person} AS person, ${await buildFieldInstantSql(ctx, metric.source, metric.spec.date, 'm')} AS instant
      FROM ${quoteIdent(metric.table)} s JOIN ${quoteIdent(metric.source.table)} m ON m.__row_no = s.__row_no
      WHERE s.step IN ('net', 'out_of_period') AND s.__anchor IS NOT NULL),
    latest AS (SELECT p.opp_row, max(r.instant) AS instant FROM ${t.people} p JOIN record r ON r.person = p.person GROUP BY p.opp_row)
    SELECT c.opp_row, max(c.pos) AS m_pos FROM ${t.counted} c JOIN latest l ON l.opp_row = c.opp_row WHERE c.instant <= l.instant GROUP BY c.opp_row`);
}

export async function createAttributionTouches(ctx: MetricsContext, entry: AttributionSpec, touches: TouchesSpec, t: AttributionTables): Promise<void> {
  await createOpportunities(ctx, entry, t);
  await createPeople(ctx, entry, touches, t);
  await createCounted(ctx, entry, touches, t);
  await createMilestone(ctx, entry, touches, t);
}
