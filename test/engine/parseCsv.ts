// Test support: CSV text read as rows of fields, independently of the engine's importer.

/** RFC 4180 with quoted fields; enough to read the sample CSVs independently of the generator. */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (quoted || (ch !== delimiter && ch !== '\n' && ch !== '\r')) {
      field += ch;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      rows.push([...row, field]);
      row = [];
      field = '';
    }
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
