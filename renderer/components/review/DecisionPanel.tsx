// One target's decision where a screen shows one thing at a time (the inspector, a metrics list): badge, note, what changed, Decide, History.
import { useState } from 'react';
import type { DecisionState, DecisionTarget } from '../../../shared/reviewTypes';
import { chooseInitialStatus } from '../../model/labelDecision';
import { useReviewStore } from '../../stores/useReviewStore';
import { DecideForm } from './DecideForm';
import { DecisionBadge } from './DecisionBadge';
import { DecisionHistory } from './DecisionHistory';
import { StaleNote } from './StaleNote';

interface Props {
  target: DecisionTarget;
  state: DecisionState | null;
  /** What is decided, in words ("record 00Q5e000004ABC on the left"). */
  subject: string;
}

export function DecisionPanel({ target, state, subject }: Props) {
  const decide = useReviewStore((s) => s.decide);
  const saving = useReviewStore((s) => s.saving);
  const [deciding, setDeciding] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  return (
    <section className="decision-panel" aria-label={`Decision on ${subject}`}>
      <div className="decision-panel-head">
        <span className="decision-panel-title">Decision</span>
        <DecisionBadge state={state} />
        {state?.current.note ? <span className="decision-note">{state.current.note}</span> : null}
        <span className="decision-actions">
          {deciding ? null : (
            <button type="button" className="link-button" aria-label={`Decide ${subject}`} onClick={() => setDeciding(true)}>
              {state ? 'Change' : 'Decide'}
            </button>
          )}
          {state ? (
            <button type="button" className="link-button" aria-expanded={showHistory} aria-label={`History of ${subject}`} onClick={() => setShowHistory(!showHistory)}>
              History
            </button>
          ) : null}
        </span>
      </div>
      {state ? <StaleNote state={state} /> : null}
      {deciding ? (
        <DecideForm
          subject={subject}
          initialStatus={chooseInitialStatus(state)}
          initialNote={state?.current.note ?? ''}
          saving={saving}
          onSave={(status, note) =>
            void decide(target, status, note).then((done) => {
              if (done) setDeciding(false);
            })
          }
          onCancel={() => setDeciding(false)}
        />
      ) : null}
      {state && showHistory ? <DecisionHistory state={state} /> : null}
    </section>
  );
}
