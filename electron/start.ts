// `npm start [CONTRACT.recon.yaml]`: the desktop app where Electron is installed, else the browser shell.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './shell/findElectronBinary';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const electron = findElectronBinary();

if (!electron.found) {
  process.stderr.write(`Electron is not installed on this machine (${electron.reason}); opening the browser shell instead\n`);
  await import('./serve');
} else {
  const cli = path.join(path.dirname(createRequire(import.meta.url).resolve('electron-vite/package.json')), 'bin/electron-vite.js');
  const build = spawnSync(process.execPath, [cli, 'build', '--logLevel', 'warn'], { cwd: projectRoot, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const app = spawn(electron.path, [path.join(projectRoot, 'out/main/main.js'), ...args], { cwd: projectRoot, stdio: 'inherit' });
  app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
