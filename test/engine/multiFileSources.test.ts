// Sources of several files (`file:` a glob or a list): one source of monthly exports, each row with its file and physical line.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BucketQuery } from '../../shared/api';
import type { ReconReport } from '../../shared/reportTypes';
import { compileInvestigation } from '../../electron/engine/compileInvestigation';
import { createWorkbench } from '../../electron/engine/createWorkbench';
import { ContractError } from '../../electron/engine/contract/ContractError';
import { loadContract } from '../../electron/engine/contract/loadContract';
import { parseContract } from '../../electron/engine/contract/parseContract';
import { exportBucketRows } from '../../electron/engine/export/exportBucketRows';
import { isSourceUnchanged } from '../../electron/engine/isSourceUnchanged';
import { openDatabase } from '../../electron/engine/openDatabase';
import { openInvestigation, type Investigation } from '../../electron/engine/openInvestigation';
import { stampInputs } from '../../electron/engine/review/stampInputs';
import { FULL_EXAMPLE, lineOf } from './contractExample';
import { readPdfPages } from './readPdfPages';
import { writeMonthlyInvestigation } from './writeMonthlyInvestigation';

const root = path.resolve(import.meta.dirname, '../..');

function makeDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'recon-multifile-'));
}

const gross: BucketQuery = { reconciliation: 'MQL to lead', side: 'left', kind: 'gross' };

/** record id -> [file, line] as the left side's gross listing shows them. */
async function listOrigins(inv: Investigation): Promise<Record<string, [string | null, string | null]>> {
  const page = await inv.fetchRows(gross, { offset: 0, limit: 100 });
  const at = (column: string) => page.columns.indexOf(column);
  return Object.fromEntries(page.rows.map((row) => [String(row[at('record_id')]), [row[at('source_file')] ?? null, row[at('source_line')] ?? null]]));
}

describe('a source written as a glob of monthly exports', () => {
  const dir = makeDir();
  const contract = writeMonthlyInvestigation(dir, 'exports/hubspot_2026-*.csv');
  let inv: Investigation;
  let report: ReconReport;
  beforeAll(async () => {
    inv = await openInvestigation(contract);
    report = await inv.getReport();
  });
  afterAll(() => inv?.close());

  it('reads every matching file, in name order, as one source: column order and extra columns do not matter', async () => {
    const hubspot = report.sources.find((s) => s.name === 'hubspot');
    expect(hubspot?.file).toBe('exports/hubspot_2026-*.csv');
    expect(hubspot?.rows).toBe(8);
    const page = await inv.fetchRows(gross, { offset: 0, limit: 100 });
    expect(page.columns.slice(0, 3)).toEqual(['record_id', 'source_file', 'source_line']);
    expect(page.columns.slice(page.columns.indexOf('other_anchor_reporting') + 1)).toEqual(['Record ID', 'Email', 'MQL Date', 'Notes', 'Campaign']);
    const at = (column: string) => page.columns.indexOf(column);
    const byId = new Map(page.rows.map((row) => [row[at('record_id')], row]));
    expect(byId.get('7')?.[at('MQL Date')]).toBe('2026-02-02');
    expect(byId.get('7')?.[at('Campaign')]).toBeNull();
    expect(byId.get('8')?.[at('Campaign')]).toBe('Spring');
    expect(byId.get('2')?.[at('Notes')]).toBe('line one\nline two');
  });

  it('keeps each row’s file and physical line: after a quoted line break, a rejected line and a blank line', async () => {
    expect(await listOrigins(inv)).toEqual({
      '1': ['exports/hubspot_2026-01.csv', '2'],
      '2': ['exports/hubspot_2026-01.csv', '3'],
      '3': ['exports/hubspot_2026-01.csv', '5'],
      '5': ['exports/hubspot_2026-01.csv', '8'],
      '6': ['exports/hubspot_2026-02.csv', '2'],
      '7': ['exports/hubspot_2026-02.csv', '3'],
      '8': ['exports/hubspot_2026-03.csv', '2'],
      '9': ['exports/hubspot_2026-03.csv', '3'],
    });
  });

  it('accounts rows and dropped lines per file, each dropped line naming its file', () => {
    const hubspot = report.sources.find((s) => s.name === 'hubspot');
    expect(hubspot?.files).toEqual([
      { file: 'exports/hubspot_2026-01.csv', rows: 4, dropped: 2 },
      { file: 'exports/hubspot_2026-02.csv', rows: 2, dropped: 0 },
      { file: 'exports/hubspot_2026-03.csv', rows: 2, dropped: 0 },
    ]);
    expect(hubspot?.dropped.map((d) => [d.file, d.line, d.reason])).toEqual([
      ['exports/hubspot_2026-01.csv', 6, 'unparseable_row'],
      ['exports/hubspot_2026-01.csv', 7, 'blank_row'],
    ]);
  });

  it('leaves a one-file source of the same contract as it was: no per-file accounting, no file or line columns', async () => {
    const salesforce = report.sources.find((s) => s.name === 'salesforce');
    expect(Object.keys(salesforce ?? {})).toEqual(['name', 'file', 'rows', 'dropped', 'unreadable']);
    const page = await inv.fetchRows({ ...gross, side: 'right' }, { offset: 0, limit: 10 });
    expect(page.columns).not.toContain('source_file');
    const inspected = await inv.inspectRecord('MQL to lead', 'right', 'L3');
    expect(inspected.rows[0]).not.toHaveProperty('file');
  });

  it('shows the file and line in the inspector, on both records of a key', async () => {
    const inspected = await inv.inspectKey('MQL to lead', 'a@x.com');
    const left = inspected.rows.filter((r) => r.side === 'left').map((r) => [r.id, r.file, r.line]);
    expect(left).toEqual([
      ['1', 'exports/hubspot_2026-01.csv', 2],
      ['9', 'exports/hubspot_2026-03.csv', 3],
    ]);
  });

  it('exports the file and line with the records, worded as on screen', async () => {
    const file = await exportBucketRows(inv, gross, 'csv', ['record_id', 'source_file', 'source_line']);
    const lines = Buffer.from(file.base64, 'base64').toString('utf8').split(/\r?\n/);
    // The About part comes first, then a blank line, then the records (the step and reason are always placed after the id).
    const blank = lines.indexOf('');
    expect(lines[blank + 1]).toBe('Record id,Step,Reason,File,Line');
    expect(lines.filter((line) => line.startsWith('5,'))).toEqual(['5,Unmatched,No counterpart,exports/hubspot_2026-01.csv,8']);
  });

  it("gives the file and line in the audit pack's bucket sheets", async () => {
    const [workbook] = await inv.exportAuditPack({ generatedAt: new Date('2026-04-01T12:00:00Z') });
    const book = XLSX.read(workbook?.bytes, { type: 'buffer' });
    const name = book.SheetNames.find((n) => n.startsWith('L unm'));
    const rows = XLSX.utils.sheet_to_json<(string | number | null)[]>(book.Sheets[name ?? ''] as XLSX.WorkSheet, { header: 1, raw: true, defval: null });
    // Row 1 names the bucket, row 2 holds the headers.
    expect(rows[1]?.slice(0, 3)).toEqual(['id', 'file', 'line']);
    expect(rows.find((row) => row[0] === '5')?.slice(0, 3)).toEqual(['5', 'exports/hubspot_2026-01.csv', '8']);
  });

  it("lists each file in the audit pack's Inputs sheet (size, time, sha256, rows and dropped lines read from it) and its PDF", async () => {
    const [workbook, pdf] = await inv.exportAuditPack({ generatedAt: new Date('2026-04-01T12:00:00Z') });
    const book = XLSX.read(workbook?.bytes, { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<(string | number | null)[]>(book.Sheets.Inputs as XLSX.WorkSheet, { header: 1, raw: true, defval: null, blankrows: true });
    expect(rows[0]).toEqual(['source', 'file', 'size in bytes', 'sha256', 'rows loaded', 'lines dropped', 'modified']);
    const months = ['01', '02', '03'].map((m) => `exports/hubspot_2026-${m}.csv`);
    const describeFile = (name: string, read: number, dropped: number) => {
      const file = path.join(dir, name);
      const stats = fs.statSync(file);
      return ['hubspot', name, stats.size, createHash('sha256').update(fs.readFileSync(file)).digest('hex'), read, dropped, stats.mtime.toISOString()];
    };
    const files = [describeFile(months[0] ?? '', 4, 2), describeFile(months[1] ?? '', 2, 0), describeFile(months[2] ?? '', 2, 0)];
    // The source's own row: the totals and the one stamp decisions carry; then its files in row order.
    const stamp = (await stampInputs(contract, inv.contract)).inputs.find((i) => i.source === 'hubspot')?.sha256;
    expect(rows[1]).toEqual(['hubspot', 'exports/hubspot_2026-*.csv', files.reduce((sum, f) => sum + Number(f[2]), 0), stamp, 8, 2, null]);
    expect(rows.slice(2, 5)).toEqual(files);
    expect(rows[5]).toEqual(describeFile('salesforce.csv', 3, 0).map((v, i) => (i === 0 ? 'salesforce' : v)));
    // Each dropped line under the file it is in.
    const dropped = rows.slice(rows.findIndex((r) => r[0] === 'lines dropped') + 2).filter((r) => r[0] !== null);
    expect(dropped.map((r) => r.slice(0, 4))).toEqual([
      ['hubspot', months[0], 6, 'unparseable_row'],
      ['hubspot', months[0], 7, 'blank_row'],
    ]);
    // The PDF's cover gives every file's own sha256, the one `sha256sum` prints.
    const cover = (await readPdfPages(pdf?.bytes ?? Buffer.alloc(0)))[0] ?? '';
    for (const f of files) expect(cover.replace(/\s+/g, '')).toContain(String(f[3]));
  });

  it('prints the file and line in `recon drill`, and what each file gave on stderr', () => {
    const run = spawnSync(process.execPath, [path.join(root, 'bin/recon.mjs'), 'drill', contract, '--side', 'left', '--kind', 'gross'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const [header, ...rows] = run.stdout.trim().split(/\r?\n/);
    expect(header?.split(',').slice(0, 3)).toEqual(['record_id', 'source_file', 'source_line']);
    expect(rows.find((row) => row.startsWith('3,'))).toMatch(/^3,exports\/hubspot_2026-01.csv,5,/);
    // The import summary on stderr, per file.
    expect(run.stderr).toContain('[recon] hubspot: exports/hubspot_2026-01.csv: 4 rows, 2 lines not loaded (unparseable_row, blank_row)\n');
    expect(run.stderr).toContain('[recon] hubspot: exports/hubspot_2026-02.csv: 2 rows\n');
  });
});

describe('the files of a source', () => {
  it('follow the order of a list, not of their names', async () => {
    const dir = makeDir();
    const inv = await openInvestigation(writeMonthlyInvestigation(dir, '[exports/hubspot_2026-03.csv, exports/hubspot_2026-01.csv]'));
    try {
      expect((await inv.getReport()).sources[0]?.files?.map((f) => f.file)).toEqual(['exports/hubspot_2026-03.csv', 'exports/hubspot_2026-01.csv']);
      const page = await inv.fetchRows(gross, { offset: 0, limit: 100 });
      // Rows are numbered in file order: without a sort the listing is in that order.
      expect(page.rows.map((row) => row[page.columns.indexOf('Record ID')])).toEqual(['8', '9', '1', '2', '3', '5']);
    } finally {
      inv.close();
    }
  });

  it('reads workbooks too, each row at its sheet row (title rows and blank rows count)', async () => {
    const dir = makeDir();
    const contract = writeMonthlyInvestigation(dir, '[exports/april.xlsx, exports/may.xlsx]');
    const writeBook = (name: string, rows: (string | null)[][]) => {
      const book = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Leads');
      fs.writeFileSync(path.join(dir, 'exports', name), XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    };
    writeBook('april.xlsx', [['Leads report'], [], ['Record ID', 'Email', 'MQL Date'], ['20', 'p@x.com', '2026-01-10'], ['21', 'q@x.com', '2026-01-11']]);
    writeBook('may.xlsx', [['Email', 'Record ID', 'MQL Date'], ['r@x.com', '22', '2026-01-12'], [null, null, null], ['s@x.com', '23', '2026-01-13']]);
    const inv = await openInvestigation(contract);
    try {
      expect(await listOrigins(inv)).toEqual({
        '20': ['exports/april.xlsx', '4'],
        '21': ['exports/april.xlsx', '5'],
        '22': ['exports/may.xlsx', '2'],
        '23': ['exports/may.xlsx', '4'],
      });
      expect((await inv.getReport()).sources[0]?.files).toEqual([
        { file: 'exports/april.xlsx', rows: 2, dropped: 2 },
        { file: 'exports/may.xlsx', rows: 2, dropped: 1 },
      ]);
    } finally {
      inv.close();
    }
  });

  it('refuses a file that lacks a mapped column, naming that file and the contract line of the field', async () => {
    const dir = makeDir();
    const contract = writeMonthlyInvestigation(dir, 'exports/hubspot_2026-*.csv');
    fs.writeFileSync(path.join(dir, 'exports', 'hubspot_2026-04.csv'), 'Record ID,Email,MQL date (old)\n10,k@x.com,2026-04-01\n');
    const line = fs.readFileSync(contract, 'utf8').split('\n').indexOf('      mql_at: MQL Date') + 1;
    await expect(openInvestigation(contract)).rejects.toThrow(
      `${contract}:${line}: sources.hubspot.fields.mql_at: column 'MQL Date' is not in exports/hubspot_2026-04.csv; did you mean 'MQL date (old)'?`,
    );
  });

  it('names the files and lines of an id that two months both hold (overlapping exports)', async () => {
    const dir = makeDir();
    const contract = writeMonthlyInvestigation(dir);
    fs.copyFileSync(path.join(dir, 'exports', 'hubspot_2026-02.csv'), path.join(dir, 'exports', 'hubspot_2026-04.csv'));
    await expect(openInvestigation(contract)).rejects.toThrow(
      "exports/hubspot_2026-*.csv: id column 'Record ID' repeats the value '6' (2 rows: exports/hubspot_2026-02.csv line 2, exports/hubspot_2026-04.csv line 2)",
    );
  });

  it('refuses a glob that matches no file, at the line of `file`', async () => {
    const dir = makeDir();
    const contract = writeMonthlyInvestigation(dir, 'exports/hubspot_2025-*.csv');
    const line = fs.readFileSync(contract, 'utf8').split('\n').indexOf('    file: exports/hubspot_2025-*.csv') + 1;
    await expect(openInvestigation(contract)).rejects.toThrow(`${contract}:${line}: sources.hubspot.file: 'exports/hubspot_2025-*.csv' matches no file in ${path.join(dir, 'exports')}`);
  });

  it('names the file of the list that cannot be imported', async () => {
    const dir = makeDir();
    const contract = writeMonthlyInvestigation(dir, 'exports/hubspot_2026-*.csv');
    fs.writeFileSync(path.join(dir, 'exports', 'hubspot_2026-02.csv'), '');
    await expect(openInvestigation(contract)).rejects.toThrow(`${path.join(dir, 'exports', 'hubspot_2026-02.csv')}: the file is empty`);
  });

  it('make the compiled source stale when a month is added to the glob or one of them changes', async () => {
    const dir = makeDir();
    const loaded = await loadContract(writeMonthlyInvestigation(dir, 'exports/hubspot_2026-*.csv'));
    const db = await openDatabase();
    try {
      const model = await compileInvestigation(db, loaded.contract, { contractDir: loaded.dir, contractLabel: loaded.path });
      const [hubspot, salesforce] = model.sources;
      if (!hubspot || !salesforce) throw new Error('two sources expected');
      expect(isSourceUnchanged(hubspot, model.reportingZone)).toBe(true);
      fs.copyFileSync(path.join(dir, 'exports', 'hubspot_2026-02.csv'), path.join(dir, 'exports', 'hubspot_2026-04.csv'));
      expect(isSourceUnchanged(hubspot, model.reportingZone)).toBe(false);
      fs.rmSync(path.join(dir, 'exports', 'hubspot_2026-04.csv'));
      expect(isSourceUnchanged(hubspot, model.reportingZone)).toBe(true);
      fs.appendFileSync(path.join(dir, 'exports', 'hubspot_2026-02.csv'), '2026-02-03,h2@x.com,10\n');
      expect(isSourceUnchanged(hubspot, model.reportingZone)).toBe(false);
      expect(isSourceUnchanged(salesforce, model.reportingZone)).toBe(true);
    } finally {
      db.close();
    }
  });
});

describe('`file:` as the contract writes it', () => {
  const ONE = 'file: exports/hubspot_contacts.csv   # required: path relative to the contract file';
  const line = lineOf(FULL_EXAMPLE, ONE);
  const parseFile = (file: string) => parseContract(FULL_EXAMPLE.replace(ONE, `file: ${file}`), 'acme.yaml').sources[0];
  const problemsOf = (file: string) => {
    try {
      parseFile(file);
    } catch (error) {
      if (error instanceof ContractError) return error.issues.map((i) => [i.line, i.key, i.message]);
      throw error;
    }
    return [];
  };

  it('one path stays one file, with no list (a name with brackets is not a glob)', () => {
    expect(parseFile('exports/hubspot_contacts.csv')).not.toHaveProperty('files');
    expect(parseFile('"exports/leads [1].csv"')).not.toHaveProperty('files');
  });

  it('a glob or a list is a source of several files, written back joined', () => {
    expect(parseFile('exports/hubspot_2026-*.csv')).toMatchObject({ file: 'exports/hubspot_2026-*.csv', files: ['exports/hubspot_2026-*.csv'] });
    expect(parseFile('[a.csv, b/*.tsv]')).toMatchObject({ file: 'a.csv, b/*.tsv', files: ['a.csv', 'b/*.tsv'] });
  });

  it('refuses an empty list, a file type it cannot read in a list, and workbooks mixed with text', () => {
    expect(problemsOf('[]')).toEqual([[line, 'sources.hubspot.file', 'needs at least one file']]);
    expect(problemsOf('[a.csv, b.pdf]')).toEqual([[line, 'sources.hubspot.file[1]', "'b.pdf' is not a file type the workbench reads (.csv, .tsv, .txt, .xlsx)"]]);
    expect(problemsOf('[a.csv, b.xlsx]')).toEqual([[line, 'sources.hubspot.file', 'the files of one source are all workbooks (.xlsx) or all delimited text, not a mix']]);
  });
});

describe('a session on a source of several files', () => {
  it('reopens without importing while the files stay as they were, and imports again once a month is added', async () => {
    const dir = makeDir();
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-multifile-home-'));
    const contract = writeMonthlyInvestigation(dir);
    const sampleContract = path.join(root, 'samples/acme-q3-2026.recon.yaml');
    const openSeeing = async (): Promise<{ steps: string[]; rows: number | undefined }> => {
      const wb = await createWorkbench({ home, sampleContract });
      const steps: string[] = [];
      const poll = setInterval(() => void wb.getProgress().then((p) => p && steps.push(p.step)), 1);
      try {
        await wb.openContract(contract);
        return { steps, rows: (await wb.getReport({ ids: false })).sources[0]?.rows };
      } finally {
        clearInterval(poll);
        await wb.close();
      }
    };
    expect((await openSeeing()).rows).toBe(8);
    const again = await openSeeing();
    expect(again.steps).not.toContain('imported');
    expect(again.rows).toBe(8);
    fs.writeFileSync(path.join(dir, 'exports', 'hubspot_2026-04.csv'), 'Record ID,Email,MQL Date\n10,k@x.com,2026-03-30\n');
    // The new month is read: its row is counted.
    expect((await openSeeing()).rows).toBe(9);
    // A month that cannot be read is named, and the session keeps the bridge it had.
    fs.writeFileSync(path.join(dir, 'exports', 'hubspot_2026-05.csv'), '');
    const wb = await createWorkbench({ home, sampleContract });
    try {
      await expect(wb.openContract(contract)).rejects.toThrow(`${path.join(dir, 'exports', 'hubspot_2026-05.csv')}: the file is empty`);
    } finally {
      await wb.close();
    }
    fs.rmSync(path.join(dir, 'exports', 'hubspot_2026-05.csv'));
    const kept = await openSeeing();
    expect(kept.steps).not.toContain('imported');
    expect(kept.rows).toBe(9);
  }, 60_000);
});
