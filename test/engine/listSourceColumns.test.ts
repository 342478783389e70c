// The open investigation's export headers per source (the contract editor's completion), as another reader sees the files, after a reopen too.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkbench } from '../../electron/engine/createWorkbench';

const root = path.resolve(import.meta.dirname, '../..');
const sampleContract = path.join(root, 'samples/acme-q3-2026.recon.yaml');
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-columns-'));
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

/** A sheet's header row as the spreadsheet library (not our importer) reads it: the first row holding the id column (a report's title rows sit above it). */
function readHeader(file: string, idColumn: string, sheet?: string): string[] {
  const book = file.endsWith('.csv') ? XLSX.read(fs.readFileSync(file, 'utf8'), { type: 'string', raw: true }) : XLSX.read(fs.readFileSync(file));
  const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets[sheet ?? (book.SheetNames[0] as string)] as XLSX.WorkSheet, { header: 1, raw: false });
  return rows.find((row) => row.includes(idColumn)) ?? [];
}

describe('listSourceColumns', () => {
  it("gives every source's export headers in file order, and the same once the session is reopened", async () => {
    const first = await createWorkbench({ home, sampleContract });
    await first.openSample();
    const columns = await first.listSourceColumns();
    const contract = (await first.getContract()).contract;
    expect(Object.keys(columns)).toEqual(contract?.sources.map((s) => s.name));
    const exports = path.join(root, 'samples/exports');
    expect(columns.hubspot).toEqual(readHeader(path.join(exports, 'hubspot_contacts.csv'), 'Record ID'));
    expect(columns.salesforce).toEqual(readHeader(path.join(exports, 'salesforce_leads.xlsx'), 'Lead ID', 'Leads Report'));
    expect(columns.salesforce).toContain('Company / Account');
    expect(columns.hubspot?.length).toBeGreaterThan(5);
    const info = await first.getSession();
    await first.close();

    const second = await createWorkbench({ home, sampleContract });
    await second.openContract(info?.contractPath as string);
    expect(await second.listSourceColumns()).toEqual(columns);
    await second.close();
  });

  it('refuses without an open investigation', async () => {
    const idle = await createWorkbench({ home: fs.mkdtempSync(path.join(home, 'idle-')), sampleContract });
    await expect(idle.listSourceColumns()).rejects.toThrow(/investigation/i);
    idle.close();
  });
});
