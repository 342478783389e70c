// Playwright's global setup: builds the renderer when stale, and makes the run's data folder (removed at the end).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig } from 'vite';
import electronViteConfig from '../../electron.vite.config';
import { isRendererStale } from '../../electron/serve/ensureRendererBuilt';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Builds only the renderer, from the renderer section of electron.vite.config.ts: `electron-vite build`
 * also builds the desktop main process, which must not stop the browser tests when it does not build.
 * The staleness rule is the browser shell's own, so the server started next does not rebuild again.
 */
async function buildRenderer(): Promise<void> {
  if (!isRendererStale(projectRoot)) return;
  const renderer = (electronViteConfig as { renderer?: InlineConfig }).renderer;
  if (!renderer) throw new Error('electron.vite.config.ts has no renderer section to build');
  process.stderr.write('[e2e] building the renderer (out/renderer is missing or older than its sources)\n');
  await build({ ...renderer, configFile: false, logLevel: 'warn' });
}

/**
 * Each spec keeps its RECON_HOME under E2E_ROOT, not in a worker's memory: when a test fails Playwright
 * starts a new worker, and the next test carries on from what the app saved, as a person would.
 */
export default async function setUpE2eRun(): Promise<() => void> {
  await buildRenderer();
  const root = mkdtempSync(path.join(os.tmpdir(), 'recon-e2e-'));
  process.env.E2E_ROOT = root;
  return () => rmSync(root, { recursive: true, force: true });
}
