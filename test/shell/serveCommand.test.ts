// `npm run serve` as a person runs it: a real process that prints one URL line, serves the built renderer and the API.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, SessionInfo } from '../../shared/api';
import type { ReconReport } from '../../shared/reportTypes';
import { postApi, sendRequest } from './sendRequest';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');

interface Served {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function startServe(home: string, ...args: string[]): Served {
  const child = spawn(process.execPath, [tsx, path.join(root, 'electron/serve.ts'), ...args], {
    cwd: root,
    env: { ...process.env, RECON_HOME: home, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

async function waitForLine(served: Served, timeoutMs: number): Promise<string> {
  const started = Date.now();
  while (!served.stdout().includes('\n')) {
    if (served.child.exitCode !== null) throw new Error(`serve exited with ${served.child.exitCode}: ${served.stderr()}`);
    if (Date.now() - started > timeoutMs) throw new Error(`no URL after ${timeoutMs} ms: ${served.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return served.stdout();
}

let home: string;
let served: Served;
let port: number;
let token: string;

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-serve-'));
  served = startServe(home);
  const line = await waitForLine(served, 90_000);
  const match = /^http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]+)\n$/.exec(line);
  if (!match) throw new Error(`unexpected stdout: ${JSON.stringify(line)}`);
  port = Number(match[1]);
  token = match[2] as string;
});

afterAll(async () => {
  if (served.child.exitCode === null) served.child.kill('SIGTERM');
  await served.exited;
  fs.rmSync(home, { recursive: true, force: true });
});

describe('npm run serve', () => {
  it('prints exactly one line, the 127.0.0.1 URL with a long random token in the fragment', () => {
    expect(served.stdout().split('\n')).toHaveLength(2);
    expect(token.length).toBeGreaterThanOrEqual(43);
    expect(served.stderr()).not.toContain(token);
  });

  it('serves the built renderer with its CSP, and every asset it names', async () => {
    const page = await sendRequest(port);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const assets = [...page.body.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => m[1] as string);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      const response = await sendRequest(port, { path: `/${asset}` });
      expect(response.status, asset).toBe(200);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('has the sample investigation open, behind the token', async () => {
    expect((await postApi(port, 'getSession', [])).status).toBe(401);
    const session = JSON.parse((await postApi(port, 'getSession', [], { 'x-recon-token': token })).body) as ApiResult<SessionInfo>;
    expect(session.ok && session.value.contractPath.startsWith(home)).toBe(true);
    const report = JSON.parse((await postApi(port, 'getReport', [], { 'x-recon-token': token })).body) as ApiResult<ReconReport>;
    expect(report.ok && report.value.reconciliations.map((r) => r.name)).toEqual(session.ok ? session.value.reconciliations : null);
  });

  it('stops on SIGTERM', async () => {
    served.child.kill('SIGTERM');
    expect(await served.exited).toBe(0);
  });

  it('exits 1 with one line on stderr and nothing on stdout for a contract that does not exist', async () => {
    const failing = startServe(home, path.join(home, 'missing.recon.yaml'));
    expect(await failing.exited).toBe(1);
    expect(failing.stdout()).toBe('');
    expect(failing.stderr()).toContain('missing.recon.yaml');
  });
});
