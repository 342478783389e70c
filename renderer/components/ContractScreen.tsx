// The contract screen: the saved contract as a readable page beside its YAML editor, Apply and what it changed.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { describeRecompute } from '../model/describeRecompute';
import { findUnchangedVersionOfLastApply } from '../model/findUnchangedVersion';
import { useCompareStore } from '../stores/useCompareStore';
import { useContractStore } from '../stores/useContractStore';
import { AddRulePanel } from './rules/AddRulePanel';
import { ContractChanges } from './ContractChanges';
import { ContractEditor } from './ContractEditor';
import { ContractSummary } from './ContractSummary';
import { ContractDiffView } from './review/ContractDiffView';

export function ContractScreen() {
  const state = useContractStore(
    useShallow((s) => ({
      document: s.document,
      text: s.text,
      issues: s.issues,
      checking: s.checking,
      applying: s.applying,
      lastApply: s.lastApply,
      columns: s.columns,
      editText: s.editText,
      discardEdits: s.discardEdits,
      applyText: s.applyText,
    })),
  );
  const revisions = useCompareStore((s) => s.revisions);
  const [showingEdits, setShowingEdits] = useState(false);
  const { document } = state;
  if (!document) return <div className="placeholder">Loading the contract…</div>;
  const dirty = state.text !== document.text;
  const unchangedVersion = findUnchangedVersionOfLastApply(revisions);
  const status = state.checking
    ? 'Checking…'
    : state.issues.length > 0
      ? `${state.issues.length} problem${state.issues.length === 1 ? '' : 's'}`
      : dirty
        ? 'No problems: Apply recomputes the bridge and saves the file'
        : 'Saved';
  return (
    <div className="contract-screen">
      <section className="panel contract-page" aria-label="Contract summary">
        <h2>The contract</h2>
        <p className="muted file">{document.path}</p>
        {document.contract ? <ContractSummary contract={document.contract} /> : <p>The saved contract has problems: fix them in the editor.</p>}
      </section>
      <section className="panel contract-edit" aria-label="Contract editor">
        <div className="editor-toolbar">
          <h2>Edit</h2>
          <span className={`editor-status${state.issues.length > 0 ? ' status-bad' : ''}`} role="status">
            {status}
          </span>
          <button type="button" aria-pressed={showingEdits && dirty} disabled={!dirty} onClick={() => setShowingEdits(!showingEdits)}>
            {showingEdits && dirty ? 'Hide edits' : 'Show edits'}
          </button>
          <button type="button" disabled={!dirty || state.applying} onClick={state.discardEdits}>
            Discard changes
          </button>
          <button type="button" className="primary" disabled={!dirty || state.checking || state.applying || state.issues.length > 0} onClick={() => void state.applyText()}>
            {state.applying ? 'Applying…' : 'Apply'}
          </button>
        </div>
        <ContractEditor text={state.text} issues={state.issues} onEdit={state.editText} columns={state.columns} />
        {showingEdits && dirty ? <ContractDiffView aLabel="Saved contract" aText={document.text} bLabel="Your edits" bText={state.text} /> : null}
        <AddRulePanel />
        {state.lastApply && unchangedVersion !== null ? (
          <p className="note" aria-live="polite">
            Definitions changed, version still {unchangedVersion}. Raise <code>version</code> when this definition is the one to report on.
          </p>
        ) : null}
        {state.lastApply?.recompute ? (
          <p className="recompute-note" aria-live="polite">
            {describeRecompute(state.lastApply.recompute)}
          </p>
        ) : null}
        {state.lastApply ? <ContractChanges changes={state.lastApply.changes} currency={state.lastApply.report?.currency} /> : null}
      </section>
    </div>
  );
}
