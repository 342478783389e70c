// A contract that failed to load, in the editor with its problems at their lines: fix it, Save and open. Never a dead end.
import { useShallow } from 'zustand/react/shallow';
import { useRepairStore } from '../stores/useRepairStore';
import { useSessionStore } from '../stores/useSessionStore';
import { ContractEditor } from './ContractEditor';

export function ContractRepairScreen() {
  const { document, text, issues, checking, reason, editText } = useRepairStore(
    useShallow((s) => ({ document: s.document, text: s.text, issues: s.issues, checking: s.checking, reason: s.reason, editText: s.editText })),
  );
  const { busy, saveRepairedContract, showScreen } = useSessionStore(
    useShallow((s) => ({ busy: s.work !== null, saveRepairedContract: s.saveRepairedContract, showScreen: s.showScreen })),
  );
  if (!document) return <div className="placeholder">Loading the contract…</div>;
  const status = checking ? 'Checking…' : issues.length > 0 ? `${issues.length} problem${issues.length === 1 ? '' : 's'} to fix` : 'No problems found: Save and open';
  return (
    <section className="panel contract-repair" aria-label="Fix the contract">
      <div className="editor-toolbar">
        <h2>This contract did not open: fix it here</h2>
        <span className={`editor-status${issues.length > 0 ? ' status-bad' : ''}`} role="status">
          {status}
        </span>
        <button type="button" disabled={busy} onClick={() => showScreen('start')}>
          Back to investigations
        </button>
        <button type="button" className="primary" disabled={busy || checking || text === ''} onClick={() => void saveRepairedContract(document.path, text)}>
          Save and open
        </button>
      </div>
      <p className="muted file">{document.path}</p>
      {reason ? <p className="note">{reason}</p> : null}
      <p className="muted">Each problem is marked at its line. The file is written only once the text reads as a contract; nothing runs before.</p>
      <ContractEditor text={text} issues={issues} onEdit={editText} />
    </section>
  );
}
