// A decision's status as a small badge (explained / accepted / disputed / follow up / stale), its note on hover; "Undecided" when there is none.
import type { DecisionState } from '../../../shared/reviewTypes';
import { describeDecision, labelDecision } from '../../model/labelDecision';

export function DecisionBadge({ state }: { state: DecisionState | null | undefined }) {
  if (!state) return <span className="decision-badge decision-none">Undecided</span>;
  const stale = state.stale.length > 0;
  return (
    <span className={`decision-badge decision-${stale ? 'stale' : state.current.status}`} title={describeDecision(state)}>
      {labelDecision(state)}
    </span>
  );
}
