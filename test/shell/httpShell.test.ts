// The browser shell's server in-process over the real engine: loopback only, token, Host check, CSP, argument checks, hostile contracts.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api';
import { createWorkbench, type Workbench } from '../../electron/engine/createWorkbench';
import { createHttpServer, type RunningHttpShell } from '../../electron/serve/createHttpServer';
import { postApi, sendRequest } from './sendRequest';

const root = path.resolve(import.meta.dirname, '../..');
const TOKEN = 'test-token-0123456789abcdef';
const auth = { 'x-recon-token': TOKEN };
let dir: string;
let workbench: Workbench;
let shell: RunningHttpShell;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-shell-'));
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>fixture</title>');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the renderer folder');
  workbench = await createWorkbench({ home: path.join(dir, 'home'), sampleContract: path.join(root, 'samples/acme-q3-2026.recon.yaml') });
  shell = await createHttpServer({ workbench, rendererDir, token: TOKEN });
});

afterAll(async () => {
  await shell.close();
  await workbench.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function parse(body: string): ApiResult<unknown> {
  return JSON.parse(body) as ApiResult<unknown>;
}

describe('who may connect', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(shell.origin).toBe(`http://127.0.0.1:${shell.port}/`);
  });

  it('cannot be reached on another interface of this machine', async () => {
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
      .map((a) => a?.address as string);
    for (const address of others) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = net.connect({ host: address, port: shell.port });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(outcome, address).toBe('ECONNREFUSED');
    }
    // Loopback itself answers, so the refusals above are about the address, not a dead server.
    expect((await sendRequest(shell.port)).status).toBe(200);
  });

  it('refuses API calls without the token or with a wrong one (401)', async () => {
    expect((await postApi(shell.port, 'getSession', [])).status).toBe(401);
    expect((await postApi(shell.port, 'getSession', [], { 'x-recon-token': 'wrong' })).status).toBe(401);
    expect((await postApi(shell.port, 'getSession', [], { 'x-recon-token': `${TOKEN}x` })).status).toBe(401);
    expect((await postApi(shell.port, 'getSession', [], { 'x-recon-token': '' })).status).toBe(401);
  });

  it('refuses another Host name, as DNS rebinding would send (403)', async () => {
    for (const host of ['evil.example', `evil.example:${shell.port}`, `127.0.0.1:${shell.port + 1}`, '127.0.0.1']) {
      expect((await sendRequest(shell.port, { headers: { host } })).status, host).toBe(403);
      expect((await postApi(shell.port, 'getSession', [], { ...auth, host })).status, host).toBe(403);
    }
    expect((await sendRequest(shell.port, { headers: { host: `localhost:${shell.port}` } })).status).toBe(200);
  });

  it('refuses a request from another origin even with the token', async () => {
    const response = await postApi(shell.port, 'getSession', [], { ...auth, origin: 'http://evil.example' });
    expect(response.status).toBe(403);
  });
});

describe('static files', () => {
  it('serves the renderer with a strict CSP and nosniff', async () => {
    const response = await sendRequest(shell.port, { path: '/' });
    expect(response.status).toBe(200);
    expect(response.body).toContain('fixture');
    const csp = String(response.headers['content-security-policy']);
    for (const directive of ["default-src 'self'", "script-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2f%2e%2e%2fetc/passwd']) {
      const response = await sendRequest(shell.port, { path: p });
      expect(response.status, p).toBe(404);
      expect(response.body).not.toContain('outside the renderer');
    }
  });
});

describe('the API with the token', () => {
  it('answers, uncached', async () => {
    const response = await postApi(shell.port, 'listRecent', [], auth);
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(parse(response.body)).toEqual({ ok: true, value: [] });
  });

  it('takes POST only and names unknown methods', async () => {
    expect((await sendRequest(shell.port, { path: '/api/getSession', headers: auth })).status).toBe(405);
    const unknown = await postApi(shell.port, 'constructor', [], auth);
    expect(unknown.status).toBe(404);
    expect(parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('refuses invalid arguments with invalid_argument and a message naming them', async () => {
    const cases: [string, unknown[], RegExp][] = [
      ['openContract', [], /openContract\(contractPath\) takes 1 argument/],
      ['openContract', [42], /contractPath must be a string/],
      ['openContract', ['  '], /contractPath must be a non-empty string/],
      ['countRows', [{ reconciliation: 'r', side: 'up', kind: 'matched' }], /query\.side must be one of left, right/],
      ['countRows', [{ reconciliation: 'r', side: 'left', kind: 'matched', sql: 'DROP TABLE x' }], /unknown key 'sql'/],
      ['fetchRows', [{ reconciliation: 'r', side: 'left', kind: 'matched' }, { offset: -1, limit: 10 }], /page\.offset must be a whole number/],
      ['fetchRows', [{ reconciliation: 'r', side: 'left', kind: 'matched' }, { offset: 0, limit: 10_000_000 }], /page\.limit/],
      ['exportRows', [{ reconciliation: 'r', side: 'left', kind: 'matched' }, 'pdf'], /format must be one of csv, xlsx/],
      ['getSession', ['extra'], /takes 0 argument/],
      ['getReport', [{ ids: 'no' }], /options\.ids must be true or false/],
      ['createInvestigation', [{ title: 'x' }], /spec\.contractPath must be a string/],
    ];
    for (const [method, args, message] of cases) {
      const result = parse((await postApi(shell.port, method, args, auth)).body);
      expect(result.ok, method).toBe(false);
      if (!result.ok) {
        expect(result.error.code, method).toBe('invalid_argument');
        expect(result.error.message, method).toMatch(message);
      }
    }
  });

  it('refuses a body that is not JSON', async () => {
    const response = await sendRequest(shell.port, { method: 'POST', path: '/api/getSession', headers: { ...auth, 'content-type': 'application/json' }, body: '{args' });
    expect(response.status).toBe(400);
    expect(parse(response.body)).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('refuses a hostile contract by its rule name, without reading the file the rule names', async () => {
    const contractDir = path.join(dir, 'hostile');
    fs.cpSync(path.join(root, 'samples/exports'), path.join(contractDir, 'exports'), { recursive: true });
    // A FIFO with no writer: any attempt to read it would block the open, and leave a reader behind.
    const fifo = path.join(dir, 'canary.fifo');
    execFileSync('mkfifo', [fifo]);
    const sample = fs.readFileSync(path.join(root, 'samples/acme-q3-2026.recon.yaml'), 'utf8');
    const hostile = sample.replace(/^ {6}test: .*$/m, `      test: "read_csv('${fifo}') IS NOT NULL"`);
    expect(hostile).not.toBe(sample);
    const contract = path.join(contractDir, 'hostile.recon.yaml');
    fs.writeFileSync(contract, hostile);

    const result = parse((await postApi(shell.port, 'openContract', [contract], auth)).body);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_contract');
      expect(result.error.message).toContain("rule 'test'");
      expect(result.error.message).toContain('refused');
      expect(result.error.message).not.toMatch(/\n\s+at /);
    }
    // ENXIO: nobody has the FIFO open for reading.
    expect(() => fs.openSync(fifo, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK)).toThrow(/ENXIO/);
    expect(parse((await postApi(shell.port, 'getSession', [], auth)).body)).toEqual({ ok: true, value: null });
  });
});
