// Chooses which listed columns the grid shows (and exports): a button opening a list of checkboxes.
import { useEffect, useRef, useState } from 'react';
import { labelColumns, type ListingContext } from '../../shared/labelColumns';

interface Props {
  columns: string[];
  hiddenColumns: string[];
  context: ListingContext;
  onToggle(column: string): void;
  onShowAll(): void;
}

export function ColumnChooser({ columns, hiddenColumns, context, onToggle, onShowAll }: Props) {
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
  const labels = labelColumns(columns, context);
  return (
    <div className="chooser" ref={box}>
      <button type="button" aria-expanded={open} aria-controls="column-chooser" onClick={() => setOpen(!open)}>
        Columns ({shown}/{columns.length})
      </button>
      {open ? (
        <fieldset id="column-chooser" className="chooser-list">
          <legend>Columns shown and exported</legend>
          {columns.map((column, i) => (
            <label key={column} className="check">
              <input type="checkbox" checked={!hiddenColumns.includes(column)} onChange={() => onToggle(column)} />
              {labels[i]}
            </label>
          ))}
          <p className="muted chooser-note">Exports always carry the step and reason of every record.</p>
          <button type="button" className="link-button" onClick={onShowAll}>
            Show all columns
          </button>
        </fieldset>
      ) : null}
    </div>
  );
}
