// Every row of both exports that carries one identity key, side by side, with differing values highlighted, links to each row's counterpart, and the inspected record's decision.
import { useEffect, useRef, type ReactNode } from 'react';
import type { IdentityInspection, IdentityRow } from '../../shared/api';
import type { ListingKind, Side } from '../../shared/reportTypes';
import { findDifferingColumns } from '../model/findDifferingColumns';
import { formatAmount } from '../model/formatAmount';
import { labelBucket, labelReason } from '../model/labelBucket';
import { RecordDecision } from './review/RecordDecision';

interface Props {
  inspection: IdentityInspection;
  inspected: { side: Side; recordId: string } | null;
  reportingZone: string;
  /** reporting.currency, for the records' values when the metrics have one. */
  currency: string | undefined;
  onClose(): void;
  /** Shows another record of the inspection as the inspected one. */
  onInspect(side: Side, recordId: string): void;
  onOpenBucket(listing: { side: Side; kind: ListingKind; reason: string }): void;
  /** What a screen adds about the inspected record, above its rows (the Funnel screen's timeline). */
  children?: ReactNode;
}

function orderRows(rows: IdentityRow[]): IdentityRow[] {
  return [...rows.filter((r) => r.side === 'left'), ...rows.filter((r) => r.side === 'right')];
}

function listColumns(rows: IdentityRow[]): string[] {
  const columns: string[] = [];
  for (const row of rows) for (const column of Object.keys(row.values)) if (!columns.includes(column)) columns.push(column);
  return columns;
}

const sideWord = (side: Side) => (side === 'left' ? 'Left' : 'Right');

/** The counterpart links of one row: show that record here, and open the bucket it is in. */
function CounterpartLinks({ row, rows, onInspect, onOpenBucket }: { row: IdentityRow; rows: IdentityRow[] } & Pick<Props, 'onInspect' | 'onOpenBucket'>) {
  const counterpart = row.counterpart;
  if (!counterpart) return null;
  const other = rows.find((r) => r.side === counterpart.side && r.id === counterpart.id);
  const what = counterpart.side === row.side ? `the survivor ${counterpart.id}` : `${counterpart.id} on the ${counterpart.side} side`;
  return (
    <div className="counterpart-links">
      <button type="button" className="link-button" onClick={() => onInspect(counterpart.side, counterpart.id)}>
        Open {what}
      </button>
      {other ? (
        <button
          type="button"
          className="link-button"
          aria-label={`List the bucket of ${counterpart.id}: ${sideWord(other.side)} · ${labelBucket(other.kind, other.reason)}`}
          onClick={() => onOpenBucket({ side: other.side, kind: other.kind, reason: other.reason })}
        >
          {sideWord(other.side)} · {labelBucket(other.kind, other.reason)}
        </button>
      ) : null}
    </div>
  );
}

export function RecordInspector({ inspection, inspected, reportingZone, currency, onClose, onInspect, onOpenBucket, children }: Props) {
  const closeButton = useRef<HTMLButtonElement>(null);
  // Focus goes to the inspector when it opens on a key, not when a counterpart link re-marks a record of the same key.
  const opened = `${inspection.reconciliation}\u0000${inspection.key}`;
  useEffect(() => closeButton.current?.focus(), [opened]);
  const rows = orderRows(inspection.rows);
  const differing = findDifferingColumns(rows);
  const columns = listColumns(rows);
  const left = rows.filter((r) => r.side === 'left').length;
  const fixed: { label: string; read(row: IdentityRow): string }[] = [
    { label: 'Record', read: (r) => r.id },
    // A source of several files says which file and line; a one-file source its data row, as it always did.
    rows.some((r) => r.file !== undefined)
      ? { label: 'File and line', read: (r) => (r.file === undefined ? `row ${r.rowNo}` : `${r.file}, line ${r.line ?? ''}`) }
      : { label: 'Row in the file', read: (r) => String(r.rowNo) },
    { label: 'Step', read: (r) => labelBucket(r.kind, r.reason) },
    { label: 'Reason', read: (r) => labelReason(r.reason) },
    { label: 'Date as exported', read: (r) => r.dateExported ?? '' },
    { label: `Date in ${reportingZone}`, read: (r) => r.dateReporting ?? '' },
    // What each record adds to its bucket, converted and rounded to the cent (money.md).
    ...(rows.some((r) => r.value !== undefined)
      ? [{ label: `Value${currency ? ` (${currency})` : ''}`, read: (r: IdentityRow) => (r.value === undefined ? '' : r.value === null ? 'no amount' : formatAmount(r.value, currency)) }]
      : []),
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
      {/* Outside the scrolled rows: the decision stays in view whatever field is read. */}
      {inspected ? <RecordDecision reconciliation={inspection.reconciliation} side={inspected.side} recordId={inspected.recordId} /> : null}
      <div className="inspector-scroll">
        {children}
        <table className="inspector-table">
          <thead>
            <tr>
              <th scope="col" className="field-column">
                <span className="visually-hidden">Field</span>
              </th>
              {rows.map((row) => (
                <th key={`${row.side}-${row.id}`} scope="col" className={`side-${row.side}`}>
                  {sideWord(row.side)} · {row.source}
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
            {rows.some((r) => r.counterpart) ? (
              <tr className="fixed-row counterpart-row">
                <th scope="row">Read against</th>
                {rows.map((row) => (
                  <td key={`${row.side}-${row.id}`}>
                    <CounterpartLinks row={row} rows={rows} onInspect={onInspect} onOpenBucket={onOpenBucket} />
                  </td>
                ))}
              </tr>
            ) : null}
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
