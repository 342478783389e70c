// Exports a reviewer can hand on: headers as on screen, step and reason in words, real dates with their zone, an About part.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BucketQuery } from '../../shared/api';
import { exportBucketRows } from '../../electron/engine/export/exportBucketRows';
import { openInvestigation, type Investigation } from '../../electron/engine/openInvestigation';
import { REVIEW_TITLE, writeReviewInvestigation } from './writeReviewInvestigation';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-export-'));
let inv: Investigation;

beforeAll(async () => {
  inv = await openInvestigation(writeReviewInvestigation(dir));
});

afterAll(() => {
  inv?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Every row of the left side whose key is at x.com, newest MQL date first: L4, L5, L1, then L2 and L3 (no date). */
const filtered: BucketQuery = {
  reconciliation: 'MQLs vs CRM leads',
  side: 'left',
  kind: 'gross',
  filter: [{ column: 'identity_key', op: 'endsWith', value: '@x.com' }],
  sort: [{ column: 'anchor_reporting', direction: 'desc' }],
};
const COLUMNS = ['record_id', 'identity_key', 'anchor_exported', 'anchor_reporting', 'other_record_id', 'other_anchor_reporting', 'MQL Date'];
const HEADERS = [
  'Record id',
  'Step',
  'Reason',
  'Identity key',
  'MQL date as exported (UTC)',
  'MQL date (America/New_York)',
  'Survivor or counterpart record id',
  'Survivor or counterpart date (America/New_York)',
  'MQL Date',
];

function readCsv(base64: string): string[] {
  const text = Buffer.from(base64, 'base64').toString('utf8');
  expect(text.startsWith('\uFEFF'), 'a BOM for Excel').toBe(true);
  return text.slice(1).split('\r\n');
}

describe('exportBucketRows', () => {
  it('writes CSV with an About header, labels as on screen, steps and reasons in words and ISO dates', async () => {
    const file = await exportBucketRows(inv, filtered, 'csv', COLUMNS);
    expect(file.rows).toBe(5);
    expect(file.fileName).toBe('mqls-vs-crm-leads-left-gross.csv');
    const lines = readCsv(file.base64);
    const blank = lines.indexOf('');
    const exportedAt = lines[10] ?? '';
    expect(lines.slice(0, blank)).toEqual([
      `Contract,${REVIEW_TITLE}`,
      'Version,3',
      'Period,2026-07-01 to 2026-09-30',
      'Time zone,America/New_York',
      'Reconciliation,MQLs vs CRM leads',
      'Side,"Left: MQL (source hubspot, hubspot.csv)"',
      'Bucket,Gross: every hubspot row',
      'Filter,"Identity key ends with ""@x.com"""',
      'Sort,MQL date (America/New_York) descending',
      'Rows,5',
      exportedAt,
    ]);
    expect(exportedAt).toMatch(/^Exported at,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(Math.abs(Date.now() - Date.parse(exportedAt.slice('Exported at,'.length)))).toBeLessThan(60_000);
    expect(lines[blank + 1]).toBe(HEADERS.join(','));
    expect(lines.slice(blank + 2, -1)).toEqual([
      // 02:30 UTC on October 1 is 22:30 on September 30 in New York.
      'L4,Timing,Timing,dee@x.com,2026-10-01 02:30,2026-09-30T22:30:00,00QHs00000702P3MAI,2026-10-02T11:00:00,2026-10-01 02:30',
      // A date alone stays a date.
      'L5,Unmatched,No counterpart,eve@x.com,2026-08-01,2026-08-01,,,2026-08-01',
      'L1,Matched,Matched,ann@x.com,2026-07-10 14:30,2026-07-10T10:30:00,00QHs00000701D3MAI,2026-07-10T12:00:00,2026-07-10 14:30',
      'L2,Out of period,Unreadable date,bob@x.com,soon,,,,soon',
      'L3,Out of period,Missing date,cy@x.com,,,,,',
    ]);
    expect(lines.at(-1)).toBe('');
  });

  it('writes .xlsx with an About sheet first and the records with real Excel dates', async () => {
    const file = await exportBucketRows(inv, filtered, 'xlsx', COLUMNS);
    expect(file.fileName).toBe('mqls-vs-crm-leads-left-gross.xlsx');
    const book = XLSX.read(Buffer.from(file.base64, 'base64'), { cellNF: true });
    expect(book.SheetNames).toEqual(['About', 'Records']);
    const about = XLSX.utils.sheet_to_json<string[]>(book.Sheets.About as XLSX.WorkSheet, { header: 1 });
    expect(about.slice(0, 7)).toEqual([
      ['Contract', REVIEW_TITLE],
      ['Version', '3'],
      ['Period', '2026-07-01 to 2026-09-30'],
      ['Time zone', 'America/New_York'],
      ['Reconciliation', 'MQLs vs CRM leads'],
      ['Side', 'Left: MQL (source hubspot, hubspot.csv)'],
      ['Bucket', 'Gross: every hubspot row'],
    ]);
    expect(about.find((r) => r[0] === 'Filter')?.[1]).toBe('Identity key ends with "@x.com"');
    expect(about.find((r) => r[0] === 'Rows')?.[1]).toBe('5');
    const sheet = book.Sheets.Records as XLSX.WorkSheet;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null });
    expect(rows[0]).toEqual(HEADERS);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['L4', 'Timing', 'Timing'],
      ['L5', 'Unmatched', 'No counterpart'],
      ['L1', 'Matched', 'Matched'],
      ['L2', 'Out of period', 'Unreadable date'],
      ['L3', 'Out of period', 'Missing date'],
    ]);
    // Column F (MQL date in New York): number cells with a date format, the serial of the wall time there.
    const l4 = sheet.F2 as XLSX.CellObject;
    expect(l4.t).toBe('n');
    expect(l4.z).toBe('yyyy-mm-dd hh:mm');
    expect(XLSX.SSF.format(l4.z as string, l4.v as number)).toBe('2026-09-30 22:30');
    expect(l4.v).toBeCloseTo((Date.UTC(2026, 8, 30, 22, 30) - Date.UTC(1899, 11, 30)) / 86_400_000, 8);
    const l5 = sheet.F3 as XLSX.CellObject;
    expect([l5.t, l5.z, l5.v]).toEqual(['n', 'yyyy-mm-dd', (Date.UTC(2026, 7, 1) - Date.UTC(1899, 11, 30)) / 86_400_000]);
    // The counterpart's date too; the date as exported stays the text of the file.
    expect(XLSX.SSF.format((sheet.H2 as XLSX.CellObject).z as string, (sheet.H2 as XLSX.CellObject).v as number)).toBe('2026-10-02 11:00');
    expect((sheet.E2 as XLSX.CellObject).t).toBe('s');
  });

  it('always carries the step and reason, and names what each side of a bucket is', async () => {
    const query: BucketQuery = { reconciliation: 'MQLs vs CRM leads', side: 'right', kind: 'timing' };
    const lines = readCsv((await exportBucketRows(inv, query, 'csv', ['record_id', 'anchor_reporting', 'other_record_id', 'other_anchor_exported'])).base64);
    const blank = lines.indexOf('');
    expect(lines.slice(0, blank)).toContain('Bucket,Timing');
    expect(lines.slice(0, blank)).toContain('Filter,none');
    expect(lines[blank + 1]).toBe('Record id,Step,Reason,CRM Lead date (America/New_York),MQL counterpart record id,MQL counterpart date as exported (UTC)');
    expect(lines[blank + 2]).toBe('00QHs00000703P3MAI,Timing,Timing,2026-07-20T13:00:00,L2,soon');
    // A side's net: every kind it is made of, each record with its own step.
    const net = readCsv((await exportBucketRows(inv, { ...query, kind: 'net' }, 'csv', ['record_id'])).base64);
    expect(net).toContain('Bucket,Net: every record CRM Lead counts');
    expect(net.slice(net.indexOf('') + 1, -1)).toEqual(['Record id,Step,Reason', '00QHs00000701D3MAI,Matched,Matched', '00QHs00000703P3MAI,Timing,Timing']);
  });

  it('names an unreadable-values listing', async () => {
    const query: BucketQuery = { reconciliation: 'MQLs vs CRM leads', side: 'left', kind: 'gross', unreadableColumn: 'Create Date' };
    const file = await exportBucketRows(inv, query, 'csv', ['record_id', 'Create Date']);
    expect(file.fileName).toBe('mqls-vs-crm-leads-left-gross-unreadable-create-date.csv');
    const lines = readCsv(file.base64);
    expect(lines).toContain('Bucket,"Gross: hubspot rows whose ""Create Date"" could not be read as a date"');
    expect(lines.slice(lines.indexOf('') + 1, -1)).toEqual(['Record id,Step,Reason,Create Date', 'L5,Unmatched,No counterpart,yesterday']);
  });
});
