// Builds the renderer before the browser shell serves it, when out/renderer is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** What the renderer bundle is made from: its own folder, shared/, and the build settings. */
const SOURCES = ['renderer', 'shared', 'electron.vite.config.ts', 'package.json'];

function newestChange(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestChange(path.join(entry, name)));
  return newest;
}

export function isRendererStale(projectRoot: string): boolean {
  const built = fs.statSync(path.join(projectRoot, 'out/renderer/index.html'), { throwIfNoEntry: false });
  if (!built) return true;
  return SOURCES.some((source) => newestChange(path.join(projectRoot, source)) > built.mtimeMs);
}

/** Runs `electron-vite build` (under a second or two) with its output on stderr; throws when it fails. */
export function ensureRendererBuilt(projectRoot: string): void {
  if (!isRendererStale(projectRoot)) return;
  process.stderr.write('[recon] building the renderer (out/renderer is missing or older than its sources)\n');
  const require = createRequire(import.meta.url);
  const cli = path.join(path.dirname(require.resolve('electron-vite/package.json')), 'bin/electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build', '--logLevel', 'warn'], { cwd: projectRoot, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error(`the renderer build failed (electron-vite build exited with ${result.status ?? result.signal})`);
}
