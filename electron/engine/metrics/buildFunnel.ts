// A funnel of revenue.md ("Definitions", Funnel): the cohort, then each stage's chain of reached records, in DuckDB.
import type { FunnelReport, FunnelStageReport } from '../../../shared/metricsReportTypes';
import type { FunnelSpec } from '../../../shared/revenueContractTypes';
import { canonicalColumn, idOrderSql } from '../buildSourceTable';
import { quoteIdent } from '../openDatabase';
import { buildIdentityKeySql } from '../sql/buildIdentityKeySql';
import { buildIdListSql, readIdList } from './buildIdListSql';
import { buildStageRecordsSql } from './buildLinks';
import { findLinkPairsTable } from './createLinkPairTables';
import { findMetric, listPersonNormalizers, requireField, stepsKeyIsPerson, type MetricsContext } from './MetricsContext';

/** Temporary tables of one funnel computation: the cohort, and per stage k its records, what reaches them and what is counted. */
const table = {
  cohort: '__mf_cohort',
  stage: (k: number) => `__mf_stage_${k}`,
  reach: (k: number) => `__mf_reach_${k}`,
  // counted_0 is the cohort itself, with its own date as the "earliest reached" one.
  counted: (k: number) => `__mf_counted_${k}`,
};

interface StageRow {
  reached: string;
  reached_ids: string;
  ids: string;
  value: string | null;
  median_days: number | null;
  p90_days: number | null;
  dropped: string;
  skipped: string;
  outside_cohort: string;
}

export async function buildFunnel(ctx: MetricsContext, funnel: FunnelSpec): Promise<FunnelReport> {
  try {
    return await computeFunnel(ctx, funnel);
  } finally {
    await dropTables(ctx, funnel);
  }
}

/** The funnel's cohort: row_no, id, key (the funnel's person key, normalised) and d (calendar date) of each record. */
export function buildCohortSql(ctx: MetricsContext, funnel: FunnelSpec): string {
  const cohort = findMetric(ctx, funnel.cohort);
  requireField(ctx, cohort.source, funnel.key, `funnels.${funnel.name}.key`);
  // The cohort keeps its period step: net records only. A record with an empty key stays in the cohort and reaches nothing.
  if (stepsKeyIsPerson(ctx, cohort, funnel.key)) {
    return `SELECT __row_no AS row_no, __id AS id, __key AS key, CAST(__anchor AS DATE) AS d FROM ${quoteIdent(cohort.table)} WHERE step = 'net'`;
  }
  const key = buildIdentityKeySql(`CAST(t.${quoteIdent(canonicalColumn(funnel.key))} AS VARCHAR)`, listPersonNormalizers(ctx.contract));
  return `SELECT s.__row_no AS row_no, s.__id AS id, ${key} AS key, CAST(s.__anchor AS DATE) AS d
    FROM ${quoteIdent(cohort.table)} s JOIN ${quoteIdent(cohort.source.table)} t ON t.__row_no = s.__row_no WHERE s.step = 'net'`;
}

async function computeFunnel(ctx: MetricsContext, funnel: FunnelSpec): Promise<FunnelReport> {
  const { db } = ctx;
  // Each stage lists cohort ids three times (reached, dropped, skipped): their order is computed once, as id_rank.
  await db.run(`CREATE OR REPLACE TEMP TABLE ${table.cohort} AS SELECT *, row_number() OVER (ORDER BY ${idOrderSql('id')}) AS id_rank FROM (${buildCohortSql(ctx, funnel)})`);
  await db.run(`CREATE OR REPLACE TEMP TABLE ${table.counted(0)} AS SELECT row_no AS c_row, d AS first_d FROM ${table.cohort}`);
  const [size] = await db.all<{ n: string; ids: string }>(`SELECT count(*) AS n, ${buildIdListSql('id', undefined, 'id_rank')} AS ids FROM ${table.cohort}`);
  const cohortSize = Number(size?.n ?? 0);
  const stages: FunnelStageReport[] = [];
  for (const [i, stage] of funnel.stages.entries()) {
    const k = i + 1;
    const where = `funnels.${funnel.name}.stages[${i}]`;
    const reach = stage.via === undefined ? { field: funnel.key } : { via: stage.via };
    // A link's pairs were made once for the whole report (createLinkPairTables).
    const pairs = stage.via === undefined ? undefined : findLinkPairsTable(ctx, stage.via);
    const row = await computeStage(ctx, k, buildStageRecordsSql(ctx, stage.metric, reach, where, pairs), funnel.windowDays);
    const reached = Number(row.reached);
    const previous = k === 1 ? cohortSize : (stages[k - 2]?.reached ?? 0);
    stages.push({
      metric: stage.metric,
      reached,
      reached_ids: readIdList(ctx, row.reached_ids),
      ids: readIdList(ctx, row.ids),
      value: findMetric(ctx, stage.metric).spec.value === undefined ? null : Number(row.value ?? 0),
      conversion_from_previous: previous === 0 ? null : reached / previous,
      conversion_from_cohort: cohortSize === 0 ? null : reached / cohortSize,
      median_days: row.median_days,
      p90_days: row.p90_days,
      dropped: readIdList(ctx, row.dropped),
      skipped: readIdList(ctx, row.skipped),
      outside_cohort: readIdList(ctx, row.outside_cohort),
    });
  }
  return {
    name: funnel.name,
    basis: 'fact',
    depends_on: `window ${funnel.windowText}`,
    cohort: { metric: funnel.cohort, count: cohortSize, ids: readIdList(ctx, size?.ids) },
    stages,
  };
}

/**
 * Stage k: a cohort record reaches a stage record of its key dated from its own calendar date to `window` days
 * later, both ends included; it is counted when it was counted at k-1 and reaches k.
 */
async function computeStage(ctx: MetricsContext, k: number, recordsSql: string, windowDays: number): Promise<StageRow> {
  const { db } = ctx;
  await db.run(`CREATE OR REPLACE TEMP TABLE ${table.stage(k)} AS ${recordsSql}`);
  await db.run(`CREATE OR REPLACE TEMP TABLE ${table.reach(k)} AS
    SELECT DISTINCT c.row_no AS c_row, s.row_no AS s_row, s.d FROM ${table.cohort} c JOIN ${table.stage(k)} s
    ON s.person = c.key AND s.d BETWEEN c.d AND c.d + ${windowDays}`);
  await db.run(`CREATE OR REPLACE TEMP TABLE ${table.counted(k)} AS
    SELECT r.c_row, min(r.d) AS first_d FROM ${table.reach(k)} r SEMI JOIN ${table.counted(k - 1)} p ON p.c_row = r.c_row GROUP BY r.c_row`);
  const records = `(SELECT DISTINCT row_no, id, value FROM ${table.stage(k)})`;
  const reachedRecords = `SELECT DISTINCT r.s_row FROM ${table.reach(k)} r SEMI JOIN ${table.counted(k)} c ON c.c_row = r.c_row`;
  // Days from the earliest reached record at k-1 (the cohort record's own date at k = 1) to the earliest at k; never negative.
  const [row] = await db.all<Omit<StageRow, 'reached_ids' | 'dropped' | 'skipped'>>(`SELECT
    (SELECT count(*) FROM ${table.counted(k)}) AS reached,
    (SELECT ${buildIdListSql('id')} FROM ${records} WHERE row_no IN (${reachedRecords})) AS ids,
    (SELECT CAST(coalesce(sum(value), 0) AS VARCHAR) FROM ${records} WHERE row_no IN (${reachedRecords})) AS value,
    (SELECT quantile_cont(greatest(c.first_d - p.first_d, 0), 0.5) FROM ${table.counted(k)} c JOIN ${table.counted(k - 1)} p ON p.c_row = c.c_row) AS median_days,
    (SELECT quantile_cont(greatest(c.first_d - p.first_d, 0), 0.9) FROM ${table.counted(k)} c JOIN ${table.counted(k - 1)} p ON p.c_row = c.c_row) AS p90_days,
    (SELECT ${buildIdListSql('id')} FROM ${records} WHERE row_no NOT IN (SELECT s_row FROM ${table.reach(k)})) AS outside_cohort`);
  // The three lists of cohort records in one pass over the cohort, each record flagged by the tables it is in
  // (counted at k lies within counted at k-1 and within those reaching k).
  const [lists] = await db.all<Pick<StageRow, 'reached_ids' | 'dropped' | 'skipped'>>(`SELECT
      ${buildIdListSql('c.id', 'at_k.c_row IS NOT NULL', 'c.id_rank')} AS reached_ids,
      ${buildIdListSql('c.id', 'at_prev.c_row IS NOT NULL AND at_k.c_row IS NULL', 'c.id_rank')} AS dropped,
      ${buildIdListSql('c.id', 'reaching.c_row IS NOT NULL AND at_prev.c_row IS NULL', 'c.id_rank')} AS skipped
    FROM ${table.cohort} c
    LEFT JOIN ${table.counted(k)} at_k ON at_k.c_row = c.row_no
    LEFT JOIN ${table.counted(k - 1)} at_prev ON at_prev.c_row = c.row_no
    LEFT JOIN (SELECT DISTINCT c_row FROM ${table.reach(k)}) reaching ON reaching.c_row = c.row_no`);
  if (!row || !lists) throw new Error(`funnel stage ${k}: no result row`);
  return { ...row, ...lists };
}

async function dropTables(ctx: MetricsContext, funnel: FunnelSpec): Promise<void> {
  const names = [table.cohort, table.counted(0)];
  for (let k = 1; k <= funnel.stages.length; k++) names.push(table.stage(k), table.reach(k), table.counted(k));
  for (const name of names) await ctx.db.run(`DROP TABLE IF EXISTS ${name}`);
}
