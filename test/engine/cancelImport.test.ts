// Cancelling a long import as a user does: Ctrl-C on `recon`, Cancel in the workbench on a first open and on a contract edit.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkbench } from '../../electron/engine/createWorkbench';

const root = path.resolve(import.meta.dirname, '../..');
const ROWS = 600_000;
let dir: string;

/** A contract over two exports of ROWS rows; the right one has a title line, so it is imported through a temp copy. */
const CONTRACT = `contract: cancel
version: 1
reporting: { period: { from: 2026-07-01, to: 2026-09-30 } }
sources:
  a: { system: marketing, file: a.csv, id: Id, fields: { email: Email, at: When } }
  b: { system: sales, file: b.csv, id: Id, fields: { email: Email, at: When } }
identity: { key: email }
metrics:
  A: { source: a, date: at }
  B: { source: b, date: at }
reconcile:
  - { name: a vs b, left: A, right: B }
`;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cancel-import-test-'));
  const lines = Array.from({ length: ROWS }, (_, i) => `${i + 1},person${i}@example.com,2026-08-${String((i % 28) + 1).padStart(2, '0')} 10:00,"Company ${i % 97}, Inc."`);
  fs.writeFileSync(path.join(dir, 'a.csv'), `Id,Email,When,Company\n${lines.join('\n')}\n`);
  fs.writeFileSync(path.join(dir, 'b.csv'), `Leads report\nId,Email,When,Company\n${lines.join('\n')}\n`);
  fs.writeFileSync(path.join(dir, 'big.recon.yaml'), CONTRACT);
  fs.writeFileSync(path.join(dir, 'small.csv'), 'Id,Email,When\n1,a@x.com,2026-08-01 10:00\n2,b@x.com,2026-08-02 10:00\n');
  fs.writeFileSync(path.join(dir, 'small.recon.yaml'), CONTRACT.replace('file: a.csv', 'file: small.csv').replace('file: b.csv', 'file: small.csv'));
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

describe('Cancel in the workbench', () => {
  /** Cancels `work` once the workbench reports an import under way; its rejection message. */
  async function cancelWhileImporting(wb: Awaited<ReturnType<typeof createWorkbench>>, work: Promise<unknown>): Promise<string> {
    const outcome = work.then(
      () => 'finished',
      (error: Error) => error.message,
    );
    for (let p = await wb.getProgress(); p?.detail === undefined; p = await wb.getProgress()) await new Promise((resolve) => setTimeout(resolve, 20));
    const cancelledAt = performance.now();
    await wb.cancel();
    const message = await outcome;
    expect(performance.now() - cancelledAt).toBeLessThan(1000);
    return message;
  }

  it('leaves no investigation open after a cancelled first open, and the contract opens afterwards', async () => {
    const home = fs.mkdtempSync(path.join(dir, 'home-'));
    const wb = await createWorkbench({ home, sampleContract: path.join(root, 'samples/acme-q3-2026.recon.yaml') });
    expect(await cancelWhileImporting(wb, wb.openContract(path.join(dir, 'big.recon.yaml')))).toMatch(/^cancelled/);
    expect(await wb.getSession()).toBeNull();
    expect(await wb.getProgress()).toBeNull();
    const info = await wb.openContract(path.join(dir, 'small.recon.yaml'));
    expect((await wb.getReport()).reconciliations[0]?.left.gross).toBe(2);
    expect(info.title).toBe('cancel');
    wb.close();
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
    wb.close();
  });
});
