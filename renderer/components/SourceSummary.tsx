// What was read from each export: rows loaded, lines dropped (report footers...) and values that could not be read, which open to their records.
import { useShallow } from 'zustand/react/shallow';
import type { ReconReport, Side, SourceReport, UnreadableColumn } from '../../shared/reportTypes';
import { formatCount } from '../model/formatCount';
import { findReconciliation, useBridgeStore } from '../stores/useBridgeStore';
import { useRecordsStore } from '../stores/useRecordsStore';
import { useSessionStore } from '../stores/useSessionStore';

const DROP_REASONS: Record<string, string> = {
  report_footer: 'report footer',
  title_row: 'title row',
  blank_row: 'blank row',
  unparseable_row: 'unreadable row',
};

/** A reconciliation side whose metric reads the source: the one on screen first, else the first in the contract. */
function findReadingSide(report: ReconReport | null, shown: string | null, source: string): { reconciliation: string; side: Side } | null {
  const current = findReconciliation(report, shown);
  for (const recon of [...(current ? [current] : []), ...(report?.reconciliations ?? [])]) {
    if (recon.left.source === source) return { reconciliation: recon.name, side: 'left' };
    if (recon.right.source === source) return { reconciliation: recon.name, side: 'right' };
  }
  return null;
}

export function SourceSummary({ source }: { source: SourceReport }) {
  const { report, reconciliation } = useBridgeStore(useShallow((s) => ({ report: s.report, reconciliation: s.reconciliation })));
  const openBucket = useRecordsStore((s) => s.openBucket);
  const showScreen = useSessionStore((s) => s.showScreen);
  const reading = findReadingSide(report, reconciliation, source.name);
  const unreadable = source.unreadable.reduce((n, u) => n + u.count, 0);
  const open = (u: UnreadableColumn) => {
    if (!reading) return;
    void openBucket({ ...reading, kind: 'gross', unreadableColumn: u.column });
    showScreen('records');
  };
  const first = source.unreadable[0];
  return (
    <section className="source-summary" aria-label={`Source ${source.name}`}>
      <h3>
        {source.name} <span className="muted file">{source.file}</span>
      </h3>
      <dl className="facts">
        <div>
          <dt>Rows loaded</dt>
          <dd>{formatCount(source.rows)}</dd>
        </div>
        <div>
          <dt>Lines dropped</dt>
          <dd>{formatCount(source.dropped.length)}</dd>
        </div>
        <div>
          <dt>Unreadable values</dt>
          <dd>
            {first && reading ? (
              <button
                type="button"
                className="link-button figure-button"
                aria-label={`${formatCount(unreadable)} unreadable values of ${source.name}: show the records of ${first.column}`}
                onClick={() => open(first)}
              >
                {formatCount(unreadable)}
              </button>
            ) : (
              formatCount(unreadable)
            )}
          </dd>
        </div>
      </dl>
      {source.files ? (
        <table className="source-files" aria-label={`Files of ${source.name}`}>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Rows loaded</th>
              <th scope="col">Lines dropped</th>
            </tr>
          </thead>
          <tbody>
            {source.files.map((f) => (
              <tr key={f.file}>
                <td className="file">{f.file}</td>
                <td className="number">{formatCount(f.rows)}</td>
                <td className="number">{formatCount(f.dropped)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {source.dropped.length > 0 ? (
        <details>
          <summary>Dropped lines of {source.name}</summary>
          <ul className="plain-list">
            {source.dropped.map((d) => (
              <li key={`${d.file ?? ''}:${d.line}`}>
                Line {d.line}
                {d.file === undefined ? '' : ` of ${d.file}`}, {DROP_REASONS[d.reason] ?? d.reason}: <q>{d.text}</q>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {(source.amounts ?? [])
        .filter((a) => a.ambiguous)
        .map((a) => (
          <p key={a.column} className="muted">
            Amounts in {a.column} are read with a decimal point: nothing in the column tells a point from a comma (set <code>decimal</code> on the source to say).
          </p>
        ))}
      {source.unreadable.length > 0 ? (
        <details>
          <summary>Unreadable values of {source.name}</summary>
          <ul className="plain-list">
            {source.unreadable.map((u) => (
              <li key={u.column}>
                {u.column}: {formatCount(u.count)} value{u.count === 1 ? '' : 's'} that could not be read as {source.amounts?.some((a) => a.column === u.column) ? 'an amount' : 'a date'}{' '}
                {reading ? (
                  <button type="button" className="link-button" onClick={() => open(u)}>
                    Show the {u.count === 1 ? 'record' : `${formatCount(u.count)} records`} of {u.column}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
