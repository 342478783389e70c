// Delimited-text import: dialects, encodings, title rows, footers, bad rows, and the every-line-accounted-for rule.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../electron/engine/openDatabase';
import { importFile, type ImportedTable } from '../../electron/engine/import/importFile';
import { datasetPath, findMissingDataset } from './datasetPath';

let db: Database;
let dir: string;
let n = 0;

beforeAll(async () => {
  db = await openDatabase(':memory:');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-csv-test-'));
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, `${n++}-${name}`);
  fs.writeFileSync(file, content);
  return file;
}

async function load(file: string): Promise<{ result: ImportedTable; rows: Record<string, string | null>[] }> {
  const table = `t${n++}`;
  const result = await importFile(db, file, table);
  const rows = await db.all<Record<string, string | null>>(`SELECT * FROM "${table}" ORDER BY row_no`);
  return { result, rows };
}

/** Physical lines of a decoded text: line breaks, plus a last line without one. */
function physicalLines(text: string): number {
  const breaks = text.split('\n').length - 1;
  return breaks + (text.length > 0 && !text.endsWith('\n') ? 1 : 0);
}

/** Lines covered by the header, the loaded rows (with their quoted line breaks) and the dropped entries. */
function accountedLines(result: ImportedTable, rows: Record<string, string | null>[], headerLines = 1): number {
  const rowLines = rows.reduce((sum, row) => sum + 1 + result.columns.reduce((s, c) => s + (row[c] ?? '').split('\n').length - 1, 0), 0);
  const droppedLines = result.dropped.reduce((sum, d) => sum + d.text.split('\n').length, 0);
  return headerLines + rowLines + droppedLines;
}

const PEOPLE = [
  ['Ann', 'ann@example.com', '2026-07-01'],
  ['Bob', 'bob@example.com', '2026-07-02'],
  ['Cy', 'cy@example.com', '2026-07-03'],
];

describe('dialects', () => {
  for (const [name, delimiter] of [['comma', ','], ['semicolon', ';'], ['tab', '\t'], ['pipe', '|']] as const) {
    it(`detects the ${name} delimiter`, async () => {
      const text = [['Name', 'Email', 'Created'], ...PEOPLE].map((r) => r.join(delimiter)).join('\n') + '\n';
      const { result, rows } = await load(write(`${name}.csv`, text));
      expect(result.delimiter).toBe(delimiter);
      expect(result.columns).toEqual(['Name', 'Email', 'Created']);
      expect(rows.map((r) => [r.Name, r.Email, r.Created])).toEqual(PEOPLE);
      expect(rows.map((r) => r.row_no)).toEqual(['1', '2', '3']);
    });
  }

  it('reads quoted fields with delimiters, doubled quotes and line breaks, in file order', async () => {
    const text = 'Name,Notes,Amount\r\n"Smith, Ann","She said ""hi""",1\r\n"Bob","line one\r\nline two\n\nline four",2\r\nCy,,3';
    const { result, rows } = await load(write('quoted.csv', text));
    expect(result.rows).toBe(3);
    expect(rows.map((r) => r.Name)).toEqual(['Smith, Ann', 'Bob', 'Cy']);
    expect(rows[0]?.Notes).toBe('She said "hi"');
    expect(rows[1]?.Notes).toBe('line one\r\nline two\n\nline four');
    expect(rows[2]?.Notes ?? '').toBe('');
    expect(result.dropped).toEqual([]);
    expect(accountedLines(result, rows)).toBe(physicalLines(text));
  });

  it('reads LF, CRLF and mixed line endings, with or without a final newline', async () => {
    const body = [['Name', 'Email', 'Created'], ...PEOPLE].map((r) => r.join(','));
    for (const text of [body.join('\n'), body.join('\r\n') + '\r\n', `${body[0]}\r\n${body[1]}\n${body[2]}\r\n${body[3]}\n`]) {
      const { result, rows } = await load(write('endings.csv', text));
      expect(rows.map((r) => [r.Name, r.Email, r.Created])).toEqual(PEOPLE);
      expect(result.dropped).toEqual([]);
    }
  });

  it('reads old Mac line breaks (CR alone) and a value longer than DuckDB\'s default line limit', async () => {
    const long = 'x'.repeat(3_000_000);
    const { result, rows } = await load(write('mac.csv', `Name,Email,Created\r${PEOPLE.map((r) => r.join(',')).join('\r')}\r"${long}",e,d\r`));
    expect(rows.map((r) => [r.Name, r.Email, r.Created])).toEqual([...PEOPLE, [long, 'e', 'd']]);
    expect(result.dropped).toEqual([]);
  });

  it('makes header names trimmed and unique and numbers blank ones', async () => {
    const { result, rows } = await load(write('headers.csv', ' Email ,,email,Email,row_no\na,b,c,d,e\n'));
    expect(result.columns).toEqual(['Email', 'Column 2', 'email (2)', 'Email (3)', 'row_no (2)']);
    expect(rows[0]).toEqual({ row_no: '1', Email: 'a', 'Column 2': 'b', 'email (2)': 'c', 'Email (3)': 'd', 'row_no (2)': 'e' });
  });
});

describe('long values', () => {
  it('loads a 15 MB value, line breaks and all, in a file read in several buffers, and every row around it', async () => {
    const around = Array.from({ length: 300_000 }, (_, i) => `${i},p${i}@example.com,"note ${i}"`).join('\n');
    const note = `${'x'.repeat(7_000_000)}\n${'y'.repeat(8_000_000)}`;
    const { result, rows } = await load(write('long.csv', `Id,Email,Note\n${around}\nlong,long@example.com,"${note}"\n${around}\n`));
    expect(result.dropped).toEqual([]);
    expect(rows).toHaveLength(600_001);
    expect(rows[300_000]).toMatchObject({ Id: 'long', Email: 'long@example.com', Note: note });
    expect(rows[600_000]).toMatchObject({ Id: '299999', Note: 'note 299999' });
  });
});

describe('encodings', () => {
  const text = 'Name,City\nJosé,Zürich\nŁucja,Kraków “centre”\n';
  const expected = [['José', 'Zürich'], ['Łucja', 'Kraków “centre”']];
  const cases: [string, Buffer][] = [
    ['utf-8', Buffer.from(text, 'utf8')],
    ['utf-8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
  ];
  for (const [encoding, bytes] of cases) {
    it(`reads ${encoding}`, async () => {
      const { result, rows } = await load(write(`${encoding}.csv`, bytes));
      expect(result.encoding).toBe(encoding);
      expect(result.columns).toEqual(['Name', 'City']);
      expect(rows.map((r) => [r.Name, r.City])).toEqual(expected);
    });
  }

  it('reads Windows-1252 when the bytes are not UTF-8', async () => {
    // é = E9, smart quotes = 93/94, euro = 80 in Windows-1252 (80 and 93 differ from Latin-1).
    const bytes = Buffer.from([...Buffer.from('Name,Note\nJos'), 0xe9, ...Buffer.from(',price '), 0x80, 0x35, 0x20, 0x93, ...Buffer.from('ok'), 0x94, 0x0a]);
    const { result, rows } = await load(write('cp1252.csv', bytes));
    expect(result.encoding).toBe('windows-1252');
    expect(rows).toEqual([{ row_no: '1', Name: 'José', Note: 'price €5 “ok”' }]);
  });

  it('finds a Windows-1252 byte far past the sampled head and tail', async () => {
    const filler = Array.from({ length: 30_000 }, (_, i) => `row${i},plain text value ${i}`).join('\n');
    const bytes = Buffer.concat([Buffer.from(`Name,Note\n${filler}\nCaf`), Buffer.from([0xe9]), Buffer.from(`,late\n${filler}\n`)]);
    const { result, rows } = await load(write('late1252.csv', bytes));
    expect(result.encoding).toBe('windows-1252');
    expect(result.rows).toBe(60_001);
    expect(rows[30_000]).toMatchObject({ Name: 'Café', Note: 'late' });
  });
});

describe('Salesforce report layout', () => {
  const header = '"Lead ID","Name","Email","Created Date"';
  const data = Array.from({ length: 5 }, (_, i) => `"00Q${i}","Person ${i}","p${i}@example.com","10/${i + 1}/2026"`);
  const titles = ['Leads Report', 'As of 10/5/2026', ''];
  const footer = ['', '"Confidential Information - Do Not Distribute"', '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."', '', '"Generated By: Dana Reviewer 10/5/2026 9:12 AM"', '"Acme Corp"'];

  it('drops title rows above the header and the footer block, listing each with its line', async () => {
    const lines = [...titles, header, ...data, ...footer];
    const text = lines.join('\r\n') + '\r\n';
    const { result, rows } = await load(write('sf-report.csv', text));
    expect(result.columns).toEqual(['Lead ID', 'Name', 'Email', 'Created Date']);
    expect(rows.map((r) => r['Lead ID'])).toEqual(data.map((_, i) => `00Q${i}`));
    const footerFrom = titles.length + 1 + data.length + 1;
    expect(result.dropped).toEqual([
      { line: 1, reason: 'title_row', text: 'Leads Report' },
      { line: 2, reason: 'title_row', text: 'As of 10/5/2026' },
      { line: 3, reason: 'blank_row', text: '' },
      ...footer.map((text, i) => ({ line: footerFrom + i, reason: 'report_footer', text })),
    ]);
    expect(accountedLines(result, rows)).toBe(physicalLines(text));
  });

  it('finds the footer at the end of a large file (beyond the sampled head)', async () => {
    const many = Array.from({ length: 40_000 }, (_, i) => `"00Q${i}","Person ${i}","p${i}@example.com","10/5/2026"`);
    const text = [header, ...many, ...footer].join('\n');
    const { result, rows } = await load(write('sf-big.csv', text));
    expect(result.rows).toBe(many.length);
    expect(result.dropped.map((d) => d.line)).toEqual(footer.map((_, i) => many.length + 2 + i));
    expect(result.dropped.every((d) => d.reason === 'report_footer')).toBe(true);
    expect(rows.at(-1)?.['Lead ID']).toBe(`00Q${many.length - 1}`);
  });

  it('reads a UTF-16 report with titles and footer (transcoded copy) with the right line numbers', async () => {
    const text = [...titles, header, ...data, ...footer].join('\r\n');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const { result, rows } = await load(write('sf-utf16.csv', bytes));
    expect(result.encoding).toBe('utf-16le');
    expect(result.rows).toBe(data.length);
    expect(result.dropped.filter((d) => d.reason === 'report_footer').map((d) => d.line)).toEqual(footer.map((_, i) => titles.length + 1 + data.length + 1 + i));
    expect(accountedLines(result, rows)).toBe(physicalLines(text));
  });

  it('does not take trailing data rows after a blank line for a footer', async () => {
    const text = [header, ...data.slice(0, 2), '', ...data.slice(2)].join('\n') + '\n';
    const { result } = await load(write('not-footer.csv', text));
    expect(result.rows).toBe(data.length);
    expect(result.dropped).toEqual([{ line: 4, reason: 'blank_row', text: '' }]);
  });
});

describe('rows that are not loaded', () => {
  it('lists unparseable rows and blank lines, loads the rest, and accounts for every line', async () => {
    const lines = [
      'id,name,amount', // 1
      '1,Ann,10', // 2
      '2,Bob,20,extra', // 3: too many fields
      '', // 4: blank
      '3,"Cy ""the"" third",30', // 5
      '4,"two', // 6: quoted line break ...
      'lines",40', // 7
      '5,"bad"x,50', // 8: text after a closing quote
      '   ', // 9: blank (spaces)
      '6,Fay', // 10: too few fields
      '7,Gus,70', // 11
    ];
    const text = lines.join('\n') + '\n';
    const { result, rows } = await load(write('bad-rows.csv', text));
    expect(rows.map((r) => r.id)).toEqual(['1', '3', '4', '7']);
    expect(rows.map((r) => r.row_no)).toEqual(['1', '2', '3', '4']);
    expect(rows[2]?.name).toBe('two\nlines');
    expect(result.dropped).toEqual([
      { line: 3, reason: 'unparseable_row', text: lines[2] },
      { line: 4, reason: 'blank_row', text: '' },
      { line: 8, reason: 'unparseable_row', text: lines[7] },
      { line: 9, reason: 'blank_row', text: '   ' },
      { line: 10, reason: 'unparseable_row', text: lines[9] },
    ]);
    expect(accountedLines(result, rows)).toBe(physicalLines(text));
  });

  it('separates a blank line from the bad record right below it', async () => {
    const text = 'id,name\n1,a\n\n2,b,c\n3,d\n';
    const { result, rows } = await load(write('blank-then-bad.csv', text));
    expect(rows.map((r) => r.id)).toEqual(['1', '3']);
    expect(result.dropped).toEqual([
      { line: 3, reason: 'blank_row', text: '' },
      { line: 4, reason: 'unparseable_row', text: '2,b,c' },
    ]);
    expect(accountedLines(result, rows)).toBe(physicalLines(text));
  });

  it('lists an unterminated quote with every line it swallows', async () => {
    const lines = ['id,name', '1,Ann', '2,"Bob', '3,Cy', '4,Di'];
    const text = lines.join('\n') + '\n';
    const { result, rows } = await load(write('unterminated.csv', text));
    expect(rows.map((r) => r.id)).toEqual(['1']);
    expect(result.dropped).toEqual([{ line: 3, reason: 'unparseable_row', text: lines.slice(2).join('\n') }]);
    expect(accountedLines(result, rows)).toBe(physicalLines(text));
  });

  it('maps line numbers back to the original file when blank lines were taken out of a CRLF/LF mix', async () => {
    const lines = ['Title line', '', 'id,name', '1,a', '', '', '2,"b', '', 'c"', '3,d,e', '4,e'];
    const text = `${lines.slice(0, 5).join('\r\n')}\n${lines.slice(5).join('\n')}`;
    const { result, rows } = await load(write('map-lines.csv', text));
    expect(rows.map((r) => r.id)).toEqual(['1', '2', '4']);
    expect(rows[1]?.name).toBe('b\n\nc');
    expect(result.dropped).toEqual([
      { line: 1, reason: 'title_row', text: 'Title line' },
      { line: 2, reason: 'blank_row', text: '' },
      { line: 5, reason: 'blank_row', text: '' },
      { line: 6, reason: 'blank_row', text: '' },
      { line: 10, reason: 'unparseable_row', text: '3,d,e' },
    ]);
    expect(accountedLines(result, rows)).toBe(physicalLines(text));
  });
});

describe.skipIf(findMissingDataset('olist-marketing-funnel'))('a real Olist export', () => {
  it('loads the Olist marketing qualified leads (8000 rows)', async () => {
    const file = datasetPath('olist-marketing-funnel', 'olist_marketing_qualified_leads_dataset.csv');
    const text = fs.readFileSync(file, 'utf8');
    const { result, rows } = await load(file);
    expect(result.columns).toEqual(text.split('\n', 1)[0]?.trim().split(','));
    expect(result.rows).toBe(8000);
    expect(result.dropped).toEqual([]);
    expect(rows[0]?.mql_id).toBe(text.split('\n')[1]?.split(',')[0]);
  });
});

describe.skipIf(findMissingDataset('salesforce-apex-recipes'))('real Salesforce exports', () => {
  it('loads Salesforce apex-recipes Contacts (naughty strings) with the row count of an independent parse', async () => {
    const file = datasetPath('salesforce-apex-recipes', 'Contacts.csv');
    const text = fs.readFileSync(file, 'utf8');
    const records = countRecords(text);
    const { result, rows } = await load(file);
    expect(result.columns).toEqual(['lastName', 'firstName', 'email', 'accountId', 'title', 'phone']);
    expect(result.rows).toBe(records - 1);
    expect(result.dropped).toEqual([]);
    expect(accountedLines(result, rows)).toBe(physicalLines(text));
  });

  it('loads Salesforce apex-recipes Accounts (CRLF, no final newline)', async () => {
    const file = datasetPath('salesforce-apex-recipes', 'Accounts.csv');
    const text = fs.readFileSync(file, 'utf8');
    const { result, rows } = await load(file);
    expect(result.rows).toBe(countRecords(text) - 1);
    expect(result.columns).toHaveLength(18);
    expect(result.dropped).toEqual([]);
    expect(accountedLines(result, rows)).toBe(physicalLines(text));
  });
});

/** Records of a comma/double-quote file, counted by a minimal RFC 4180 state machine written for the test. */
function countRecords(text: string): number {
  let records = 0;
  let quoted = false;
  let content = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === '\n' && !quoted) {
      if (content) records++;
      content = false;
    } else if (ch !== '\r') content = true;
  }
  return records + (content ? 1 : 0);
}
