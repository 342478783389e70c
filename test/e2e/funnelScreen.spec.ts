// The Funnel screen on the sample: its numbers are the generator's plan (expected-metrics.json), each bar and list opens exactly its records, and a window edit shows how each number moved.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { FunnelReport, MetricsReport } from '../../shared/metricsReportTypes';
import { readContractEditor } from './contractEditorText';
import { expectMetricList } from './expectMetricList';
import { makeRunHome } from './makeRunHome';
import { count, days, dollars, percent } from './metricFormats';
import { orderMetricIds } from './metricListIds';
import { metricsWithCli } from './runReconCli';
import { saveScreenshot } from './saveScreenshot';
import { projectRoot, startServer, type RunningServer } from './startServer';

const home = makeRunHome('funnelScreen');
const contract = path.join(home, 'sample', 'acme-q3-2026.recon.yaml');
const expected = JSON.parse(readFileSync(path.join(projectRoot, 'samples/expected-metrics.json'), 'utf8')) as MetricsReport;
const funnel = expected.funnels[0] as FunnelReport;
let server: RunningServer;
let page: Page;
const pageErrors: string[] = [];
// What the page asked of the metrics report: the screens draw from it without its id lists.
const metricsAsked: (string | null)[] = [];

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1280, height: 800 } });

test.beforeAll(async ({ browser }) => {
  server = await startServer({ home });
  page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('request', (request) => {
    if (request.url().endsWith('/api/getMetricsReport')) metricsAsked.push(request.postData());
  });
  await page.goto(server.url);
  await expect(page.getByRole('tab', { name: 'Bridge' })).toHaveAttribute('aria-selected', 'true');
});

test.afterAll(async () => {
  await page.close();
  await server.stop();
  expect(pageErrors).toEqual([]);
});

async function showFunnel(): Promise<void> {
  await page.getByRole('tab', { name: 'Funnel' }).click();
  await expect(page.getByRole('heading', { name: funnel.name })).toBeVisible();
}

const stages = () => page.getByRole('table', { name: `Stages of ${funnel.name}` });


test('1. each stage shows the plan\'s reached, conversions, value, days and list counts, and says it is a fact over a 90-day window', async () => {
  await showFunnel();
  await expect(page.locator('.funnel-screen .basis-line').first()).toContainText('Fact');
  await expect(page.locator('.funnel-screen .basis-line').first()).toContainText(`depends on: ${funnel.depends_on}`);
  await expect(page.getByRole('figure', { name: 'The funnel as written in the contract' })).toContainText('window: 90 days');
  const cohortRow = stages().getByRole('row').filter({ has: page.getByRole('rowheader', { name: `${funnel.cohort.metric} (cohort)` }) });
  await expect(cohortRow.getByRole('cell').first()).toHaveText(count(funnel.cohort.count));
  for (const stage of funnel.stages) {
    const row = stages().getByRole('row').filter({ has: page.getByRole('rowheader', { name: stage.metric, exact: true }) });
    await expect(row.getByRole('cell')).toHaveText([
      count(stage.reached),
      percent(stage.conversion_from_previous),
      percent(stage.conversion_from_cohort),
      stage.value === null ? 'no value' : dollars(stage.value),
      days(stage.median_days ?? 0),
      days(stage.p90_days ?? 0),
      count(stage.ids.length),
      count(stage.dropped.length),
      count(stage.skipped.length),
      count(stage.outside_cohort.length),
    ]);
  }
  // The chart draws the cohort and every stage, each bar with its count.
  await expect(page.locator('.funnel-bar-count text, .funnel-bar-count')).toContainText([
    count(funnel.cohort.count),
    ...funnel.stages.map((s) => `${count(s.reached)} · ${percent(s.conversion_from_cohort)}`),
  ]);
  await saveScreenshot(page, 'funnel');
});

test('2. a bar opens exactly the cohort records counted at its stage, the cohort bar the cohort', async () => {
  const won = funnel.stages.length;
  const stage = funnel.stages[won - 1];
  if (!stage) throw new Error('the plan has no stage');
  await page.locator(`.funnel-bar-${won}`).click();
  await expectMetricList(page, `${funnel.cohort.metric} records that reached ${stage.metric}`, stage.reached_ids);
  await page.locator('.funnel-bar-0').click();
  await expectMetricList(page, `The cohort: every net ${funnel.cohort.metric} record of the period`, funnel.cohort.ids);
});

test('3. each drop-off, skipped and outside-cohort list opens exactly its records', async () => {
  const [sql, opportunity, won] = funnel.stages;
  if (!sql || !opportunity || !won) throw new Error('the plan has three stages');
  await stages().getByRole('button', { name: `Dropped at ${opportunity.metric} (from ${sql.metric}): ${opportunity.dropped.length} records` }).click();
  await expectMetricList(page, `Dropped: counted at ${sql.metric}, never reached ${opportunity.metric} within the window`, opportunity.dropped);
  await stages().getByRole('button', { name: `Skipped at ${opportunity.metric} (from ${sql.metric}): ${opportunity.skipped.length} records` }).click();
  await expectMetricList(page, /^Skipped: reached Opportunity/, opportunity.skipped);
  await stages().getByRole('button', { name: `Outside the cohort at ${won.metric}: ${won.outside_cohort.length} records` }).click();
  await expectMetricList(page, /^Outside the cohort: Won records/, won.outside_cohort);
  await stages().getByRole('button', { name: `${won.metric} records reached: ${won.ids.length} records` }).click();
  await expectMetricList(page, /^Won records the counted/, won.ids);
});

test('4. a row opens the inspector: a won deal\'s export row, an MQL across both exports', async () => {
  const won = funnel.stages[funnel.stages.length - 1];
  if (!won) throw new Error('the plan has no stage');
  const first = orderMetricIds(won.ids)[0] as string;
  // readGridIds left the grid scrolled to its end.
  await page.locator('.ag-grid-viewport').evaluate((el) => el.scrollTo({ top: 0 }));
  await page.getByRole('button', { name: `Inspect record ${first}` }).click();
  const record = page.getByRole('complementary', { name: `Record ${first}` });
  await expect(record).toBeVisible();
  await expect(record.getByRole('rowheader').first()).toBeVisible();
  await record.getByRole('button', { name: 'Close' }).click();

  await page.locator('.funnel-bar-1').click();
  const mql = orderMetricIds(funnel.stages[0]?.reached_ids ?? [])[0] as string;
  await page.getByRole('button', { name: `Inspect record ${mql}` }).click();
  const inspector = page.getByRole('complementary', { name: 'Record inspector' });
  await expect(inspector).toBeVisible();
  await expect(inspector).toContainText(mql);
  // Its path through the funnel, as the plan's lists place it, and its speed-to-lead outcome.
  const steps = page.getByRole('list', { name: `${funnel.name}: path of record ${mql}` }).getByRole('listitem');
  const outcomes = funnel.stages.map((s) =>
    s.reached_ids.includes(mql) ? 'reached' : s.skipped.includes(mql) ? 'reached, skipping the stage before' : s.dropped.includes(mql) ? 'dropped here' : 'not reached',
  );
  await expect(steps).toHaveText([`${funnel.cohort.metric} record ${mql}`, ...funnel.stages.map((s, i) => `${s.metric} ${outcomes[i] ?? ''}`)]);
  expect(outcomes).toContain('dropped here');
  const sla = expected.sla[0];
  if (!sla) throw new Error('the plan has an SLA');
  const slaWords = sla.met.ids.includes(mql) ? 'touched within the SLA' : sla.breached.ids.includes(mql) ? 'touched late' : 'never touched';
  await expect(page.getByRole('region', { name: `Path of record ${mql}` })).toContainText(`${sla.name}: ${slaWords}`);
  await inspector.getByRole('button', { name: 'Close the inspector' }).click();
});

test('5. the inspector dates one person\'s whole path: Chloe Ferreira from MQL to won deal (samples/README.md)', async () => {
  const chloe = '3766';
  const won = funnel.stages[funnel.stages.length - 1];
  expect(won?.reached_ids).toContain(chloe);
  await page.locator(`.funnel-bar-${funnel.stages.length}`).click();
  await expectMetricList(page, /Won/, won?.reached_ids ?? []);
  // readGridIds left the grid scrolled to its end: her row is brought into view from the top, a page at a time.
  const viewport = page.locator('.ag-grid-viewport');
  await viewport.evaluate((el) => el.scrollTo({ top: 0 }));
  const button = page.getByRole('button', { name: `Inspect record ${chloe}`, exact: true });
  for (let step = 0; step < 20 && (await button.count()) === 0; step++) await viewport.evaluate((el) => el.scrollBy({ top: el.clientHeight / 2 }));
  await button.click();
  const inspector = page.getByRole('complementary', { name: 'Record inspector' });
  const steps = inspector.getByRole('list', { name: `${funnel.name}: timeline of record ${chloe}` }).getByRole('listitem');
  // MQL Aug 3 (06:47 UTC), the intro e-mail at 3:32 PM Los Angeles, SQL Aug 10, the opportunity opened 8/14 9:54 PM Los Angeles, won Sep 21: New York days.
  await expect(steps.locator('time')).toHaveText(['2026-08-03', '2026-08-03 18:32', '2026-08-10', '2026-08-15', '2026-09-21']);
  await expect(steps.locator('.timeline-since')).toHaveText(['start', '+0 days', '+7 days', '+5 days', '+37 days']);
  await expect(steps.locator('strong')).toHaveText(['MQL', 'Speed to lead', 'SQL', 'Opportunity', 'Won']);
  await expect(steps.nth(1)).toContainText('first touch 15 h 45 min after, within the SLA');
  await expect(steps.nth(4)).toContainText('record 006Hs000009008kIAA · $42,000.00 · via opportunity_people');
  await saveScreenshot(page, 'funnel-person-timeline');
  await inspector.getByRole('button', { name: 'Close the inspector' }).click();
});

test('6. another funnel of the contract is one choice away, with its own numbers and lists', async () => {
  const other = expected.funnels[1];
  if (!other) throw new Error('the sample has a second funnel (CRM leads to revenue)');
  await page.getByRole('combobox', { name: 'Funnel' }).selectOption(other.name);
  await expect(page.getByRole('heading', { name: other.name })).toBeVisible();
  const table = page.getByRole('table', { name: `Stages of ${other.name}` });
  for (const stage of other.stages) {
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: stage.metric, exact: true }) });
    await expect(row.getByRole('cell').first()).toHaveText(count(stage.reached));
    await expect(row.getByRole('cell').nth(1)).toHaveText(percent(stage.conversion_from_previous));
  }
  const last = other.stages[other.stages.length - 1];
  if (!last) throw new Error('the funnel has stages');
  await table.getByRole('button', { name: `Reached ${last.metric}: ${last.reached} records` }).click();
  await expectMetricList(page, `${other.cohort.metric} records that reached ${last.metric}`, last.reached_ids);
  await page.getByRole('combobox', { name: 'Funnel' }).selectOption(funnel.name);
});

test('7. a narrower window, applied in the contract, shows how each funnel number moved', async () => {
  await page.getByRole('tab', { name: 'Contract' }).click();
  const editor = page.getByRole('textbox', { name: 'Contract YAML' });
  const text = await readContractEditor(page);
  expect(text).toContain('    window: 90 days\n');
  await editor.fill(text.replace('    window: 90 days\n', '    window: 20 days\n'));
  await expect(page.locator('.editor-status')).toHaveText(/^No problems/);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.locator('.editor-status')).toHaveText('Saved');

  const after = (await metricsWithCli(contract)).funnels[0] as FunnelReport;
  expect(after.depends_on).toBe('window 20 days');
  await showFunnel();
  await expect(page.locator('.funnel-screen .basis-line').first()).toContainText('depends on: window 20 days');
  await expect(page.getByRole('note')).toContainText('The contract was edited and applied');
  let moved = 0;
  for (const [i, stage] of after.stages.entries()) {
    const was = funnel.stages[i];
    if (!was) throw new Error('the stages changed');
    const reached = stages().getByRole('row').filter({ has: page.getByRole('rowheader', { name: stage.metric, exact: true }) }).getByRole('cell').first();
    if (was.reached === stage.reached) {
      await expect(reached).toHaveText(count(stage.reached));
    } else {
      moved += 1;
      await expect(reached).toHaveText(`${count(stage.reached)}${count(was.reached)} → ${count(stage.reached)}`);
    }
  }
  expect(moved, 'a window of 20 days instead of 90 loses stages').toBeGreaterThan(0);
  const dropped = after.stages[2];
  if (!dropped) throw new Error('three stages');
  await stages().getByRole('button', { name: `Dropped at ${dropped.metric} (from Opportunity): ${dropped.dropped.length} records` }).click();
  await expectMetricList(page, /^Dropped: counted at Opportunity/, dropped.dropped);
});

test('8. the screen drew every number from the report without its id lists, before and after the edit', () => {
  // Once as the investigation was shown, once after the edit was applied: the lists were paged, never read whole.
  expect(metricsAsked).toEqual([JSON.stringify({ args: [{ ids: false }] }), JSON.stringify({ args: [{ ids: false }] })]);
});
