// Finds the delimiter, the header record and the title lines above it from the head of a delimited file.
import type { DroppedRow } from '../../../shared/reportTypes';
import { isBlankRecord, splitCsvRecords, type CsvRecord } from './splitCsvRecords';

export interface Dialect {
  delimiter: string;
  columnCount: number;
  header: CsvRecord;
  /** Lines above the header: Salesforce report titles, "As of" lines, blank lines. */
  aboveHeader: DroppedRow[];
}

const DELIMITERS = [',', ';', '\t', '|'];

/** Returns null when the sample holds no non-blank record (no header row). */
export function sniffDialect(headText: string, wholeFile: boolean, extension: string): Dialect | null {
  const order = extension === '.tsv' ? ['\t', ...DELIMITERS.filter((d) => d !== '\t')] : DELIMITERS;
  let best: { delimiter: string; columnCount: number; score: number; records: CsvRecord[] } | null = null;
  for (const delimiter of order) {
    const records = splitCsvRecords(headText, delimiter, wholeFile).filter((r) => r.complete && !isBlankRecord(r.fields));
    const { columnCount, frequency } = findUsualFieldCount(records);
    const score = columnCount > 1 ? frequency : 0;
    if (!best || score > best.score) best = { delimiter, columnCount, score, records };
  }
  if (!best) return null;
  const { delimiter, columnCount, records } = best;
  const header = records.find((r) => r.fields.length === columnCount) ?? records[0];
  if (!header) return null;
  return { delimiter, columnCount: header.fields.length, header, aboveHeader: listLinesAbove(headText, header.line) };
}

// The field count of the bulk of the file: the most frequent count above 1 (ties go to the wider one),
// so a few one-field title lines cannot outvote a short table.
function findUsualFieldCount(records: CsvRecord[]): { columnCount: number; frequency: number } {
  const counts = new Map<number, number>();
  for (const r of records) counts.set(r.fields.length, (counts.get(r.fields.length) ?? 0) + 1);
  let columnCount = 1;
  let frequency = 0;
  for (const [count, seen] of counts) {
    if (count > 1 && (seen > frequency || (seen === frequency && count > columnCount))) {
      columnCount = count;
      frequency = seen;
    }
  }
  return { columnCount, frequency };
}

function listLinesAbove(text: string, headerLine: number): DroppedRow[] {
  const lines = text.split('\n', headerLine - 1);
  return lines.map((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    return { line: i + 1, reason: line.trim() === '' ? 'blank_row' : 'title_row', text: line };
  });
}
