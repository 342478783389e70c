// The Shared metrics screen on the sample: each card's number is the generator's plan (expected-metrics.json), says fact or interpretation in a word, quotes the contract, and drills to exactly its records.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { MetricsReport, SharedMetricReport, SlaReport } from '../../shared/metricsReportTypes';
import { readContractEditor } from './contractEditorText';
import { expectMetricList } from './expectMetricList';
import { makeRunHome } from './makeRunHome';
import { count, days, dollars, percent } from './metricFormats';
import { metricsWithCli } from './runReconCli';
import { saveScreenshot } from './saveScreenshot';
import { projectRoot, startServer, type RunningServer } from './startServer';

const home = makeRunHome('sharedMetricsScreen');
const contract = path.join(home, 'sample', 'acme-q3-2026.recon.yaml');
const expected = JSON.parse(readFileSync(path.join(projectRoot, 'samples/expected-metrics.json'), 'utf8')) as MetricsReport;
let server: RunningServer;
let page: Page;
const pageErrors: string[] = [];
// What the page asked of the metrics report: the screens draw from it without its id lists.
const metricsAsked: (string | null)[] = [];

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1280, height: 800 } });

function entry(name: SharedMetricReport['name'], by: string | null): SharedMetricReport {
  const found = expected.shared_metrics.find((m) => m.name === name && m.by === by);
  if (!found) throw new Error(`expected-metrics.json has no ${name} by ${by}`);
  return found;
}

const sla = expected.sla[0] as SlaReport;
// Exact: the sample's CAC card sits beside one card per channel ("Customer acquisition cost · Events").
const card = (name: string) => page.getByRole('article', { name, exact: true });


test.beforeAll(async ({ browser }) => {
  server = await startServer({ home });
  page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('request', (request) => {
    if (request.url().endsWith('/api/getMetricsReport')) metricsAsked.push(request.postData());
  });
  await page.goto(server.url);
  await expect(page.getByRole('tab', { name: 'Bridge' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Shared metrics' }).click();
  await expect(page.getByRole('heading', { name: 'Shared metrics', level: 2 })).toBeVisible();
});

test.afterAll(async () => {
  await page.close();
  await server.stop();
  expect(pageErrors).toEqual([]);
});

test('1. every card shows the plan\'s value and its basis in a word', async () => {
  const sourced = entry('marketing_sourced_revenue', 'crm');
  await expect(card('Marketing-sourced revenue (CRM rule)').locator('.metric-value')).toHaveText(dollars(sourced.value ?? 0));
  await expect(card('Marketing-sourced revenue (CRM rule)').locator('.basis')).toHaveText('Fact');
  await expect(card('Marketing-sourced revenue (CRM rule)').getByRole('figure')).toContainText('crm: "lead_source IN (');

  const l2r = entry('lead_to_revenue', 'Q3 MQLs to revenue');
  await expect(card('Lead-to-revenue conversion · Q3 MQLs to revenue').locator('.metric-value')).toHaveText(percent(l2r.value));

  const velocity = entry('pipeline_velocity', null);
  const velocityCard = card('Pipeline velocity');
  await expect(velocityCard.locator('.metric-value')).toHaveText(`${dollars(velocity.value ?? 0)} per day`);
  await expect(velocityCard.locator('.basis')).toHaveText('Interpretation');
  const inputs = velocity.inputs;
  if (!inputs) throw new Error('velocity has its inputs');
  await expect(velocityCard.getByRole('definition')).toHaveText([
    count(inputs.opportunities),
    percent(inputs.win_rate),
    dollars(inputs.average_won_value ?? 0),
    days(inputs.average_days ?? 0),
  ]);

  const cac = entry('cac', null);
  await expect(card('Customer acquisition cost').locator('.metric-value')).toHaveText(`${dollars(cac.value ?? 0)} per won deal`);
  // The touch-based figures (the sample's attribution entry): interpretations, one CAC per channel of the spend sheet.
  const byTouches = entry('marketing_sourced_revenue', 'touches');
  await expect(card('Marketing-sourced revenue (touches)').locator('.metric-value')).toHaveText(dollars(byTouches.value ?? 0));
  await expect(card('Marketing-sourced revenue (touches)').locator('.basis')).toHaveText('Interpretation');
  const channels = expected.shared_metrics.filter((m) => m.name === 'cac' && m.by !== null);
  expect(channels.length).toBeGreaterThan(0);
  for (const channel of channels) {
    await expect(card(`Customer acquisition cost · ${channel.by ?? ''}`).locator('.metric-value')).toHaveText(`${dollars(channel.value ?? 0)} per won deal`);
    await expect(card(`Customer acquisition cost · ${channel.by ?? ''}`).locator('.basis')).toHaveText('Interpretation');
  }

  const win = entry('win_rate', null);
  const winCard = card('Win rate');
  await expect(winCard.locator('.metric-value')).toHaveText(`${percent(win.value)} of deals · ${percent(win.value_rate ?? null)} of value`);
  const groups = expected.shared_metrics.filter((m) => m.name === 'win_rate' && m.by !== null);
  const rows = winCard.getByRole('table', { name: 'Win rate by group' }).locator('tbody tr');
  await expect(rows).toHaveCount(groups.length);
  for (const group of groups) {
    const row = rows.filter({ has: page.getByRole('rowheader', { name: group.by ?? '', exact: true }) });
    await expect(row.getByRole('cell').nth(0)).toHaveText(percent(group.value));
    await expect(row.getByRole('cell').nth(1)).toHaveText(percent(group.value_rate ?? null));
  }
  await expect(winCard.locator('.win-rate-bar')).toHaveCount(groups.length);

  const slaCard = card(`SLA · ${sla.name}`);
  await expect(slaCard.locator('.metric-value')).toHaveText(`${percent(sla.met_share)} met`);
  await expect(slaCard.locator('.basis')).toHaveText('Fact');
  await expect(slaCard.getByRole('figure', { name: /definition as written/ })).toContainText('within: 24 hours');
  for (const [label, part] of [['Met', sla.met], ['Breached', sla.breached], ['Never touched', sla.never]] as const) {
    await expect(slaCard.getByRole('button', { name: `${label}: ${part.count} records` })).toBeVisible();
  }
  await saveScreenshot(page, 'shared-metrics');
});

test('2. each drill opens exactly its records', async () => {
  const sourced = entry('marketing_sourced_revenue', 'crm');
  await card('Marketing-sourced revenue (CRM rule)').getByRole('button', { name: `The won deals: ${sourced.ids.length} records` }).click();
  await expectMetricList(page, 'Marketing-sourced revenue (CRM rule)', sourced.ids);

  const l2r = entry('lead_to_revenue', 'Q3 MQLs to revenue');
  await card('Lead-to-revenue conversion · Q3 MQLs to revenue').getByRole('button', { name: `The cohort records that won: ${l2r.ids.length} records` }).click();
  await expectMetricList(page, 'Lead-to-revenue conversion · Q3 MQLs to revenue', l2r.ids);

  const slaCard = card(`SLA · ${sla.name}`);
  await slaCard.getByRole('button', { name: `Breached: ${sla.breached.count} records` }).click();
  await expectMetricList(page, `${sla.name}: MQL records touched later than the SLA`, sla.breached.ids);
  // The stacked bar's parts open the same lists.
  await slaCard.locator('.sla-part-never .recharts-rectangle').first().click();
  await expectMetricList(page, `${sla.name}: MQL records never touched`, sla.never.ids);

  const velocity = entry('pipeline_velocity', null);
  await card('Pipeline velocity').getByRole('button', { name: `The opportunities: ${velocity.ids.length} records` }).click();
  await expectMetricList(page, 'Pipeline velocity', velocity.ids);
});

test('3. win rate by group opens each group\'s won and lost deals, from its bar as from its row', async () => {
  const report = await metricsWithCli(contract);
  const webinar = report.shared_metrics.find((m) => m.name === 'win_rate' && m.by === 'Webinar');
  if (!webinar) throw new Error('the sample has Webinar deals');
  // The won and lost deals are the engine's listing: the plan states the rates, the CLI the records behind them.
  expect(webinar.value).toBe(entry('win_rate', 'Webinar').value);
  await card('Win rate').getByRole('button', { name: `Win rate Webinar: ${webinar.ids.length} records` }).click();
  await expectMetricList(page, 'Win rate · Webinar: won and lost deals', webinar.ids);
  const groups = report.shared_metrics.filter((m) => m.name === 'win_rate' && m.by !== null);
  const first = groups[0];
  if (!first) throw new Error('the sample has win rate groups');
  await card('Win rate').locator('.win-rate-bar').first().click();
  await expectMetricList(page, `Win rate · ${first.by ?? ''}: won and lost deals`, first.ids);
});

test('4. a longer SLA, applied in the contract, shows how the SLA moved', async () => {
  await page.getByRole('tab', { name: 'Contract' }).click();
  const editor = page.getByRole('textbox', { name: 'Contract YAML' });
  const text = await readContractEditor(page);
  expect(text).toContain('      within: 24 hours\n');
  await editor.fill(text.replace('      within: 24 hours\n', '      within: 72 hours\n'));
  await expect(page.locator('.editor-status')).toHaveText(/^No problems/);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.locator('.editor-status')).toHaveText('Saved');
  const after = (await metricsWithCli(contract)).sla[0] as SlaReport;
  expect(after.met.count).toBeGreaterThan(sla.met.count);
  await page.getByRole('tab', { name: 'Shared metrics' }).click();
  const slaCard = card(`SLA · ${sla.name}`);
  await expect(slaCard.locator('.metric-value')).toHaveText(`${percent(after.met_share)} met ${percent(sla.met_share)} → ${percent(after.met_share)}`);
  await expect(slaCard.locator('.basis-line')).toContainText('within 72 hours');
  await expect(slaCard.locator('.drills')).toContainText(`${count(sla.met.count)} → ${count(after.met.count)}`);
  await slaCard.getByRole('button', { name: `Met: ${after.met.count} records` }).click();
  await expectMetricList(page, `${sla.name}: MQL records touched within the SLA`, after.met.ids);
});

test('5. the screen drew every number from the report without its id lists, before and after the edit', () => {
  // Once as the investigation was shown, once after the edit was applied: the lists were paged, never read whole.
  expect(metricsAsked).toEqual([JSON.stringify({ args: [{ ids: false }] }), JSON.stringify({ args: [{ ids: false }] })]);
});
