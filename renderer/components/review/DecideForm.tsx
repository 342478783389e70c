// The small inline form that decides a target: a status (four radio buttons), a note, Save; Enter saves, Escape cancels.
import { useEffect, useId, useRef, useState } from 'react';
import { DECISION_STATUSES, type DecisionStatus } from '../../../shared/reviewTypes';
import { labelDecisionStatus } from '../../model/labelDecision';

interface Props {
  /** What is decided, in words: the form's accessible name ("Decide Left · Timing"). */
  subject: string;
  initialStatus: DecisionStatus | null;
  initialNote: string;
  saving: boolean;
  onSave(status: DecisionStatus, note: string): void;
  onCancel(): void;
}

export function DecideForm({ subject, initialStatus, initialNote, saving, onSave, onCancel }: Props) {
  const [status, setStatus] = useState<DecisionStatus | null>(initialStatus);
  const [note, setNote] = useState(initialNote);
  const [missing, setMissing] = useState(false);
  const noteInput = useRef<HTMLInputElement>(null);
  const name = useId();
  // Opening the form is the one click: the caret waits in the note.
  useEffect(() => noteInput.current?.focus(), []);
  const save = () => {
    if (!status) {
      setMissing(true);
      return;
    }
    onSave(status, note.trim());
  };
  return (
    <form
      className="decide-form"
      aria-label={`Decide ${subject}`}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
        // Enter on a status saves too (a radio does not submit a form by itself).
        if (event.key === 'Enter' && event.target instanceof HTMLInputElement && event.target.type === 'radio') {
          event.preventDefault();
          save();
        }
      }}
    >
      <fieldset className="decide-statuses">
        <legend className="visually-hidden">Status</legend>
        {DECISION_STATUSES.map((s) => (
          <label key={s} className={`decide-status decide-${s}${status === s ? ' decide-chosen' : ''}`}>
            <input
              type="radio"
              name={name}
              value={s}
              checked={status === s}
              onChange={() => {
                setStatus(s);
                setMissing(false);
              }}
            />
            {labelDecisionStatus(s)}
          </label>
        ))}
      </fieldset>
      <label className="decide-note">
        <span className="visually-hidden">Note</span>
        <input ref={noteInput} type="text" value={note} placeholder="Note: why, in a sentence" onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={saving}>
        {saving ? 'Saving…' : 'Save'}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      {missing ? (
        <span className="decide-missing" role="alert">
          Choose a status first.
        </span>
      ) : null}
    </form>
  );
}
