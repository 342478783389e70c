// A bridge table row with its decision: the row's cells, a decision cell (badge, Decide, History), and a details row (note, what changed, the form, history).
import { useState, type ReactNode } from 'react';
import type { BucketKind, Side } from '../../../shared/reportTypes';
import type { LineReview } from '../../../shared/reviewTypes';
import { chooseInitialStatus } from '../../model/labelDecision';
import { identifyLineRow, nameLine } from '../../model/nameLine';
import { useReviewStore } from '../../stores/useReviewStore';
import { DecideForm } from './DecideForm';
import { DecisionBadge } from './DecisionBadge';
import { DecisionHistory } from './DecisionHistory';
import { StaleNote } from './StaleNote';

interface Props {
  reconciliation: string;
  line: { side: Side; kind: BucketKind; reason: string };
  /** The line's review; undefined while the review is loading. */
  review: LineReview | undefined;
  className: string;
  /** Every column of the table, the decision's included (the details row spans them). */
  columns: number;
  children: ReactNode;
}

export function DecidedLineRows({ reconciliation, line, review, className, columns, children }: Props) {
  const decide = useReviewStore((s) => s.decide);
  const saving = useReviewStore((s) => s.saving);
  const [deciding, setDeciding] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const state = review?.decision ?? null;
  const stale = state !== null && state.stale.length > 0;
  const name = nameLine(line);
  const details = deciding || showHistory || stale || Boolean(state?.current.note);
  return (
    <>
      <tr id={identifyLineRow(reconciliation, line)} className={`${className}${details ? ' has-details' : ''}`}>
        {children}
        <td className="decision-cell">
          {review ? (
            <>
              {/* An undecided line shows its Decide control alone: the table stays quiet where nothing was said. */}
              {state ? <DecisionBadge state={state} /> : null}
              <button type="button" className="link-button" aria-label={`Decide ${name}`} aria-expanded={deciding} onClick={() => setDeciding(!deciding)}>
                Decide
              </button>
              {state ? (
                <button type="button" className="link-button" aria-label={`History of ${name}`} aria-expanded={showHistory} onClick={() => setShowHistory(!showHistory)}>
                  History
                </button>
              ) : null}
            </>
          ) : null}
        </td>
      </tr>
      {details ? (
        <tr className="decision-details">
          <td colSpan={columns}>
            {state?.current.note && !stale ? <p className="decision-note">{state.current.note}</p> : null}
            {state ? <StaleNote state={state} /> : null}
            {deciding ? (
              <DecideForm
                subject={name}
                initialStatus={chooseInitialStatus(state)}
                initialNote={state?.current.note ?? ''}
                saving={saving}
                onSave={(status, note) =>
                  void decide({ reconciliation, ...line }, status, note).then((done) => {
                    if (done) setDeciding(false);
                  })
                }
                onCancel={() => setDeciding(false)}
              />
            ) : null}
            {state && showHistory ? <DecisionHistory state={state} /> : null}
          </td>
        </tr>
      ) : null}
    </>
  );
}
