// A record's path through the metrics report (the inspector's path): per funnel whose cohort holds it, what became of it at each stage, and each SLA's outcome for it.
import type { MetricsReport, PersonPath, StageOutcome } from '../../../shared/metricsReportTypes';
import type { MetricsContext } from './MetricsContext';

/**
 * Read from the report's id lists, which stay on this side: the screens hold the report without them (at 1M people
 * they are hundreds of MB). `metric` is the metric whose record `recordId` is: only funnels with that cohort and SLAs
 * from it say anything of it.
 */
export function tracePersonPath(ctx: MetricsContext, report: MetricsReport, metric: string, recordId: string): PersonPath {
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
  const specs = ctx.contract.revenue?.sharedMetrics?.sla ?? [];
  const sla = report.sla.flatMap((s) => {
    if (specs.find((spec) => spec.name === s.name)?.from !== metric) return [];
    const outcome = (['met', 'breached', 'never'] as const).find((list) => s[list].ids.includes(recordId));
    return outcome ? [{ name: s.name, outcome }] : [];
  });
  return { funnels, sla };
}
