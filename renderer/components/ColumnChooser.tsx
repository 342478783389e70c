// Chooses which listed columns the grid shows (and exports): a button opening a list of checkboxes.
import { useEffect, useRef, useState } from 'react';
import { labelColumn } from '../model/labelColumn';
import type { ListingKind } from '../../shared/reportTypes';

interface Props {
  columns: string[];
  hiddenColumns: string[];
  kind: ListingKind;
  reportingZone: string;
  onToggle(column: string): void;
  onShowAll(): void;
}

export function ColumnChooser({ columns, hiddenColumns, kind, reportingZone, onToggle, onShowAll }: Props) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !box.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  const shown = columns.length - hiddenColumns.length;
  return (
    <div className="chooser" ref={box}>
      <button type="button" aria-expanded={open} aria-controls="column-chooser" onClick={() => setOpen(!open)}>
        Columns ({shown}/{columns.length})
      </button>
      {open ? (
        <fieldset id="column-chooser" className="chooser-list">
          <legend>Columns shown and exported</legend>
          {columns.map((column) => (
            <label key={column} className="check">
              <input type="checkbox" checked={!hiddenColumns.includes(column)} onChange={() => onToggle(column)} />
              {labelColumn(column, kind, reportingZone)}
            </label>
          ))}
          <button type="button" className="link-button" onClick={onShowAll}>
            Show all columns
          </button>
        </fieldset>
      ) : null}
    </div>
  );
}
