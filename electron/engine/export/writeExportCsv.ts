// Writes an export as CSV: its About lines, a blank line, then the records, dates in ISO 8601.
import { formatCsvRow } from '../../../shared/formatCsvRow';

/** 'YYYY-MM-DD HH:MM' (wall time in the zone its header names) as ISO 8601; a date alone stays a date. */
function toIsoDateTime(value: string): string {
  return value.length > 10 ? `${value.replace(' ', 'T')}:00` : value;
}

export function writeExportCsv(about: [string, string][], headers: string[], rows: (string | null)[][], dateColumns: ReadonlySet<number>): Buffer {
  const records = rows.map((row) => row.map((v, i) => (v !== null && dateColumns.has(i) ? toIsoDateTime(v) : v)));
  // A BOM so Excel reads the UTF-8 right; CRLF as RFC 4180 says.
  const lines = [...about.map((line) => formatCsvRow(line)), '', formatCsvRow(headers), ...records.map((r) => formatCsvRow(r))];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
