// An SLA of revenue.md ("Definitions", SLA): for each net `from` record, the first `to` row strictly after it, in minutes.
import type { SlaReport } from '../../../shared/metricsReportTypes';
import type { SlaSpec } from '../../../shared/revenueContractTypes';
import { canonicalColumn } from '../buildSourceTable';
import type { CompiledSource } from '../compiledInvestigation';
import { quoteIdent } from '../openDatabase';
import { buildIdentityKeySql } from '../sql/buildIdentityKeySql';
import { withoutFilterPushdown } from '../sql/withoutFilterPushdown';
import { buildFieldInstantSql } from './buildFieldInstantSql';
import { buildIdListSql, readIdList } from './buildIdListSql';
import { buildSourceRuleContextSql } from './checkRevenueRule';
import { findMetric, findSource, listPersonNormalizers, requireField, stepsKeyIsPerson, type MetricsContext } from './MetricsContext';

/**
 * The person key of a `from` record (revenue.md leaves it open): the contract's identity key when the metric's
 * source has that field, else the field named like `to.key`.
 */
function findFromKeyField(ctx: MetricsContext, source: CompiledSource, sla: SlaSpec): string {
  const identity = ctx.contract.identity?.key;
  return identity !== undefined && identity in source.fields ? identity : sla.to.key;
}

interface SlaRow {
  met: string;
  breached: string;
  never: string;
  met_ids: string;
  breached_ids: string;
  never_ids: string;
  median_minutes: number | null;
  p90_minutes: number | null;
}

/**
 * One row per net `from` record with a person key: id, the first `to` row strictly after it (task_id, instant as a
 * TIMESTAMPTZ; NULL when none), minutes between them and the outcome (met, breached or never).
 */
export async function buildSlaJudgedSql(ctx: MetricsContext, sla: SlaSpec): Promise<string> {
  const where = `shared_metrics.sla.${sla.name}`;
  const from = findMetric(ctx, sla.from);
  const fromKey = findFromKeyField(ctx, from.source, sla);
  requireField(ctx, from.source, fromKey, `${where}.from`);
  const to = findSource(ctx, sla.to.source);
  requireField(ctx, to, sla.to.key, `${where}.to.key`);
  requireField(ctx, to, sla.to.date, `${where}.to.date`);
  const normalize = listPersonNormalizers(ctx.contract);
  const fromKeySql = stepsKeyIsPerson(ctx, from, fromKey) ? 's.__key' : buildIdentityKeySql(`CAST(t.${quoteIdent(canonicalColumn(fromKey))} AS VARCHAR)`, normalize);
  const fromRows = `SELECT s.__id AS id, ${fromKeySql} AS key,
      ${await buildFieldInstantSql(ctx, from.source, from.spec.date, 't')} AS instant
    FROM ${quoteIdent(from.table)} s JOIN ${quoteIdent(from.source.table)} t ON t.__row_no = s.__row_no WHERE s.step = 'net'`;
  // compileInvestigation refused the rule unless it is one row-level expression (listRevenueRules, checkRevenueRule).
  const matching = sla.to.where === undefined ? '' : `AND t.__row_no IN (SELECT __row_no FROM (${buildSourceRuleContextSql(to)}) WHERE (${sla.to.where}))`;
  const toRows = `SELECT * FROM (SELECT t.__id AS task_id, ${buildIdentityKeySql(`CAST(t.${quoteIdent(canonicalColumn(sla.to.key))} AS VARCHAR)`, normalize)} AS key,
      ${await buildFieldInstantSql(ctx, to, sla.to.date, 't')} AS instant
    FROM ${quoteIdent(to.table)} t WHERE t.${quoteIdent(canonicalColumn(sla.to.date))} IS NOT NULL ${matching}) WHERE key IS NOT NULL`;
  const limit = sla.within.hours * 60;
  // ASOF with a strict inequality takes, per record, the earliest row of its key strictly after its instant.
  return `WITH f AS MATERIALIZED (SELECT * FROM (${fromRows}) WHERE key IS NOT NULL),
    timed AS MATERIALIZED (SELECT f.id, t.task_id, t.instant, (epoch_us(t.instant) - epoch_us(f.instant)) / 60000000.0 AS minutes
      FROM f ASOF LEFT JOIN (${toRows}) t ON f.key = t.key AND t.instant > f.instant)
    SELECT id, task_id, instant, minutes, CASE WHEN minutes IS NULL THEN 'never' WHEN minutes <= ${limit} THEN 'met' ELSE 'breached' END AS outcome FROM timed`;
}

export async function buildSla(ctx: MetricsContext, sla: SlaSpec): Promise<SlaReport> {
  const judged = await buildSlaJudgedSql(ctx, sla);
  const [row] = await withoutFilterPushdown(ctx.db, () => ctx.db.all<SlaRow>(`WITH judged AS MATERIALIZED (${judged})
    SELECT count_if(outcome = 'met') AS met, count_if(outcome = 'breached') AS breached, count_if(outcome = 'never') AS never,
      ${buildIdListSql('id', "outcome = 'met'")} AS met_ids,
      ${buildIdListSql('id', "outcome = 'breached'")} AS breached_ids,
      ${buildIdListSql('id', "outcome = 'never'")} AS never_ids,
      quantile_cont(minutes, 0.5) AS median_minutes, quantile_cont(minutes, 0.9) AS p90_minutes
    FROM judged`));
  const count = (n: string | undefined) => Number(n ?? 0);
  const total = count(row?.met) + count(row?.breached) + count(row?.never);
  return {
    name: sla.name,
    basis: 'fact',
    depends_on: `within ${sla.within.text} of ${sla.from}: the first ${sla.to.source} row${sla.to.where === undefined ? '' : ` where ${sla.to.where}`} after it`,
    median_minutes: row?.median_minutes ?? null,
    p90_minutes: row?.p90_minutes ?? null,
    met_share: total === 0 ? null : count(row?.met) / total,
    met: { count: count(row?.met), ids: readIdList(ctx, row?.met_ids) },
    breached: { count: count(row?.breached), ids: readIdList(ctx, row?.breached_ids) },
    never: { count: count(row?.never), ids: readIdList(ctx, row?.never_ids) },
  };
}
