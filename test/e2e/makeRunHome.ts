// The RECON_HOME of one spec for this run: a folder under the run's E2E_ROOT, kept across Playwright workers.
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export function makeRunHome(name: string): string {
  const root = process.env.E2E_ROOT;
  if (!root) throw new Error('E2E_ROOT is not set: run the tests with `npm run test:e2e` (playwright.config.ts sets it up)');
  const home = path.join(root, name);
  mkdirSync(home, { recursive: true });
  return home;
}
