// The start screen: open the sample, open a contract file, reopen a recent investigation, or start a new one.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSessionStore } from '../stores/useSessionStore';
import { NewInvestigationForm } from './NewInvestigationForm';

export function StartScreen() {
  const { recent, work, openSample, openContract } = useSessionStore(
    useShallow((s) => ({ recent: s.recent, work: s.work, openSample: s.openSample, openContract: s.openContract })),
  );
  const [contractPath, setContractPath] = useState('');
  const busy = work !== null;
  return (
    <div className="start">
      <div className="start-column">
        <section className="card" aria-labelledby="sample-heading">
          <h2 id="sample-heading">The sample investigation</h2>
          <p>Acme's Q3 2026: marketing counts MQLs in HubSpot, sales counts leads in Salesforce. See where the two numbers part.</p>
          <button type="button" className="primary" disabled={busy} onClick={() => void openSample()}>
            Open the sample investigation
          </button>
        </section>
        <section className="card" aria-labelledby="open-heading">
          <h2 id="open-heading">Open a contract file</h2>
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              if (contractPath.trim()) void openContract(contractPath.trim());
            }}
          >
            <label className="field grow">
              <span>Contract file path</span>
              <input type="text" value={contractPath} placeholder="/path/to/investigation.recon.yaml" spellCheck={false} onChange={(e) => setContractPath(e.target.value)} />
            </label>
            <button type="submit" disabled={busy || contractPath.trim() === ''}>
              Open contract
            </button>
          </form>
        </section>
        <section className="card" aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recent investigations</h2>
          {recent.length === 0 ? (
            <p className="muted">None yet: investigations you open are listed here.</p>
          ) : (
            <ul className="recent">
              {recent.map((item) => (
                <li key={item.contractPath}>
                  <button type="button" className="recent-item" disabled={busy} aria-label={`Reopen ${item.title}`} onClick={() => void openContract(item.contractPath)}>
                    <span className="recent-title">{item.title}</span>
                    <span className="recent-path">{item.contractPath}</span>
                    <span className="recent-date">Opened {new Date(item.openedAt).toLocaleString()}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <section className="card start-new" aria-labelledby="new-heading">
        <h2 id="new-heading">New investigation</h2>
        <NewInvestigationForm />
      </section>
    </div>
  );
}
