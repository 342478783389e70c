// The key of a decision on a metrics list: its query's JSON with keys sorted, so the same list is one target whatever order its keys came in.
import type { MetricListQuery } from './metricsReportTypes';

/** `{"channel":"Webinar","list":"opportunities",...}`: ReviewState.lists is keyed by this. */
export function formatListKey(query: MetricListQuery): string {
  const entries = Object.entries(query)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(Object.fromEntries(entries));
}
