// The new-investigation form: two exports, the period and reporting zone, the title and where the contract goes.
import { useMemo, useState } from 'react';
import type { SourceDraft } from '../../shared/api';
import { useSessionStore } from '../stores/useSessionStore';
import { ExportSourceForm } from './ExportSourceForm';

function suggestContractPath(file: string | undefined): string {
  if (!file) return '';
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return `${cut >= 0 ? file.slice(0, cut + 1) : ''}investigation.recon.yaml`;
}

export function NewInvestigationForm() {
  const createInvestigation = useSessionStore((s) => s.createInvestigation);
  const busy = useSessionStore((s) => s.work !== null);
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const [left, setLeft] = useState<SourceDraft | null>(null);
  const [right, setRight] = useState<SourceDraft | null>(null);
  const [title, setTitle] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [timezone, setTimezone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [contractPath, setContractPath] = useState('');
  const shownPath = contractPath || suggestContractPath(left?.file);
  const missing = [
    !left && 'the left export',
    !right && 'the right export',
    !title.trim() && 'a title',
    !(from && to) && 'the period',
    !shownPath && 'the contract path',
  ].filter(Boolean);

  return (
    <form
      className="new-investigation"
      onSubmit={(event) => {
        event.preventDefault();
        if (!left || !right || missing.length > 0) return;
        void createInvestigation({ title: title.trim(), contractPath: shownPath, timezone, from, to, left, right });
      }}
    >
      <datalist id="time-zones">
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <div className="source-forms">
        <ExportSourceForm label="Left" draft={left} onChange={setLeft} />
        <ExportSourceForm label="Right" draft={right} onChange={setRight} />
      </div>
      <div className="mapping-grid">
        <label className="field span-3">
          <span>Title</span>
          <input type="text" value={title} placeholder="Q3 MQLs vs CRM leads" onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label className="field">
          <span>Period from</span>
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="field">
          <span>Period to</span>
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label className="field">
          <span>Reporting time zone</span>
          <input type="text" list="time-zones" value={timezone} onChange={(e) => setTimezone(e.target.value)} />
        </label>
        <label className="field span-3">
          <span>New contract file path</span>
          <input type="text" value={shownPath} spellCheck={false} placeholder="/path/to/investigation.recon.yaml" onChange={(e) => setContractPath(e.target.value)} />
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || missing.length > 0} aria-describedby="create-missing">
          Create investigation
        </button>
        <span id="create-missing" className="muted">
          {missing.length > 0 ? `Still needed: ${missing.join(', ')}.` : 'Ready: Create writes the contract file and reads both exports.'}
        </span>
      </div>
    </form>
  );
}
