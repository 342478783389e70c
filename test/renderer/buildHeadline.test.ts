// The bridge's first line, from small reports written by hand: comparison words, "only" counts and side names.
import { describe, expect, it } from 'vitest';
import type { Contract } from '../../shared/contractTypes';
import type { ReconciliationReport } from '../../shared/reportTypes';
import { buildHeadline } from '../../renderer/model/buildHeadline';

function makeRecon(leftNet: number, rightNet: number, matched: number): ReconciliationReport {
  return {
    name: 'MQLs vs CRM leads',
    left: { metric: 'MQL', source: 'hubspot', gross: leftNet + 10, net: leftNet },
    right: { metric: 'CRM Lead', source: 'salesforce', gross: rightNet + 10, net: rightNet },
    buckets: [
      { side: 'left', kind: 'matched', reason: 'matched', count: matched, ids: [] },
      { side: 'right', kind: 'matched', reason: 'matched', count: matched, ids: [] },
      { side: 'left', kind: 'unmatched', reason: 'no_counterpart', count: leftNet - matched, ids: [] },
      { side: 'right', kind: 'unmatched', reason: 'no_counterpart', count: rightNet - matched, ids: [] },
    ],
  };
}

function makeContract(left: Contract['sources'][number]['system'], right: Contract['sources'][number]['system']): Contract {
  const source = (name: string, system: typeof left) => ({ name, system, file: `${name}.csv`, timezone: 'UTC', fields: {}, line: 1 });
  return {
    title: 't',
    version: '1',
    reporting: { timezone: 'UTC', from: '2026-07-01', to: '2026-09-30', rates: {} },
    sources: [source('hubspot', left), source('salesforce', right)],
    identity: { key: 'email', normalize: [] },
    metrics: [],
    reconcile: [],
  };
}

describe('buildHeadline', () => {
  it('reads the sample as the issue words it, with the systems named', () => {
    const headline = buildHeadline(makeRecon(413, 416, 359), makeContract('marketing', 'sales'));
    expect(headline.comparison).toBe('CRM Lead counts 3 more than MQL');
    expect(headline.only).toEqual([
      { side: 'right', count: 57, words: 'only the CRM counts' },
      { side: 'left', count: 54, words: 'only marketing counts' },
    ]);
    expect(headline.matched).toBe(359);
  });

  it('says fewer, and groups digits', () => {
    expect(buildHeadline(makeRecon(12_500, 2_000, 1_500), null).comparison).toBe('CRM Lead counts 10,500 fewer than MQL');
  });

  it('says both count N when the nets are equal', () => {
    expect(buildHeadline(makeRecon(416, 416, 400), null).comparison).toBe('MQL and CRM Lead both count 416');
  });

  it('names sides by their metric when the contract is not loaded or both sides are the same system', () => {
    for (const contract of [null, makeContract('marketing', 'marketing')]) {
      const [right, left] = buildHeadline(makeRecon(413, 416, 359), contract).only;
      expect(right.words).toBe('only CRM Lead counts');
      expect(left.words).toBe('only MQL counts');
    }
  });

  it("names a side of system 'other' by its metric, and the other side by its system", () => {
    const [right, left] = buildHeadline(makeRecon(413, 416, 359), makeContract('other', 'sales')).only;
    expect(right.words).toBe('only the CRM counts');
    expect(left.words).toBe('only MQL counts');
  });
});
