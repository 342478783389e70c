// Cancelling a long import as a user does: Ctrl-C on `recon`, Cancel in the workbench on a first open and on a contract edit.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceDraft } from '../../shared/api';
import { createWorkbench } from '../../electron/engine/createWorkbench';
import { composeTwoSourceContract, writeLongExport, writeShortExport } from '../writeLongImport';

const root = path.resolve(import.meta.dirname, '../..');
const ROWS = 600_000;
let dir: string;


beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cancel-import-test-'));
  writeLongExport(path.join(dir, 'a.csv'), ROWS);
  // The right one has a title line, so it is imported through a temp copy.
  writeLongExport(path.join(dir, 'b.csv'), ROWS, 'Leads report');
  fs.writeFileSync(path.join(dir, 'big.recon.yaml'), composeTwoSourceContract('cancel', 'a.csv', 'b.csv'));
  writeShortExport(path.join(dir, 'small.csv'));
  fs.writeFileSync(path.join(dir, 'small.recon.yaml'), composeTwoSourceContract('cancel', 'small.csv', 'small.csv'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('recon and Ctrl-C', () => {
  it('stops within a second of SIGINT mid-import, says cancelled, exits non-zero and leaves no temp copy', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-cli-cancel-tmp-'));
    const child = spawn(process.execPath, [path.join(root, 'bin/recon.mjs'), 'reconcile', path.join(dir, 'big.recon.yaml'), '--json'], {
      env: { ...process.env, TMPDIR: tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // The right side is imported through a temp copy: the signal comes while it exists (being written or read).
    const copies = () => fs.readdirSync(tmp).filter((f) => f.startsWith('recon-import-'));
    let running = true;
    void exited.then(() => (running = false));
    while (running && copies().length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(running, stderr).toBe(true);
    const signalledAt = performance.now();
    child.kill('SIGINT');
    const code = await exited;
    const afterMs = performance.now() - signalledAt;
    expect(code).toBe(130);
    expect(stderr).toMatch(/\[recon\] imported a: 600000 rows in \d+ ms\n/);
    expect(stderr.trim().split('\n').at(-1)).toBe('recon: cancelled (Ctrl-C): nothing was imported or written');
    expect(stdout).toBe('');
    expect(afterMs).toBeLessThan(1000);
    expect(copies()).toEqual([]);
    fs.rmSync(tmp, { recursive: true, force: true });
  });
});

/** Stops `work` (Cancel, or `stop`) once the workbench reports an import under way; its rejection message. */
async function cancelWhileImporting(wb: Awaited<ReturnType<typeof createWorkbench>>, work: Promise<unknown>, stop: () => Promise<void> = () => wb.cancel()): Promise<string> {
  const outcome = work.then(
    () => 'finished',
    (error: Error) => error.message,
  );
  for (let p = await wb.getProgress(); p?.detail === undefined; p = await wb.getProgress()) await new Promise((resolve) => setTimeout(resolve, 20));
  const cancelledAt = performance.now();
  await stop();
  const message = await outcome;
  expect(performance.now() - cancelledAt).toBeLessThan(1000);
  return message;
}

describe('Cancel in the workbench', () => {
  it('leaves no investigation open after a cancelled first open, and the contract opens afterwards', async () => {
    const home = fs.mkdtempSync(path.join(dir, 'home-'));
    const wb = await createWorkbench({ home, sampleContract: path.join(root, 'samples/acme-q3-2026.recon.yaml') });
    expect(await cancelWhileImporting(wb, wb.openContract(path.join(dir, 'big.recon.yaml')))).toMatch(/^cancelled/);
    expect(await wb.getSession()).toBeNull();
    expect(await wb.getProgress()).toBeNull();
    // No session file, no recent entry: the sessions are as they were before the open.
    expect(fs.readdirSync(path.join(home, 'sessions'))).toEqual([]);
    expect(await wb.listRecent()).toEqual([]);
    const info = await wb.openContract(path.join(dir, 'small.recon.yaml'));
    expect((await wb.getReport()).reconciliations[0]?.left.gross).toBe(2);
    expect(info.title).toBe('cancel');
    await wb.close();
  });

  it('keeps the bridge and the contract file as they were after a cancelled contract edit', async () => {
    const home = fs.mkdtempSync(path.join(dir, 'home-'));
    const contractPath = path.join(dir, 'edited.recon.yaml');
    const text = fs.readFileSync(path.join(dir, 'small.recon.yaml'), 'utf8');
    fs.writeFileSync(contractPath, text);
    const wb = await createWorkbench({ home, sampleContract: path.join(root, 'samples/acme-q3-2026.recon.yaml') });
    await wb.openContract(contractPath);
    const before = await wb.getReport();
    const edited = text.replace('file: small.csv', 'file: a.csv');
    expect(await cancelWhileImporting(wb, wb.applyContract(edited))).toMatch(/^cancelled: the investigation is as it was before/);
    expect(await wb.getReport()).toEqual(before);
    expect(fs.readFileSync(contractPath, 'utf8')).toBe(text);
    expect(await wb.getProgress()).toBeNull();
    await wb.close();
  });

  it('tells the progress of an export read for the new-investigation form, and cancels it', async () => {
    const home = fs.mkdtempSync(path.join(dir, 'home-'));
    const wb = await createWorkbench({ home, sampleContract: path.join(root, 'samples/acme-q3-2026.recon.yaml') });
    const file = path.join(dir, 'a.csv');
    const preview = wb.previewExport(file);
    // DuckDB reads this 40 MB export in 16 MB buffers, on both cores, in well under a second: its estimate of the bytes
    // read may stay at 0 until the read is over, so the bytes are checked as soon as the read shows, whatever they are.
    let seen = await wb.getProgress();
    while (seen?.detail !== 'reading') {
      await new Promise((resolve) => setTimeout(resolve, 20));
      seen = await wb.getProgress();
    }
    expect(seen).toMatchObject({ step: 'import', source: 'a.csv', bytesTotal: fs.statSync(file).size });
    expect(seen.bytesRead).toBeTypeOf('number');
    expect(await cancelWhileImporting(wb, preview)).toBe(`cancelled: ${file} was not read`);
    expect(await wb.getProgress()).toBeNull();
    expect((await wb.previewExport(file)).rows).toBe(ROWS);
    await wb.close();
  });

  it('lets an open go ahead of a form read under way: the read waits its turn, the open is not refused as busy', async () => {
    const home = fs.mkdtempSync(path.join(dir, 'home-'));
    const wb = await createWorkbench({ home, sampleContract: path.join(root, 'samples/acme-q3-2026.recon.yaml') });
    const preview = wb.previewExport(path.join(dir, 'a.csv'));
    while ((await wb.getProgress())?.detail === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await wb.openContract(path.join(dir, 'small.recon.yaml'))).title).toBe('cancel');
    expect((await preview).rows).toBe(ROWS);
    await wb.close();
  });

  it('takes a cancelled Create back: no contract, no folder, no session file, no recent entry', async () => {
    const home = fs.mkdtempSync(path.join(dir, 'home-'));
    const wb = await createWorkbench({ home, sampleContract: path.join(root, 'samples/acme-q3-2026.recon.yaml') });
    const side = (name: string, system: 'marketing' | 'sales', metric: string): SourceDraft => ({
      name, system, file: path.join(dir, 'a.csv'), timezone: 'UTC', id: 'Id', fields: { key: 'Email', at: 'When' }, metric, dateField: 'at',
    });
    const spec = { title: 'Cancelled', contractPath: path.join(dir, 'created', 'new.recon.yaml'), timezone: 'UTC', from: '2026-07-01', to: '2026-09-30' };
    const message = await cancelWhileImporting(wb, wb.createInvestigation({ ...spec, left: side('a', 'marketing', 'A'), right: side('b', 'sales', 'B') }));
    expect(message).toMatch(/^cancelled/);
    expect(fs.existsSync(path.join(dir, 'created'))).toBe(false);
    expect(fs.readdirSync(path.join(home, 'sessions'))).toEqual([]);
    expect(await wb.listRecent()).toEqual([]);
    await wb.close();
  });

  it('keeps the sessions as they were after an open that fails: an export without a mapped column', async () => {
    const home = fs.mkdtempSync(path.join(dir, 'home-'));
    const wb = await createWorkbench({ home, sampleContract: path.join(root, 'samples/acme-q3-2026.recon.yaml') });
    await wb.openContract(path.join(dir, 'small.recon.yaml'));
    const sessions = fs.readdirSync(path.join(home, 'sessions'));
    const recent = await wb.listRecent();
    const broken = path.join(dir, 'broken.recon.yaml');
    fs.writeFileSync(broken, composeTwoSourceContract('broken', 'small.csv', 'small.csv').replace('at: When } }\nidentity', 'at: Created } }\nidentity'));
    await expect(wb.openContract(broken)).rejects.toThrow(/Created/);
    expect(fs.readdirSync(path.join(home, 'sessions'))).toEqual(sessions);
    expect(await wb.listRecent()).toEqual(recent);
    // The investigation open before the failed one is still the one open.
    expect((await wb.getSession())?.title).toBe('cancel');
    await wb.close();
  });
});

describe('Closing the workbench while an import runs (the desktop app quitting)', () => {
  const sample = path.join(root, 'samples/acme-q3-2026.recon.yaml');

  it('cancels a first open within a second and leaves no session file behind', async () => {
    const home = fs.mkdtempSync(path.join(dir, 'home-'));
    const wb = await createWorkbench({ home, sampleContract: sample });
    const message = await cancelWhileImporting(wb, wb.openContract(path.join(dir, 'big.recon.yaml')), () => wb.close());
    expect(message).toMatch(/^cancelled/);
    expect(fs.readdirSync(path.join(home, 'sessions'))).toEqual([]);
  });

  it('rolls a contract edit back and unlocks the session file: the next run reopens it as it was, importing nothing', async () => {
    const home = fs.mkdtempSync(path.join(dir, 'home-'));
    const contractPath = path.join(dir, 'quit.recon.yaml');
    const text = composeTwoSourceContract('quit', 'small.csv', 'small.csv');
    fs.writeFileSync(contractPath, text);
    const wb = await createWorkbench({ home, sampleContract: sample });
    await wb.openContract(contractPath);
    const message = await cancelWhileImporting(wb, wb.applyContract(text.replace('file: small.csv', 'file: a.csv')), () => wb.close());
    expect(message).toMatch(/^cancelled/);
    expect(await wb.getProgress()).toBeNull();
    // The same process opens the file again: DuckDB refuses a file another instance still holds.
    const next = await createWorkbench({ home, sampleContract: sample });
    const info = await next.openContract(contractPath);
    expect(info.build).toBeUndefined();
    expect((await next.getReport()).reconciliations[0]?.left.gross).toBe(2);
    expect(fs.readFileSync(contractPath, 'utf8')).toBe(text);
    await next.close();
  });
});
