// Signing off the sample and `recon verify` as a user runs it: holds, then one byte of an export or a rule changed, each named; exit codes 0 / 3 / 1.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkbench, type Workbench } from '../../electron/engine/createWorkbench';
import type { DecisionLine } from '../../shared/reviewTypes';
import { changeOneByte, copySampleInvestigation } from './copySampleInvestigation';

const root = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-signoff-'));
const contract = copySampleInvestigation(path.join(dir, 'investigation'));
const RECON = 'MQLs vs CRM leads';

function recon(...args: string[]) {
  const run = spawnSync(process.execPath, [path.join(root, 'bin/recon.mjs'), ...args], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

let wb: Workbench;
beforeAll(async () => {
  wb = await createWorkbench({ home: path.join(dir, 'home'), sampleContract: path.join(root, 'samples/acme-q3-2026.recon.yaml') });
  await wb.openContract(contract);
  await wb.setReviewer('Dana Ruiz');
});
afterAll(async () => {
  await wb.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('sign-off and recon verify', () => {
  it('exits 3 with "no sign-off" for a reconciliation never signed off', () => {
    const run = recon('verify', contract);
    expect(run.stdout).toBe(`${RECON}: no sign-off\n`);
    expect(run.status).toBe(3);
  });

  it("signs off with review.md's report_sha256 and every line's count; it holds in the workbench and for recon verify (exit 0)", async () => {
    const state = await wb.signOff(RECON, 'agreed with both VPs');
    const line = JSON.parse(fs.readFileSync(state.file, 'utf8').trimEnd().split('\n').at(-1) ?? '') as DecisionLine;
    const report = (await wb.getReport()).reconciliations[0];
    const nonEmpty = report?.buckets.filter((b) => b.count > 0) ?? [];
    // review.md's digest, written out here from the spec: side, kind, reason, count, value (empty: a count-only contract), ids.
    const digest = nonEmpty.map((b) => `${b.side}\t${b.kind}\t${b.reason}\t${b.count}\t\t${b.ids.join(',')}\n`).join('');
    expect(line).toMatchObject({ reconciliation: RECON, side: null, kind: null, reason: null, record: null, count: null, value: null, status: 'signed_off', by: 'Dana Ruiz', version: '7' });
    expect(line.report_sha256).toBe(createHash('sha256').update(digest, 'utf8').digest('hex'));
    expect(line.lines).toEqual(nonEmpty.map((b) => ({ side: b.side, kind: b.kind, reason: b.reason, count: b.count, value: null })));
    expect(state.reconciliations[0]?.signOff).toEqual({ by: 'Dana Ruiz', at: line.at, version: '7', holds: true, changes: [] });

    const run = recon('verify', contract);
    expect(run.stdout).toBe(`${RECON}: signed off by Dana Ruiz on ${line.at} (version 7): holds\n`);
    expect(run.status).toBe(0);
  });

  it('no longer holds once one byte of one export changed, naming that file, in the workbench and for recon verify (exit 3)', async () => {
    changeOneByte(path.join(path.dirname(contract), 'exports/hubspot_contacts.csv'), '"Samuel","Nakamura"', '"Samuez","Nakamura"');
    const run = recon('verify', contract);
    expect(run.status).toBe(3);
    expect(run.stdout).toMatch(new RegExp(`^${RECON}: signed off by Dana Ruiz on \\S+ \\(version 7\\): no longer holds: input exports/hubspot_contacts\\.csv \\(source hubspot\\) changed\\n$`));
    await wb.openContract(contract);
    expect((await wb.getReview()).reconciliations[0]?.signOff).toMatchObject({ holds: false, changes: ['input exports/hubspot_contacts.csv (source hubspot) changed'] });
  });

  it('names the contract and the bridge lines that moved once a rule changed, and holds again after a new sign-off', async () => {
    const { text } = await wb.getContract();
    const before = (await wb.getReport({ ids: false })).reconciliations[0]?.buckets.find((b) => b.side === 'left' && b.kind === 'excluded' && b.reason === 'test')?.count;
    expect((await wb.applyContract(text.replace(` OR lower(trim(email)) LIKE '%@example.%'"`, '"'))).issues).toEqual([]);
    const after = (await wb.getReport({ ids: false })).reconciliations[0]?.buckets.find((b) => b.side === 'left' && b.kind === 'excluded' && b.reason === 'test')?.count;
    const changes = (await wb.getReview()).reconciliations[0]?.signOff?.changes ?? [];
    expect(changes.slice(0, 2)).toEqual(['the contract file changed', 'input exports/hubspot_contacts.csv (source hubspot) changed']);
    expect(changes).toContain(`left excluded test: ${before} -> ${after} records`);
    const run = recon('verify', contract);
    expect(run.status).toBe(3);
    expect(run.stdout).toContain(`no longer holds: the contract file changed; input exports/hubspot_contacts.csv (source hubspot) changed; `);
    expect(run.stdout).toContain(`left excluded test: ${before} -> ${after} records`);

    await wb.signOff(RECON, 'narrowed test rule, signed again');
    const again = recon('verify', contract);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/: holds\n$/);
  });

  it('names an unreadable line of the decisions file on stderr and still verifies the sign-off', () => {
    fs.appendFileSync(`${contract}.decisions.jsonl`, 'not a decision\n');
    const number = fs.readFileSync(`${contract}.decisions.jsonl`, 'utf8').trimEnd().split('\n').length;
    const run = recon('verify', contract);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`recon: ${contract}.decisions.jsonl:${number}: this line cannot be read (not JSON`);
  });

  it('exits 1 for a contract that is missing or wrong, as every command does', () => {
    const missing = recon('verify', path.join(dir, 'nope.recon.yaml'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^recon: .*nope\.recon\.yaml/);
    const broken = path.join(path.dirname(contract), 'broken.recon.yaml');
    fs.writeFileSync(broken, fs.readFileSync(contract, 'utf8').replace('file: exports/hubspot_contacts.csv', 'file: exports/hubspot_contact.csv'));
    const run = recon('verify', broken);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/hubspot_contact\.csv/);
    expect(run.stdout).toBe('');
  });
});
