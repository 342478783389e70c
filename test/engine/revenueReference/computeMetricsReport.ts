// Reference: the report of `recon metrics --json` for funnels, shared metrics and SLAs, read from revenue.md alone (attribution is not part of it).
import type { MetricsReport } from '../../../shared/metricsReportTypes';
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
    attribution: [],
    shared_metrics: computeSharedMetrics(input, funnels),
    sla: input.sla.map((s) => computeSlaReport(input, s)),
  };
}
