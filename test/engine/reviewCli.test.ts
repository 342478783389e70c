// `recon decide` and `recon sign-off` as a user runs them: the lines the workbench writes, read back by the workbench; what is missing named.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkbench } from '../../electron/engine/createWorkbench';
import type { DecisionLine } from '../../shared/reviewTypes';
import { copySampleInvestigation } from './copySampleInvestigation';

const root = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-review-cli-'));
const contract = copySampleInvestigation(path.join(dir, 'investigation'));
const home = path.join(dir, 'home');
const RECON = 'MQLs vs CRM leads';
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function recon(...args: string[]) {
  const run = spawnSync(process.execPath, [path.join(root, 'bin/recon.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, RECON_HOME: home } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const readLines = () => fs.readFileSync(`${contract}.decisions.jsonl`, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as DecisionLine);

describe('recon decide and recon sign-off', () => {
  it('refuses a decision without a reviewer name, or with a kind that has several reasons, naming what is missing', () => {
    const anonymous = recon('decide', contract, '--side', 'left', '--kind', 'timing', '--status', 'accepted');
    expect(anonymous.status).toBe(1);
    expect(anonymous.stderr).toBe('recon: --reviewer NAME is required: no reviewer name is kept in the workbench settings yet\n');
    const wrongStatus = recon('decide', contract, '--side', 'left', '--kind', 'timing', '--status', 'approved', '--reviewer', 'Sam Lee');
    expect(wrongStatus.stderr).toMatch(/--status must be one of explained, accepted, disputed, follow_up, not 'approved'/);
    const ambiguous = recon('decide', contract, '--side', 'left', '--kind', 'excluded', '--status', 'accepted', '--reviewer', 'Sam Lee');
    expect(ambiguous.status).toBe(1);
    expect(ambiguous.stderr).toMatch(/--reason is required: left excluded has the reasons internal, test, not_mql/);
    expect(fs.existsSync(`${contract}.decisions.jsonl`)).toBe(false);
  });

  it('appends a line decision, a record decision and a sign-off that the workbench reads as current and that recon verify accepts', async () => {
    const line = recon('decide', contract, '--side', 'left', '--kind', 'timing', '--status', 'accepted', '--note', 'sync lag', '--reviewer', 'Sam Lee');
    expect(line.status).toBe(0);
    expect(line.stdout).toBe(`${RECON}: left timing: accepted by Sam Lee, 18 records (line 1 of ${contract}.decisions.jsonl)\n`);
    const record = recon('decide', contract, '--side', 'left', '--record', '43453', '--status', 'explained', '--reviewer', 'Sam Lee');
    expect(record.stdout).toBe(`${RECON}: record 43453 (left excluded test): explained by Sam Lee, 5 records (line 2 of ${contract}.decisions.jsonl)\n`);
    const signed = recon('sign-off', contract, '--note', 'as agreed', '--reviewer', 'Sam Lee');
    expect(signed.status).toBe(0);
    expect(readLines().map((l) => [l.status, l.kind, l.reason, l.record, l.by, l.note])).toEqual([
      ['accepted', 'timing', 'timing', null, 'Sam Lee', 'sync lag'],
      ['explained', 'excluded', 'test', '43453', 'Sam Lee', ''],
      ['signed_off', null, null, null, 'Sam Lee', 'as agreed'],
    ]);
    expect(recon('verify', contract).status).toBe(0);

    const wb = await createWorkbench({ home, sampleContract: path.join(root, 'samples/acme-q3-2026.recon.yaml') });
    try {
      await wb.openContract(contract);
      const review = (await wb.getReview()).reconciliations[0];
      expect(review?.lines.find((l) => l.kind === 'timing' && l.side === 'left')?.decision).toMatchObject({ line: 1, stale: [], current: { note: 'sync lag' } });
      expect(review?.records['left:43453']).toMatchObject({ line: 2, stale: [] });
      expect(review?.signOff).toMatchObject({ by: 'Sam Lee', holds: true });
    } finally {
      await wb.close();
    }
  });
});
