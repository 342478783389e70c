// previewExport on real files: unique id candidates, date columns, the sheets of a workbook, the dialect read, time zone hints.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkbench } from '../../electron/engine/createWorkbench';
import { previewExport } from '../../electron/engine/newInvestigation/previewExport';

let dir: string;

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-export-test-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('previewExport', () => {
  it('lists the columns unique and non-empty on every row, and picks the id-named one as the record id', async () => {
    const file = write(
      'deals.csv',
      ['deal_name,mql_id,owner,note,won_date', 'A,m1,ann,x,2026-01-02', 'B,m2,ann,,2026-01-03', 'C,m3,bob,y,2026-01-03', 'D,m4,cy,z,2026-01-05'].join('\n'),
    );
    const preview = await previewExport(file);
    // owner repeats, note has a blank, won_date repeats: only deal_name and mql_id could be ids.
    expect(preview.uniqueColumns).toEqual(['deal_name', 'mql_id']);
    expect(preview.id).toBe('mql_id');
    expect(preview.dateColumns).toEqual(['won_date']);
    expect(preview.fields).toEqual({ won_date: 'won_date' });
    expect(preview.dateField).toBe('won_date');
  });

  it('says what was read: encoding, delimiter, title and footer lines dropped', async () => {
    const text = ['Leads report', '', 'Lead ID;Email;Create Date', '1;a@x.com;7/21/2026 9:26 PM', '2;b@x.com;7/22/2026 10:00 AM', '', 'Total: 2'].join('\r\n');
    const file = path.join(dir, 'leads.csv');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const preview = await previewExport(file);
    expect(preview.dialect.encoding).toBe('utf-8-bom');
    expect(preview.dialect.delimiter).toBe(';');
    expect(preview.dialect.dropped.map((d) => [d.line, d.reason])).toEqual([
      [1, 'title_row'],
      [2, 'blank_row'],
      [6, 'report_footer'],
      [7, 'report_footer'],
    ]);
    expect(preview.rows).toBe(2);
    // A Salesforce report's layout: its zone is the running user's, so the user is asked.
    expect(preview.preset).toBe('salesforce_report');
    expect(preview.timezoneHint).toMatch(/time zone of the user who ran the report/);
    expect(preview.timezone).toBeUndefined();
    expect(preview.fields).toEqual({ key: 'Email', created_date: 'Create Date' });
    expect(preview.id).toBe('Lead ID');
  });

  it('suggests UTC for a Data Loader file, whose times carry their offset', async () => {
    const file = write('leads_dl.csv', ['Id,Email,CreatedDate', '00Q1,a@x.com,2026-07-01T02:00:00.000Z', '00Q2,b@x.com,2026-07-02T03:00:00.000Z'].join('\n'));
    const preview = await previewExport(file);
    expect(preview.preset).toBe('salesforce_data_loader');
    expect(preview.timezone).toBe('UTC');
    expect(preview.timezoneHint).toMatch(/UTC/);
    expect(preview.dateField).toBe('created_date');
  });

  it('lists every sheet of a workbook with its rows, and reads the sheet asked for', async () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Read me'], ['This workbook holds the leads on its second sheet.']]), 'Notes');
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet([
        ['Lead ID', 'Email', 'Create Date'],
        ['L1', 'a@x.com', '2026-07-01'],
        ['L2', 'b@x.com', '2026-07-02'],
        ['L3', 'c@x.com', '2026-07-03'],
      ]),
      'Leads',
    );
    const file = path.join(dir, 'book.xlsx');
    fs.writeFileSync(file, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);

    const first = await previewExport(file);
    expect(first.sheet).toBe('Notes');
    expect(first.sheets?.map((s) => [s.name, s.rows])).toEqual([
      ['Notes', 1],
      ['Leads', 3],
    ]);
    expect(first.sheets?.[1]?.columns).toEqual(['Lead ID', 'Email', 'Create Date']);
    expect(first.sheets?.[1]?.sampleRows[0]).toEqual(['L1', 'a@x.com', '2026-07-01']);

    const second = await previewExport(file, 'Leads');
    expect(second.sheet).toBe('Leads');
    expect(second.columns).toEqual(['Lead ID', 'Email', 'Create Date']);
    expect(second.rows).toBe(3);
    expect(second.uniqueColumns).toEqual(['Lead ID', 'Email', 'Create Date']);
    expect(second.id).toBe('Lead ID');
    expect(second.sheets).toHaveLength(2);
    expect(second.dialect.encoding).toBe('utf-8');

    // The workbench keeps the read sheet imported for the form: its previews are the same, sheet by sheet.
    const wb = await createWorkbench({ home: path.join(dir, 'home'), sampleContract: path.resolve(import.meta.dirname, '../../samples/acme-q3-2026.recon.yaml') });
    try {
      expect(await wb.previewExport(file)).toEqual(first);
      expect(await wb.previewExport(file, 'Leads')).toEqual(second);
      expect(await wb.previewExport(file)).toEqual(first);
    } finally {
      await wb.close();
    }
  });

  it('leaves the id unchosen when no column is unique', async () => {
    const file = write('repeats.csv', ['email,created', 'a@x.com,2026-01-01', 'a@x.com,2026-01-01'].join('\n'));
    const preview = await previewExport(file);
    expect(preview.uniqueColumns).toEqual([]);
    expect(preview.id).toBeUndefined();
    expect(preview.sheets).toBeUndefined();
  });
});
