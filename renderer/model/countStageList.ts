// How many records one list of a funnel stage holds, in the report the screens draw from: its lists are left empty there and their sizes kept beside them.
import type { FunnelList, FunnelStageReport } from '../../shared/metricsReportTypes';

export function countStageList(stage: FunnelStageReport, list: Exclude<FunnelList, 'cohort'>): number {
  if (list === 'reached') return stage.reached;
  // An array's length here would be 0: the screens never hold the lists themselves.
  if (!stage.sizes) throw new Error(`the funnel stage ${stage.metric} has no list sizes: the metrics screens draw from getMetricsReport({ ids: false })`);
  return stage.sizes[list];
}
