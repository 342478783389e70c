// The browser shell's Browse: folders and exports (or contract files) under the user's home folder, listed by the engine (listFolder).
import { useEffect, useRef, useState } from 'react';
import type { FolderAccept, FolderListing } from '../../../shared/api';
import { getApi } from '../../api/getApi';

interface Props {
  /** Left, Right or Other: whose export is chosen. */
  label: string;
  /** A folder to start in (the one of a path already typed); the top when absent or not browsable. */
  start?: string;
  /** Exports (the default) or contract files. */
  accept?: FolderAccept;
  onChoose(file: string): void;
  onClose(): void;
}

export function FolderBrowser({ label, start, accept = 'exports', onChoose, onClose }: Props) {
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [wanted, setWanted] = useState<string | undefined>(start);
  const dialog = useRef<HTMLDivElement>(null);
  // Keyboard users land in the browser they opened, not behind it.
  useEffect(() => dialog.current?.focus(), []);

  useEffect(() => {
    let current = true;
    getApi()
      .listFolder(wanted, accept)
      .then((next) => current && setListing(next))
      .catch((error: unknown) => {
        if (!current) return;
        setProblem(error instanceof Error ? error.message : String(error));
        // A folder that cannot be browsed (gone, outside the home folder): back to the top, with the reason shown.
        if (wanted !== undefined) setWanted(undefined);
      });
    return () => {
      current = false;
    };
  }, [wanted, accept]);
  // A problem stays shown over the folder fallen back to, until the person moves on.
  const go = (folder: string) => {
    setProblem(null);
    setWanted(folder);
  };

  return (
    <div ref={dialog} tabIndex={-1} className="folder-browser" role="dialog" aria-label={`${label}: choose ${accept === 'contracts' ? 'a contract file' : 'an export'}`}>
      <div className="folder-browser-bar">
        <button type="button" disabled={!listing?.parent} aria-label="Up one folder" onClick={() => listing?.parent && go(listing.parent)}>
          ↑ Up
        </button>
        <span className="file grow" aria-label="Current folder">
          {listing?.folder ?? '…'}
        </span>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {problem ? (
        <p className="note" role="alert">
          {problem}
        </p>
      ) : null}
      {listing && listing.entries.length === 0 ? <p className="muted">{accept === 'contracts' ? 'No folders or contract files (.yaml, .yml) here.' : 'No folders or exports (.csv, .tsv, .txt, .xlsx) here.'}</p> : null}
      <ul className="folder-entries">
        {listing?.entries.map((entry) => (
          <li key={entry.path}>
            {entry.kind === 'folder' ? (
              <button type="button" className="folder-entry" aria-label={`Open folder ${entry.name}`} onClick={() => go(entry.path)}>
                {entry.name}
                <span className="entry-slash" aria-hidden="true">
                  /
                </span>
              </button>
            ) : (
              <button type="button" className="folder-entry" aria-label={`Choose ${entry.name}`} onClick={() => onChoose(entry.path)}>
                {entry.name}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
