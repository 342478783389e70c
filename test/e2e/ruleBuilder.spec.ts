// The rule builder in the new-investigation form: a rule made from menus, its live count against the file itself, its order.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { expect, test, type Page } from '@playwright/test';
import { readContractEditor } from './contractEditorText';
import { makeRunHome } from './makeRunHome';
import { reconcileWithCli } from './runReconCli';
import { projectRoot, startServer, type RunningServer } from './startServer';

const EXPORT = path.join(projectRoot, 'samples/exports/hubspot_contacts.csv');
const MQL = 'Marketing Qualified Lead';
const home = makeRunHome('ruleBuilder');
let server: RunningServer | null = null;
let page: Page;

/** The export's rows as a CSV parser (not our importer) reads them: header -> text. */
function readExportRows(): Record<string, string>[] {
  const book = XLSX.read(readFileSync(EXPORT, 'utf8'), { type: 'string', raw: true });
  const sheet = book.Sheets[book.SheetNames[0] as string] as XLSX.WorkSheet;
  return XLSX.utils.sheet_to_json<Record<string, string>>(sheet, { raw: false, defval: '' });
}

const count = (n: number) => n.toLocaleString('en-US');

test.beforeAll(async ({ browser }) => {
  server = await startServer({ home });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(server.url);
});

test.afterAll(async () => {
  await page?.close();
  await server?.stop();
});

test('builds "Lifecycle Stage is not Marketing Qualified Lead" with its live count, adds it, and orders rules', async () => {
  const rows = readExportRows();
  expect(rows.length).toBeGreaterThan(100);
  // NULL never matches: a contact with no stage is not "not an MQL" (spec: an empty value is NULL in a rule).
  const notMql = rows.filter((r) => r['Lifecycle Stage'] !== '' && r['Lifecycle Stage'] !== MQL);
  const example = rows.filter((r) => (r.Email ?? '').toLowerCase().includes('@example.'));
  const both = example.filter((r) => notMql.includes(r));
  expect(notMql.length).toBeGreaterThan(0);
  expect(example.length).toBeGreaterThan(both.length);

  await page.getByRole('button', { name: 'Investigations' }).click();
  await page.getByRole('textbox', { name: 'Left export file path' }).fill(EXPORT);
  await page.getByRole('button', { name: 'Read the left export' }).click();
  const builder = page.getByRole('region', { name: 'Left exclude rules' });
  await expect(builder).toBeVisible();

  const live = builder.getByRole('status', { name: 'Left rule count' });
  await builder.getByRole('combobox', { name: 'Left rule column' }).selectOption({ label: 'Lifecycle Stage' });
  await builder.getByRole('combobox', { name: 'Left rule operator' }).selectOption({ label: 'is not' });
  await builder.getByLabel('Left rule Value', { exact: true }).pressSequentially(MQL, { delay: 5 });
  await expect(live).toHaveText(`Would remove ${count(notMql.length)} of ${count(rows.length)} records`);
  await expect(builder.getByText(`"Lifecycle Stage" <> 'Marketing Qualified Lead'`, { exact: true })).toBeVisible();
  await expect(builder.getByText(`Lifecycle Stage is not ${MQL}`, { exact: true })).toBeVisible();
  await expect(builder.getByRole('textbox', { name: 'Left Rule name' })).toHaveValue('not_marketing_qualified_lead');
  await builder.getByRole('button', { name: 'Add rule (Left)' }).click();

  const firstCount = builder.getByLabel('Rule not_marketing_qualified_lead count');
  await expect(firstCount).toHaveText(`removes ${count(notMql.length)}`);
  await expect(builder.getByLabel('Left rule Value', { exact: true })).toHaveValue('');

  // A second rule counts only what the first leaves; moved up, it takes every match and the first one less.
  await builder.getByRole('combobox', { name: 'Left rule column' }).selectOption({ label: 'Email' });
  await builder.getByRole('combobox', { name: 'Left rule operator' }).selectOption({ label: 'contains (any case)' });
  await builder.getByLabel('Left rule Value', { exact: true }).fill('@EXAMPLE.');
  await expect(live).toHaveText(`Would remove ${count(example.length - both.length)} of ${count(rows.length)} records not already removed by the rules above`);
  await builder.getByRole('textbox', { name: 'Left Rule name' }).fill('test_addresses');
  await builder.getByRole('button', { name: 'Add rule (Left)' }).click();
  await expect(builder.getByLabel('Rule test_addresses count')).toHaveText(`removes ${count(example.length - both.length)}`);

  mkdirSync(path.join(projectRoot, 'test-results/screenshots'), { recursive: true });
  await builder.getByRole('combobox', { name: 'Left rule column' }).selectOption({ label: 'Lead Status' });
  await builder.getByRole('combobox', { name: 'Left rule operator' }).selectOption({ label: 'is one of' });
  // The file's values are offered with their counts; picking two writes them one per line.
  const tally = (status: string) => rows.filter((r) => r['Lead Status'] === status).length;
  const chips = builder.getByRole('group', { name: 'Left rule values in the file' });
  await chips.getByRole('button', { name: `Unqualified ${count(tally('Unqualified'))}`, exact: true }).click();
  await chips.getByRole('button', { name: `Connected ${count(tally('Connected'))}`, exact: true }).click();
  await expect(builder.getByRole('textbox', { name: 'Left rule values, one per line' })).toHaveValue('Unqualified\nConnected');
  await expect(chips.getByRole('button', { pressed: true })).toHaveCount(2);
  await expect(live).toContainText('Would remove');
  await page.getByRole('group', { name: 'Left export' }).screenshot({ path: path.join(projectRoot, 'test-results/screenshots/rule-builder.png'), animations: 'disabled', caret: 'hide' });

  await builder.getByRole('button', { name: 'Move rule test_addresses up' }).click();
  await expect(builder.getByLabel('Rule test_addresses count')).toHaveText(`removes ${count(example.length)}`);
  await expect(firstCount).toHaveText(`removes ${count(notMql.length - both.length)}`);
  await expect(builder.getByRole('listitem').first()).toContainText('test_addresses');

  await builder.getByRole('button', { name: 'Remove rule test_addresses' }).click();
  await expect(firstCount).toHaveText(`removes ${count(notMql.length)}`);
  await expect(builder.getByRole('listitem')).toHaveCount(1);
});

test('the contract screen inserts a built rule under the chosen metric; once applied it removes what its live count said', async () => {
  const contract = path.join(home, 'sample', 'acme-q3-2026.recon.yaml');
  await page.goto(server?.url ?? '');
  await page.getByRole('tab', { name: 'Contract' }).click();
  await page.getByText('Add an exclude rule').click();
  await page.getByRole('combobox', { name: 'Metric' }).selectOption('MQL');
  await page.getByRole('combobox', { name: 'Contract rule column' }).selectOption({ label: 'Lead Status' });
  await page.getByRole('combobox', { name: 'Contract rule operator' }).selectOption({ label: 'is' });
  await page.getByLabel('Contract rule Value', { exact: true }).fill('Connected');
  const live = page.getByRole('status', { name: 'Contract rule count' });
  await expect(live).toHaveText(new RegExp(`^Would remove \\d+ of ${count(readExportRows().length)} records not already removed by the rules above$`));
  const said = Number(/remove (\d+)/.exec((await live.textContent()) ?? '')?.[1]);
  expect(said).toBeGreaterThan(0);
  await page.getByRole('button', { name: /^Insert into the contract/ }).click();
  await expect.poll(() => readContractEditor(page)).toMatch(/\n {6}# Lead Status is Connected\n {6}lead_status_connected: "\\"Lead Status\\" = 'Connected'"\n/);
  await page.screenshot({ path: path.join(projectRoot, 'test-results/screenshots/contract-add-rule.png'), fullPage: true, animations: 'disabled', caret: 'hide' });
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  const report = await reconcileWithCli(contract);
  const bucket = report.reconciliations[0]?.buckets.find((b) => b.side === 'left' && b.kind === 'excluded' && b.reason === 'lead_status_connected');
  expect(bucket?.count).toBe(said);
});
