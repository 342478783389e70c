// Test support: the sample investigation (contract and exports) copied to a folder of its own, so a test may change its files.
import fs from 'node:fs';
import path from 'node:path';

const samples = path.resolve(import.meta.dirname, '../../samples');

/** Copies the leads sample's contract and its exports into `dir`; returns the copied contract's path. */
export function copySampleInvestigation(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.cpSync(path.join(samples, 'exports'), path.join(dir, 'exports'), { recursive: true });
  const contract = path.join(dir, 'acme-q3-2026.recon.yaml');
  fs.copyFileSync(path.join(samples, 'acme-q3-2026.recon.yaml'), contract);
  return contract;
}

/** Changes one byte of a file in place (same size): what a re-export that differs in one character does. */
export function changeOneByte(file: string, from: string, to: string): void {
  const text = fs.readFileSync(file, 'latin1');
  const at = text.indexOf(from);
  if (at < 0 || from.length !== to.length) throw new Error(`cannot change '${from}' in ${file}`);
  fs.writeFileSync(file, text.slice(0, at) + to + text.slice(at + from.length), 'latin1');
}
