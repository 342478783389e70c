// Writes a screen's picture to test-results/screenshots/, and the committed pictures (README, closing notes) when UPDATE_SCREENSHOTS=1.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { projectRoot } from './startServer';

export type ScreenName =
  | 'start'
  | 'bridge'
  | 'records'
  | 'inspector'
  | 'contract'
  | 'new-investigation-problem'
  | 'contract-repair'
  | 'map-export'
  | 'value-bridge'
  | 'pairs-grid'
  | 'funnel'
  | 'shared-metrics'
  | 'funnel-person-timeline'
  | 'attribution'
  | 'attribution-deal'
  | 'compare'
  | 'bridge-decisions'
  | 'bridge-sign-off-broken'
  | 'contract-editor'
  | 'import-progress'
  | 'import-cancelled'
  | 'preview-progress';

/** The README and issue 7's closing note show these; they are committed, so they are rewritten only on request. */
const COMMITTED: Partial<Record<ScreenName, string>> = {
  bridge: 'build/screenshots/bridge.png',
  'value-bridge': 'build/screenshots/value-bridge.png',
  'pairs-grid': 'build/screenshots/pairs-grid.png',
  funnel: 'build/screenshots/funnel.png',
  'shared-metrics': 'build/screenshots/shared-metrics.png',
  attribution: 'build/screenshots/attribution.png',
  compare: 'build/screenshots/compare.png',
  'bridge-decisions': 'build/screenshots/bridge-decisions.png',
  'bridge-sign-off-broken': 'build/screenshots/bridge-sign-off-broken.png',
  'contract-editor': 'build/screenshots/contract-editor.png',
};

/** `fullPage: false` keeps the window only: a screen whose panels scroll inside it reads better as seen. */
export async function saveScreenshot(page: Page, name: ScreenName, options: { fullPage?: boolean } = {}): Promise<string> {
  const file = path.join(projectRoot, 'test-results/screenshots', `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true, animations: 'disabled', caret: 'hide' });
  const committed = COMMITTED[name];
  if (committed && process.env.UPDATE_SCREENSHOTS === '1') {
    const target = path.join(projectRoot, committed);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
  return file;
}
