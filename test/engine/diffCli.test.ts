// `recon diff A.yaml B.yaml [--json]` as a user runs it: review.md's JSON on stdout, a readable table, exit status as reconcile.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ContractComparison } from '../../shared/reviewTypes';
import { REVIEW_LEFT, writeReviewInvestigation } from './writeReviewInvestigation';

const root = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-diff-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function recon(...args: string[]) {
  const run = spawnSync(process.execPath, [path.join(root, 'bin/recon.mjs'), ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const contract = writeReviewInvestigation(dir);
const text = fs.readFileSync(contract, 'utf8');
// The pilot: the MQL leaves out gmail addresses, and its version says so.
const pilot = path.join(dir, 'pilot.recon.yaml');
fs.writeFileSync(pilot, text.replace('version: 3', 'version: 4').replace('MQL: { source: hubspot, date: mql_at }', `MQL: { source: hubspot, date: mql_at, exclude: { gmail: "email LIKE '%@gmail.com'" } }`));
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('recon diff', () => {
  const json = recon('diff', contract, pilot, '--json');

  it("prints review.md's comparison as JSON, laid out as reconcile --json, and nothing else", () => {
    expect(json.status).toBe(0);
    const comparison = JSON.parse(json.stdout) as ContractComparison;
    expect(json.stdout).toBe(`${JSON.stringify(comparison, null, 2)}\n`);
    expect(Object.keys(comparison)).toEqual(['a', 'b', 'reconciliations']);
    expect(comparison.a).toEqual({ title: 'Review fixture', version: '3', sha256: sha256(contract) });
    expect(comparison.b).toEqual({ title: 'Review fixture', version: '4', sha256: sha256(pilot) });
    const [r] = comparison.reconciliations;
    expect(Object.keys(r ?? {})).toEqual(['name', 'lines', 'moved']);
    for (const line of r?.lines ?? []) {
      expect(Object.keys(line)).toEqual(['side', 'kind', 'reason', 'a', 'b']);
      // Count-only contracts: no value key at all.
      expect(Object.keys(line.a)).toEqual(['count']);
      expect(line.a.count + line.b.count).toBeGreaterThan(0);
    }
    // The only gmail address of the export (read off the fixture, not the engine) is the one record that moved.
    const gmail = REVIEW_LEFT.slice(1).filter((row) => row[1]?.endsWith('@gmail.com')).map((row) => row[0]);
    expect(r?.moved).toEqual([{ side: 'left', from: { kind: 'out_of_period', reason: 'outside_period' }, to: { kind: 'excluded', reason: 'gmail' }, count: 1, ids: gmail }]);
    expect(r?.lines.find((l) => l.kind === 'excluded')).toEqual({ side: 'left', kind: 'excluded', reason: 'gmail', a: { count: 0 }, b: { count: 1 } });
  });

  it('prints a readable table of lines (A, B, delta) and moves without --json', () => {
    const table = recon('diff', contract, pilot);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^A: Review fixture \(version 3, sha256 [0-9a-f]{12}\)\nB: Review fixture \(version 4,/);
    expect(table.stdout).toMatch(/line +A +B +delta/);
    expect(table.stdout).toMatch(/left excluded: gmail +0 +1 +\+1/);
    expect(table.stdout).toMatch(/left out_of_period: outside_period +1 +0 +-1/);
    expect(table.stdout).toMatch(/1 record moved:\n.*\n +left out_of_period: outside_period +left excluded: gmail +1/);
  });

  it('exits 0 when nothing moved', () => {
    const same = recon('diff', contract, contract, '--json');
    expect(same.status).toBe(0);
    expect((JSON.parse(same.stdout) as ContractComparison).reconciliations[0]?.moved).toEqual([]);
  });

  it('exits 1 with one line naming the source when B reads another file', () => {
    fs.copyFileSync(path.join(dir, 'crm.csv'), path.join(dir, 'crm-copy.csv'));
    const other = path.join(dir, 'other.recon.yaml');
    fs.writeFileSync(other, text.replace('file: crm.csv', 'file: crm-copy.csv'));
    const run = recon('diff', contract, other, '--json');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^recon: source 'crm': B reads .*crm-copy\.csv, A reads .*crm\.csv; both contracts must be applied to the same files \(.*other\.recon\.yaml:\d+\)\n$/);
  });

  it('exits 1 when the second contract is missing or wrong', () => {
    expect(recon('diff', contract).stderr).toMatch(/^recon: diff: the second contract file is missing/);
    const broken = path.join(dir, 'broken.recon.yaml');
    fs.writeFileSync(broken, text.replace('period:', 'perod:'));
    const run = recon('diff', contract, broken);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/broken\.recon\.yaml:\d+: reporting/);
  });
});
