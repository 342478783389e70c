// Turns a record DuckDB rejected into dropped-row entries (it glues blank lines above a bad record onto it).
import type { DroppedRow } from '../../../shared/reportTypes';

/** `firstLine` is the line in the file DuckDB read; `sourceLine` maps it to the original file. */
export function listRejectedLines(text: string, firstLine: number, sourceLine: (line: number) => number): DroppedRow[] {
  const rows: DroppedRow[] = [];
  let rest = text;
  let line = firstLine;
  for (let end = rest.indexOf('\n'); end !== -1 && rest.slice(0, end).trim() === ''; end = rest.indexOf('\n')) {
    rows.push({ line: sourceLine(line++), reason: 'blank_row', text: rest.slice(0, end).replace(/\r$/, '') });
    rest = rest.slice(end + 1);
  }
  // `""` or `,,,` alone on a line: nothing in it, so a blank row rather than a broken one.
  rows.push({ line: sourceLine(line), reason: /^[\s",;|]*$/.test(rest) ? 'blank_row' : 'unparseable_row', text: rest });
  return rows;
}
