// The records behind one attribution list (a credit line's opportunities or touches, the sourced bridge, an agreement cell).
import type { MetricListQuery, MetricsReport } from '../../../../shared/metricsReportTypes';
import { UserError } from '../../UserError';
import type { ResolvedList } from '../fetchMetricRecords';
import type { MetricsContext } from '../MetricsContext';

type AttributionQuery = Exclude<MetricListQuery, { funnel: string } | { sla: string } | { shared: string }>;

export async function resolveAttributionList(ctx: MetricsContext, report: MetricsReport, query: AttributionQuery): Promise<ResolvedList> {
  await Promise.resolve();
  throw new UserError(`${ctx.contractLabel}: attribution '${query.attribution}' has ${report.attribution.length} entries: credits are being built (issue 9)`);
}
