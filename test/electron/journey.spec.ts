// The journey through the desktop app (Playwright's _electron): open the sample, read the bridge; skipped where Electron is not installed.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { findElectronBinary } from '../../electron/shell/findElectronBinary';
import { expectBridgeCounts } from '../e2e/expectBridgeCounts';
import { makeRunHome } from '../e2e/makeRunHome';
import { reconcileWithCli } from '../e2e/runReconCli';
import { projectRoot } from '../e2e/startServer';

const TITLE = 'Acme Q3 2026 MQL to CRM lead reconciliation';
/** electron.vite.config.ts: main's entry electron/main.ts, written as [name].js into out/main. */
const MAIN = path.join(projectRoot, 'out/main/main.js');
const binary = findElectronBinary();

test.skip(!binary.found, `Electron binary not installed: ${binary.found ? '' : binary.reason}`);

let app: ElectronApplication | undefined;

test.beforeAll(() => {
  // The desktop build (main, preload, renderer) is not the browser tests' global setup: build it here.
  const cli = path.join(path.dirname(createRequire(import.meta.url).resolve('electron-vite/package.json')), 'bin/electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build', '--logLevel', 'warn'], { cwd: projectRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`electron-vite build failed:\n${result.stderr}`);
});

test.afterAll(async () => {
  await app?.close();
});

test('the desktop app opens the sample and its bridge shows the CLI report', async () => {
  if (!binary.found) return;
  const home = makeRunHome('electron');
  app = await electron.launch({ executablePath: binary.path, args: [MAIN, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])], cwd: projectRoot, env: { ...process.env, RECON_HOME: home } });
  const page = await app.firstWindow();
  await page.getByRole('button', { name: 'Investigations' }).click();
  await page.getByRole('button', { name: 'Open the sample investigation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const report = await reconcileWithCli(path.join(home, 'sample', 'acme-q3-2026.recon.yaml'));
  const recon = report.reconciliations[0];
  if (!recon) throw new Error('the report has no reconciliation');
  await expectBridgeCounts(page, recon);
});
