// One side of a comparison: a kept revision (number, time, by, version), the open contract, or another contract file (a pilot).
import { useState } from 'react';
import type { ContractRef, RevisionSummary } from '../../../shared/reviewTypes';
import { findParentFolder } from '../../model/findParentFolder';
import { FolderBrowser } from '../newInvestigation/FolderBrowser';

interface Props {
  /** "A" or "B". */
  side: string;
  value: ContractRef | null;
  revisions: readonly RevisionSummary[];
  onChoose(ref: ContractRef | null): void;
}

const OPEN = 'open';
const FILE = 'file';

function encodeRef(ref: ContractRef | null): string {
  if (!ref) return '';
  if ('open' in ref) return OPEN;
  if ('file' in ref) return FILE;
  return `revision:${ref.revision}`;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "Revision 3 · 2 Dec 2026, 14:03 · Dana Ruiz · version 7": revisions of one sitting differ by minutes, so the time is written out. */
function describeRevision(revision: RevisionSummary): string {
  const at = new Date(revision.at);
  const when = Number.isNaN(at.getTime()) ? revision.at : timeFormat.format(at);
  return `Revision ${revision.number} · ${when} · ${revision.by ?? 'no name set'} · version ${revision.version}`;
}

export function ContractRefPicker({ side, value, revisions, onChoose }: Props) {
  const [path, setPath] = useState(value && 'file' in value ? value.file : '');
  const [choosingFile, setChoosingFile] = useState(value !== null && 'file' in value);
  const [browsing, setBrowsing] = useState(false);
  const chosen = choosingFile ? FILE : encodeRef(value);
  const pick = (encoded: string) => {
    setChoosingFile(encoded === FILE);
    if (encoded === OPEN) onChoose({ open: true });
    else if (encoded === FILE) onChoose(path.trim() ? { file: path.trim() } : null);
    else if (encoded.startsWith('revision:')) onChoose({ revision: Number(encoded.slice('revision:'.length)) });
    else onChoose(null);
  };
  const chooseFile = (file: string) => {
    setPath(file);
    setBrowsing(false);
    onChoose(file.trim() ? { file: file.trim() } : null);
  };
  return (
    <fieldset className="ref-picker">
      <legend>{side}</legend>
      <label className="field">
        <span>Contract {side}</span>
        <select value={chosen} onChange={(e) => pick(e.target.value)}>
          {chosen === '' ? <option value="">Choose a contract…</option> : null}
          {[...revisions].reverse().map((r) => (
            <option key={r.number} value={`revision:${r.number}`}>
              {describeRevision(r)}
            </option>
          ))}
          <option value={OPEN}>The open contract, as saved</option>
          <option value={FILE}>Another contract file (a pilot definition)…</option>
        </select>
      </label>
      {choosingFile ? (
        <div
          className="ref-file"
          onKeyDown={(e) => {
            if (e.key === 'Escape' && browsing) setBrowsing(false);
          }}
        >
          <div className="inline-form">
            <label className="field grow">
              <span>Contract {side} file path</span>
              <input
                type="text"
                value={path}
                spellCheck={false}
                placeholder="/path/to/pilot.recon.yaml"
                // The path counts as chosen as it is typed: Compare is enabled at once, not only after the field loses focus
                // (a click on a disabled button moves no focus, so it would never be).
                onChange={(e) => {
                  setPath(e.target.value);
                  onChoose(e.target.value.trim() ? { file: e.target.value.trim() } : null);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') chooseFile(path);
                }}
              />
            </label>
            <button type="button" aria-label={`Browse for contract ${side}`} aria-expanded={browsing} onClick={() => setBrowsing((open) => !open)}>
              Browse…
            </button>
          </div>
          {browsing ? (
            <FolderBrowser label={`Contract ${side}`} accept="contracts" start={findParentFolder(path.trim())} onChoose={chooseFile} onClose={() => setBrowsing(false)} />
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}
