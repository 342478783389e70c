// A target's decisions, newest first: the current one, then its history (by, at, status, note).
import type { DecisionLine, DecisionState } from '../../../shared/reviewTypes';
import { formatDecisionTime, labelDecisionStatus } from '../../model/labelDecision';

function HistoryItem({ line, current }: { line: DecisionLine; current: boolean }) {
  return (
    <li className={current ? 'history-current' : undefined}>
      <span className="history-status">{labelDecisionStatus(line.status)}</span> by {line.by} on {formatDecisionTime(line.at)}
      {current ? ' (current)' : ''}
      {line.note ? <span className="history-note">: {line.note}</span> : null}
    </li>
  );
}

export function DecisionHistory({ state }: { state: DecisionState }) {
  const earlier = [...state.history].reverse();
  return (
    <ol className="decision-history" aria-label="Decision history">
      <HistoryItem line={state.current} current />
      {earlier.map((line, i) => (
        <HistoryItem key={`${line.at}-${i}`} line={line} current={false} />
      ))}
    </ol>
  );
}
