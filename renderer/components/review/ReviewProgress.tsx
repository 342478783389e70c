// Above the bridge: "N of M lines decided" for the reconciliation shown (and the others'), stale decisions counted, and the disputed lines first, each a link to its row.
import type { ReconciliationReview } from '../../../shared/reviewTypes';
import { formatCount } from '../../model/formatCount';
import { labelBucket } from '../../model/labelBucket';
import { identifyLineRow, nameLine } from '../../model/nameLine';

/** Brings a line's row into view and puts the focus on its Decide control. */
function showLine(reconciliation: string, line: ReconciliationReview['lines'][number]): void {
  const row = document.getElementById(identifyLineRow(reconciliation, line));
  row?.scrollIntoView({ block: 'center' });
  row?.querySelector<HTMLButtonElement>('.decision-cell button')?.focus();
}

interface Props {
  review: ReconciliationReview;
  /** The contract's other reconciliations, each with its own progress (one bridge is shown at a time). */
  others: ReconciliationReview[];
  onShow(reconciliation: string): void;
}

export function ReviewProgress({ review, others, onShow }: Props) {
  const disputed = review.lines.filter((l) => l.decision && l.decision.stale.length === 0 && l.decision.current.status === 'disputed');
  const stale = review.lines.filter((l) => l.decision && l.decision.stale.length > 0).length;
  return (
    <div className="review-progress" aria-label="Review progress" role="group">
      <span className="review-count">
        <strong>
          {formatCount(review.decided)} of {formatCount(review.total)}
        </strong>{' '}
        line{review.total === 1 ? '' : 's'} decided
      </span>
      {stale > 0 ? (
        <span className="review-stale">
          {formatCount(stale)} stale decision{stale === 1 ? '' : 's'} to look at again
        </span>
      ) : null}
      {disputed.length > 0 ? (
        <span className="review-disputed">
          Disputed:{' '}
          <ul className="disputed-lines" aria-label="Disputed lines">
            {disputed.map((line) => (
              <li key={nameLine(line)}>
                <button type="button" className="link-button" aria-label={`Show disputed line ${nameLine(line)}`} onClick={() => showLine(review.name, line)}>
                  {line.side === 'left' ? 'Left' : 'Right'} · {labelBucket(line.kind, line.reason)} ({formatCount(line.count)})
                </button>
              </li>
            ))}
          </ul>
        </span>
      ) : null}
      {others.map((other) => (
        <span key={other.name} className="review-other">
          <button type="button" className="link-button" onClick={() => onShow(other.name)}>
            {other.name}
          </button>
          : {formatCount(other.decided)} of {formatCount(other.total)} decided
        </span>
      ))}
    </div>
  );
}
