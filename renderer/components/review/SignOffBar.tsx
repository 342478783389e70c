// The bridge header's sign-off: who signed off and when while it holds, what changed once it does not (a warning), and the Sign off button with its confirmation.
import { useEffect, useRef, useState } from 'react';
import type { ReconciliationReview } from '../../../shared/reviewTypes';
import { formatCount } from '../../model/formatCount';
import { formatDecisionDate } from '../../model/labelDecision';
import { useReviewStore } from '../../stores/useReviewStore';

function SignOffStatus({ review }: { review: ReconciliationReview }) {
  const signOff = review.signOff;
  if (!signOff) return <p className="sign-off-status sign-off-none">Not signed off yet.</p>;
  if (signOff.holds) {
    return (
      <p className="sign-off-status sign-off-holds" role="status" title={`Signed off at ${signOff.at}`}>
        Signed off by {signOff.by} on {formatDecisionDate(signOff.at)} (version {signOff.version})
      </p>
    );
  }
  return (
    <p className="sign-off-status sign-off-broken" role="alert">
      <strong>Sign-off no longer holds:</strong> {signOff.changes.join('; ')}{' '}
      <span className="muted">
        (signed off by {signOff.by} on {formatDecisionDate(signOff.at)}, version {signOff.version})
      </span>
    </p>
  );
}

export function SignOffBar({ review }: { review: ReconciliationReview }) {
  const reviewer = useReviewStore((s) => s.review?.reviewer ?? null);
  const saving = useReviewStore((s) => s.saving);
  const signOff = useReviewStore((s) => s.signOff);
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState('');
  const noteInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (confirming) noteInput.current?.focus();
  }, [confirming]);
  const disputed = review.lines.filter((l) => l.decision && l.decision.stale.length === 0 && l.decision.current.status === 'disputed').length;
  return (
    <div className="sign-off">
      <SignOffStatus review={review} />
      {confirming ? (
        <form
          className="sign-off-form"
          aria-label={`Sign off ${review.name}`}
          onSubmit={(event) => {
            event.preventDefault();
            void signOff(review.name, note.trim()).then((done) => {
              if (!done) return;
              setConfirming(false);
              setNote('');
            });
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setConfirming(false);
          }}
        >
          <p className="sign-off-what">
            Sign off {review.name} {reviewer ? `as ${reviewer}` : '(your name is asked next)'}, at this contract, these exports and this bridge;{' '}
            {formatCount(review.decided)} of {formatCount(review.total)} lines decided{disputed > 0 ? `, ${formatCount(disputed)} disputed` : ''}.
          </p>
          <label className="decide-note">
            <span className="visually-hidden">Sign-off note</span>
            <input ref={noteInput} type="text" value={note} placeholder="Note (optional)" onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={saving}>
            Confirm sign-off
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          Sign off
        </button>
      )}
    </div>
  );
}
