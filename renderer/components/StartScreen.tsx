// The start screen: open or reset the sample, open a contract file, reopen a recent investigation, or start a new one.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSessionStore } from '../stores/useSessionStore';
import { NewInvestigationForm } from './newInvestigation/NewInvestigationForm';
import { RecentList } from './RecentList';
import { SampleCard } from './SampleCard';

export function StartScreen() {
  const { recent, work, openContract } = useSessionStore(useShallow((s) => ({ recent: s.recent, work: s.work, openContract: s.openContract })));
  const [contractPath, setContractPath] = useState('');
  const busy = work !== null;
  return (
    <div className="start">
      <div className="start-column">
        <SampleCard />
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
          <RecentList recent={recent} busy={busy} onOpen={(path) => void openContract(path)} />
        </section>
      </div>
      <section className="card start-new" aria-labelledby="new-heading">
        <h2 id="new-heading">New investigation</h2>
        <NewInvestigationForm />
      </section>
    </div>
  );
}
