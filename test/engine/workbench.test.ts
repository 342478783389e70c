// The engine behind the app: sessions that survive a restart, contract edits that move the bridge, exports, cancel.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkbench } from '../../electron/engine/createWorkbench';
import { openInvestigation } from '../../electron/engine/openInvestigation';

const root = path.resolve(import.meta.dirname, '../..');
const sampleContract = path.join(root, 'samples/acme-q3-2026.recon.yaml');
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-home-'));
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

describe('workbench sessions', () => {
  it('opens the sample on a copy, gives the CLI bridge, and reopens it as it was after a restart', async () => {
    const first = await createWorkbench({ home, sampleContract });
    const info = await first.openSample();
    expect(info.contractPath.startsWith(home)).toBe(true);
    const report = await first.getReport();
    const reference = await openInvestigation(sampleContract);
    const expected = await reference.getReport();
    reference.close();
    expect(report.reconciliations).toEqual(expected.reconciliations);
    // The screens' reading: the same counts without the id lists.
    const counts = await first.getReport({ ids: false });
    expect(counts.reconciliations[0]?.buckets.map((b) => [b.side, b.kind, b.reason, b.count, b.ids.length])).toEqual(
      report.reconciliations[0]?.buckets.map((b) => [b.side, b.kind, b.reason, b.count, 0]),
    );
    await first.close();

    const second = await createWorkbench({ home, sampleContract });
    expect(await second.listRecent()).toMatchObject([{ contractPath: info.contractPath }]);
    const seen: string[] = [];
    const poll = setInterval(() => void second.getProgress().then((p) => p && seen.push(p.step)), 1);
    await second.openContract(info.contractPath);
    clearInterval(poll);
    expect(seen).not.toContain('imported');
    expect((await second.getReport()).reconciliations).toEqual(expected.reconciliations);
    await second.close();
  });

  it('applies a contract edit: the bridge moves, the change is listed, comments stay in the file', async () => {
    const wb = await createWorkbench({ home, sampleContract });
    const info = await wb.openSample();
    const doc = await wb.getContract();
    expect(doc.issues).toEqual([]);
    const comments = doc.text.split('\n').filter((l) => l.trim().startsWith('#'));
    const bad = await wb.applyContract(doc.text.replace(`'"Lead Status" = ''Disqualified'''`, `"read_csv('/etc/passwd') IS NOT NULL"`));
    expect(bad.issues[0]?.message).toMatch(/read_csv/);
    expect(fs.readFileSync(info.contractPath, 'utf8')).toBe(doc.text);
    const edited = doc.text.replace(`'"Lead Status" = ''Disqualified'''`, `'"Lead Status" = ''No such status'''`);
    expect(edited).not.toBe(doc.text);
    const result = await wb.applyContract(edited);
    expect(result.issues).toEqual([]);
    const moved = result.changes.find((c) => c.side === 'right' && c.kind === 'excluded' && c.reason === 'disqualified');
    expect(moved?.before).toBeGreaterThan(0);
    expect(moved?.after).toBe(0);
    const saved = fs.readFileSync(info.contractPath, 'utf8');
    expect(saved).toBe(edited);
    expect(saved.split('\n').filter((l) => l.trim().startsWith('#'))).toEqual(comments);
    await wb.close();
  });

  it('exports a bucket as CSV and as .xlsx that read back to the same records', async () => {
    const wb = await createWorkbench({ home, sampleContract });
    await wb.openSample();
    const report = await wb.getReport();
    const r = report.reconciliations[0];
    const bucket = r?.buckets.find((b) => b.side === 'left' && b.kind === 'timing');
    const query = { reconciliation: r?.name ?? '', side: 'left' as const, kind: 'timing' as const };
    const csv = await wb.exportRows(query, 'csv', ['record_id', 'identity_key', 'anchor_exported']);
    const lines = Buffer.from(csv.base64, 'base64').toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    // The About lines, a blank line, then the records.
    const table = lines.slice(lines.indexOf('') + 1);
    expect(lines).toContain(`Rows,${bucket?.count}`);
    expect(table[0]).toBe('Record id,Step,Reason,Identity key,MQL date as exported (UTC)');
    expect(table.slice(1).map((l) => l.split(',')[0]).sort()).toEqual([...(bucket?.ids ?? [])].sort());
    const xlsx = await wb.exportRows(query, 'xlsx');
    const book = XLSX.read(Buffer.from(xlsx.base64, 'base64'));
    expect(book.SheetNames).toEqual(['About', 'Records']);
    const rows = XLSX.utils.sheet_to_json<Record<string, string>>(book.Sheets.Records as XLSX.WorkSheet);
    expect(rows.map((x) => String(x['Record id'])).sort()).toEqual([...(bucket?.ids ?? [])].sort());
    await wb.close();
  });

  it('refuses a contract it cannot use and keeps the open investigation', async () => {
    const wb = await createWorkbench({ home, sampleContract });
    const info = await wb.openSample();
    const broken = path.join(home, 'broken.recon.yaml');
    fs.writeFileSync(broken, fs.readFileSync(info.contractPath, 'utf8').replace('file: exports/hubspot_contacts.csv', 'file: exports/missing.csv'));
    await expect(wb.openContract(broken)).rejects.toThrow(/missing\.csv/);
    expect((await wb.getSession())?.contractPath).toBe(info.contractPath);
    expect((await wb.getReport()).reconciliations[0]?.buckets.length).toBeGreaterThan(0);
    await wb.close();
  });

  it("checks revenue.md's rule texts against the loaded file's columns as the analyst types", async () => {
    const wb = await createWorkbench({ home, sampleContract });
    const dir = fs.mkdtempSync(path.join(home, 'links-'));
    fs.writeFileSync(path.join(dir, 'a.csv'), 'Email,When\na@x.com,2026-08-01\n');
    fs.writeFileSync(path.join(dir, 'b.csv'), 'Email,When,Lead Source\na@x.com,2026-08-02,Web\n');
    const head = `contract: links\nversion: 1\nreporting: { period: { from: 2026-07-01, to: 2026-09-30 } }\nsources:\n  a: { system: marketing, file: a.csv, fields: { email: Email, at: When } }\n  b: { system: sales, file: b.csv, fields: { email: Email, at: When, lead_source: Lead Source } }\nidentity: { key: email }\nmetrics:\n  A: { source: a, date: at }\n  B: { source: b, date: at }\nreconcile:\n  - { name: a vs b, left: A, right: B }\n`;
    fs.writeFileSync(path.join(dir, 'links.recon.yaml'), head);
    await wb.openContract(path.join(dir, 'links.recon.yaml'));
    const link = (primary: string) => `${head}links:\n  converted:\n    source: b\n    from: email\n    to: email\n    primary: "${primary}"\n`;
    expect(await wb.checkContract(link("lead_source = 'Web'"))).toEqual([]);
    const issues = await wb.checkContract(link("lead_sorce = 'Web'"));
    expect(issues).toEqual([
      {
        line: link('').split('\n').length - 1,
        key: 'links.converted.primary',
        message: "the primary rule of link 'converted' is refused: unknown column 'lead_sorce', did you mean 'lead_source'? (columns: email, at, lead_source, Email, When, Lead Source) (position 1)",
      },
    ]);
    await wb.close();
  });

  it('cancels a long import and keeps the open investigation as it was', async () => {
    const wb = await createWorkbench({ home, sampleContract });
    const info = await wb.openSample();
    const before = await wb.getReport();
    const dir = fs.mkdtempSync(path.join(home, 'big-'));
    const rows = Array.from({ length: 400_000 }, (_, i) => `${i},p${i}@x.com,2026-08-01 10:00`);
    fs.writeFileSync(path.join(dir, 'a.csv'), `Id,Email,When\n${rows.join('\n')}\n`);
    fs.copyFileSync(path.join(dir, 'a.csv'), path.join(dir, 'b.csv'));
    fs.writeFileSync(
      path.join(dir, 'big.recon.yaml'),
      `contract: big\nversion: 1\nreporting: { period: { from: 2026-07-01, to: 2026-09-30 } }\nsources:\n  a: { system: marketing, file: a.csv, fields: { email: Email, at: When } }\n  b: { system: sales, file: b.csv, fields: { email: Email, at: When } }\nidentity: { key: email }\nmetrics:\n  A: { source: a, date: at }\n  B: { source: b, date: at }\nreconcile:\n  - { name: a vs b, left: A, right: B }\n`,
    );
    const opening = wb.openContract(path.join(dir, 'big.recon.yaml'));
    const outcome = opening.then(
      () => 'opened',
      (error: Error) => error.message,
    );
    while (!(await wb.getProgress())) await new Promise((resolve) => setTimeout(resolve, 5));
    await wb.cancel();
    expect(await outcome).toMatch(/cancel/);
    expect((await wb.getSession())?.contractPath).toBe(info.contractPath);
    expect(await wb.getReport()).toEqual(before);
    expect(await wb.getProgress()).toBeNull();
    await wb.close();
  });
});
