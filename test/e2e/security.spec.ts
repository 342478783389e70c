// The browser shell's defences, against the real server process: token, loopback only, hostile contracts, CSP.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { makeRunHome } from './makeRunHome';
import { projectRoot, startServer, type RunningServer } from './startServer';

const home = makeRunHome('security');
const HOSTILE_RULE = "read_csv('/etc/passwd') IS NOT NULL";
const REMOTE_SCRIPT = 'https://example.com/recon-e2e.js';
let server: RunningServer;
let page: Page;

/** A raw request, so the test chooses every header (fetch would not let it set Host). */
function request(options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function callApi(method: string, token: string | null, args: unknown[] = []) {
  return request({
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'content-type': 'application/json', host: `127.0.0.1:${server.port}`, ...(token === null ? {} : { 'x-recon-token': token }) },
    body: JSON.stringify({ args }),
  });
}

/** Resolves true when a TCP connection opens, false when it is refused or times out. */
function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 3000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

test.beforeAll(async ({ browser }) => {
  server = await startServer({ home });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
});

test.afterAll(async () => {
  await page?.close();
  await server?.stop();
});

test('the API answers 401 without the token or with a wrong one, and 200 with it', async () => {
  expect((await callApi('getSession', null)).status).toBe(401);
  expect((await callApi('getSession', 'not-the-token')).status).toBe(401);
  expect((await callApi('getSession', `${server.token}x`)).status).toBe(401);
  const right = await callApi('getSession', server.token);
  expect(right.status).toBe(200);
  expect(JSON.parse(right.body)).toMatchObject({ ok: true, value: { title: expect.any(String) } });
});

test('the server listens on 127.0.0.1 only and answers only to its own host name', async () => {
  expect(server.host).toBe('127.0.0.1');
  expect(await canConnect('127.0.0.1', server.port)).toBe(true);
  const others = Object.values(os.networkInterfaces())
    .flat()
    .filter((a): a is os.NetworkInterfaceInfo => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
  test.info().annotations.push({ type: 'other addresses', description: others.join(', ') || 'none: only the loopback check ran' });
  for (const address of others) expect(await canConnect(address, server.port), `a connection to ${address}:${server.port}`).toBe(false);
  // A page on another name resolving to 127.0.0.1 (DNS rebinding) sends its own Host: refused even with the token.
  const rebound = await request({ method: 'POST', path: '/api/getSession', headers: { host: `evil.example:${server.port}`, 'content-type': 'application/json', 'x-recon-token': server.token }, body: '{}' });
  expect(rebound.status).toBe(403);
  const crossOrigin = await request({ method: 'POST', path: '/api/getSession', headers: { host: `127.0.0.1:${server.port}`, origin: 'https://evil.example', 'content-type': 'application/json', 'x-recon-token': server.token }, body: '{}' });
  expect(crossOrigin.status).toBe(403);
});

test('a contract with a rule that reads files is refused when opened, naming the rule', async () => {
  const folder = path.join(home, 'hostile');
  cpSync(path.join(projectRoot, 'samples/exports'), path.join(folder, 'exports'), { recursive: true });
  const sample = readFileSync(path.join(projectRoot, 'samples/acme-q3-2026.recon.yaml'), 'utf8');
  const hostile = sample.replace(/^(\s+disqualified: ).*$/m, `$1"${HOSTILE_RULE}"`);
  expect(hostile).not.toBe(sample);
  const file = path.join(folder, 'hostile.recon.yaml');
  writeFileSync(file, hostile);

  await page.goto(server.url);
  await page.getByRole('button', { name: 'Investigations' }).click();
  await page.getByRole('textbox', { name: 'Contract file path', exact: true }).fill(file);
  await page.getByRole('button', { name: 'Open contract' }).click();
  // Refused before anything ran: the contract opens in the editor with the rule's problem at its line.
  await expect(page.getByRole('heading', { name: 'This contract did not open: fix it here' })).toBeVisible();
  const issues = page.locator('#contract-issues');
  await expect(issues).toContainText('disqualified');
  await expect(issues).toContainText('read_csv');
  await expect(issues).toContainText('refused');
  const ruleLine = hostile.split('\n').findIndex((l) => l.includes(HOSTILE_RULE)) + 1;
  await expect(issues).toContainText(`Line ${ruleLine}`);
  // Nothing was opened: the sample is still the open investigation, and the start screen is one click away.
  const session = JSON.parse((await callApi('getSession', server.token)).body) as { value: { contractPath: string } };
  expect(session.value.contractPath).not.toBe(file);
  await page.getByRole('button', { name: 'Back to investigations' }).click();
  await expect(page.getByRole('button', { name: 'Open the sample investigation' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the page is served with a CSP that blocks remote scripts, framing and forms sent away', async () => {
  const response = await request({ path: '/', headers: { host: `127.0.0.1:${server.port}` } });
  expect(response.status).toBe(200);
  const csp = String(response.headers['content-security-policy'] ?? '');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain("form-action 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response.headers['x-frame-options']).toBe('DENY');
  expect(response.body).toContain('http-equiv="Content-Security-Policy"');

  await page.goto(server.url);
  await expect(page.getByRole('tab', { name: 'Bridge' })).toBeVisible();
  // No link or form on the page leads off the app.
  await expect(page.locator('a[href^="http"], form[action^="http"]')).toHaveCount(0);
  const violations = page.evaluate(`new Promise((resolve) => {
    const seen = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push({ directive: e.effectiveDirective, blocked: e.blockedURI });
      // The meta policy and the header's each report a blocked script: wait for both kinds.
      const directives = new Set(seen.map((v) => v.directive));
      if (directives.has('script-src-elem') && directives.has('form-action')) resolve(seen);
    });
    const script = document.createElement('script');
    script.src = ${JSON.stringify(REMOTE_SCRIPT)};
    document.head.append(script);
    const form = document.createElement('form');
    form.method = 'post';
    form.action = 'https://example.com/steal';
    document.body.append(form);
    form.submit();
  })`);
  const seen = (await violations) as { directive: string; blocked: string }[];
  expect(seen).toEqual(
    expect.arrayContaining([
      { directive: 'script-src-elem', blocked: REMOTE_SCRIPT },
      { directive: 'form-action', blocked: expect.stringContaining('https://example.com/steal') },
    ]),
  );
  // The blocked form did not take the page away.
  expect(page.url()).toBe(server.url);
});
