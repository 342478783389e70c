// Import failures, cancellation and side effects: one-line UserErrors, nothing left behind, the source untouched.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Progress } from '../../shared/api';
import { createProgressMeter } from '../../electron/engine/createProgressMeter';
import { openDatabase, type Database } from '../../electron/engine/openDatabase';
import { UserError } from '../../electron/engine/UserError';
import { importFile, type ImportOptions } from '../../electron/engine/import/importFile';

let db: Database;
let dir: string;
const sharedTmp = process.env.TMPDIR;

// A temp folder of this file's own: the checks that no temp copy is left behind must not see the copies of other
// imports running at the same time (other test files, other test runs on the machine).
beforeAll(async () => {
  process.env.TMPDIR = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-import-errors-tmp-'));
  db = await openDatabase(':memory:');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-errors-test-'));
});
afterAll(() => {
  db.close();
  fs.rmSync(os.tmpdir(), { recursive: true, force: true });
  if (sharedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = sharedTmp;
});

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

async function tableNames(): Promise<string[]> {
  const rows = await db.all<{ name: string }>('SELECT table_name AS name FROM duckdb_tables() ORDER BY 1');
  return rows.map((r) => r.name);
}

function tempCopies(): Set<string> {
  return new Set(fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('recon-import-')));
}

async function expectUserError(promise: Promise<unknown>, code: string, message: string | RegExp): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).code).toBe(code);
  if (typeof message === 'string') expect((error as UserError).message).toBe(message);
  else expect((error as UserError).message).toMatch(message);
  expect((error as UserError).message).not.toContain('\n');
}

function bigReport(rows: number): string {
  const body = Array.from({ length: rows }, (_, i) => `${i + 1},person${i}@example.com,Some company name ${i % 97}`).join('\n');
  return `Leads Report\n\nid,email,company\n${body}\n\nConfidential Information - Do Not Distribute\n`;
}

describe('errors name the file', () => {
  it('file not found', async () => {
    const file = path.join(dir, 'missing.csv');
    await expectUserError(importFile(db, file, 't'), 'file_not_found', `${file}: file not found`);
  });

  it('unsupported extension', async () => {
    const file = write('old.xls', 'whatever');
    await expectUserError(importFile(db, file, 't'), 'unsupported_file', `${file}: unsupported file type ".xls" (use .csv, .tsv, .txt or .xlsx)`);
  });

  it('empty file, also when it holds only a byte order mark', async () => {
    const empty = write('empty.csv', '');
    await expectUserError(importFile(db, empty, 't'), 'empty_file', `${empty}: the file is empty`);
    const bomOnly = write('bom-only.csv', Buffer.from([0xef, 0xbb, 0xbf]));
    await expectUserError(importFile(db, bomOnly, 't'), 'empty_file', `${bomOnly}: the file is empty`);
  });

  it('no header row', async () => {
    const file = write('blank.txt', '\n  \r\n\n');
    await expectUserError(importFile(db, file, 't'), 'no_header', `${file}: no header row found (the file holds only blank lines)`);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([]), 'Empty');
    const xlsx = write('empty-sheet.xlsx', XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    await expectUserError(importFile(db, xlsx, 't'), 'no_header', `${xlsx}: no header row found in sheet "Empty"`);
  });

  it('unreadable xlsx', async () => {
    const text = write('not-really.xlsx', 'id,name\n1,a\n');
    await expectUserError(importFile(db, text, 't'), 'unreadable_file', `${text}: not a readable .xlsx workbook (not a zip archive)`);
    const broken = write('broken.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]));
    await expectUserError(importFile(db, broken, 't'), 'unreadable_file', new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not a readable \\.xlsx workbook \\(.+\\)$`));
  });

  it('a binary file handed in as a text export says so in plain words', async () => {
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([['Email'], ['a@x.com']]), 'Leads');
    const renamed = write('leads.csv', XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    await expectUserError(importFile(db, renamed, 't'), 'unsupported_file', `${renamed}: binary file, not a CSV or XLSX export: it is a zip archive (an Excel .xlsx workbook saved under another name? give it the .xlsx extension)`);
    const pdf = write('report.csv', Buffer.from('%PDF-1.7\n1 0 obj\n'));
    await expectUserError(importFile(db, pdf, 't'), 'unsupported_file', `${pdf}: binary file, not a CSV or XLSX export: it is a PDF document`);
    const image = write('export.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    await expectUserError(importFile(db, image, 't'), 'unsupported_file', `${image}: binary file, not a CSV or XLSX export (it holds bytes no text export has)`);
  });

  it('leaves no table behind after any of them', async () => {
    expect(await tableNames()).toEqual([]);
  });
});

describe('cancellation leaves nothing behind', () => {
  /** Imports `file` and aborts at the first progress report `when` picks. */
  async function cancelled(file: string, table: string, when: (progress: Progress) => boolean): Promise<void> {
    const before = tempCopies();
    const controller = new AbortController();
    const progress = createProgressMeter(db, (p) => when(p) && controller.abort());
    progress.begin({ step: 'import', source: table });
    const options: ImportOptions = { signal: controller.signal, progress };
    await expectUserError(importFile(db, file, table, options).finally(progress.stop), 'cancelled', 'import cancelled');
    expect([...tempCopies()].filter((f) => !before.has(f))).toEqual([]);
  }

  it('while writing the normalized copy of a large report, keeping an earlier table of that name', async () => {
    const file = write('big-report.csv', bigReport(200_000));
    await importFile(db, write('small.csv', 'id\n1\n'), 'leads');
    await cancelled(file, 'leads', (p) => p.detail === 'copying');
    expect(await tableNames()).toEqual(['leads']);
    expect(await db.all('SELECT * FROM leads')).toEqual([{ row_no: '1', id: '1' }]);
    await db.run('DROP TABLE leads');
  });

  it('once the copy is written, while DuckDB reads it', async () => {
    await cancelled(write('copied-report.csv', bigReport(50_000)), 'copied', (p) => p.detail === 'reading');
    expect(await tableNames()).toEqual([]);
  });

  it('at the start of a plain CSV import', async () => {
    await cancelled(write('plain.csv', 'id,name\n1,a\n2,b\n'), 'plain', () => true);
    expect(await tableNames()).toEqual([]);
  });

  it('between xlsx batches', async () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['n'], ...Array.from({ length: 30_000 }, (_, i) => [i])]), 'Data');
    const file = write('many.xlsx', XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    await cancelled(file, 'many', (p) => p.detail === 'reading');
    expect(await tableNames()).toEqual([]);
  });

  it('before anything starts', async () => {
    const controller = new AbortController();
    controller.abort();
    await expectUserError(importFile(db, write('x.csv', 'a\n1\n'), 'x', { signal: controller.signal }), 'cancelled', 'import cancelled');
    expect(await tableNames()).toEqual([]);
  });
});

describe('side effects of a successful import', () => {
  it('never writes to the source file and removes its temp copy', async () => {
    const csv = write('report.csv', bigReport(50_000));
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['id'], [1], [2]]), 'S');
    const xlsx = write('book.xlsx', XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const plain = write('plain-source.csv', 'id,name\n1,a\n');
    for (const file of [csv, xlsx, plain]) {
      const past = new Date('2020-01-02T03:04:05Z');
      fs.utimesSync(file, past, past);
      const bytes = fs.readFileSync(file);
      const before = tempCopies();
      await importFile(db, file, 'side');
      expect(fs.readFileSync(file).equals(bytes)).toBe(true);
      expect(fs.statSync(file).mtimeMs).toBe(past.getTime());
      expect([...tempCopies()].filter((f) => !before.has(f))).toEqual([]);
    }
    expect(await tableNames()).toEqual(['side']);
  });

  it('reports the bytes copied while copying a large report, up to the whole file', async () => {
    const file = write('progress.csv', bigReport(200_000));
    const reports: Progress[] = [];
    const progress = createProgressMeter(db, (p) => reports.push(p));
    progress.begin({ step: 'import', source: 'progress' });
    const result = await importFile(db, file, 'progress', { progress }).finally(progress.stop);
    expect(result.rows).toBe(200_000);
    const copying = reports.filter((p) => p.detail === 'copying');
    expect(copying[0]?.bytesRead).toBe(0);
    expect(copying.at(-1)?.bytesRead).toBe(fs.statSync(file).size);
    expect(copying.every((p) => p.bytesTotal === fs.statSync(file).size)).toBe(true);
    // Copy, read, number, check: each part is told as it starts.
    expect(reports.map((p) => p.detail)).toEqual(expect.arrayContaining(['copying', 'reading', 'numbering', 'checking']));
    await db.run('DROP TABLE progress');
  });
});
