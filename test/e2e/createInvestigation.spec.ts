// A new investigation in real Chromium: mistakes shown beside their fields and fixed in place, a broken contract fixed in the editor, the sample reset.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { readContractEditor } from './contractEditorText';
import { makeRunHome } from './makeRunHome';
import { saveScreenshot } from './saveScreenshot';
import { projectRoot, startServer, type RunningServer } from './startServer';

const SAMPLE_TITLE = 'Acme Q3 2026 MQL to CRM lead reconciliation';
const TITLE = 'Q3 leads, head office time';
const home = makeRunHome('create');
const workspace = path.join(home, 'workspace');
const contractPath = path.join(workspace, 'q3-leads-head-office-time.recon.yaml');
let server: RunningServer | null = null;
let page: Page;

test.beforeAll(async ({ browser }) => {
  server = await startServer({ home });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  await page.getByRole('button', { name: 'Investigations' }).click();
});

test.afterAll(async () => {
  await page?.close();
  await server?.stop();
});

async function readExport(side: 'Left' | 'Right', file: string): Promise<void> {
  await page.getByRole('textbox', { name: `${side} export file path` }).fill(path.join(projectRoot, 'samples/exports', file));
  await page.getByRole('button', { name: `Read the ${side.toLowerCase()} export` }).click();
  // Read: the side offers its record id, key and date choices.
  await expect(page.getByRole('combobox', { name: `${side} record id column`, exact: true })).toBeVisible();
}

/** The text a field's aria-describedby points at: the problem shown beside it. */
async function readDescription(label: string): Promise<string> {
  const ids = (await page.getByLabel(label, { exact: true }).getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(ids.split(' ').filter(Boolean).map((id) => page.locator(`[id="${id}"]`).innerText()));
  return texts.join(' ');
}

test('1. a zone typed as people say it and a backwards period are shown beside their fields, fixed in place, and Create works', async () => {
  await readExport('Left', 'hubspot_contacts.csv');
  await readExport('Right', 'salesforce_leads.csv');
  // A Salesforce report is written in its running user's zone: asked beside the field, never guessed.
  const rightZone = page.getByRole('combobox', { name: 'Right time zone of the file', exact: true });
  await expect(rightZone).toHaveValue('');
  await expect(rightZone).toHaveAttribute('aria-invalid', 'true');
  await expect(rightZone).toHaveAccessibleDescription('choose the time zone the file writes its times in');
  await page.getByRole('textbox', { name: 'Title' }).fill(TITLE);
  // The contract goes to the workspace folder, named after the title.
  await expect(page.getByRole('textbox', { name: 'New contract file path' })).toHaveValue(contractPath);

  const zone = page.getByRole('textbox', { name: 'Reporting time zone' });
  await zone.fill('');
  await zone.pressSequentially('Sao Paulo');
  await expect(page.getByRole('group', { name: 'Reporting time zone suggestions' }).getByRole('button', { name: 'Use America/Sao_Paulo' })).toBeVisible();
  await expect(zone).toHaveAttribute('aria-invalid', 'true');
  expect(await readDescription('Reporting time zone')).toContain("unknown time zone 'Sao Paulo', did you mean 'America/Sao_Paulo'?");

  await page.getByLabel('Period from').fill('2026-09-30');
  await page.getByLabel('Period to').fill('2026-07-01');
  await expect(page.getByLabel('Period to')).toHaveAttribute('aria-invalid', 'true');
  expect(await readDescription('Period to')).toBe('the period ends (2026-07-01) before it starts (2026-09-30): swap the dates');
  await saveScreenshot(page, 'new-investigation-problem');

  // Create refuses with the same problems, and writes nothing.
  await page.getByRole('button', { name: 'Create investigation' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'the period ends' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'New investigation' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeHidden();
  expect(existsSync(workspace)).toBe(false);

  await page.getByRole('button', { name: 'Use America/Sao_Paulo' }).click();
  await expect(zone).toHaveValue('America/Sao_Paulo');
  await expect(zone).toHaveAttribute('aria-invalid', 'false');
  await rightZone.fill('America/Los_Angeles');
  await expect(rightZone).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Period from').fill('2026-07-01');
  await page.getByLabel('Period to').fill('2026-09-30');
  await expect(page.getByLabel('Period to')).toHaveAttribute('aria-invalid', 'false');
  // What is left is a warning, not a problem: the sample's HubSpot export has placeholders typed into its MQL dates.
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(1);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(/^3 of \d+ values of 'Became a Marketing Qualified Lead Date' do not read as dates: (?:'(?:TBD|n\/a|Q3)'(?:, |$)){3}/);

  await page.getByRole('button', { name: 'Create investigation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Bridge' })).toHaveAttribute('aria-selected', 'true');
  const text = readFileSync(contractPath, 'utf8');
  expect(text).toContain('timezone: America/Sao_Paulo');
  expect(text).toMatch(/identity:\n\s+key: key\n/);
  expect(text).toContain('key: Email');
  expect(text).toContain('timezone: America/Los_Angeles');
  // The date that counts is named after what it means, not after the sample's layout.
  expect(text).toContain('mql_date: Became a Marketing Qualified Lead Date');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('2. the recent list says each period and when it was last opened', async () => {
  await page.getByRole('button', { name: 'Investigations' }).click();
  const item = page.getByRole('button', { name: `Reopen ${TITLE}` });
  await expect(item).toContainText('2026-07-01 to 2026-09-30 (America/Sao_Paulo)');
  await expect(item.locator('time')).toHaveText(/just now|minute/);
  await expect(item.locator('time')).toHaveAttribute('title', /\d/);
});

test('3. a Create whose first reconcile fails leaves nothing on disk and says why beside the button', async () => {
  await readExport('Left', 'hubspot_contacts.csv');
  await readExport('Right', 'salesforce_leads.csv');
  await page.getByRole('combobox', { name: 'Right time zone of the file', exact: true }).fill('America/Los_Angeles');
  await page.getByRole('textbox', { name: 'Title' }).fill('Repeated ids');
  await page.getByLabel('Period from').fill('2026-07-01');
  await page.getByLabel('Period to').fill('2026-09-30');
  // Lead Status names no single record: the form says so beside the id, and the import refuses it as the record id.
  const rightId = page.getByRole('combobox', { name: 'Right record id column', exact: true });
  await rightId.selectOption('Lead Status');
  await expect(rightId).toHaveAccessibleDescription(/^'Lead Status' is empty or repeats on some rows/);
  const before = readdirSync(workspace).sort();
  const sessions = readdirSync(path.join(home, 'sessions')).sort();
  await page.getByRole('button', { name: 'Create investigation' }).click();
  const status = page.locator('#create-status').getByRole('alert');
  await expect(status).toContainText("id column 'Lead Status' repeats the value");
  await expect(page.getByRole('heading', { name: 'New investigation' })).toBeVisible();
  expect(readdirSync(workspace).sort()).toEqual(before);
  expect(readdirSync(path.join(home, 'sessions')).sort()).toEqual(sessions);

  await rightId.selectOption('Lead ID');
  await expect(status).toHaveCount(0);
  await page.getByRole('button', { name: 'Create investigation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Repeated ids' })).toBeVisible();
  expect(readdirSync(workspace).sort()).toEqual([...before, 'repeated-ids.recon.yaml'].sort());
});

test('4. a contract that does not load opens in the editor with its problem marked, and is fixed there', async () => {
  // Beside the contract made in step 1, so its relative export paths hold.
  const broken = path.join(workspace, 'broken.recon.yaml');
  const fixedText = readFileSync(contractPath, 'utf8').replace(/^contract: .*$/m, 'contract: Fixed in the editor');
  writeFileSync(broken, fixedText.replace('  period:', '  perod:'));
  await page.getByRole('button', { name: 'Investigations' }).click();
  await page.getByRole('textbox', { name: 'Contract file path', exact: true }).fill(broken);
  await page.getByRole('button', { name: 'Open contract' }).click();
  await expect(page.getByRole('heading', { name: 'This contract did not open: fix it here' })).toBeVisible();
  const editor = page.getByRole('textbox', { name: 'Contract YAML' });
  await expect.poll(() => readContractEditor(page)).toBe(fixedText.replace('  period:', '  perod:'));
  const typoLine = fixedText.split('\n').findIndex((l) => l.startsWith('  period:')) + 1;
  await expect(page.locator('#contract-issues')).toContainText(`Line ${typoLine}`);
  await expect(page.locator('#contract-issues')).toContainText('reporting.perod');
  await expect(page.locator('.gutter-issue').getByText(String(typoLine), { exact: true })).toBeVisible();
  await saveScreenshot(page, 'contract-repair');
  await expect(page.getByRole('alert')).toHaveCount(0);

  await editor.fill(fixedText);
  await expect(page.getByRole('status').filter({ hasText: 'No problems found' })).toBeVisible();
  await page.getByRole('button', { name: 'Save and open' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fixed in the editor' })).toBeVisible();
  expect(readFileSync(broken, 'utf8')).toBe(fixedText);
});

test('5. a contract that parses but does not open says why above the editor, and opens once fixed', async () => {
  const file = path.join(workspace, 'ids.recon.yaml');
  const good = readFileSync(contractPath, 'utf8').replace(/^contract: .*$/m, 'contract: Ids fixed');
  expect(good).toContain('id: Lead ID');
  writeFileSync(file, good.replace('id: Lead ID', 'id: Lead Status'));
  await page.getByRole('button', { name: 'Investigations' }).click();
  await page.getByRole('textbox', { name: 'Contract file path', exact: true }).fill(file);
  await page.getByRole('button', { name: 'Open contract' }).click();
  await expect(page.getByRole('heading', { name: 'This contract did not open: fix it here' })).toBeVisible();
  await expect(page.locator('.contract-repair .note')).toContainText("id column 'Lead Status' repeats the value");
  const editor = page.getByRole('textbox', { name: 'Contract YAML' });
  await editor.fill(good);
  await expect(page.getByRole('status').filter({ hasText: 'No problems found' })).toBeVisible();
  await page.getByRole('button', { name: 'Save and open' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ids fixed' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('6. Reset sample puts the sample back as it shipped, after asking', async () => {
  const sampleCopy = path.join(home, 'sample', 'acme-q3-2026.recon.yaml');
  writeFileSync(sampleCopy, readFileSync(sampleCopy, 'utf8').replace('version: 7', 'version: 70'));
  await page.getByRole('button', { name: 'Investigations' }).click();
  await page.getByRole('button', { name: 'Reset sample' }).click();
  await expect(page.getByRole('group', { name: /Put the sample's contract and exports back/ })).toBeVisible();
  await page.getByRole('button', { name: 'Keep my changes' }).click();
  expect(readFileSync(sampleCopy, 'utf8')).toContain('version: 70');
  await page.getByRole('button', { name: 'Reset sample' }).click();
  await page.getByRole('button', { name: 'Reset and open the sample' }).click();
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  await expect(page.getByText('Version 7', { exact: true })).toBeVisible();
  expect(readFileSync(sampleCopy, 'utf8')).toBe(readFileSync(path.join(projectRoot, 'samples/acme-q3-2026.recon.yaml'), 'utf8'));
  expect(readdirSync(path.join(home, 'sample')).sort()).toEqual(['acme-q3-2026.recon.yaml', 'exports']);
});
