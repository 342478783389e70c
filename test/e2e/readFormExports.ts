// The new-investigation form's export readers as a person uses them: a side of the bridge, or one more export beside it.
import { expect, type Locator, type Page } from '@playwright/test';

/** Reads `file` as the left or right side of the bridge; done when its id column choice shows. */
export async function readSide(page: Page, side: 'Left' | 'Right', file: string): Promise<void> {
  await page.getByRole('textbox', { name: `${side} export file path` }).fill(file);
  await page.getByRole('button', { name: `Read the ${side.toLowerCase()} export` }).click();
  await expect(page.getByRole('combobox', { name: `${side} record id column`, exact: true })).toBeVisible();
}

/** Reads one more export beside the bridge; it becomes `Export n`, whose group is returned. */
export async function readAnother(page: Page, file: string, n: number): Promise<Locator> {
  await page.getByRole('textbox', { name: 'Other export file path', exact: true }).fill(file);
  await page.getByRole('button', { name: 'Read the other export' }).click();
  const group = page.getByRole('group', { name: new RegExp(`^Export ${n}: `) });
  await expect(group).toBeVisible();
  return group;
}
