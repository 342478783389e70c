// The sample investigation: open it, or put it back as it shipped (after a confirmation, since edits to it are lost).
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSessionStore } from '../stores/useSessionStore';

export function SampleCard() {
  const { busy, openSample, resetSample } = useSessionStore(useShallow((s) => ({ busy: s.work !== null, openSample: s.openSample, resetSample: s.resetSample })));
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="card" aria-labelledby="sample-heading">
      <h2 id="sample-heading">The sample investigation</h2>
      <p>Acme's Q3 2026: marketing counts MQLs in HubSpot, sales counts leads in Salesforce. See where the two numbers part.</p>
      <div className="card-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void openSample()}>
          Open the sample investigation
        </button>
        {!confirming ? (
          <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
            Reset sample
          </button>
        ) : null}
      </div>
      {confirming ? (
        <div className="confirm" role="group" aria-labelledby="reset-question">
          <p id="reset-question">Put the sample's contract and exports back as they shipped? Your edits to the sample are lost.</p>
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() => {
              setConfirming(false);
              void resetSample();
            }}
          >
            Reset and open the sample
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Keep my changes
          </button>
        </div>
      ) : null}
    </section>
  );
}
