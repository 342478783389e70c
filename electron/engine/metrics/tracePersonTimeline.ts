// The dated path of one cohort record of a funnel (the inspector's timeline): its date, the stage records it reaches, its SLA clocks.
import type { PersonTimeline, SlaList, TimelineRecord } from '../../../shared/metricsReportTypes';
import { UserError } from '../UserError';
import { buildCohortSql } from './buildFunnel';
import { buildStageRecordsSql } from './buildLinks';
import { buildSlaJudgedSql } from './buildSla';
import { findMetric, type MetricsContext } from './MetricsContext';

interface CohortRow {
  key: string | null;
  d: string;
}

/**
 * Per stage, the records of the cohort record's key dated from its own date to `window` days later (buildFunnel's
 * reach), whether or not it was counted at the stage before: the funnel's lists say which it was (tracePersonPath).
 */
export async function tracePersonTimeline(ctx: MetricsContext, funnelName: string, recordId: string): Promise<PersonTimeline> {
  const funnels = ctx.contract.revenue?.funnels ?? [];
  const funnel = funnels.find((f) => f.name === funnelName);
  if (!funnel) throw new UserError(`unknown funnel '${funnelName}'; the contract has: ${funnels.map((f) => f.name).join(', ') || 'no funnels'}`);
  const [cohort] = await ctx.db.all<CohortRow>(`SELECT key, CAST(d AS VARCHAR) AS d FROM (${buildCohortSql(ctx, funnel)}) WHERE id = $1`, [recordId]);
  if (!cohort) throw new UserError(`record '${recordId}' is not in the cohort (${funnel.cohort}) of funnel '${funnel.name}'`);
  const stages: PersonTimeline['stages'] = [];
  for (const [i, stage] of funnel.stages.entries()) {
    const reach = stage.via === undefined ? { field: funnel.key } : { via: stage.via };
    const sql = buildStageRecordsSql(ctx, stage.metric, reach, `funnels.${funnel.name}.stages[${i}]`);
    const rows = await ctx.db.all<{ id: string; d: string; value: string | null }>(
      `SELECT DISTINCT id, CAST(d AS VARCHAR) AS d, CAST(value AS VARCHAR) AS value FROM (${sql})
       WHERE person = $1 AND d BETWEEN CAST($2 AS DATE) AND CAST($2 AS DATE) + ${funnel.windowDays} ORDER BY d, id`,
      [cohort.key, cohort.d],
    );
    // A metric without a value still has a __value column (0): the report says null for it, so does the timeline.
    const valued = findMetric(ctx, stage.metric).spec.value !== undefined;
    const records: TimelineRecord[] = rows.map((r) => ({ id: r.id, date: r.d, value: valued ? Number(r.value ?? 0) : null }));
    stages.push({ metric: stage.metric, how: stage.via === undefined ? `directly by ${funnel.key}` : `via ${stage.via}`, records });
  }
  const sla: PersonTimeline['sla'] = [];
  for (const spec of (ctx.contract.revenue?.sharedMetrics?.sla ?? []).filter((s) => s.from === funnel.cohort)) {
    // The instant as the reporting timezone's wall clock, the way the SLA's minutes are counted (revenue.md, "Instants and dates").
    const [row] = await ctx.db.all<{ task_id: string | null; instant: string | null; minutes: number | null; outcome: SlaList }>(
      `SELECT task_id, strftime(timezone($2, instant), '%Y-%m-%d %H:%M') AS instant, minutes, outcome FROM (${await buildSlaJudgedSql(ctx, spec)}) WHERE id = $1`,
      [recordId, ctx.contract.reporting.timezone],
    );
    // A record without a person key is in no SLA list: it has no line here either.
    if (!row) continue;
    const task = row.task_id === null || row.instant === null || row.minutes === null ? null : { id: row.task_id, instant: row.instant, minutes: row.minutes };
    sla.push({ name: spec.name, outcome: row.outcome, task });
  }
  return { funnel: funnel.name, cohort: { metric: funnel.cohort, id: recordId, date: cohort.d }, stages, sla };
}
