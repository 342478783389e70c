// Reference: the report of `recon metrics --json` (funnels, attribution, shared metrics, SLAs), read from revenue.md and attrdecisions alone.
import type { MetricsReport } from '../../../shared/metricsReportTypes';
import { computeAttributionReport } from './computeAttributionReport';
import { computeFunnelReport } from './computeFunnelReport';
import { computeSharedMetrics } from './computeSharedMetrics';
import { computeSlaReport } from './computeSlaReport';
import type { RevenueInput } from './RevenueInput';

export function computeMetricsReport(input: RevenueInput): MetricsReport {
  const funnels = input.funnels.map((f) => computeFunnelReport(input, f));
  return {
    contract: { title: input.title, version: input.version },
    currency: input.currency,
    funnels,
    attribution: (input.attribution ?? []).map((a) => computeAttributionReport(input, a)),
    shared_metrics: computeSharedMetrics(input, funnels),
    sla: input.sla.map((s) => computeSlaReport(input, s)),
  };
}
