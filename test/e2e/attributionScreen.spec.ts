// The Attribution screen on the sample: each credit is the generator's plan (expected-metrics.json), opens exactly its deals and touches, Chloe Ferreira's deal shows each model's share of its touches, and a lookback edit shows how each credit moved.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { AttributionReport, CreditLine, MetricsReport } from '../../shared/metricsReportTypes';
import type { AttributionModel } from '../../shared/revenueContractTypes';
import { readContractEditor } from './contractEditorText';
import { expectMetricList } from './expectMetricList';
import { makeRunHome } from './makeRunHome';
import { count, dollars } from './metricFormats';
import { orderMetricIds } from './metricListIds';
import { readGridIds } from './readGridIds';
import { metricsWithCli } from './runReconCli';
import { saveScreenshot } from './saveScreenshot';
import { projectRoot, startServer, type RunningServer } from './startServer';

const home = makeRunHome('attributionScreen');
const contract = path.join(home, 'sample', 'acme-q3-2026.recon.yaml');
const expected = JSON.parse(readFileSync(path.join(projectRoot, 'samples/expected-metrics.json'), 'utf8')) as MetricsReport;
const pipeline = expected.attribution[0] as AttributionReport;
let server: RunningServer;
let page: Page;
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
const nameOf = (line: CreditLine) => (line.campaign === null ? line.channel : `${line.channel} · ${line.campaign}`);
const creditButton = (model: AttributionModel, line: CreditLine) => page.getByRole('button', { name: `${LABELS[model]} · ${nameOf(line)}: ${deals(line.opportunities)}`, exact: true });
const channelLines = (e: AttributionReport, model: AttributionModel) => (e.models[model] ?? []).filter((l) => l.campaign === null);
const findLine = (e: AttributionReport, model: AttributionModel, channel: string, campaign: string | null = null) => {
  const line = e.models[model]?.find((l) => l.channel === channel && l.campaign === campaign);
  if (!line) throw new Error(`the plan has no ${model} line for ${channel} ${campaign ?? ''}`);
  return line;
};
/** Time decay is computed in doubles: the plan and the engine agree within a cent (docs/attribution.md). */
async function expectCredit(model: AttributionModel, line: CreditLine): Promise<void> {
  if (model !== 'time_decay') return expect(creditButton(model, line)).toHaveText(dollars(line.credit));
  const shown = Number(((await creditButton(model, line).textContent()) ?? '').replace(/[$,]/g, ''));
  expect(Math.abs(shown - line.credit), `${nameOf(line)} under time decay`).toBeLessThanOrEqual(0.01);
}

test.beforeAll(async ({ browser }) => {
  server = await startServer({ home });
  page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(server.url);
  await expect(page.getByRole('tab', { name: 'Bridge' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Attribution' }).click();
  await expect(page.getByRole('heading', { name: pipeline.name, level: 2 })).toBeVisible();
});

test.afterAll(async () => {
  await page.close();
  await server.stop();
  expect(pageErrors).toEqual([]);
});

test('1. every channel line of every model shows the plan\'s credit and deals, each model gives out the whole total, and the credits say they are an interpretation', async () => {
  await expect(page.locator('.attribution-screen .basis').first()).toHaveText('Interpretation');
  await expect(page.locator('.attribution-screen .basis-line').first()).toContainText(`depends on: ${pipeline.depends_on}`);
  const models = Object.keys(pipeline.models) as AttributionModel[];
  expect(models).toEqual(['first_touch', 'last_touch', 'linear', 'u_shaped', 'w_shaped', 'time_decay', 'self_reported']);
  for (const model of models) for (const line of channelLines(pipeline, model)) await expectCredit(model, line);
  const table = page.getByRole('table', { name: `Credit by channel and model: ${pipeline.name}` });
  await expect(table.locator('thead th')).toHaveText(['Channel', ...models.map((m) => LABELS[m])]);
  // Each line is rounded once: a model's lines add up to the total within a cent a line, and the screen says where they miss it.
  const totals = table.locator('.total-row td');
  for (const [i, model] of models.entries()) {
    const lines = channelLines(pipeline, model);
    const sum = lines.reduce((cents, l) => cents + Math.round(l.credit * 100), 0) / 100;
    expect(Math.abs(sum - pipeline.total)).toBeLessThanOrEqual(0.01 * lines.length);
    if (model !== 'time_decay') await expect(totals.nth(i)).toHaveText(`${dollars(sum)}${sum === pipeline.total ? '' : '*'}`);
  }
  await expect(page.locator('.rounding-note')).toContainText(`add up to within cents of the exact total, ${dollars(pipeline.total)}`);
  const weights = page.getByRole('region', { name: "How each model splits a deal's value" });
  await expect(weights).toContainText('U-shaped40% first, 40% last, 20% split evenly over the touches in between; 1 touch: 100%; 2 touches: 50/50.');
  await expect(weights).toContainText('a touch 7 days before the deal weighs half one at the deal');
  await expect(weights).toContainText("the last touch at or before the latest MQL of the deal's people");
  // The chart: a bar per model and channel that has credit.
  const bars = models.reduce((n, m) => n + channelLines(pipeline, m).length, 0);
  await expect(page.locator('.attribution-bar .recharts-bar-rectangle')).toHaveCount(bars);
  await saveScreenshot(page, 'attribution');
});

test('2. a credit opens exactly the deals giving it: a channel, one of its campaigns, and No touch', async () => {
  const events = findLine(pipeline, 'linear', 'Events');
  await creditButton('linear', events).click();
  await expectMetricList(page, 'Linear · Events: the deals giving it credit', events.ids);
  await page.getByRole('button', { name: /^Campaigns of Events/ }).click();
  const summit = findLine(pipeline, 'first_touch', 'Events', 'RevOps Summit NYC 2026');
  await expectCredit('first_touch', summit);
  await creditButton('first_touch', summit).click();
  await expectMetricList(page, 'First touch · Events · RevOps Summit NYC 2026: the deals giving it credit', summit.ids);
  // The chart's bars open the same lists: the first group is the channel first touch credits most.
  const top = channelLines(pipeline, 'first_touch')
    .filter((l) => l.channel !== 'No touch')
    .sort((a, b) => b.credit - a.credit)[0];
  if (!top) throw new Error('the plan credits a channel');
  await page.locator('.attribution-bar-first_touch .recharts-rectangle').first().click();
  await expectMetricList(page, `First touch · ${top.channel}: the deals giving it credit`, top.ids);
  const noTouch = findLine(pipeline, 'w_shaped', 'No touch');
  expect(noTouch.ids).toEqual(pipeline.no_touch.ids);
  await creditButton('w_shaped', noTouch).click();
  await expectMetricList(page, 'W-shaped · No touch: the deals giving it credit', pipeline.no_touch.ids);
});

test('3. a campaign\'s first touches are the ones its deals\' timelines give 100% under first touch', async () => {
  const summit = findLine(pipeline, 'first_touch', 'Events', 'RevOps Summit NYC 2026');
  await page.getByRole('button', { name: 'First touch · Events · RevOps Summit NYC 2026: its touches' }).click();
  const list = page.locator('section.metric-list');
  await expect(list.getByRole('heading', { level: 3 })).toHaveText('First touch · Events · RevOps Summit NYC 2026: the touches giving it credit');
  await expect(list.locator('.metric-list-count')).toHaveText(/^\d+ records?$/);
  const touches = (await readGridIds(page)).ids;

  await creditButton('first_touch', summit).click();
  await expectMetricList(page, /RevOps Summit NYC 2026: the deals giving it credit$/, summit.ids);
  const credited = new Set<string>();
  for (const deal of orderMetricIds(summit.ids)) {
    await page.locator('.ag-grid-viewport').evaluate((el) => el.scrollTo({ top: 0 }));
    await page.getByRole('button', { name: `Inspect record ${deal}`, exact: true }).click();
    const timeline = page.getByRole('table', { name: `${pipeline.name}: touches of deal ${deal}` });
    await expect(timeline.locator('.deal-row')).toContainText(`Deal ${deal}`);
    // Columns: when, channel, then the touch models in the entry's order (first touch first).
    const first = timeline.locator('tbody tr.touch-counted').filter({ has: page.locator('td:nth-child(3)', { hasText: '100.0%' }) });
    await expect(first).toHaveCount(1);
    await expect(first.locator('td').nth(1)).toContainText('Events · RevOps Summit NYC 2026');
    credited.add(((await first.locator('.touch-who').textContent()) ?? '').replace(/^.* · record /, ''));
    await page.getByRole('complementary').getByRole('button', { name: /^Close/ }).click();
  }
  expect(orderMetricIds([...credited])).toEqual(orderMetricIds(touches));
});

test('4. Chloe Ferreira\'s deal: four counted touches with each model\'s share, the milestone, one too old and one after the deal (samples/README.md)', async () => {
  const tidewell = '006Hs000009008kIAA';
  const paidSearch = findLine(pipeline, 'first_touch', 'Paid Search');
  expect(paidSearch.ids).toContain(tidewell);
  await creditButton('first_touch', paidSearch).click();
  await expectMetricList(page, 'First touch · Paid Search: the deals giving it credit', paidSearch.ids);
  await page.locator('.ag-grid-viewport').evaluate((el) => el.scrollTo({ top: 0 }));
  await page.getByRole('button', { name: `Inspect record ${tidewell}`, exact: true }).click();
  const timeline = page.getByRole('table', { name: `${pipeline.name}: touches of deal ${tidewell}` });
  await expect(timeline).toBeVisible();
  const counted = timeline.locator('tbody tr.touch-counted');
  await expect(counted.locator('strong')).toHaveText(['Paid Search', 'Content', 'Webinar', 'Email']);
  // First, last, linear, U, W per touch in time order; time decay's shares are the engine's doubles, checked by the engine's tests.
  const shares = [
    ['100.0%', '—', '25.0%', '40.0%', '30.0%'],
    ['—', '—', '25.0%', '10.0%', '10.0%'],
    ['—', '—', '25.0%', '10.0%', '30.0%'],
    ['—', '100.0%', '25.0%', '40.0%', '30.0%'],
  ];
  for (const [i, row] of shares.entries()) {
    const cells = counted.nth(i).locator('td.share-cell');
    for (const [m, share] of row.entries()) await expect(cells.nth(m)).toHaveText(share === '—' ? '—' : new RegExp(`^${share.replace('.', '\\.')}\\$`));
  }
  await expect(counted.nth(2).locator('.milestone-badge')).toHaveText('W-shaped milestone');
  await expect(timeline.locator('tr.touch-after_deal')).toHaveCount(1);
  await expect(timeline.locator('tr.touch-after_deal .not-counted')).toHaveText('after the deal: not counted');
  // The report of Apr 17 is folded until asked for.
  await expect(timeline.locator('tr.touch-before_lookback')).toHaveCount(0);
  await timeline.getByRole('button', { name: 'Show the 1 touch more than 90 days before the deal (not counted)' }).click();
  await expect(timeline.locator('tr.touch-before_lookback .not-counted')).toHaveText('more than 90 days before the deal: not counted');
  const facts = page.locator('.deal-facts');
  await expect(facts).toContainText('Said“Webinar” → Webinar');
  await expect(facts).toContainText('by the CRM rule: yes · by touches: yes · influenced: yes');
  await saveScreenshot(page, 'attribution-deal');
  await page.getByRole('complementary').getByRole('button', { name: /^Close/ }).click();
});

test('5. the sourced bridge shows the plan\'s deals and value per line, and opens exactly them', async () => {
  const bridge = page.getByRole('table', { name: 'Sourced bridge' });
  const parts = [
    ['both', 'Sourced by the CRM rule and by touches', pipeline.sourced.both],
    ['crm_only', 'Sourced by the CRM rule only', pipeline.sourced.crm_only],
    ['touches_only', 'Sourced by touches only (First touch)', pipeline.sourced.touches_only],
    ['neither', 'Sourced by neither', pipeline.sourced.neither],
    ['influenced', 'Influenced: a touch on a marketing channel', pipeline.influenced],
  ] as const;
  await expect(bridge.getByRole('columnheader')).toHaveText(parts.map(([, title]) => title));
  for (const [list, title, part] of parts) {
    await expect(bridge.getByRole('button', { name: `${title}: ${deals(part.count)}` })).toHaveText(count(part.count));
    await expect(bridge.getByRole('row', { name: /^Value/ }).locator(`td.sourced-${list}`)).toHaveText(dollars(part.value));
  }
  await bridge.getByRole('button', { name: `Sourced by touches only (First touch): ${deals(pipeline.sourced.touches_only.count)}` }).click();
  await expectMetricList(page, 'Sourced by touches only (First touch)', pipeline.sourced.touches_only.ids);
  await bridge.getByRole('button', { name: `Influenced: a touch on a marketing channel: ${deals(pipeline.influenced.count)}` }).click();
  await expectMetricList(page, 'Influenced: a touch on a marketing channel', pipeline.influenced.ids);
});

test('6. the agreement matrix shows the plan\'s cells under the chosen touch model, each opening its deals', async () => {
  const matrix = (model: AttributionModel) => page.getByRole('table', { name: `Self-reported against ${LABELS[model]}` });
  const firstCells = pipeline.agreement?.first_touch ?? [];
  expect(firstCells.length).toBeGreaterThan(0);
  await expect(matrix('first_touch').locator('tbody td .count-button')).toHaveCount(firstCells.length);
  const friends = firstCells.find((c) => c.reported === 'Referral' && c.touched === 'No touch');
  if (!friends) throw new Error('the plan has deals a colleague told of, with no touch');
  await matrix('first_touch').getByRole('button', { name: `Said Referral, touched No touch: ${deals(friends.count)}` }).click();
  await expectMetricList(page, 'Said Referral, touched No touch (First touch)', friends.ids);
  const agree = firstCells.reduce((n, c) => n + (c.reported === c.touched ? c.count : 0), 0);
  const all = firstCells.reduce((n, c) => n + c.count, 0);
  await expect(page.getByRole('region', { name: 'Self-reported against touches' })).toContainText(`They agree on ${agree} of ${all} deals`);

  await page.getByRole('combobox', { name: 'Touch model' }).selectOption({ label: 'Last touch' });
  const lastCells = pipeline.agreement?.last_touch ?? [];
  await expect(matrix('last_touch').locator('tbody td .count-button')).toHaveCount(lastCells.length);
  const cell = lastCells[0];
  if (!cell) throw new Error('the plan has a last-touch matrix');
  await matrix('last_touch').getByRole('button', { name: `Said ${cell.reported}, touched ${cell.touched}: ${deals(cell.count)}` }).click();
  await expectMetricList(page, `Said ${cell.reported}, touched ${cell.touched} (Last touch)`, cell.ids);
});

test('7. the revenue entry is one choice away, with its own credits and no sourced definition of its own', async () => {
  const revenue = expected.attribution[1] as AttributionReport;
  await page.getByRole('combobox', { name: 'Attribution' }).selectOption(revenue.name);
  await expect(page.getByRole('heading', { name: revenue.name, level: 2 })).toBeVisible();
  for (const model of Object.keys(revenue.models) as AttributionModel[]) for (const line of channelLines(revenue, model)) await expectCredit(model, line);
  await expect(page.getByRole('region', { name: 'Sourced and influenced' })).toContainText('This entry has no sourced');
  const noTouch = findLine(revenue, 'first_touch', 'No touch');
  await creditButton('first_touch', noTouch).click();
  await expectMetricList(page, 'First touch · No touch: the deals giving it credit', revenue.no_touch.ids);
  await page.getByRole('combobox', { name: 'Attribution' }).selectOption(pipeline.name);
});

test('8. a shorter lookback and half-life, applied in the contract, show how each credit moved', async () => {
  await page.getByRole('tab', { name: 'Contract' }).click();
  const editor = page.getByRole('textbox', { name: 'Contract YAML' });
  const text = await readContractEditor(page);
  // The pipeline entry's own lines: the revenue entry below it writes the same ones.
  const entryStart = text.indexOf('  - name: Q3 pipeline by channel\n');
  const entryEnd = text.indexOf('  - name: Q3 revenue by channel\n');
  expect(entryStart).toBeGreaterThan(0);
  expect(entryEnd).toBeGreaterThan(entryStart);
  const entryText = text.slice(entryStart, entryEnd);
  expect(entryText).toContain('    lookback: 90 days\n');
  expect(entryText).toContain('    time_decay: { half_life: 7 days }\n');
  const editedEntry = entryText.replace('    lookback: 90 days\n', '    lookback: 30 days\n').replace('    time_decay: { half_life: 7 days }\n', '    time_decay: { half_life: 2 days }\n');
  const edited = `${text.slice(0, entryStart)}${editedEntry}${text.slice(entryEnd)}`;
  await editor.fill(edited);
  await expect(page.locator('.editor-status')).toHaveText(/^No problems/);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.locator('.editor-status')).toHaveText('Saved');
  const after = (await metricsWithCli(contract)).attribution[0];
  if (!after) throw new Error('the entry is still there');
  expect(after.depends_on).toMatch(/^lookback 30 days/);

  await page.getByRole('tab', { name: 'Attribution' }).click();
  await expect(page.locator('.attribution-screen .basis-line').first()).toContainText(`depends on: ${after.depends_on}`);
  await expect(page.getByRole('note')).toContainText('The contract was edited and applied');
  await expect(page.getByRole('region', { name: "How each model splits a deal's value" })).toContainText('a touch 2 days before the deal weighs half one at the deal');
  let moved = 0;
  for (const model of ['first_touch', 'time_decay'] as const) {
    for (const line of channelLines(after, model)) {
      // The engine before the edit: the plan's time decay may differ from it in the last cent.
      const was = channelLines(pipeline, model).find((l) => l.channel === line.channel)?.credit ?? 0;
      const cell = page.getByRole('cell').filter({ has: creditButton(model, line) });
      await expect(creditButton(model, line)).toHaveText(dollars(line.credit));
      if (Math.abs(was - line.credit) <= 0.01) continue;
      moved += 1;
      await expect(cell.locator('.moved')).toHaveText(new RegExp(`^\\$[\\d,.]+ → ${dollars(line.credit).replace(/[$.]/g, '\\$&')}$`));
      if (model === 'first_touch') await expect(cell.locator('.moved')).toHaveText(`${dollars(was)} → ${dollars(line.credit)}`);
    }
  }
  expect(moved, 'a lookback of 30 days instead of 90 moves credit to No touch').toBeGreaterThan(0);
  const noTouch = findLine(after, 'first_touch', 'No touch');
  await creditButton('first_touch', noTouch).click();
  await expectMetricList(page, 'First touch · No touch: the deals giving it credit', after.no_touch.ids);
  expect(after.no_touch.count).toBeGreaterThan(pipeline.no_touch.count);
});
