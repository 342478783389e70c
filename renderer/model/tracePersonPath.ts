// A cohort record's path through the metrics report: per funnel, what became of it at each stage, and each SLA's outcome for it.
import type { MetricsReport, SlaList } from '../../shared/metricsReportTypes';

export type StageOutcome = 'reached' | 'skipped' | 'dropped' | 'not reached';

export interface PersonPath {
  funnels: { name: string; cohort: string; stages: { metric: string; outcome: StageOutcome }[] }[];
  sla: { name: string; outcome: SlaList }[];
}

/** `metric` is the metric whose record `recordId` is: only funnels with that cohort and SLAs from it say anything of it. */
export function tracePersonPath(report: MetricsReport, metric: string, slaFrom: Record<string, string>, recordId: string): PersonPath {
  const funnels = report.funnels
    .filter((f) => f.cohort.metric === metric && f.cohort.ids.includes(recordId))
    .map((f) => ({
      name: f.name,
      cohort: f.cohort.metric,
      stages: f.stages.map((s) => ({
        metric: s.metric,
        outcome: (s.reached_ids.includes(recordId) ? 'reached' : s.skipped.includes(recordId) ? 'skipped' : s.dropped.includes(recordId) ? 'dropped' : 'not reached') as StageOutcome,
      })),
    }));
  const sla = report.sla.flatMap((s) => {
    if (slaFrom[s.name] !== metric) return [];
    const outcome = (['met', 'breached', 'never'] as const).find((list) => s[list].ids.includes(recordId));
    return outcome ? [{ name: s.name, outcome }] : [];
  });
  return { funnels, sla };
}
