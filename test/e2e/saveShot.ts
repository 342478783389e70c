// Writes a picture of a page (whole) or of one part of it to test-results/screenshots/, for looking at what a test drove.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { projectRoot } from './startServer';

export async function saveShot(name: string, target: Page | Locator): Promise<string> {
  const file = path.join(projectRoot, 'test-results/screenshots', `${name}.png`);
  mkdirSync(path.dirname(file), { recursive: true });
  if ('goto' in target) await target.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
  else await target.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  return file;
}
