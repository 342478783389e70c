// Checks the list a metrics screen opened below its numbers: its title, its count, and exactly its ids in the grid.
import { expect, type Page } from '@playwright/test';
import { count } from './metricFormats';
import { orderMetricIds } from './metricListIds';
import { readGridIds } from './readGridIds';

export async function expectMetricList(page: Page, title: string | RegExp, ids: readonly string[]): Promise<void> {
  const list = page.locator('section.metric-list');
  await expect(list.getByRole('heading', { level: 3 })).toHaveText(title);
  await expect(list.locator('.metric-list-count')).toHaveText(`${count(ids.length)} record${ids.length === 1 ? '' : 's'}`);
  // The grid of this list, not the one it replaces: its row count is the list's.
  await expect(page.locator('[role="grid"], [role="treegrid"]')).toHaveAttribute('aria-rowcount', String(ids.length + 1));
  const grid = await readGridIds(page);
  expect(grid.rowCount).toBe(ids.length);
  expect(grid.ids).toEqual(orderMetricIds(ids));
}
