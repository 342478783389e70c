// Checks the value bridge on screen against a report: one bar per step the report has, nothing more, and each total the running sum of the bars before it.
import { expect, type Page } from '@playwright/test';
import { NET_KINDS, type BucketKind, type ReconciliationReport, type Side } from '../../shared/reportTypes';
import { nameBucket } from './bridgeControlNames';

export const cents = (value: number | undefined) => Math.round((value ?? 0) * 100);
/** The plain digits accessible names carry: 1500.00, -200.50. */
export const spell = (c: number) => (c / 100).toFixed(2);

function listIds(recon: ReconciliationReport, side: Side, kinds?: readonly BucketKind[]): string[] {
  return recon.buckets.filter((b) => b.side === side && (!kinds || kinds.includes(b.kind))).flatMap((b) => b.ids);
}

/** Every step of the value bridge as the naming rule words it, with the records it must open (the differences step opens pairs). */
export function listValueSteps(recon: ReconciliationReport): { name: string; ids: string[] }[] {
  const steps: { name: string; ids: string[] }[] = [];
  for (const side of ['left', 'right'] as const) {
    const own = recon[side];
    steps.push({ name: `${side} gross value: ${spell(cents(own.gross_value))}`, ids: listIds(recon, side) });
    steps.push({ name: `${side} net value: ${spell(cents(own.net_value))}`, ids: listIds(recon, side, NET_KINDS) });
    const matched = recon.buckets.filter((b) => b.side === side && b.kind === 'matched');
    steps.push({ name: `${side} matched value: ${spell(matched.reduce((n, b) => n + cents(b.value), 0))}`, ids: listIds(recon, side, ['matched']) });
    for (const b of recon.buckets.filter((x) => x.side === side && x.kind !== 'matched' && x.count > 0)) {
      steps.push({ name: `${nameBucket(b)} value: ${spell(cents(b.value))}`, ids: b.ids });
    }
  }
  return steps;
}

/** "amounts differ on 4 matched records: +350.01 / -1500.00" */
export function nameDifferences(recon: ReconciliationReport): string {
  const differences = recon.value_differences;
  if (!differences) throw new Error(`${recon.name}: the report has no value differences`);
  return `amounts differ on ${differences.count} matched records: +${spell(cents(differences.increase))} / -${spell(cents(differences.decrease))}`;
}

export async function expectValueBridge(page: Page, recon: ReconciliationReport): Promise<void> {
  const chart = page.getByRole('region', { name: 'Bridge chart' });
  const expected = listValueSteps(recon);
  for (const step of expected) await expect(chart.getByRole('button', { name: step.name, exact: true }), step.name).toBeVisible();
  await expect(chart.getByRole('button', { name: nameDifferences(recon), exact: true })).toBeVisible();
  // Nothing else: a step the report does not have would be an extra bar.
  await expect(chart.getByRole('button')).toHaveCount(expected.length + 1);

  // Walk the bars in the order drawn: each total is the running sum of the steps before it.
  const names = await chart.getByRole('button').evaluateAll((bars) => bars.map((bar) => bar.getAttribute('aria-label') ?? ''));
  const amountOf = (name: string) => Math.round(Number(/value: (-?\d+\.\d\d)$/.exec(name)?.[1]) * 100);
  let running: number | null = null;
  let side: Side = 'left';
  const totals: string[] = [];
  for (const name of names) {
    if (name.startsWith('amounts differ')) {
      const [, up, down] = /: \+(\d+\.\d\d) \/ -(\d+\.\d\d)$/.exec(name) ?? [];
      running = (running ?? 0) + Math.round(Number(up) * 100) - Math.round(Number(down) * 100);
      side = 'right';
    } else if (/^(left|right) (gross|net|matched) value/.test(name)) {
      const [, ownSide, total] = /^(\w+) (\w+)/.exec(name) ?? [];
      if (running !== null) expect(amountOf(name), `${recon.name}, ${name}: the sum of the steps before it`).toBe(running);
      running = amountOf(name);
      totals.push(`${ownSide} ${total}`);
    } else {
      running = (running ?? 0) + (side === 'left' ? -amountOf(name) : amountOf(name));
    }
  }
  expect(totals).toEqual(['left gross', 'left net', 'left matched', 'right matched', 'right net', 'right gross']);
  expect(running, `${recon.name}: the walk ends at the right gross value`).toBe(cents(recon.right.gross_value));
}
