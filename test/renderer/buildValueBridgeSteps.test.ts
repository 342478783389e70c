// The value waterfall from a hand-written report: steps in bridge order, running sums exact in cents, credit notes walking up, the pairs' differences between the matched totals.
import { describe, expect, it } from 'vitest';
import type { ReconciliationReport } from '../../shared/reportTypes';
import { buildValueBridgeSteps } from '../../renderer/model/buildValueBridgeSteps';

/** Amounts chosen so that adding them as floats would not give the totals (0.1 + 0.2), and a negative one (a credit note). */
const recon: ReconciliationReport = {
  name: 'Revenue',
  left: { metric: 'Booked', source: 'crm', gross: 7, net: 4, gross_value: 1000.3, net_value: 900.3 },
  right: { metric: 'Invoiced', source: 'finance', gross: 6, net: 5, gross_value: 830.3, net_value: 880.3 },
  buckets: [
    { side: 'left', kind: 'excluded', reason: 'internal', count: 1, value: 100.1, missing_values: 0, ids: [] },
    { side: 'left', kind: 'out_of_period', reason: 'outside_period', count: 2, value: -0.1, missing_values: 1, ids: [] },
    { side: 'left', kind: 'matched', reason: 'matched', count: 2, value: 800.1, missing_values: 0, ids: [] },
    { side: 'left', kind: 'matched', reason: 'value_differs', count: 1, value: 0.2, missing_values: 1, ids: [] },
    { side: 'left', kind: 'unmatched', reason: 'no_counterpart', count: 1, value: 100, missing_values: 0, ids: [] },
    { side: 'right', kind: 'excluded', reason: 'credit_note', count: 1, value: -50, missing_values: 0, ids: [] },
    { side: 'right', kind: 'matched', reason: 'matched', count: 2, value: 800.1, missing_values: 0, ids: [] },
    { side: 'right', kind: 'matched', reason: 'value_differs', count: 1, value: 30.2, missing_values: 0, ids: [] },
    { side: 'right', kind: 'timing', reason: 'timing', count: 2, value: 50, missing_values: 0, ids: [] },
  ],
  value_differences: { count: 1, increase: 30, decrease: 0 },
};

describe('buildValueBridgeSteps', () => {
  const steps = buildValueBridgeSteps(recon) ?? [];

  it('walks from the left gross to the right gross in the bridge order', () => {
    expect(steps.map((s) => s.id)).toEqual([
      'left-gross',
      'left-excluded-internal',
      'left-out_of_period-outside_period',
      'left-net',
      'left-unmatched-no_counterpart',
      'left-matched',
      'differences',
      'right-matched',
      'right-timing-timing',
      'right-net',
      'right-excluded-credit_note',
      'right-gross',
    ]);
  });

  it('keeps every figure in whole cents, each step starting where the one before ended', () => {
    for (const step of steps) expect(Number.isInteger(step.from) && Number.isInteger(step.to), step.id).toBe(true);
    const walked = steps.filter((s) => s.type !== 'total' && s.type !== 'matched');
    for (const step of walked) {
      const before = steps[steps.indexOf(step) - 1];
      expect(step.from, `${step.id} starts where ${before?.id} ends`).toBe(before?.to);
    }
    // 1000.30 - 100.10 + 0.10 = 900.30, the left net; 900.30 - 100.00 = 800.30, the left matched (800.10 + 0.20).
    expect(steps.find((s) => s.id === 'left-out_of_period-outside_period')?.to).toBe(90_030);
    expect(steps.find((s) => s.id === 'left-net')?.to).toBe(90_030);
    expect(steps.find((s) => s.id === 'left-unmatched-no_counterpart')?.to).toBe(80_030);
    expect(steps.find((s) => s.id === 'left-matched')).toMatchObject({ value: 80_030, count: 3, missing: 1 });
  });

  it('puts the pairs differences between the two matched totals; a negative bucket (a credit note) walks the other way', () => {
    expect(steps.find((s) => s.id === 'differences')).toMatchObject({ from: 80_030, to: 83_030, increase: 3000, decrease: 0, count: 1 });
    expect(steps.find((s) => s.id === 'right-matched')?.value).toBe(83_030);
    // The right net (880.30) less a credit note of -50.00 gives the right gross: 830.30.
    expect(steps.find((s) => s.id === 'right-excluded-credit_note')).toMatchObject({ from: 88_030, to: 83_030 });
    expect(steps.at(-1)).toMatchObject({ id: 'right-gross', value: 83_030 });
  });

  it('counts the records without an amount of each total', () => {
    expect(steps.find((s) => s.id === 'left-gross')?.missing).toBe(2);
    expect(steps.find((s) => s.id === 'left-net')?.missing).toBe(1);
  });

  it('has no value bridge for a count-only report', () => {
    const counted: ReconciliationReport = {
      name: recon.name,
      left: { metric: 'Booked', source: 'crm', gross: 7, net: 4 },
      right: { metric: 'Invoiced', source: 'finance', gross: 6, net: 5 },
      buckets: recon.buckets.map(({ value: _value, missing_values: _missing, ...bucket }) => bucket),
    };
    expect(buildValueBridgeSteps(counted)).toBeNull();
  });
});
