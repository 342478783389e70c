// The Attribution screen on the sample: each credit is the engine's (recon metrics), opens exactly its deals and its touches, a deal's touches show each model's share, and a lookback edit shows how each credit moved.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { AttributionReport, CreditLine } from '../../shared/metricsReportTypes';
import type { AttributionModel } from '../../shared/revenueContractTypes';
import { expectMetricList } from './expectMetricList';
import { makeRunHome } from './makeRunHome';
import { count, dollars } from './metricFormats';
import { orderMetricIds } from './metricListIds';
import { readGridIds } from './readGridIds';
import { metricsWithCli } from './runReconCli';
import { saveScreenshot } from './saveScreenshot';
import { startServer, type RunningServer } from './startServer';

const home = makeRunHome('attributionScreen');
const contract = path.join(home, 'sample', 'acme-q3-2026.recon.yaml');
let server: RunningServer;
let page: Page;
let entry: AttributionReport;
const pageErrors: string[] = [];

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1280, height: 800 } });

const LABELS: Record<AttributionModel, string> = {
  first_touch: 'First touch',
  last_touch: 'Last touch',
  linear: 'Linear',
  u_shaped: 'U-shaped',
  w_shaped: 'W-shaped',
  time_decay: 'Time decay',
  self_reported: 'Self-reported',
};
const deals = (n: number) => `${n} deal${n === 1 ? '' : 's'}`;
const creditButton = (model: AttributionModel, line: CreditLine) => page.getByRole('button', { name: `${LABELS[model]} · ${line.channel}: ${deals(line.opportunities)}`, exact: true });
const channelLines = (e: AttributionReport, model: AttributionModel) => (e.models[model] ?? []).filter((l) => l.campaign === null);

test.beforeAll(async ({ browser }) => {
  server = await startServer({ home });
  page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(server.url);
  await expect(page.getByRole('tab', { name: 'Bridge' })).toHaveAttribute('aria-selected', 'true');
  const first = (await metricsWithCli(contract)).attribution[0];
  if (!first) throw new Error('the sample has an attribution entry');
  entry = first;
  await page.getByRole('tab', { name: 'Attribution' }).click();
  await expect(page.getByRole('heading', { name: entry.name, level: 2 })).toBeVisible();
});

test.afterAll(async () => {
  await page.close();
  await server.stop();
  expect(pageErrors).toEqual([]);
});

test('1. every credit line of every model shows the engine\'s credit and deals, the total is the same under each model, and the credits are an interpretation', async () => {
  await expect(page.locator('.attribution-screen .basis').first()).toHaveText('Interpretation');
  await expect(page.locator('.attribution-screen .basis-line').first()).toContainText(`depends on: ${entry.depends_on}`);
  const models = Object.keys(entry.models) as AttributionModel[];
  for (const model of models) {
    for (const line of channelLines(entry, model)) await expect(creditButton(model, line)).toHaveText(dollars(line.credit));
  }
  const table = page.getByRole('table', { name: `Credit by channel and model: ${entry.name}` });
  await expect(table.locator('thead th')).toHaveText(['Channel', ...models.map((m) => LABELS[m])]);
  // Each model gives out the whole total: its lines, each rounded to cents once, add up to it within a cent a line.
  const sums = models.map((m) => channelLines(entry, m).reduce((cents, l) => cents + Math.round(l.credit * 100), 0) / 100);
  for (const [i, sum] of sums.entries()) expect(Math.abs(sum - entry.total)).toBeLessThanOrEqual(0.01 * channelLines(entry, models[i] as AttributionModel).length);
  await expect(table.locator('.total-row td')).toHaveText(sums.map((sum) => `${dollars(sum)}${sum === entry.total ? '' : '*'}`));
  await expect(page.getByRole('region', { name: "How each model splits a deal's value" })).toContainText('First touch100% to the first counted touch.');
  await expect(page.locator('.attribution-bar .recharts-rectangle')).not.toHaveCount(0);
});

test('2. a credit opens exactly the deals giving it, the No touch line the deals without a counted touch', async () => {
  const lines = channelLines(entry, 'first_touch');
  const largest = lines.find((l) => l.channel !== 'No touch');
  if (!largest) throw new Error('the sample credits a channel');
  await creditButton('first_touch', largest).click();
  await expectMetricList(page, `First touch · ${largest.channel}: the deals giving it credit`, largest.ids);
  const noTouch = lines.find((l) => l.channel === 'No touch');
  expect(noTouch?.ids).toEqual(entry.no_touch.ids);
  if (!noTouch) throw new Error('the sample has deals without touches');
  await creditButton('first_touch', noTouch).click();
  await expectMetricList(page, 'First touch · No touch: the deals giving it credit', entry.no_touch.ids);
});

test('3. a line\'s touches are the touches its deals\' timelines give a share, and a deal\'s timeline says why each touch counts or not', async () => {
  // The line with the fewest deals: each of its deals is opened.
  const line = channelLines(entry, 'first_touch')
    .filter((l) => l.channel !== 'No touch')
    .sort((a, b) => a.opportunities - b.opportunities)[0];
  if (!line) throw new Error('the sample credits a channel');
  await page.getByRole('button', { name: `First touch · ${line.channel}: its touches` }).click();
  const list = page.locator('section.metric-list');
  await expect(list.getByRole('heading', { level: 3 })).toHaveText(`First touch · ${line.channel}: the touches giving it credit`);
  await expect(list.locator('.metric-list-count')).toHaveText(/^\d+ records?$/);
  const touches = (await readGridIds(page)).ids;

  await creditButton('first_touch', line).click();
  await expectMetricList(page, `First touch · ${line.channel}: the deals giving it credit`, line.ids);
  const credited = new Set<string>();
  for (const deal of orderMetricIds(line.ids)) {
    await page.locator('.ag-grid-viewport').evaluate((el) => el.scrollTo({ top: 0 }));
    await page.getByRole('button', { name: `Inspect record ${deal}`, exact: true }).click();
    const timeline = page.getByRole('table', { name: `${entry.name}: touches of deal ${deal}` });
    await expect(timeline).toBeVisible();
    // Under first touch one counted touch gets 100%: on this line's channel.
    const first = timeline.locator('tbody tr').filter({ hasText: '100.0%' });
    await expect(first).toHaveCount(1);
    await expect(first.locator('strong')).toHaveText(line.channel);
    credited.add(((await first.locator('.touch-who').textContent()) ?? '').replace(/^.* · record /, ''));
    await expect(timeline.locator('.deal-row')).toContainText(`Deal ${deal}`);
    // Every touch not counted says why.
    for (const row of await timeline.locator('tbody tr.touch-after_deal, tbody tr.touch-before_lookback').all()) await expect(row.locator('.not-counted')).toHaveText(/not counted$/);
    const sourcedByCrm = entry.sourced.both.ids.includes(deal) || entry.sourced.crm_only.ids.includes(deal);
    await expect(page.locator('.deal-facts')).toContainText(`by the CRM rule: ${sourcedByCrm ? 'yes' : 'no'}`);
    await page.getByRole('complementary').getByRole('button', { name: /^Close/ }).click();
  }
  expect(orderMetricIds([...credited])).toEqual(orderMetricIds(touches));
});

test('4. the sourced bridge shows each line\'s deals and value, and opens exactly them', async () => {
  const bridge = page.getByRole('table', { name: 'Sourced bridge' });
  const parts = [
    ['both', 'Sourced by the CRM rule and by touches', entry.sourced.both],
    ['crm_only', 'Sourced by the CRM rule only', entry.sourced.crm_only],
    ['touches_only', 'Sourced by touches only (First touch)', entry.sourced.touches_only],
    ['neither', 'Sourced by neither', entry.sourced.neither],
    ['influenced', 'Influenced: a touch on a marketing channel', entry.influenced],
  ] as const;
  await expect(bridge.getByRole('columnheader')).toHaveText(parts.map(([, title]) => title));
  for (const [list, title, part] of parts) {
    await expect(bridge.getByRole('button', { name: `${title}: ${deals(part.count)}` })).toHaveText(count(part.count));
    await expect(bridge.getByRole('row', { name: /^Value/ }).locator(`td.sourced-${list}`)).toHaveText(dollars(part.value));
  }
  await bridge.getByRole('button', { name: `Sourced by the CRM rule only: ${deals(entry.sourced.crm_only.count)}` }).click();
  await expectMetricList(page, 'Sourced by the CRM rule only', entry.sourced.crm_only.ids);
  await bridge.getByRole('button', { name: `Influenced: a touch on a marketing channel: ${deals(entry.influenced.count)}` }).click();
  await expectMetricList(page, 'Influenced: a touch on a marketing channel', entry.influenced.ids);
});

test('5. more models and a shorter lookback, applied in the contract, show how each credit moved; the agreement matrix opens its deals', async () => {
  await page.getByRole('tab', { name: 'Contract' }).click();
  const editor = page.getByRole('textbox', { name: 'Contract YAML' });
  const text = await editor.inputValue();
  expect(text).toContain('    models: [first_touch]\n');
  const edited = text.replace(
    '    models: [first_touch]\n',
    '    models: [first_touch, last_touch, linear, u_shaped, self_reported]\n    lookback: 60 days\n    self_reported: { field: lead_source }\n',
  );
  await editor.fill(edited);
  await expect(page.locator('.editor-status')).toHaveText(/^No problems/);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.locator('.editor-status')).toHaveText('Saved');
  const after = (await metricsWithCli(contract)).attribution[0];
  if (!after) throw new Error('the entry is still there');
  expect(after.depends_on).toMatch(/^lookback 60 days/);

  await page.getByRole('tab', { name: 'Attribution' }).click();
  await expect(page.locator('.attribution-screen .basis-line').first()).toContainText(`depends on: ${after.depends_on}`);
  await expect(page.getByRole('note')).toContainText('The contract was edited and applied');
  let moved = 0;
  for (const line of channelLines(after, 'first_touch')) {
    const was = channelLines(entry, 'first_touch').find((l) => l.channel === line.channel)?.credit ?? 0;
    const cell = page.getByRole('cell').filter({ has: creditButton('first_touch', line) });
    await expect(creditButton('first_touch', line)).toHaveText(dollars(line.credit));
    if (was === line.credit) {
      await expect(cell.locator('.moved')).toHaveCount(0);
    } else {
      moved += 1;
      await expect(cell.locator('.moved')).toHaveText(`${dollars(was)} → ${dollars(line.credit)}`);
    }
  }
  expect(moved, 'a lookback of 60 days instead of 365 moves first-touch credit to No touch').toBeGreaterThan(0);
  await expect(page.getByRole('region', { name: "How each model splits a deal's value" })).toContainText(
    'U-shaped40% first, 40% last, 20% split evenly over the touches in between; 1 touch: 100%; 2 touches: 50/50.',
  );
  for (const line of channelLines(after, 'u_shaped')) await expect(creditButton('u_shaped', line)).toHaveText(dollars(line.credit));

  const cells = after.agreement?.first_touch ?? [];
  const cell = cells[0];
  if (!cell) throw new Error('with self_reported the entry has an agreement matrix');
  const matrix = page.getByRole('table', { name: 'Self-reported against First touch' });
  await expect(matrix.locator('tbody td .count-button')).toHaveCount(cells.length);
  await matrix.getByRole('button', { name: `Said ${cell.reported}, touched ${cell.touched}: ${deals(cell.count)}` }).click();
  await expectMetricList(page, `Said ${cell.reported}, touched ${cell.touched} (First touch)`, cell.ids);
  await saveScreenshot(page, 'attribution');
});
