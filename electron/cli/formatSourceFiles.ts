// The per-file accounting of a source of several files, one line per file, for the CLI's table and its stderr.
import type { SourceReport } from '../../shared/reportTypes';

/** Nothing for a one-file source; else `<file>: N rows[, M lines not loaded (reasons)]` per file, in row order. */
export function formatSourceFiles(source: SourceReport): string[] {
  return (source.files ?? []).map((f) => {
    const reasons = [...new Set(source.dropped.filter((d) => d.file === f.file).map((d) => d.reason))];
    const dropped = f.dropped ? `, ${f.dropped.toLocaleString('en-US')} line${f.dropped === 1 ? '' : 's'} not loaded (${reasons.join(', ')})` : '';
    return `${f.file}: ${f.rows.toLocaleString('en-US')} rows${dropped}`;
  });
}
