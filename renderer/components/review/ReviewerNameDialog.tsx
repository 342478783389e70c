// The reviewer's name, asked once (the first decision) and kept in the user's settings; opened again from the header to change it.
import { useEffect, useRef, useState } from 'react';
import { useReviewStore } from '../../stores/useReviewStore';

export function ReviewerNameDialog() {
  const asking = useReviewStore((s) => s.askingName);
  const current = useReviewStore((s) => s.review?.reviewer ?? null);
  const setReviewer = useReviewStore((s) => s.setReviewer);
  const cancelName = useReviewStore((s) => s.cancelName);
  const dialog = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState('');
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (asking && !element.open) {
      setName(current ?? '');
      // A modal dialog: focus stays inside it until the name is given or the dialog cancelled.
      element.showModal();
    } else if (!asking && element.open) element.close();
  }, [asking, current]);
  const trimmed = name.trim();
  return (
    <dialog
      ref={dialog}
      className="name-dialog"
      aria-labelledby="name-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        cancelName();
      }}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (trimmed) void setReviewer(trimmed);
        }}
      >
        <h2 id="name-dialog-title">Your name, as it will appear on decisions</h2>
        <p className="muted">It is written on every decision and sign-off you make, and kept for the next time (change it from the header).</p>
        <label className="field">
          <span>Your name</span>
          <input type="text" value={name} autoComplete="name" onChange={(e) => setName(e.target.value)} />
        </label>
        <div className="name-dialog-actions">
          <button type="submit" className="primary" disabled={!trimmed}>
            Save the name
          </button>
          <button type="button" onClick={cancelName}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
