// What changed since a stale decision was made (the engine's sentences), shown beside it as a warning.
import type { DecisionState } from '../../../shared/reviewTypes';
import { formatDecisionTime, labelDecisionStatus } from '../../model/labelDecision';

export function StaleNote({ state }: { state: DecisionState }) {
  if (state.stale.length === 0) return null;
  const { current } = state;
  return (
    <p className="stale-note">
      Stale: decided {labelDecisionStatus(current.status).toLowerCase()} by {current.by} on {formatDecisionTime(current.at)}, but {state.stale.join('; ')}
    </p>
  );
}
