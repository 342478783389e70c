// What was read from each export: rows loaded, lines dropped (report footers...) and values that could not be read.
import type { SourceReport } from '../../shared/reportTypes';
import { formatCount } from '../model/formatCount';

const DROP_REASONS: Record<string, string> = {
  report_footer: 'report footer',
  title_row: 'title row',
  blank_row: 'blank row',
  unparseable_row: 'unreadable row',
};

export function SourceSummary({ source }: { source: SourceReport }) {
  const unreadable = source.unreadable.reduce((n, u) => n + u.count, 0);
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
          <dd>{formatCount(unreadable)}</dd>
        </div>
      </dl>
      {source.dropped.length > 0 ? (
        <details>
          <summary>Dropped lines of {source.name}</summary>
          <ul className="plain-list">
            {source.dropped.map((d) => (
              <li key={d.line}>
                Line {d.line}, {DROP_REASONS[d.reason] ?? d.reason}: <q>{d.text}</q>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {source.unreadable.length > 0 ? (
        <details>
          <summary>Unreadable values of {source.name}</summary>
          <ul className="plain-list">
            {source.unreadable.map((u) => (
              <li key={u.column}>
                {u.column}: {formatCount(u.count)} value{u.count === 1 ? '' : 's'} (records {u.ids.slice(0, 8).join(', ')}
                {u.ids.length > 8 ? ', …' : ''}), read as empty
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
