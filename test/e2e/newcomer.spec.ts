// The newcomer's journey in Chromium: two exports unlike the sample's, a rule from the builder, mistakes fixed in place, a filtered bucket exported and read back.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import type { Bucket, ReconciliationReport } from '../../shared/reportTypes';
import { expectBridgeCounts } from './expectBridgeCounts';
import { makeRunHome } from './makeRunHome';
import { readGridIds } from './readGridIds';
import { reconcileWithCli } from './runReconCli';
import { saveShot } from './saveShot';
import { startServer, type RunningServer } from './startServer';
import { writeNewcomerExports } from './writeNewcomerExports';

const TITLE = 'Webinar sign-ups to CRM opportunities';
const CAMPAIGN = 'Internal test';
const home = makeRunHome('newcomer');
const exportsFolder = path.join(home, 'exports');
const exported = writeNewcomerExports(exportsFolder);
let server: RunningServer | null = null;
let page: Page;
const pageErrors: string[] = [];
/** What the steps learn from the screens and hand on: the contract written, the rule as the builder showed it, the dates' names in the contract. */
const made = { contract: '', ruleName: '', ruleExpression: '', leftDate: '', rightDate: '' };

// Each step carries on from the screen the previous one left: after a failure the rest would only fail again.
test.describe.configure({ mode: 'serial' });


/** The sign-ups CSV as the test reads it itself: header -> text, one object a row. */
function readSignups(): Record<string, string>[] {
  const [header = '', ...lines] = readFileSync(exported.signups, 'utf8').trim().split('\n');
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i] ?? '', v])));
}

/** `01/04/2026 08:15` (day first) -> `2026-04-01 08:15`. */
function readDayFirst(value: string): string {
  const match = /^(\d\d)\/(\d\d)\/(\d{4}) (\d\d:\d\d)$/.exec(value);
  if (!match) throw new Error(`the fixture wrote an unexpected date: ${value}`);
  return `${match[3]}-${match[2]}-${match[1]} ${match[4]}`;
}

/** `YYYY-MM-DD HH:MM` of an instant on the clock of `zone`, by the platform's own time zone data. */
function formatInZone(instant: number, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** A wall-clock time `YYYY-MM-DD HH:MM` read in `from`, as the clock of `to` shows it. */
function moveWallTime(wall: string, from: string, to: string): string {
  const asUtc = Date.parse(`${wall.replace(' ', 'T')}:00Z`);
  // The zone's offset at (about) that time, applied twice so a guess across a DST change settles.
  const offset = (instant: number) => Date.parse(`${formatInZone(instant, from).replace(' ', 'T')}:00Z`) - instant;
  const first = asUtc - offset(asUtc);
  return formatInZone(asUtc - offset(first), to);
}

/** The text a field's aria-describedby points at, and whether each of those texts sits inside the field's own container. */
async function readDescription(field: Locator, container: Locator): Promise<{ text: string; inside: boolean }> {
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()));
  const inside = await Promise.all(ids.map((id) => container.locator(`[id="${id}"]`).count()));
  return { text: texts.join(' '), inside: ids.length > 0 && inside.every((n) => n === 1) };
}

/** The field's own box: the nearest element around its label that is a form field (its label, hint and problem live in it). */
function findFieldContainer(field: Locator): Locator {
  return field.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " field ")][1]');
}

/** The area two boxes share (0 when they do not overlap). */
function findOverlap(a: { x: number; y: number; width: number; height: number } | null, b: typeof a): number {
  if (!a || !b) throw new Error('an element to compare is not on screen');
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function findFirstRecon(report: { reconciliations: ReconciliationReport[] }): ReconciliationReport {
  const recon = report.reconciliations[0];
  if (!recon) throw new Error('the report has no reconciliation');
  return recon;
}

async function readDownload(download: Download): Promise<Buffer> {
  return readFileSync(await download.path());
}

/** Opens the filter of one grid column and types a "contains" value into it. */
async function filterColumn(columnId: string, value: string): Promise<void> {
  await page.locator(`.ag-header-cell[col-id="${columnId}"] .ag-header-cell-filter-button`).click();
  await page.locator('.ag-filter .ag-input-field-input[type="text"]').first().fill(value);
  await page.keyboard.press('Escape');
}

/** Record id -> reason of the grid's rows in view; a row's cells may sit in more than one container (pinned columns), joined by row index. */
async function readReasonsOnScreen(): Promise<Map<string, string>> {
  const cells = await page.locator('.ag-row[row-index] [col-id="record_id"], .ag-row[row-index] [col-id="reason"]').evaluateAll((found) =>
    found.map((cell) => ({ row: cell.closest('.ag-row')?.getAttribute('row-index') ?? '', column: cell.getAttribute('col-id') ?? '', text: cell.textContent ?? '' })),
  );
  const text = (row: string, column: string) => cells.find((c) => c.row === row && c.column === column)?.text ?? '';
  return new Map([...new Set(cells.map((c) => c.row))].map((row) => [text(row, 'record_id'), text(row, 'reason')]));
}

/** The chooser's columns an export carries: those ticked in its order, and the step and reason (always exported) after the record id when unticked. */
async function readExportedLabels(): Promise<string[]> {
  await page.getByRole('button', { name: /^Columns \(\d+\/\d+\)$/ }).click();
  const chooser = page.getByRole('group', { name: 'Columns shown and exported' });
  await expect(chooser.getByText('Exports always carry the step and reason of every record.')).toBeVisible();
  const boxes = await chooser.getByRole('checkbox').all();
  const ticked: string[] = [];
  const unticked: string[] = [];
  for (const box of boxes) {
    const label = (await box.locator('xpath=..').innerText()).trim();
    if (await box.isChecked()) ticked.push(label);
    else if (label === 'Step' || label === 'Reason') unticked.push(label);
  }
  await page.keyboard.press('Escape');
  await expect(chooser).toHaveCount(0);
  const afterId = ticked.indexOf('Record id') + 1;
  return [...ticked.slice(0, afterId), ...unticked, ...ticked.slice(afterId)];
}

test.beforeAll(async ({ browser }) => {
  server = await startServer({ home, env: { RECON_BROWSE_ROOT: home } });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Investigations' }).click();
  await expect(page.getByRole('heading', { name: 'New investigation' })).toBeVisible();
});

test.afterAll(async () => {
  await page?.close();
  await server?.stop();
});

/** Browse from the top of what may be browsed to the exports folder, and choose one file. */
async function browseTo(side: 'Left' | 'Right', file: string): Promise<Locator> {
  const group = page.getByRole('group', { name: `${side} export` });
  await group.getByRole('button', { name: `Browse for the ${side.toLowerCase()} export` }).click();
  const dialog = page.getByRole('dialog', { name: `${side}: choose an export` });
  await expect(dialog.getByLabel('Current folder')).toHaveText(home);
  await dialog.getByRole('button', { name: `Open folder ${path.basename(exportsFolder)}` }).click();
  await dialog.getByRole('button', { name: `Choose ${path.basename(file)}` }).click();
  await expect(dialog).toHaveCount(0);
  await expect(group.getByRole('textbox', { name: `${side} export file path` })).toHaveValue(file);
  return group;
}

test('1. maps the sign-ups CSV and the second sheet of the CRM workbook: id, key and the date that counts', async () => {
  const rows = readSignups();
  expect(rows).toHaveLength(exported.facts.signups);

  const left = await browseTo('Left', exported.signups);
  await expect(left.getByText(`${exported.facts.signups} rows read`, { exact: false })).toBeVisible();
  await left.getByRole('combobox', { name: 'Left record id column', exact: true }).selectOption('Signup ID');
  await left.getByRole('combobox', { name: 'Left key that says two records are the same', exact: true }).selectOption('Lead Ref');
  await left.getByRole('combobox', { name: 'Left date that counts', exact: true }).selectOption('Signed Up');
  // The date's name in the contract is shown under it, named after its column.
  made.leftDate = await left.locator('.date-choice code').innerText();
  expect(made.leftDate).toMatch(/^signed_up_?[a-z_]*$/);
  // Day-first dates read day first: the preview's first rows are the file's first rows, read by the test's own parse.
  const preview = left.getByRole('table', { name: 'Left date preview' });
  const firstRows = rows.slice(0, 3).map((r) => r['Signed Up'] ?? '');
  for (const [i, value] of firstRows.entries()) {
    await expect(preview.getByRole('row').nth(i + 1)).toHaveText(new RegExp(`${value.replace(/[/]/g, '\\/')}\\s*${readDayFirst(value)}`));
  }
  await expect(left.getByRole('alert')).toHaveCount(0);

  const right = await browseTo('Right', exported.crm);
  const sheets = right.getByRole('group', { name: 'Right workbook sheet' });
  // The first sheet is read first; its notes are no records.
  await expect(sheets.getByRole('radio', { name: /^Read me/ })).toBeChecked();
  await sheets.getByRole('radio', { name: `Opportunities ${exported.facts.crmRows} rows` }).click();
  await expect(sheets.getByRole('radio', { name: `Opportunities ${exported.facts.crmRows} rows` })).toBeChecked();
  await expect(right.getByText(`${exported.facts.crmRows} rows read · sheet "Opportunities"`)).toBeVisible();
  await right.getByRole('combobox', { name: 'Right record id column', exact: true }).selectOption('Opportunity ID');
  await right.getByRole('combobox', { name: 'Right key that says two records are the same', exact: true }).selectOption('Lead Ref');
  await right.getByRole('combobox', { name: 'Right date that counts', exact: true }).selectOption('Created On');
  made.rightDate = await right.locator('.date-choice code').innerText();
  expect(made.rightDate).toMatch(/^created_?[a-z_]*$/);
  // Excel dates read as dates: the preview has rows and none of them is "not a date".
  const crmPreview = right.getByRole('table', { name: 'Right date preview' });
  await expect(crmPreview.getByRole('row').nth(1)).toBeVisible();
  await expect(crmPreview.getByText('not a date')).toHaveCount(0);
  await expect(right.getByRole('alert')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('2. the rule builder makes "Campaign is Internal test" with a live count equal to the file\'s internal tests', async () => {
  const builder = page.getByRole('region', { name: 'Left exclude rules' });
  await builder.getByRole('combobox', { name: 'Left rule column' }).selectOption({ label: 'Campaign' });
  await builder.getByRole('combobox', { name: 'Left rule operator' }).selectOption({ label: 'is' });
  await builder.getByLabel('Left rule Value', { exact: true }).pressSequentially(CAMPAIGN, { delay: 5 });
  await expect(builder.getByRole('status', { name: 'Left rule count' })).toHaveText(`Would remove ${exported.facts.internalTests} of ${exported.facts.signups} records`);
  await expect(builder.getByText(`Campaign is ${CAMPAIGN}`, { exact: true })).toBeVisible();
  made.ruleExpression = (await builder.locator('.rule-expression').innerText()).trim();
  expect(made.ruleExpression).toContain(`'${CAMPAIGN}'`);
  made.ruleName = await builder.getByRole('textbox', { name: 'Left Rule name' }).inputValue();
  expect(made.ruleName).not.toBe('');
  await saveShot('newcomer-rule-builder', page.getByRole('group', { name: 'Left export' }));
  await builder.getByRole('button', { name: 'Add rule (Left)' }).click();
  await expect(builder.getByLabel(`Rule ${made.ruleName} count`)).toHaveText(`removes ${exported.facts.internalTests}`);
});

test('3. a backwards period and a zone typed "berlin" are shown beside their fields, fixed in place, and Create works', async () => {
  await page.getByRole('textbox', { name: 'Title' }).fill(TITLE);
  const from = page.getByLabel('Period from');
  const to = page.getByLabel('Period to');
  await from.fill('2026-06-30');
  await to.fill('2026-04-01');
  const zone = page.getByRole('textbox', { name: 'Reporting time zone' });
  await zone.fill('');
  await zone.pressSequentially('berlin');

  await expect(to).toHaveAttribute('aria-invalid', 'true');
  await expect(zone).toHaveAttribute('aria-invalid', 'true');
  const toProblem = await readDescription(to, findFieldContainer(to));
  expect(toProblem).toEqual({ text: 'the period ends (2026-04-01) before it starts (2026-06-30): swap the dates', inside: true });
  const zoneProblem = await readDescription(zone, findFieldContainer(zone));
  expect(zoneProblem.inside).toBe(true);
  expect(zoneProblem.text).toContain("unknown time zone 'berlin'");
  const useBerlin = page.getByRole('group', { name: 'Reporting time zone suggestions' }).getByRole('button', { name: 'Use Europe/Berlin' });
  await expect(useBerlin).toBeVisible();
  // While the reporting zone is not a zone, the rule of step 2 is still counted (in the file's zone), and its count
  // never runs over the rule's name.
  const ruleName = page.getByRole('region', { name: 'Left exclude rules' }).locator('.rule-name');
  const ruleCount = page.getByRole('region', { name: 'Left exclude rules' }).getByLabel(`Rule ${made.ruleName} count`);
  await expect(ruleCount).toHaveText(`removes ${exported.facts.internalTests}`);
  expect(findOverlap(await ruleName.boundingBox(), await ruleCount.boundingBox()), 'the rule count over the rule name').toBe(0);
  await zone.scrollIntoViewIfNeeded();
  await saveShot('newcomer-form-problem', page);

  // Create refuses while they stand, writes nothing, and the newcomer stays on the form with what was typed.
  made.contract = await page.getByRole('textbox', { name: 'New contract file path' }).inputValue();
  await page.getByRole('button', { name: 'Create investigation' }).click();
  await expect(page.locator('#create-status')).toContainText('Fix the 2 problems shown above, then Create.');
  expect(existsSync(made.contract)).toBe(false);
  await expect(page.getByRole('heading', { name: 'New investigation' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(TITLE);

  await useBerlin.click();
  await expect(zone).toHaveValue('Europe/Berlin');
  await expect(zone).toHaveAttribute('aria-invalid', 'false');
  await from.fill('2026-04-01');
  await to.fill('2026-06-30');
  await expect(to).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'New contract file path' })).toHaveValue(made.contract);
  await page.getByRole('button', { name: 'Create investigation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  expect(existsSync(made.contract)).toBe(true);
  await expect(page.getByRole('tab', { name: 'Bridge' })).toHaveAttribute('aria-selected', 'true');
  expect(pageErrors).toEqual([]);
});

test('4. the bridge equals `recon reconcile --json` on the contract written, which says key, sheet, date and rule as chosen', async () => {
  const text = readFileSync(made.contract, 'utf8');
  expect(text).toMatch(/identity:\n\s+key: key\n/);
  expect(text).toMatch(/\n\s+key: Lead Ref\n/);
  expect(text).toMatch(/\n\s+sheet: Opportunities\n/);
  expect(text).toContain(`\n      ${made.leftDate}: Signed Up\n`);
  expect(text).toContain(`\n      ${made.rightDate}: Created On\n`);
  expect(text).toContain(`\n    date: ${made.leftDate}\n`);
  expect(text).toContain(`\n    date: ${made.rightDate}\n`);
  expect(text).toContain('timezone: Europe/Berlin');
  expect(text).toMatch(/period: \{ from: 2026-04-01, to: 2026-06-30 \}|from: 2026-04-01[\s\S]*to: 2026-06-30/);
  // The rule as the builder showed it, whatever quoting YAML needs around it.
  const ruleLine = text.split('\n').find((l) => l.trimStart().startsWith(`${made.ruleName}:`));
  expect(ruleLine, `a line defining the rule ${made.ruleName}`).toBeDefined();
  const written = (ruleLine as string).slice((ruleLine as string).indexOf(':') + 1).trim();
  const yamlValue = written.startsWith('"') ? (JSON.parse(written) as string) : written.startsWith("'") ? written.slice(1, -1).replace(/''/g, "'") : written;
  expect(yamlValue).toBe(made.ruleExpression);

  const recon = findFirstRecon(await reconcileWithCli(made.contract));
  expect(recon.left.gross).toBe(exported.facts.signups);
  expect(recon.right.gross).toBe(exported.facts.crmRows);
  const excluded = recon.buckets.find((b) => b.side === 'left' && b.kind === 'excluded' && b.reason === made.ruleName);
  expect(excluded?.count).toBe(exported.facts.internalTests);
  await expectBridgeCounts(page, recon);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await saveShot('newcomer-bridge', page);
});

test('5. a filtered bucket exports as .xlsx and CSV with its labels, steps, dates and About part', async () => {
  const recon = findFirstRecon(await reconcileWithCli(made.contract));
  const signups = new Map(readSignups().map((r) => [r['Signup ID'] ?? '', r]));
  // The bucket with the most records among the left side's unmatched and timing ones; filtered on the key, 2 or more stay.
  const bucket = recon.buckets
    .filter((b): b is Bucket => b.side === 'left' && (b.kind === 'unmatched' || b.kind === 'timing'))
    .sort((a, b) => b.count - a.count)[0];
  expect(bucket, 'a left unmatched or timing bucket').toBeDefined();
  const chosen = bucket as Bucket;
  const shown = chosen.ids.filter((id) => (signups.get(id)?.['Lead Ref'] ?? '').startsWith('LR-101'));
  expect(shown.length, `records of left ${chosen.kind} whose Lead Ref starts with LR-101`).toBeGreaterThanOrEqual(2);
  expect(shown.length).toBeLessThan(chosen.count);

  await page.getByRole('region', { name: 'Bridge table' }).getByRole('button', { name: new RegExp(`^${chosen.count} records: left ${chosen.kind}`) }).click();
  await expect(page.getByRole('tab', { name: 'Records' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.record-count')).toHaveText(`${chosen.count} records`);
  await filterColumn('identity_key', 'lr-101');
  await expect(page.locator('.record-count')).toHaveText(`${shown.length} of ${chosen.count} records`);
  const exportButton = page.getByRole('button', { name: /^Export \d+ (filtered )?rows?$/ });
  await expect(exportButton).toHaveText(`Export ${shown.length} filtered rows`);
  expect([...(await readGridIds(page)).ids].sort()).toEqual([...shown].sort());
  // Each row's reason in words, as the grid says it.
  const reasonsOnScreen = await readReasonsOnScreen();
  const heading = (await page.getByRole('heading', { level: 2 }).first().innerText()).trim();
  // The labels on screen: the grid's headers in view, and the column chooser's list of every column it shows and exports.
  // The Decision column is the reviewer's (review.md), not a column of the export.
  const inView = (await page.locator('.ag-header-row-column .ag-header-cell-text').allInnerTexts()).map((t) => t.trim()).filter((t) => t !== '' && t !== 'Decision');
  expect(inView).toEqual(expect.arrayContaining(['Record id', 'Identity key', 'Reason']));
  const onScreen = await readExportedLabels();
  expect(onScreen).toEqual(expect.arrayContaining([...inView, 'Step']));
  expect(onScreen.filter((l) => inView.includes(l))).toEqual(inView);

  await page.getByRole('combobox', { name: 'Export format' }).selectOption('xlsx');
  const [xlsx] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
  const book = XLSX.read(await readDownload(xlsx), { type: 'buffer', cellNF: true });
  expect(book.SheetNames).toEqual(['About', 'Records']);
  const about = new Map(XLSX.utils.sheet_to_json<string[]>(book.Sheets.About as XLSX.WorkSheet, { header: 1 }).map((r) => [r[0], r[1]]));
  expect(about.get('Contract')).toBe(TITLE);
  expect(about.get('Period')).toBe('2026-04-01 to 2026-06-30');
  expect(about.get('Time zone')).toBe('Europe/Berlin');
  expect(about.get('Reconciliation')).toBe(recon.name);
  // The bucket as the records screen names it ("Left · Unmatched: No counterpart ...").
  expect(heading.startsWith(`Left · ${about.get('Bucket')}`), `"${heading}" names the bucket "${about.get('Bucket')}"`).toBe(true);
  expect(about.get('Filter')).toBe('Identity key contains "lr-101"');
  expect(about.get('Rows')).toBe(String(shown.length));
  const sheet = book.Sheets.Records as XLSX.WorkSheet;
  const [header = [], ...rows] = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null });
  expect(header).toEqual(onScreen);
  const column = (label: string) => header.indexOf(label);
  expect(rows.map((r) => r[column('Record id')]).sort()).toEqual([...shown].sort());
  const step = chosen.kind === 'timing' ? 'Timing' : 'Unmatched';
  for (const row of rows) expect(row[column('Step')]).toBe(step);
  for (const row of rows) expect(row[column('Reason')]).toBe(reasonsOnScreen.get(String(row[column('Record id')])));
  expect(rows.map((r) => r[column('Reason')])).not.toContain(chosen.reason);
  // The date that counts, in the reporting zone: real Excel date cells, each the sign-up's own time read in the file's zone.
  const leftMetric = recon.left.metric;
  const exportedHeader = String(header.find((h) => String(h).startsWith(`${leftMetric} date as exported (`)) ?? '');
  const fileZone = /\(([^()]+)\)$/.exec(exportedHeader)?.[1];
  expect(fileZone, `the file's zone in the header ${JSON.stringify(header)}`).toBeDefined();
  const dateColumn = column(`${leftMetric} date (Europe/Berlin)`);
  expect(dateColumn, `a date column in Europe/Berlin among ${JSON.stringify(header)}`).toBeGreaterThanOrEqual(0);
  const expectedDate = (recordId: unknown) => moveWallTime(readDayFirst(signups.get(String(recordId))?.['Signed Up'] ?? ''), fileZone as string, 'Europe/Berlin');
  for (const [i, row] of rows.entries()) {
    const cell = sheet[XLSX.utils.encode_cell({ r: i + 1, c: dateColumn })] as XLSX.CellObject;
    expect(cell.t).toBe('n');
    expect(XLSX.SSF.format(cell.z as string, cell.v as number)).toBe(expectedDate(row[column('Record id')]));
  }

  await page.getByRole('combobox', { name: 'Export format' }).selectOption('csv');
  const [csv] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
  const lines = (await readDownload(csv)).toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
  const blank = lines.indexOf('');
  expect(lines.slice(0, blank)).toEqual(
    expect.arrayContaining([`Contract,${TITLE}`, 'Period,2026-04-01 to 2026-06-30', `Reconciliation,${recon.name}`, 'Filter,"Identity key contains ""lr-101"""', `Rows,${shown.length}`]),
  );
  expect(lines.slice(0, blank)).toContain(`Bucket,${about.get('Bucket')}`);
  const csvBook = XLSX.read(lines.slice(blank + 1).join('\n'), { type: 'string', raw: true });
  const [csvHeader = [], ...csvRows] = XLSX.utils.sheet_to_json<string[]>(csvBook.Sheets[csvBook.SheetNames[0] as string] as XLSX.WorkSheet, { header: 1, raw: true, defval: '' });
  expect(csvHeader).toEqual(onScreen);
  expect(csvRows.map((r) => r[column('Record id')]).sort()).toEqual([...shown].sort());
  for (const row of csvRows) expect(row[column('Step')]).toBe(step);
  for (const row of csvRows) expect(row[column('Reason')]).toBe(reasonsOnScreen.get(row[column('Record id')] ?? ''));
  for (const row of csvRows) expect((row[dateColumn] ?? '').replace('T', ' ').slice(0, 16)).toBe(expectedDate(row[column('Record id')]));
  expect(pageErrors).toEqual([]);
  await expect(page.getByRole('alert')).toHaveCount(0);
});
