// The reviewer's decisions and sign-off on the bridge, in Chromium: name asked once, three lines decided (one disputed), kept in
// the decisions file across a reload, a record decided from the inspector, a sign-off that stops holding when one byte of an export changes.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { Bucket, ReconciliationReport } from '../../shared/reportTypes';
import type { DecisionLine } from '../../shared/reviewTypes';
import { nameBucket } from './bridgeControlNames';
import { makeRunHome } from './makeRunHome';
import { metricsWithCli, reconcileWithCli } from './runReconCli';
import { saveScreenshot } from './saveScreenshot';
import { startServer, type RunningServer } from './startServer';

const TITLE = 'Acme Q3 2026 MQL to CRM lead reconciliation';
const REVIEWER = 'Dana Ruiz';
const home = makeRunHome('reviewDecisions');
const contract = path.join(home, 'sample', 'acme-q3-2026.recon.yaml');
const decisionsFile = `${contract}.decisions.jsonl`;
const hubspotExport = path.join(home, 'sample', 'exports', 'hubspot_contacts.csv');
let server: RunningServer | null = null;
let page: Page;
const pageErrors: string[] = [];

function firstRecon(report: { reconciliations: ReconciliationReport[] }): ReconciliationReport {
  const recon = report.reconciliations[0];
  if (!recon) throw new Error('the report has no reconciliation');
  return recon;
}

function findBucket(recon: ReconciliationReport, side: string, kind: string, reason?: string): Bucket {
  const bucket = recon.buckets.find((b) => b.side === side && b.kind === kind && (reason === undefined || b.reason === reason) && b.count > 0);
  if (!bucket) throw new Error(`the report has no non-empty ${side} ${kind} ${reason ?? ''} bucket`);
  return bucket;
}

function readDecisions(): DecisionLine[] {
  return readFileSync(decisionsFile, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as DecisionLine);
}

const table = () => page.getByRole('region', { name: 'Bridge table' });

/** The bridge table's row of a line: the row holding its count button. */
function lineRow(bucket: Bucket): Locator {
  return table().getByRole('row').filter({ has: page.getByRole('button', { name: `${bucket.count} records: ${nameBucket(bucket)}`, exact: true }) });
}

async function showBridge(): Promise<void> {
  await page.getByRole('tab', { name: 'Bridge' }).click();
  await expect(page.locator('.first-line')).toBeVisible();
}

/** One click on Decide, a status, a note, Enter: a decision in the file. */
async function decideLine(bucket: Bucket, status: string, note: string): Promise<void> {
  await table().getByRole('button', { name: `Decide ${nameBucket(bucket)}`, exact: true }).click();
  const form = page.getByRole('form', { name: `Decide ${nameBucket(bucket)}` });
  await form.getByRole('radio', { name: status }).check();
  await form.getByRole('textbox', { name: 'Note' }).fill(note);
  await form.getByRole('textbox', { name: 'Note' }).press('Enter');
}

test.beforeAll(async ({ browser }) => {
  server = await startServer({ home });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(server.url);
});

test.afterAll(async () => {
  await page?.close();
  await server?.stop();
});

test('the reviewer decides three lines, one disputed, and they are kept in the decisions file beside the contract', async () => {
  const recon = firstRecon(await reconcileWithCli(contract));
  const total = recon.buckets.filter((b) => b.count > 0).length;
  const timing = findBucket(recon, 'left', 'timing');
  const internal = findBucket(recon, 'left', 'excluded', 'internal');
  const unmatched = findBucket(recon, 'right', 'unmatched');
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const progress = page.getByRole('group', { name: 'Review progress' });
  await expect(progress).toContainText(`0 of ${total} lines decided`);

  // The first decision asks the name once, then saves what was asked.
  await decideLine(timing, 'Accepted', 'sync lag between HubSpot and Salesforce');
  const dialog = page.getByRole('dialog', { name: 'Your name, as it will appear on decisions' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Your name' }).fill(REVIEWER);
  await dialog.getByRole('button', { name: 'Save the name' }).click();
  await expect(dialog).toBeHidden();
  await expect(lineRow(timing).locator('.decision-badge')).toHaveText('Accepted');
  await expect(page.getByRole('button', { name: `Change your name (${REVIEWER})` })).toBeVisible();

  // The next ones do not ask again.
  await decideLine(internal, 'Explained', 'our own staff, excluded by the contract');
  await expect(lineRow(internal).locator('.decision-badge')).toHaveText('Explained');
  await decideLine(unmatched, 'Disputed', 'sales created these by hand; marketing never saw them');
  await expect(dialog).toBeHidden();
  await expect(lineRow(unmatched).locator('.decision-badge')).toHaveText('Disputed');
  await expect(lineRow(unmatched).locator('.decision-badge')).toHaveAttribute('title', /sales created these by hand/);

  await expect(progress).toContainText(`3 of ${total} lines decided`);
  const disputed = progress.getByRole('list', { name: 'Disputed lines' }).getByRole('button');
  await expect(disputed).toHaveCount(1);
  await expect(disputed.first()).toHaveAccessibleName(`Show disputed line ${nameBucket(unmatched)}`);
  // The link brings the disputed line's Decide control into focus.
  await disputed.first().click();
  await expect(table().getByRole('button', { name: `Decide ${nameBucket(unmatched)}`, exact: true })).toBeFocused();

  const lines = readDecisions();
  expect(lines).toHaveLength(3);
  expect(lines.map((l) => [l.side, l.kind, l.reason, l.record, l.status, l.by, l.count])).toEqual([
    ['left', 'timing', timing.reason, null, 'accepted', REVIEWER, timing.count],
    ['left', 'excluded', 'internal', null, 'explained', REVIEWER, internal.count],
    ['right', 'unmatched', unmatched.reason, null, 'disputed', REVIEWER, unmatched.count],
  ]);
  expect(lines[2]?.note).toBe('sales created these by hand; marketing never saw them');

  // A reload reads them back from the file: nothing was only on screen.
  await page.reload();
  await expect(page.locator('.first-line')).toBeVisible();
  await expect(progress).toContainText(`3 of ${total} lines decided`);
  await expect(lineRow(timing).locator('.decision-badge')).toHaveText('Accepted');
  await expect(lineRow(unmatched).locator('.decision-badge')).toHaveText('Disputed');

  // A changed decision is a new line; History lists the earlier one.
  await decideLine(timing, 'Follow up', 'ask sales ops how long the sync takes');
  await expect(lineRow(timing).locator('.decision-badge')).toHaveText('Follow up');
  await table().getByRole('button', { name: `History of ${nameBucket(timing)}`, exact: true }).click();
  const history = table().getByRole('list', { name: 'Decision history' });
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history.getByRole('listitem').nth(1)).toContainText(`Accepted by ${REVIEWER}`);
  await expect(history.getByRole('listitem').nth(1)).toContainText('sync lag between HubSpot and Salesforce');
  expect(readDecisions()).toHaveLength(4);

  // Escape leaves the form without writing anything.
  await table().getByRole('button', { name: `Decide ${nameBucket(internal)}`, exact: true }).click();
  await page.getByRole('form', { name: `Decide ${nameBucket(internal)}` }).getByRole('textbox', { name: 'Note' }).press('Escape');
  await expect(page.getByRole('form', { name: `Decide ${nameBucket(internal)}` })).toHaveCount(0);
  expect(readDecisions()).toHaveLength(4);
  expect(pageErrors).toEqual([]);
});

test('a record is decided from the inspector, and its badge shows in the records grid', async () => {
  const recon = firstRecon(await reconcileWithCli(contract));
  const timing = findBucket(recon, 'left', 'timing');
  await showBridge();
  await table().getByRole('button', { name: `${timing.count} records: ${nameBucket(timing)}`, exact: true }).click();
  await expect(page.locator('.record-count')).toHaveText(`${timing.count} records`);
  const firstId = page.locator('.ag-row[row-index="0"] [col-id="record_id"]');
  await expect(firstId).not.toBeEmpty();
  const recordId = (await firstId.textContent()) ?? '';
  await page.getByRole('button', { name: `Inspect record ${recordId}`, exact: true }).click();
  const inspector = page.getByRole('complementary', { name: 'Record inspector' });
  const panel = inspector.getByRole('region', { name: `Decision on record ${recordId} on the left` });
  await expect(panel.locator('.decision-badge')).toHaveText('Undecided');
  // Keyboard only: Tab from the Decide control reaches the statuses; Enter on a status saves.
  await panel.getByRole('button', { name: `Decide record ${recordId} on the left` }).click();
  const form = panel.getByRole('form', { name: `Decide record ${recordId} on the left` });
  await expect(form.getByRole('textbox', { name: 'Note' })).toBeFocused();
  await form.getByRole('textbox', { name: 'Note' }).fill('synced a day late: check the integration log');
  await form.getByRole('radio', { name: 'Follow up' }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await expect(panel.locator('.decision-badge')).toHaveText('Follow up');
  await expect(panel).toContainText('synced a day late');
  await expect(page.locator(`.ag-row[row-index="0"] [col-id="__decision"]`)).toHaveText('Follow up');

  const last = readDecisions().at(-1);
  expect(last).toMatchObject({ reconciliation: recon.name, side: 'left', record: recordId, kind: 'timing', status: 'follow_up', by: REVIEWER });
  await inspector.getByRole('button', { name: 'Close the inspector' }).click();
});

test('the dropped list of a funnel stage takes a decision of its own, above its records', async () => {
  const funnel = (await metricsWithCli(contract)).funnels[0];
  const stage = funnel?.stages[0];
  if (!funnel || !stage) throw new Error('the sample has no funnel stage');
  await page.getByRole('tab', { name: 'Funnel' }).click();
  await page
    .getByRole('table', { name: `Stages of ${funnel.name}` })
    .getByRole('button', { name: `Dropped at ${stage.metric} (from ${funnel.cohort.metric}): ${stage.dropped.length} records` })
    .click();
  const panel = page.getByRole('region', { name: /^Decision on the list Dropped/ });
  await expect(panel.locator('.decision-badge')).toHaveText('Undecided');
  await panel.getByRole('button', { name: /^Decide the list Dropped/ }).click();
  await panel.getByRole('radio', { name: 'Disputed' }).check();
  await panel.getByRole('textbox', { name: 'Note' }).fill('sales never called half of these');
  await panel.getByRole('textbox', { name: 'Note' }).press('Enter');
  await expect(panel.locator('.decision-badge')).toHaveText('Disputed');
  expect(readDecisions().at(-1)).toMatchObject({
    reconciliation: funnel.name,
    list: { funnel: funnel.name, list: 'dropped' },
    side: null,
    kind: null,
    record: null,
    status: 'disputed',
    count: stage.dropped.length,
  });
});

test('the reviewer signs off, and the sign-off stops holding when one byte of an export changes, naming the file', async () => {
  const report = await reconcileWithCli(contract);
  const recon = firstRecon(report);
  const timing = findBucket(recon, 'left', 'timing');
  const unmatched = findBucket(recon, 'right', 'unmatched');
  await showBridge();
  await expect(page.locator('.sign-off-none')).toHaveText('Not signed off yet.');
  await page.getByRole('button', { name: 'Sign off', exact: true }).click();
  const form = page.getByRole('form', { name: `Sign off ${recon.name}` });
  await expect(form).toContainText(`as ${REVIEWER}`);
  await form.getByRole('textbox', { name: 'Sign-off note' }).fill('agreed with both teams on the call');
  await form.getByRole('button', { name: 'Confirm sign-off' }).click();
  const signed = page.getByRole('status').filter({ hasText: 'Signed off by' });
  await expect(signed).toContainText(`Signed off by ${REVIEWER} on `);
  const signOffLine = readDecisions().at(-1);
  expect(signOffLine).toMatchObject({ status: 'signed_off', reconciliation: recon.name, by: REVIEWER, side: null, kind: null, record: null, note: 'agreed with both teams on the call' });
  // The header names the day of the line's `at` and the contract's version.
  await expect(signed).toHaveText(`Signed off by ${REVIEWER} on ${signOffLine?.at.slice(0, 10) ?? ''} (version ${report.contract.version})`);
  await page.mouse.move(0, 0);
  await saveScreenshot(page, 'bridge-decisions');

  // One byte of the left export: a first name, which no rule reads (the bridge's counts stay the same).
  const text = readFileSync(hubspotExport, 'utf8');
  const changed = text.replace('"Samuel"', '"Samuek"');
  expect(changed).not.toBe(text);
  writeFileSync(hubspotExport, changed);
  await page.getByRole('button', { name: 'Investigations' }).click();
  await page.getByRole('button', { name: `Reopen ${TITLE}` }).click();
  await expect(page.locator('.first-line')).toBeVisible();

  const warning = page.getByRole('alert').filter({ hasText: 'Sign-off no longer holds:' });
  await expect(warning).toContainText('exports/hubspot_contacts.csv');
  await expect(page.getByRole('status').filter({ hasText: 'Signed off by' })).toHaveCount(0);
  // The left side's decisions were made on the old file: stale, with what changed; the right side's still hold.
  await expect(lineRow(timing).locator('.decision-badge')).toHaveText('Stale');
  const timingDetails = lineRow(timing).locator('xpath=following-sibling::tr[1]');
  await expect(timingDetails.locator('.stale-note')).toContainText(`Stale: decided follow up by ${REVIEWER}`);
  await expect(timingDetails.locator('.stale-note')).toContainText('hubspot_contacts.csv');
  await expect(lineRow(unmatched).locator('.decision-badge')).toHaveText('Disputed');
  // The pointer rests where Reopen was: away from the chart, so no bar's tooltip covers the picture.
  await page.mouse.move(0, 0);
  await saveScreenshot(page, 'bridge-sign-off-broken');
  await expect(page.getByRole('group', { name: 'Review progress' })).toContainText(`1 of ${recon.buckets.filter((b) => b.count > 0).length} lines decided`);
  expect(pageErrors).toEqual([]);
});
