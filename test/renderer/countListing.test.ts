// A listing's count read from a hand-written report: one bucket, one reason, and a side's gross, net and net_unmatched.
import { describe, expect, it } from 'vitest';
import type { ReconciliationReport } from '../../shared/reportTypes';
import { countListing } from '../../renderer/model/countListing';

const recon: ReconciliationReport = {
  name: 'r',
  left: { metric: 'MQL', source: 'hubspot', gross: 100, net: 60 },
  right: { metric: 'CRM Lead', source: 'salesforce', gross: 80, net: 55 },
  buckets: [
    { side: 'left', kind: 'excluded', reason: 'internal', count: 30, ids: [] },
    { side: 'left', kind: 'excluded', reason: 'test', count: 10, ids: [] },
    { side: 'left', kind: 'matched', reason: 'matched', count: 50, ids: [] },
    { side: 'left', kind: 'timing', reason: 'timing', count: 4, ids: [] },
    { side: 'left', kind: 'unmatched', reason: 'no_counterpart', count: 6, ids: [] },
    { side: 'right', kind: 'excluded', reason: 'partner', count: 25, ids: [] },
    { side: 'right', kind: 'matched', reason: 'matched', count: 50, ids: [] },
    { side: 'right', kind: 'excluded_on_other_side', reason: 'internal', count: 5, ids: [] },
  ],
};

describe('countListing', () => {
  it('counts a bucket kind, or one of its reasons', () => {
    expect(countListing(recon, { side: 'left', kind: 'excluded' })).toBe(40);
    expect(countListing(recon, { side: 'left', kind: 'excluded', reason: 'test' })).toBe(10);
    expect(countListing(recon, { side: 'right', kind: 'excluded_on_other_side', reason: 'internal' })).toBe(5);
  });

  it("counts a side's totals: gross from the summary, net and net_unmatched from the buckets", () => {
    expect(countListing(recon, { side: 'left', kind: 'gross' })).toBe(100);
    expect(countListing(recon, { side: 'left', kind: 'net' })).toBe(60);
    expect(countListing(recon, { side: 'left', kind: 'net_unmatched' })).toBe(10);
    expect(countListing(recon, { side: 'right', kind: 'net_unmatched' })).toBe(5);
  });
});
