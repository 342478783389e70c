// The inspector's decision on the inspected record: its current decision, history and the form (target: reconciliation, side, record).
import type { Side } from '../../../shared/reportTypes';
import { useReviewStore } from '../../stores/useReviewStore';
import { DecisionPanel } from './DecisionPanel';

export function RecordDecision({ reconciliation, side, recordId }: { reconciliation: string; side: Side; recordId: string }) {
  const loaded = useReviewStore((s) => s.review !== null);
  const state = useReviewStore((s) => s.review?.reconciliations.find((r) => r.name === reconciliation)?.records[`${side}:${recordId}`] ?? null);
  if (!loaded) return null;
  return <DecisionPanel key={`${side}:${recordId}`} target={{ reconciliation, side, record: recordId }} state={state} subject={`record ${recordId} on the ${side}`} />;
}
