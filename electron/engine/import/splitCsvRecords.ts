// Splits a decoded sample of delimited text into records the way DuckDB's strict reader does (for sniffing only).
export interface CsvRecord {
  line: number; // 1-based physical line of the sample where the record starts
  lineCount: number; // physical lines it spans (quoted line breaks)
  fields: string[];
  text: string; // raw text without its line terminator
  complete: boolean; // ended by a line break, or the sample is the whole file and its quotes closed
}

const QUOTE = '"';

/** Records of `text`; `wholeFile` says the text is not cut short, so a last line without a line break is complete. */
export function splitCsvRecords(text: string, delimiter: string, wholeFile: boolean): CsvRecord[] {
  const records: CsvRecord[] = [];
  let line = 1;
  let pos = 0;
  while (pos < text.length) {
    const record = readRecord(text, pos, delimiter);
    const complete = record.ended || (wholeFile && !record.inQuotes);
    records.push({ line, lineCount: record.lineBreaks + 1, fields: record.fields, text: stripCr(text.slice(pos, record.textEnd)), complete });
    line += record.lineBreaks + (record.ended ? 1 : 0);
    pos = record.next;
  }
  return records;
}

/** True when a record holds nothing but white space, quotes and delimiters (`""`, `,,,`, an empty line). */
export function isBlankRecord(fields: string[]): boolean {
  return fields.every((field) => field.trim() === '');
}

function readRecord(text: string, start: number, delimiter: string) {
  const fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let atFieldStart = true;
  let lineBreaks = 0;
  let pos = start;
  while (pos < text.length) {
    const ch = text[pos];
    if (inQuotes) {
      if (ch === QUOTE && text[pos + 1] === QUOTE) {
        field += QUOTE;
        pos += 2;
        continue;
      }
      if (ch === QUOTE) inQuotes = false;
      else {
        if (ch === '\n') lineBreaks++;
        field += ch;
      }
    } else if (ch === QUOTE && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
      atFieldStart = true;
    } else if (ch === '\n') {
      fields.push(stripCr(field));
      return { fields, lineBreaks, inQuotes, ended: true, textEnd: pos, next: pos + 1 };
    } else {
      field += ch;
      atFieldStart = false;
    }
    pos++;
  }
  fields.push(stripCr(field));
  return { fields, lineBreaks, inQuotes, ended: false, textEnd: pos, next: pos };
}

function stripCr(value: string): string {
  return value.endsWith('\r') ? value.slice(0, -1) : value;
}
