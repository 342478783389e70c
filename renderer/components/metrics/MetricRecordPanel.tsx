// One record of a metrics list by itself: every column of its export row (records of no bridge: opportunities, won deals, tasks).
import { useEffect, useRef, type ReactNode } from 'react';
import type { InspectedRow } from '../../stores/useMetricsStore';

/** `children`: what the screen adds about the record, above its columns (the Funnel screen's timeline). */
export function MetricRecordPanel({ row, source, onClose, children }: { row: InspectedRow; source: string; onClose(): void; children?: ReactNode }) {
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => closeButton.current?.focus(), [row.recordId]);
  return (
    <aside className="inspector" aria-label={`Record ${row.recordId}`}>
      <div className="inspector-head">
        <div>
          <h3>Record {row.recordId}</h3>
          <p className="muted">Its row in {source}, every column as exported.</p>
        </div>
        <button type="button" ref={closeButton} onClick={onClose}>
          Close
        </button>
      </div>
      <div className="inspector-scroll">
        {children}
        <table className="inspector-table">
          <tbody>
            {row.columns.slice(1).map((column, i) => (
              <tr key={column}>
                <th scope="row" className="field-column">
                  {column}
                </th>
                <td className={row.values[i + 1] === null ? 'cell-empty' : undefined}>{row.values[i + 1] ?? 'empty'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </aside>
  );
}
