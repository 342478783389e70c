// The `recon` CLI as a user runs it: a real process, its stdout, stderr and exit status.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReconReport } from '../../shared/reportTypes';

const root = path.resolve(import.meta.dirname, '../..');
const sample = path.join(root, 'samples/acme-q3-2026.recon.yaml');

function recon(...args: string[]) {
  const run = spawnSync(process.execPath, [path.join(root, 'bin/recon.mjs'), ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** CSV rows counted with quotes respected (records may hold line breaks). */
function countCsvRecords(text: string): number {
  let records = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === '\n' && !quoted) records++;
  }
  return records;
}

describe('recon CLI', () => {
  const json = recon('reconcile', sample, '--json');
  const report = JSON.parse(json.stdout) as ReconReport;

  it('prints the report of report.md and nothing else on stdout', () => {
    expect(json.status).toBe(0);
    expect(report.contract.title.length).toBeGreaterThan(0);
    expect(report.reconciliations[0]?.buckets.length).toBeGreaterThan(0);
    expect(json.stderr).toMatch(/\[recon\] reconciled in \d+ ms/);
  });

  it('prints the bridge as a readable table with the same numbers', () => {
    const table = recon('reconcile', sample);
    expect(table.status).toBe(0);
    const r = report.reconciliations[0];
    expect(table.stdout).toContain(report.contract.title);
    for (const b of r?.buckets.filter((x) => x.kind !== 'matched') ?? []) {
      expect(table.stdout).toMatch(new RegExp(`${b.side} .*[-+]${b.count.toLocaleString('en-US')}\\n`));
    }
    const matched = r?.buckets.find((b) => b.kind === 'matched');
    expect(table.stdout).toMatch(new RegExp(`= matched on both sides +${matched?.count}\\n`));
    expect(table.stdout).toContain(`${r?.left.gross.toLocaleString('en-US')}`);
  });

  it('drills into a bucket: one CSV line per record of the bucket, plus the header', () => {
    const bucket = report.reconciliations[0]?.buckets.find((b) => b.side === 'left' && b.kind === 'timing');
    const drill = recon('drill', sample, '--side', 'left', '--kind', 'timing');
    expect(drill.status).toBe(0);
    expect(countCsvRecords(drill.stdout)).toBe((bucket?.count ?? -1) + 1);
    for (const id of bucket?.ids ?? []) expect(drill.stdout).toContain(id);
  });

  it("drills into a side's totals: every row (gross), what its metric counts (net), what only it counts (net_unmatched)", () => {
    const r = report.reconciliations[0];
    const sum = (side: string, kinds: string[]) => r?.buckets.filter((b) => b.side === side && kinds.includes(b.kind)).reduce((n, b) => n + b.count, 0);
    const lines = (kind: string) => countCsvRecords(recon('drill', sample, '--side', 'right', '--kind', kind).stdout) - 1;
    expect(lines('gross')).toBe(r?.right.gross);
    expect(lines('net')).toBe(r?.right.net);
    expect(lines('net_unmatched')).toBe(sum('right', ['timing', 'excluded_on_other_side', 'unmatched']));
  });

  it.each([
    [['reconcile', 'no-such.recon.yaml'], /no-such\.recon\.yaml/],
    [['drill', sample, '--side', 'middle', '--kind', 'timing'], /--side must be one of left, right/],
    [['drill', sample, '--side', 'left', '--kind', 'lost'], /--kind must be one of/],
    [['frobnicate', sample], /unknown command 'frobnicate'/],
    [['reconcile', sample, '--colour'], /colour/],
  ])('refuses %j with one line on stderr and exit 1', (args, message) => {
    const run = recon(...args);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('lists every problem of a contract, one line each, at most 20', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-cli-'));
    const file = path.join(dir, 'typos.recon.yaml');
    const text = fs.readFileSync(sample, 'utf8').replace('  period:', '  perod:').replace(/^version:/m, 'verison:').replace(/^(\s+)dedupe:/gm, '$1dedup:');
    fs.writeFileSync(file, text);
    const three = recon('reconcile', file).stderr.trim().split('\n');
    expect(three).toEqual([
      expect.stringMatching(/typos\.recon\.yaml:\d+: verison: unknown key 'verison', did you mean 'version'\?$/),
      expect.stringMatching(/typos\.recon\.yaml:\d+: reporting\.perod: unknown key 'perod', did you mean 'period'\?$/),
      expect.stringMatching(/: metrics\.MQL\.dedup: unknown key 'dedup', did you mean 'dedupe'\?$/),
      expect.stringMatching(/: metrics\.CRM Lead\.dedup: unknown key 'dedup', did you mean 'dedupe'\?$/),
    ]);
    const many = Array.from({ length: 25 }, (_, i) => `typo${i}: x`).join('\n');
    fs.writeFileSync(file, `${fs.readFileSync(sample, 'utf8')}\n${many}\n`);
    const capped = recon('reconcile', file).stderr.trim().split('\n');
    expect(capped).toHaveLength(21);
    expect(capped[20]).toBe('recon: ... and 5 more problems');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('says in plain words when the contract is not YAML or not a contract at all', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-cli-'));
    const csv = path.join(dir, 'export.recon.yaml');
    fs.copyFileSync(path.join(root, 'samples/exports/hubspot_contacts.csv'), csv);
    expect(recon('reconcile', csv).stderr).toMatch(/export\.recon\.yaml:1: \(file\): not a contract: the file holds delimited lines \(an export, not a contract\?\), but a contract is YAML text/);
    const binary = path.join(dir, 'binary.recon.yaml');
    fs.writeFileSync(binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]));
    expect(recon('reconcile', binary).stderr).toMatch(/^recon: .*binary\.recon\.yaml:1: \(file\): binary file, not a contract/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('names the contract line of a broken contract', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-cli-'));
    const text = fs.readFileSync(sample, 'utf8').replace(/^(\s+)dedupe:/m, '$1dedup:');
    const file = path.join(dir, 'broken.recon.yaml');
    fs.writeFileSync(file, text);
    const run = recon('reconcile', file);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/broken\.recon\.yaml:\d+: .*dedup/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
