// Finds the Electron executable that `npm install electron` downloads, or says why there is none.
import fs from 'node:fs';
import { createRequire } from 'node:module';

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

export function findElectronBinary(): ElectronBinary {
  const require = createRequire(import.meta.url);
  let binary: unknown;
  try {
    // The package exports the binary's path, and throws when its download never happened.
    binary = require('electron');
  } catch (error) {
    return { found: false, reason: error instanceof Error ? error.message.split('\n')[0] ?? 'unknown' : String(error) };
  }
  if (typeof binary !== 'string') return { found: false, reason: 'the electron package does not name a binary' };
  if (!fs.existsSync(binary)) return { found: false, reason: `${binary} is missing` };
  return { found: true, path: binary };
}
