// The records grid's decision column: the badge of a record's current decision, read from the review as it changes.
import type { ICellRendererParams } from 'ag-grid-community';
import type { Side } from '../../../shared/reportTypes';
import { useReviewStore } from '../../stores/useReviewStore';
import { DecisionBadge } from './DecisionBadge';

type Params = ICellRendererParams<Record<string, string | null>> & { idField: string; reconciliation: string; side: Side };

export function RecordDecisionCell({ data, idField, reconciliation, side }: Params) {
  const id = data?.[idField] ?? null;
  const state = useReviewStore((s) => (id === null ? undefined : s.review?.reconciliations.find((r) => r.name === reconciliation)?.records[`${side}:${id}`]));
  // Most records have no decision: the column stays quiet for them.
  return state ? <DecisionBadge state={state} /> : null;
}
