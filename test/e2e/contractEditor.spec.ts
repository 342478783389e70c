// The contract editor in the browser: a typo underlined at its line with its message, the problem list moving the cursor there, completion of source names and export columns, search, undo, and the side-by-side diff of the edits.
import { expect, test, type Page } from '@playwright/test';
import { readContractEditor } from './contractEditorText';
import { makeRunHome } from './makeRunHome';
import { saveScreenshot } from './saveScreenshot';
import { startServer, type RunningServer } from './startServer';

const home = makeRunHome('contractEditor');
let server: RunningServer;
let page: Page;
let saved: string;
const consoleErrors: string[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  server = await startServer({ home });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // A style CodeMirror injects and the page's CSP refused would show here.
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(server.url);
  await expect(page.getByRole('tab', { name: 'Bridge' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Contract' }).click();
  saved = await readContractEditor(page);
});

test.afterAll(async () => {
  await page.close();
  await server.stop();
});

const editor = () => page.getByRole('textbox', { name: 'Contract YAML' });
const status = () => page.locator('.editor-status');
/** The 1-based line of the first line of `text` that starts with `start`. */
const lineOf = (text: string, start: string) => text.split('\n').findIndex((line) => line.startsWith(start)) + 1;

test("1. a typo is underlined at its line with its message, the list moves the cursor there, and completion offers the source's name", async () => {
  const typo = saved.replace('  MQL:\n    source: hubspot\n', '  MQL:\n    source: hubspt\n');
  expect(typo).not.toBe(saved);
  const line = lineOf(typo, '    source: hubspt');
  await editor().fill(typo);
  await expect(editor()).toHaveAttribute('aria-invalid', 'true');

  const problem = page.getByRole('button', { name: new RegExp(`^Line ${line}(:\\d+)?$`) });
  await expect(problem).toBeVisible();
  await expect(page.locator('#contract-issues')).toContainText("unknown source 'hubspt'");
  await problem.click();
  // The cursor moved there: the line is drawn, its number marked, the typo underlined.
  await expect(page.locator('.cm-gutterElement.gutter-issue')).toHaveText([String(line)]);
  const underline = page.locator('.cm-activeLine .cm-lintRange-error');
  await expect(underline).toContainText('hubspt');
  await underline.hover();
  await expect(page.locator('.cm-tooltip-lint')).toContainText("unknown source 'hubspt'");

  await page.keyboard.press('End');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('s');
  const options = page.getByRole('listbox').getByRole('option');
  await expect(options.filter({ hasText: 'hubspot' }).first()).toBeVisible();
  await expect(options).toContainText(['hubspot', 'hubspot_lifecycle'].map((name) => new RegExp(`^${name}source$`)));
  await saveScreenshot(page, 'contract-editor', { fullPage: false });

  await options.filter({ hasText: /^hubspotsource$/ }).click();
  await expect.poll(() => readContractEditor(page)).toBe(saved);
  await expect(status()).toHaveText('Saved');
  await expect(page.locator('.cm-lintRange-error')).toHaveCount(0);
  await expect(editor()).toHaveAttribute('aria-invalid', 'false');
});

test("2. search finds a source's field and completion offers the columns of that source's export", async () => {
  const line = lineOf(saved, '      company: Company / Account');
  expect(line).toBeGreaterThan(0);
  await editor().click();
  await page.keyboard.press('Control+f');
  const find = page.getByRole('textbox', { name: 'Find' });
  await find.pressSequentially('company: Company / Account');
  await find.press('Enter');
  await find.press('Escape');
  // The found line is selected: typing over its value's end leaves `Comp`, and completion names the export's headers.
  await page.keyboard.press('End');
  for (let i = 0; i < 'any / Account'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('a');
  const options = page.getByRole('listbox').getByRole('option');
  await expect(options.first()).toBeVisible();
  await expect(options.filter({ hasText: 'Company / Accountcolumn of salesforce' })).toHaveCount(1);
  // The other side's headers are not offered for a Salesforce field.
  await expect(options.filter({ hasText: 'column of hubspot' })).toHaveCount(0);
  await options.filter({ hasText: 'Company / Account' }).click();
  await expect.poll(() => readContractEditor(page)).toBe(saved);

  // Undo goes back through the edit, redo forward again.
  await page.keyboard.press('Control+z');
  await expect.poll(() => readContractEditor(page)).not.toBe(saved);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => readContractEditor(page)).toBe(saved);
});

test('3. fast typing is kept whole, key for key, while each text is checked and given back', async () => {
  const typed = ' and Finance, checked by the reviewer of Q3 2026';
  await editor().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+f');
  const find = page.getByRole('textbox', { name: 'Find' });
  await find.pressSequentially('owner: Revenue Operations');
  await find.press('Enter');
  await find.press('Escape');
  await page.keyboard.press('End');
  await page.keyboard.type(typed);
  await expect.poll(() => readContractEditor(page)).toBe(saved.replace('\nowner: Revenue Operations\n', `\nowner: Revenue Operations${typed}\n`));
  await expect(status()).toHaveText(/^No problems/);
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect.poll(() => readContractEditor(page)).toBe(saved);
});

test('4. Show edits puts the saved contract beside the edited one, the changed line marked on both sides', async () => {
  const edited = saved.replace('\nversion: 7\n', '\nversion: 8\n');
  expect(edited).not.toBe(saved);
  await editor().fill(edited);
  await expect(status()).toHaveText(/^No problems/);
  await page.getByRole('button', { name: 'Show edits' }).click();
  const diff = page.getByRole('group', { name: 'Contract texts: Saved contract against Your edits' });
  await expect(diff.getByRole('heading', { name: 'Saved contract' })).toBeVisible();
  await expect(diff.getByRole('heading', { name: 'Your edits' })).toBeVisible();
  const saidA = diff.getByRole('textbox', { name: 'Saved contract' });
  const saidB = diff.getByRole('textbox', { name: 'Your edits' });
  await expect(saidA.locator('.cm-changedLine')).toHaveText(['version: 7']);
  await expect(saidB.locator('.cm-changedLine')).toHaveText(['version: 8']);
  await expect(saidA).toHaveAttribute('contenteditable', 'false');
  // Unchanged lines around the change are shown on both sides.
  await expect(saidA).toContainText('owner: Revenue Operations');
  await expect(saidB).toContainText('owner: Revenue Operations');
  // Typing on while it is shown: the diff follows the text.
  await editor().fill(edited.replace('\nowner: Revenue Operations\n', '\nowner: Finance\n'));
  await expect(saidB.locator('.cm-changedLine')).toHaveText(['version: 8', 'owner: Finance']);
  await expect(saidA.locator('.cm-changedLine')).toHaveText(['version: 7', 'owner: Revenue Operations']);

  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect.poll(() => readContractEditor(page)).toBe(saved);
  await expect(diff).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});
