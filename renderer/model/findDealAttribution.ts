// Whether a list of the metrics report holds an attribution entry's deals (its touches timeline then opens in the inspector): the entry's name, or null.
import type { MetricListQuery } from '../../shared/metricsReportTypes';

export function findDealAttribution(query: MetricListQuery): string | null {
  if (!('attribution' in query)) return null;
  // A credit line's touches are touch records, not deals.
  return 'list' in query && query.list === 'touches' ? null : query.attribution;
}
