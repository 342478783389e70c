// `recon audit` as a user runs it: a real process writes the pack of the pipeline sample (a money bridge) into a folder it creates.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { openInvestigation } from '../../electron/engine/openInvestigation';
import { readPdfPages } from './readPdfPages';

const root = path.resolve(import.meta.dirname, '../..');
const pipeline = path.join(root, 'samples/pipeline/acme-pipeline-q3-2026.recon.yaml');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-audit-cli-'));
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

function recon(...args: string[]) {
  const run = spawnSync(process.execPath, [path.join(root, 'bin/recon.mjs'), ...args], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('recon audit', () => {
  it('creates the folder, writes the workbook and the PDF, and prints their paths', async () => {
    const dir = path.join(out, 'new', 'pack');
    const run = recon('audit', pipeline, '--out', dir);
    expect(run.stderr).not.toMatch(/recon: /);
    expect(run.status).toBe(0);
    const inv = await openInvestigation(pipeline);
    const report = await inv.getReport({ ids: false });
    inv.close();
    const name = `${report.contract.title} v${report.contract.version} audit`;
    expect(run.stdout).toBe(`${path.join(dir, `${name}.xlsx`)}\n${path.join(dir, `${name}.pdf`)}\n`);

    const book = XLSX.read(fs.readFileSync(path.join(dir, `${name}.xlsx`)), { type: 'buffer' });
    const summary = XLSX.utils.sheet_to_json<(string | number | null)[]>(book.Sheets.Summary as XLSX.WorkSheet, { header: 1, raw: true, defval: null });
    expect(summary.find((r) => r[0] === 'currency')?.[1]).toBe('USD');
    // Every reconciliation's table: values as numbers, equal to the report's.
    const headers = summary.flatMap((r, i) => (r[0] === 'side' && r[1] === 'kind' ? [i] : []));
    expect(headers).toHaveLength(report.reconciliations.length);
    report.reconciliations.forEach((r, i) => {
      const buckets = r.buckets.filter((b) => b.count > 0);
      const rows = summary.slice((headers[i] ?? 0) + 1, (headers[i] ?? 0) + 1 + buckets.length);
      expect(rows.map((row) => row.slice(0, 5))).toEqual(buckets.map((b) => [b.side, b.kind, b.reason, b.count, b.value]));
    });
    // A bucket's records' values add up to its value (cents, summed as integers).
    const first = report.reconciliations[0];
    const matched = first?.buckets.find((b) => b.side === 'left' && b.kind === 'matched' && b.count > 0);
    const sheet = XLSX.utils.sheet_to_json<(string | number | null)[]>(book.Sheets[`L matched ${matched?.reason}`] as XLSX.WorkSheet, { header: 1, raw: true, defval: null });
    const valueAt = sheet[1]?.indexOf('value (USD)') ?? -1;
    expect(valueAt).toBeGreaterThan(0);
    const cents = sheet.slice(2).reduce((n, r) => n + Math.round(Number(r[valueAt] ?? 0) * 100), 0);
    expect(cents).toBe(Math.round((matched?.value ?? 0) * 100));
    expect(sheet.length - 2).toBe(matched?.count);

    const pages = await readPdfPages(fs.readFileSync(path.join(dir, `${name}.pdf`)));
    expect(pages[0]).toContain(report.contract.title);
    expect(pages.join('\n')).toContain(`Left: ${first?.left.metric}`);
  });

  it('refuses a missing --out or contract in one line, exit status 1', () => {
    const noOut = recon('audit', pipeline);
    expect(noOut.status).toBe(1);
    expect(noOut.stderr).toMatch(/^recon: --out is required/);
    const noContract = recon('audit', path.join(out, 'nowhere.recon.yaml'), '--out', out);
    expect(noContract.status).toBe(1);
    expect(noContract.stderr).toBe(`recon: contract file not found: ${path.join(out, 'nowhere.recon.yaml')}\n`);
  });
});
