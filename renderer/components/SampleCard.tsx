// The bundled sample investigations: open one, or put it back as it shipped (after a confirmation, since edits to it are lost).
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SampleName } from '../../shared/api';
import { useSessionStore } from '../stores/useSessionStore';

const SAMPLES: { name: SampleName; title: string; about: string; open: string; reset: string }[] = [
  {
    name: 'leads',
    title: 'MQLs against CRM leads',
    about: "Acme's Q3 2026: marketing counts MQLs in HubSpot, sales counts leads in Salesforce. See where the two numbers part.",
    open: 'Open the sample investigation',
    reset: 'Reset sample',
  },
  {
    name: 'pipeline',
    title: 'Pipeline and revenue, in amounts',
    about: 'HubSpot deals against Salesforce opportunities, and closed-won deals against finance invoice lines: which dollars each side counts, and where matched deals disagree.',
    open: 'Open the pipeline sample',
    reset: 'Reset pipeline sample',
  },
];

export function SampleCard() {
  const { busy, openSample, resetSample } = useSessionStore(useShallow((s) => ({ busy: s.work !== null, openSample: s.openSample, resetSample: s.resetSample })));
  const [confirming, setConfirming] = useState<SampleName | null>(null);
  return (
    <section className="card" aria-labelledby="sample-heading">
      <h2 id="sample-heading">The sample investigations</h2>
      {SAMPLES.map((sample) => (
        <div key={sample.name} className="sample" aria-labelledby={`sample-${sample.name}`}>
          <h3 id={`sample-${sample.name}`}>{sample.title}</h3>
          <p>{sample.about}</p>
          <div className="card-actions">
            <button type="button" className={sample.name === 'leads' ? 'primary' : undefined} disabled={busy} onClick={() => void openSample(sample.name)}>
              {sample.open}
            </button>
            {confirming !== sample.name ? (
              <button type="button" disabled={busy} onClick={() => setConfirming(sample.name)}>
                {sample.reset}
              </button>
            ) : null}
          </div>
          {confirming === sample.name ? (
            <div className="confirm" role="group" aria-labelledby={`reset-question-${sample.name}`}>
              <p id={`reset-question-${sample.name}`}>Put the sample's contract and exports back as they shipped? Your edits to the sample are lost.</p>
              <button
                type="button"
                className="danger"
                disabled={busy}
                onClick={() => {
                  setConfirming(null);
                  void resetSample(sample.name);
                }}
              >
                Reset and open the sample
              </button>
              <button type="button" onClick={() => setConfirming(null)}>
                Keep my changes
              </button>
            </div>
          ) : null}
        </div>
      ))}
    </section>
  );
}
