// Test support: checks the value invariants of spec/money.md on an open investigation, every bucket against its listed records.
import { expect } from 'vitest';
import type { ReconReport, Side } from '../../shared/reportTypes';
import type { Investigation } from '../../electron/engine/openInvestigation';
import { checkBridgeInvariants } from './checkBridgeInvariants';

const STEP_KINDS = ['excluded', 'duplicate', 'out_of_period'];
const NET_KINDS = ['matched', 'timing', 'excluded_on_other_side', 'unmatched'];

/** Exact cents of a report number (values are JSON numbers rounded to cents) or of a listed value ('12500.00'). */
export function toCents(value: number | string | null | undefined): number {
  if (value === null || value === undefined || value === '') return 0;
  const text = typeof value === 'number' ? value.toFixed(2) : value;
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(text);
  if (!match) throw new Error(`not an amount in cents: ${text}`);
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 100 + Number(match[3]));
}

/**
 * The count invariants of report.md, then money.md's: each side's gross and net values add up from its buckets,
 * right matched value = left matched value + the pairs' differences, and every bucket's value is the sum of the
 * values its drill-down lists (and its missing_values the number of its records without an amount).
 */
export async function checkMoneyInvariants(inv: Investigation): Promise<ReconReport> {
  const report = await checkBridgeInvariants(inv, { drillAll: false });
  for (const r of report.reconciliations) {
    if (r.left.gross_value === undefined) continue;
    for (const side of ['left', 'right'] as Side[]) {
      const summary = r[side];
      const buckets = r.buckets.filter((b) => b.side === side);
      const sum = (kinds: string[]) => buckets.filter((b) => kinds.includes(b.kind)).reduce((n, b) => n + toCents(b.value), 0);
      expect(toCents(summary.gross_value), `${r.name} ${side}: gross value = excluded + duplicate + out_of_period + net values`).toBe(sum(STEP_KINDS) + toCents(summary.net_value));
      expect(toCents(summary.net_value), `${r.name} ${side}: net value = matched + timing + excluded_on_other_side + unmatched values`).toBe(sum(NET_KINDS));
      for (const b of buckets) {
        const query = { reconciliation: r.name, side, kind: b.kind, reason: b.reason };
        let listed = 0;
        let missing = 0;
        for (let offset = 0; offset < b.count; offset += 10_000) {
          const page = await inv.fetchRows(query, { offset, limit: 10_000 });
          const column = page.columns.indexOf('value');
          expect(column, 'a valued listing has a value column').toBeGreaterThanOrEqual(0);
          for (const row of page.rows) listed += toCents(row[column]);
          missing += page.rows.filter((row) => row[column] === null).length;
        }
        expect(listed, `${side} ${b.kind}/${b.reason}: value = sum of its records' listed values`).toBe(toCents(b.value));
        // A record without its own amount lists no value (a summed survivor of empty rows included); combined duplicates list 0.
        expect(missing, `${side} ${b.kind}/${b.reason}: records listed without a value`).toBeLessThanOrEqual(b.missing_values ?? 0);
      }
    }
    const matched = (side: Side) => r.buckets.filter((b) => b.side === side && b.kind === 'matched').reduce((n, b) => n + toCents(b.value), 0);
    const differences = r.value_differences;
    expect(differences, `${r.name}: a valued bridge has its differences step`).toBeDefined();
    expect(matched('right'), `${r.name}: right matched = left matched + increases - decreases`).toBe(matched('left') + toCents(differences?.increase) - toCents(differences?.decrease));
    const pairs = await inv.fetchPairs({ reconciliation: r.name, amountChanged: true }, { offset: 0, limit: 10_000 });
    expect(pairs.rows.length, `${r.name}: the differences step opens to exactly its pairs`).toBe(Math.min(differences?.count ?? 0, 10_000));
    expect(pairs.rows.reduce((n, p) => n + toCents(p.valueDelta), 0), `${r.name}: the listed pairs' differences add up to the step`).toBe(
      differences && differences.count <= 10_000 ? toCents(differences.increase) - toCents(differences.decrease) : pairs.rows.reduce((n, p) => n + toCents(p.valueDelta), 0),
    );
    if (r.pairs) {
      const disagreeing = r.buckets.filter((b) => b.side === 'left' && b.kind === 'matched' && b.reason !== 'matched').reduce((n, b) => n + b.count, 0);
      expect(r.pairs.length, `${r.name}: pairs lists every matched pair whose reason is not matched`).toBe(disagreeing);
    }
  }
  return report;
}
