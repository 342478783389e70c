// The bridge in money (spec/money.md) on small planted exports: keys, compare rules, conversion, summed duplicates, refusals.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReconciliationReport, ReconReport } from '../../shared/reportTypes';
import { openInvestigation, type Investigation } from '../../electron/engine/openInvestigation';
import { checkMoneyInvariants, toCents } from './checkMoneyInvariants';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-money-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
let runs = 0;

interface Fixture {
  left: string;
  right: string;
  /** The `reconcile` entry's match and compare, and extra metric lines. */
  reconcile: string;
  reporting?: string;
  leftMetric?: string;
  rightMetric?: string;
  leftFields?: string;
  rightFields?: string;
}

/** Writes two CSV exports and a contract over them; returns the contract's path. */
function writeFixture(f: Fixture): string {
  const dir = path.join(work, String(runs++));
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'left.csv'), f.left);
  fs.writeFileSync(path.join(dir, 'right.csv'), f.right);
  const file = path.join(dir, 'money.recon.yaml');
  fs.writeFileSync(
    file,
    `contract: money fixture
version: 1
reporting:
  timezone: America/New_York
  period: { from: 2026-07-01, to: 2026-09-30 }
${f.reporting ?? '  currency: USD\n  rates: { EUR: 1.1 }'}
sources:
  deals:
    system: marketing
    file: left.csv
    id: Id
    timezone: UTC
    fields: { ${f.leftFields ?? 'amount: Amount, stage: Stage, created: Created, close_date: Close, sf_id: SF Id'} }
  opps:
    system: sales
    file: right.csv
    id: Opportunity ID
    fields: { ${f.rightFields ?? 'amount: Amount, stage: Stage, created: Created, close_date: Close'} }
metrics:
  L:
    source: deals
    date: created
    value: amount
${f.leftMetric ?? ''}  R:
    source: opps
    date: created
    value: amount
${f.rightMetric ?? ''}reconcile:
  - name: bridge
    left: L
    right: R
${f.reconcile}`,
  );
  return file;
}

async function withBridge<T>(f: Fixture, read: (r: ReconciliationReport, report: ReconReport, inv: Investigation) => Promise<T> | T): Promise<T> {
  const inv = await openInvestigation(writeFixture(f));
  try {
    const report = await checkMoneyInvariants(inv);
    const r = report.reconciliations[0];
    if (!r) throw new Error('no reconciliation');
    return await read(r, report, inv);
  } finally {
    inv.close();
  }
}

const idMatch = '    match: { left: sf_id, right: id, normalize: [trim, salesforce_id] }\n';
const bucketsOf = (r: ReconciliationReport) => r.buckets.map((b) => [b.side, b.kind, b.reason, b.ids.join(' '), b.value, b.missing_values]);

describe('matching on Salesforce ids', () => {
  it('15- and 18-character forms of one id match; ids that differ by case alone do not', async () => {
    const left = 'Id,Amount,Stage,Created,Close,SF Id\n1,100,won,2026-07-02 12:00,2026-08-01,0068c00000AbCdE\n2,200,won,2026-07-02 12:00,2026-08-01,0068c00000abcde\n3,300,won,2026-07-02 12:00,2026-08-01, 0068c00000XyZ12AAA \n';
    const right = 'Opportunity ID,Amount,Stage,Created,Close\n0068c00000AbCdEAAU,100,won,2026-07-02,2026-08-01\n0068c00000XyZ12,300,won,2026-07-02,2026-08-01\n0068c00000ABCDEAAU,900,won,2026-07-02,2026-08-01\n';
    await withBridge({ left, right, reconcile: idMatch }, (r) => {
      expect(bucketsOf(r)).toEqual([
        ['left', 'matched', 'matched', '1 3', 400, 0],
        ['left', 'unmatched', 'no_counterpart', '2', 200, 0],
        ['right', 'matched', 'matched', '0068c00000AbCdEAAU 0068c00000XyZ12', 400, 0],
        ['right', 'unmatched', 'no_counterpart', '0068c00000ABCDEAAU', 900, 0],
      ]);
    });
  });
});

describe('compare', () => {
  const header = 'Id,Amount,Stage,Created,Close,SF Id\n';
  const rightHeader = 'Opportunity ID,Amount,Stage,Created,Close\n';
  const deal = (id: number, amount: string, stage: string, close: string) => `${id},${amount},${stage},2026-07-02 12:00,${close},0068c0000000${String(id).padStart(3, '0')}\n`;
  const opp = (id: number, amount: string, stage: string, close: string) => `0068c0000000${String(id).padStart(3, '0')},${amount},${stage},2026-07-02,${close}\n`;

  it('gives each pair the first differing field in contract order, with tolerances, maps, zones and empties', async () => {
    const rows: [string, string, string, string, string, string, string, string][] = [
      // id 1: identical; 2: value off by exactly the tolerance; 3: value and stage differ (value first); 4: stage differs only after the map
      ['100.00', 'closedwon', '2026-08-01', '100.00', 'Closed Won', '2026-08-01', 'matched', ''],
      ['100.00', 'closedwon', '2026-08-01', '100.01', 'Closed Won', '2026-08-01', 'matched', ''],
      ['100.00', 'closedwon', '2026-08-01', '100.02', 'Closed Lost', '2026-08-01', 'value_differs', 'value stage'],
      ['50', ' ClosedWon ', '2026-08-01', '50', 'closed won ', '2026-08-01', 'matched', ''],
      ['50', 'appointment', '2026-08-01', '50', 'Qualification', '2026-08-01', 'stage_differs', 'stage'],
      // 6: 02:00 UTC on Aug 2 is Aug 1 in New York: same calendar date; 7: a day apart
      ['70', 'closedwon', '2026-08-02 02:00', '70', 'Closed Won', '2026-08-01', 'matched', ''],
      ['70', 'closedwon', '2026-08-02 12:00', '70', 'Closed Won', '2026-08-01', 'close_date_differs', 'close_date'],
      // 8: both amounts empty agree; 9: an empty against an amount differs; 10: both stages empty agree
      ['', 'closedwon', '2026-08-01', '', 'Closed Won', '2026-08-01', 'matched', ''],
      ['', 'closedwon', '2026-08-01', '80', 'Closed Won', '2026-08-01', 'value_differs', 'value'],
      ['10', '', '2026-08-01', '10', '', '2026-08-01', 'matched', ''],
    ];
    const left = header + rows.map((row, i) => deal(i + 1, row[0], row[1], row[2])).join('');
    const right = rightHeader + rows.map((row, i) => opp(i + 1, row[3], row[4], row[5])).join('');
    const compare = `    compare:
      value: { tolerance: 0.01 }
      stage:
        map: { closedwon: Closed Won, closedlost: Closed Lost }
      close_date: { tolerance: 0 days }
`;
    await withBridge({ left, right, reconcile: idMatch + compare }, async (r, _report, inv) => {
      const reasons = new Map(r.buckets.filter((b) => b.side === 'left').flatMap((b) => b.ids.map((id) => [id, b.reason] as const)));
      expect(rows.map((_, i) => reasons.get(String(i + 1)))).toEqual(rows.map((row) => row[6]));
      expect(r.pairs).toEqual([
        { left_id: '3', right_id: '0068c0000000003', reason: 'value_differs', differs: { value: [100, 100.02], stage: ['closedwon', 'Closed Lost'] } },
        { left_id: '5', right_id: '0068c0000000005', reason: 'stage_differs', differs: { stage: ['appointment', 'Qualification'] } },
        { left_id: '7', right_id: '0068c0000000007', reason: 'close_date_differs', differs: { close_date: ['2026-08-02', '2026-08-01'] } },
        { left_id: '9', right_id: '0068c0000000009', reason: 'value_differs', differs: { value: [null, 80] } },
      ]);
      // The differences step counts every pair whose amounts are not equal, within tolerance or not.
      expect(r.value_differences).toEqual({ count: 3, increase: 80.03, decrease: 0 });
      const page = await inv.fetchPairs({ reconciliation: 'bridge', differs: 'stage' }, { offset: 0, limit: 10 });
      expect(page.rows.map((p) => [p.leftId, p.differs, p.values.stage])).toEqual([
        ['3', ['value', 'stage'], ['closedwon', 'Closed Lost']],
        ['5', ['stage'], ['appointment', 'Qualification']],
      ]);
      const byDifference = await inv.fetchPairs({ reconciliation: 'bridge', amountChanged: true }, { offset: 0, limit: 10 });
      expect(byDifference.rows.map((p) => [p.leftId, p.valueDelta])).toEqual([
        ['9', '80.00'],
        ['3', '0.02'],
        ['2', '0.01'],
      ]);
    });
    const flipped = `    compare:
      close_date: { tolerance: 1 days }
      stage:
        map: { closedwon: Closed Won, closedlost: Closed Lost }
      value: { tolerance: "1%" }
`;
    await withBridge({ left, right, reconcile: idMatch + flipped }, (r) => {
      const reasons = new Map(r.buckets.filter((b) => b.side === 'left').flatMap((b) => b.ids.map((id) => [id, b.reason] as const)));
      // Order decides: 3 is now a stage difference; a day apart is within 1 day; 1% of 100.02 covers 0.02.
      expect(['3', '7', '9'].map((id) => reasons.get(id))).toEqual(['stage_differs', 'matched', 'value_differs']);
    });
  });
});

describe('amounts', () => {
  it('converts each record at its rate and rounds it to cents half away from zero before any sum', async () => {
    const left = 'Id,Amount,Currency,Stage,Created,Close,SF Id\n1,1.25,EUR,won,2026-07-02 12:00,,a\n2,-1.25,EUR,won,2026-07-02 12:00,,b\n3,"EUR 1,234.56",,won,2026-07-02 12:00,,c\n4,0.1,,won,2026-07-02 12:00,,d\n5,0.2,,won,2026-07-02 12:00,,e\n6,TBD,,won,2026-07-02 12:00,,f\n7,,,won,2026-07-02 12:00,,g\n';
    const right = 'Opportunity ID,Amount,Stage,Created,Close\nx,"(1,200.00)",won,2026-07-02,\n';
    const fixture = {
      left,
      right,
      reconcile: idMatch,
      leftFields: 'amount: Amount, currency: Currency, stage: Stage, created: Created, close_date: Close, sf_id: SF Id',
    };
    await withBridge(fixture, (r, report) => {
      // 1.25 x 1.1 = 1.375 -> 1.38 and -1.38; EUR 1,234.56 x 1.1 = 1358.016 -> 1358.02; 0.1 + 0.2 exactly 0.30.
      expect(toCents(r.left.gross_value)).toBe(138 - 138 + 135802 + 10 + 20);
      expect(r.left.gross_value).toBe(1358.32);
      // TBD is unreadable: listed, and like the empty amount a missing value of its bucket.
      const unmatched = r.buckets.find((b) => b.side === 'left' && b.kind === 'unmatched');
      expect(unmatched?.missing_values).toBe(2);
      expect(report.sources[0]?.unreadable).toEqual([{ column: 'Amount', count: 1, ids: ['6'] }]);
      expect(r.right.gross_value).toBe(-1200);
    });
  });

  it("reads a Salesforce multi-currency report: each money column in its own companion currency column's currency", async () => {
    const left = 'Id,Amount,Stage,Created,Close,SF Id\n1,110,won,2026-07-02 12:00,,0068c00000AbCdE\n';
    const right = [
      'Opportunity ID,Amount Currency,Amount,Amount (converted) Currency,Amount (converted),Currency,Stage,Created,Close',
      '0068c00000AbCdEAAU,EUR,100.00,USD,110.00,GBP,won,2026-07-02,',
    ].join('\n');
    const fields = (amount: string) => `amount: ${amount}, currency: Currency, stage: Stage, created: Created, close_date: Close`;
    const compare = '    compare:\n      value: {}\n';
    // Amount is in EUR (its companion), not in the GBP of the mapped currency field: 100 x 1.1 = 110.
    await withBridge({ left, right: `${right}\n`, rightFields: fields('Amount'), reconcile: idMatch + compare, reporting: '  currency: USD\n  rates: { EUR: 1.1, GBP: 2 }' }, (r) => {
      expect([r.right.gross_value, r.value_differences?.count]).toEqual([110, 0]);
    });
    await withBridge({ left, right: `${right}\n`, rightFields: fields('Amount (converted)'), reconcile: idMatch + compare, reporting: '  currency: USD\n  rates: { EUR: 1.1, GBP: 2 }' }, (r) => {
      expect([r.right.gross_value, r.value_differences?.count]).toEqual([110, 0]);
    });
  });

  it('refuses a currency without a rate, naming the source, the currency and how many rows carry it', async () => {
    const left = 'Id,Amount,Currency,Stage,Created,Close,SF Id\n1,10,GBP,won,2026-07-02 12:00,,a\n2,20,GBP,won,2026-07-02 12:00,,b\n3,30,USD,won,2026-07-02 12:00,,c\n';
    const file = writeFixture({ left, right: 'Opportunity ID,Amount,Stage,Created,Close\n', reconcile: idMatch, leftFields: 'amount: Amount, currency: Currency, stage: Stage, created: Created, close_date: Close, sf_id: SF Id' });
    await expect(openInvestigation(file)).rejects.toThrow(/money\.recon\.yaml:7: reporting\.rates: source 'deals' \(left\.csv\) has 2 rows \(first: id 1\) in GBP in column 'Amount', and rates has no GBP/);
  });

  it("refuses a bare '$' when the reporting currency is no dollar", async () => {
    const left = 'Id,Amount,Stage,Created,Close,SF Id\n1,$10.00,won,2026-07-02 12:00,,a\n';
    const file = writeFixture({ left, right: 'Opportunity ID,Amount,Stage,Created,Close\n', reconcile: idMatch, reporting: '  currency: EUR' });
    await expect(openInvestigation(file)).rejects.toThrow(/1 row \(first: id 1\) of column 'Amount' in left\.csv are written with a bare '\$', which is not the reporting currency EUR/);
  });
});

describe('dedupe values: sum', () => {
  it('gives the survivor its group total and its combined lines 0; two wholly empty values agree', async () => {
    const left = 'Id,Amount,Stage,Created,Close,SF Id\n1,1000,won,2026-07-02 12:00,,a\n2,500,won,2026-07-02 12:00,,b\n3,,won,2026-07-02 12:00,,c\n';
    const right = [
      'Opportunity ID,Amount,Stage,Created,Close',
      'L1,600.00,won,2026-07-03,',
      'L2,"(100.00)",won,2026-07-05,',
      'L3,500.00,won,2026-07-04,',
      'L4,,won,2026-07-06,',
      'L5,,won,2026-07-02,',
      'L6,,won,2026-07-03,',
      'L7,40,won,2026-07-03,',
    ].join('\n');
    // Invoice lines L1-L4 belong to deal a, L5 and L6 to c, L7 to none; the key is the order reference.
    const rightWithRef = right.replace('Opportunity ID,Amount', 'Opportunity ID,Ref,Amount').replace(/\n(L[1-4]),/g, '\n$1,a,').replace(/\n(L[56]),/g, '\n$1,c,').replace('\nL7,', '\nL7,,');
    const fixture = {
      left,
      right: `${rightWithRef}\n`,
      rightFields: 'ref: Ref, amount: Amount, stage: Stage, created: Created, close_date: Close',
      rightMetric: '    dedupe: { keep: earliest, values: sum }\n',
      reconcile: '    match: { left: sf_id, right: ref, normalize: [trim] }\n    compare:\n      value: {}\n',
    };
    await withBridge(fixture, (r) => {
      expect(bucketsOf(r)).toEqual([
        // a: 1000 against 600 - 100 + 500 + nothing = 1000; c: no amount against a group of empty lines.
        ['left', 'matched', 'matched', '1 3', 1000, 1],
        ['left', 'unmatched', 'no_counterpart', '2', 500, 0],
        ['right', 'duplicate', 'combined', 'L2 L3 L4 L6', 0, 2],
        ['right', 'matched', 'matched', 'L1 L5', 1000, 1],
        ['right', 'unmatched', 'missing_key', 'L7', 40, 0],
      ]);
      expect(r.pairs).toEqual([]);
      expect(r.value_differences).toEqual({ count: 0, increase: 0, decrease: 0 });
    });
  });
});
