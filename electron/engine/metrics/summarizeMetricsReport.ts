// A metrics report without its id lists (what the screens draw): each list emptied, its size kept beside it.
import type { AgreementCell, FunnelStageReport, MetricsReport } from '../../../shared/metricsReportTypes';

function summarizeStage(stage: FunnelStageReport): FunnelStageReport {
  return {
    ...stage,
    reached_ids: [],
    ids: [],
    dropped: [],
    skipped: [],
    outside_cohort: [],
    sizes: { ids: stage.ids.length, dropped: stage.dropped.length, skipped: stage.skipped.length, outside_cohort: stage.outside_cohort.length },
  };
}

function emptyIds<T extends { ids: string[] }>(item: T): T {
  return { ...item, ids: [] };
}

/** Every count stays as it is (`count`, `reached`, `opportunities`); lists without one get their size in `sizes` or `count`. */
export function summarizeMetricsReport(report: MetricsReport): MetricsReport {
  return {
    ...report,
    funnels: report.funnels.map((f) => ({ ...f, cohort: emptyIds(f.cohort), stages: f.stages.map(summarizeStage) })),
    attribution: report.attribution.map((a) => ({
      ...a,
      no_touch: emptyIds(a.no_touch),
      influenced: emptyIds(a.influenced),
      sourced: { both: emptyIds(a.sourced.both), crm_only: emptyIds(a.sourced.crm_only), touches_only: emptyIds(a.sourced.touches_only), neither: emptyIds(a.sourced.neither) },
      models: Object.fromEntries(Object.entries(a.models).map(([model, lines]) => [model, (lines ?? []).map(emptyIds)])),
      ...(a.agreement === undefined ? {} : { agreement: Object.fromEntries(Object.entries(a.agreement).map(([model, cells]) => [model, (cells ?? []).map(emptyIds<AgreementCell>)])) }),
    })),
    shared_metrics: report.shared_metrics.map((m) => ({ ...m, ids: [], count: m.ids.length })),
    sla: report.sla.map((s) => ({ ...s, met: emptyIds(s.met), breached: emptyIds(s.breached), never: emptyIds(s.never) })),
  };
}
