// Every row of both exports that carries one identity key, side by side, with differing values highlighted.
import { useEffect, useRef } from 'react';
import type { IdentityInspection, IdentityRow } from '../../shared/api';
import type { Side } from '../../shared/reportTypes';
import { findDifferingColumns } from '../model/findDifferingColumns';
import { labelBucket } from '../model/labelBucket';

interface Props {
  inspection: IdentityInspection;
  inspected: { side: Side; recordId: string } | null;
  reportingZone: string;
  onClose(): void;
}

function orderRows(rows: IdentityRow[]): IdentityRow[] {
  return [...rows.filter((r) => r.side === 'left'), ...rows.filter((r) => r.side === 'right')];
}

function listColumns(rows: IdentityRow[]): string[] {
  const columns: string[] = [];
  for (const row of rows) for (const column of Object.keys(row.values)) if (!columns.includes(column)) columns.push(column);
  return columns;
}

export function RecordInspector({ inspection, inspected, reportingZone, onClose }: Props) {
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => closeButton.current?.focus(), [inspection]);
  const rows = orderRows(inspection.rows);
  const differing = findDifferingColumns(rows);
  const columns = listColumns(rows);
  const left = rows.filter((r) => r.side === 'left').length;
  const fixed: { label: string; read(row: IdentityRow): string }[] = [
    { label: 'Record', read: (r) => r.id },
    { label: 'Row in the file', read: (r) => String(r.rowNo) },
    { label: 'Step', read: (r) => labelBucket(r.kind, r.reason) },
    { label: 'Reason', read: (r) => r.reason },
    { label: 'Date as exported', read: (r) => r.dateExported ?? '' },
    { label: `Date in ${reportingZone}`, read: (r) => r.dateReporting ?? '' },
  ];
  return (
    <aside
      className="inspector"
      aria-label="Record inspector"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div className="inspector-head">
        <div>
          <h3>{inspection.key ? <>Identity key {inspection.key}</> : 'A record without an identity key'}</h3>
          <p className="muted">
            {left} row{left === 1 ? '' : 's'} on the left, {rows.length - left} on the right. Values that differ between rows are highlighted.
          </p>
        </div>
        <button type="button" ref={closeButton} onClick={onClose}>
          Close the inspector
        </button>
      </div>
      <div className="inspector-scroll">
        <table className="inspector-table">
          <thead>
            <tr>
              <th scope="col" className="field-column">
                <span className="visually-hidden">Field</span>
              </th>
              {rows.map((row) => (
                <th key={`${row.side}-${row.id}`} scope="col" className={`side-${row.side}`}>
                  {row.side === 'left' ? 'Left' : 'Right'} · {row.source}
                  {inspected?.side === row.side && inspected.recordId === row.id ? <span className="this-record"> (this record)</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {fixed.map((f) => (
              <tr key={f.label} className="fixed-row">
                <th scope="row">{f.label}</th>
                {rows.map((row) => (
                  <td key={`${row.side}-${row.id}`} className={f.label === 'Step' ? `step step-${row.kind}` : undefined}>
                    {f.read(row)}
                  </td>
                ))}
              </tr>
            ))}
            {columns.map((column) => (
              <tr key={column}>
                <th scope="row">{column}</th>
                {rows.map((row) => {
                  const carries = column in row.values;
                  const value = row.values[column];
                  const differs = carries && differing.has(column);
                  return (
                    <td key={`${row.side}-${row.id}`} className={differs ? 'differs' : carries ? undefined : 'absent'}>
                      {carries ? (value ?? '') : '—'}
                      {differs ? <span className="visually-hidden"> (differs)</span> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </aside>
  );
}
