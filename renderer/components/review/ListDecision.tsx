// A metrics list's decision (a funnel stage's dropped records, an attribution credit or sourced line, an SLA's breaches), above its records.
import { formatListKey } from '../../../shared/formatListKey';
import type { MetricListQuery } from '../../../shared/metricsReportTypes';
import { useReviewStore } from '../../stores/useReviewStore';
import { DecisionPanel } from './DecisionPanel';

export function ListDecision({ query, title }: { query: MetricListQuery; title: string }) {
  const key = formatListKey(query);
  const loaded = useReviewStore((s) => s.review !== null);
  const state = useReviewStore((s) => s.review?.lists[key] ?? null);
  if (!loaded) return null;
  return <DecisionPanel key={key} target={{ list: query }} state={state} subject={`the list ${title}`} />;
}
