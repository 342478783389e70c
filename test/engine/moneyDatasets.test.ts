// Money bridges on public data: Maven's CRM pipeline read two ways, and Splink's payments seen by two systems, against hand-written DuckDB.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../electron/engine/openDatabase';
import { openInvestigation, type Investigation } from '../../electron/engine/openInvestigation';
import type { Pair, ReconciliationReport } from '../../shared/reportTypes';
import { checkMoneyInvariants, toCents } from './checkMoneyInvariants';
import { datasetPath, findMissingDataset } from './datasetPath';

/** One side's rows for bridgeSql: every row of the export with the fields the bridge reads. */
interface SideRows {
  /** SELECT row_no (file order), id, key (NULL when empty), amount DECIMAL(18,2) (NULL when empty), rule (first exclusion rule matched, else NULL), day DATE. */
  sql: string;
  /** dedupe.values: sum. */
  sum: boolean;
}

interface ExpectedBucket {
  side: string;
  kind: string;
  reason: string;
  count: number;
  value: number;
  missing_values: number;
  ids: string[];
}

/**
 * report.md's buckets with money.md's values, written once more in SQL over rows read straight from the CSV:
 * exclusion, duplicates on the key (earliest day, then file order; with `sum` the survivor carries the group's
 * non-empty amounts and its duplicates are `combined` at 0), period, then the net record against the other side.
 * Matched records are one bucket here: the split by compare reason is checked on the pairs.
 */
async function readExpectedBuckets(db: Database, left: SideRows, right: SideRows, period: { from: string; to: string }): Promise<ExpectedBucket[]> {
  const steps = (rows: SideRows) => `
    SELECT *, CASE WHEN rule IS NOT NULL THEN 'excluded' WHEN survivor_rank > 1 THEN 'duplicate'
                   WHEN day IS NULL OR day NOT BETWEEN DATE '${period.from}' AND DATE '${period.to}' THEN 'out_of_period' ELSE 'net' END AS step,
      CASE WHEN rule IS NOT NULL THEN rule WHEN survivor_rank > 1 THEN '${rows.sum ? 'combined' : 'duplicate'}'
           WHEN day IS NULL THEN 'missing_date' WHEN day NOT BETWEEN DATE '${period.from}' AND DATE '${period.to}' THEN 'outside_period' ELSE 'net' END AS reason,
      ${rows.sum ? `CASE WHEN survivor_rank > 1 THEN 0 WHEN survivor_rank = 1 THEN coalesce(group_amount, 0) ELSE coalesce(amount, 0) END` : 'coalesce(amount, 0)'} AS value
    FROM (SELECT *,
      CASE WHEN rule IS NULL AND key IS NOT NULL THEN row_number() OVER (PARTITION BY rule IS NULL, key ORDER BY day NULLS LAST, row_no) END AS survivor_rank,
      sum(amount) OVER (PARTITION BY rule IS NULL, key) AS group_amount
      FROM (${rows.sql}))`;
  const place = (own: string, other: string) => `
    SELECT a.id, a.value, a.amount IS NULL AS missing,
      CASE WHEN a.step <> 'net' THEN a.step WHEN a.key IS NULL THEN 'unmatched' WHEN o.net THEN 'matched' WHEN o.out_of_period THEN 'timing'
           WHEN o.first_rule IS NOT NULL THEN 'excluded_on_other_side' ELSE 'unmatched' END AS kind,
      CASE WHEN a.step <> 'net' THEN a.reason WHEN a.key IS NULL THEN 'missing_key' WHEN o.net THEN 'matched' WHEN o.out_of_period THEN 'timing'
           WHEN o.first_rule IS NOT NULL THEN o.first_rule ELSE 'no_counterpart' END AS reason
    FROM ${own} a LEFT JOIN (
      SELECT key, bool_or(step = 'net') AS net, bool_or(step = 'out_of_period') AS out_of_period, arg_min(rule, row_no) FILTER (WHERE step = 'excluded') AS first_rule
      FROM ${other} WHERE key IS NOT NULL GROUP BY key) o ON o.key = a.key`;
  const rows = await db.all<{ side: string; kind: string; reason: string; count: string; value: string; missing: string; ids: string[] }>(`
    WITH l AS (${steps(left)}), r AS (${steps(right)})
    SELECT side, kind, reason, count(*) AS count, CAST(sum(value) AS VARCHAR) AS value, count_if(missing) AS missing, list(id) AS ids
    FROM (SELECT 'left' AS side, * FROM (${place('l', 'r')}) UNION ALL SELECT 'right' AS side, * FROM (${place('r', 'l')}))
    GROUP BY ALL`);
  return sortBuckets(rows.map((b) => ({ side: b.side, kind: b.kind, reason: b.reason, count: Number(b.count), value: toCents(b.value), missing_values: Number(b.missing), ids: b.ids })));
}

/** Buckets in one fixed order with their ids sorted, so that two readings compare whatever order each lists them in. */
function sortBuckets(buckets: ExpectedBucket[]): ExpectedBucket[] {
  const order = (b: ExpectedBucket) => `${b.side}|${b.kind}|${b.reason}`;
  return buckets.map((b) => ({ ...b, ids: [...b.ids].sort() })).sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

/** The report's buckets in the same shape: matched reasons folded into one bucket, values in cents, ids sorted as text. */
function readActualBuckets(r: ReconciliationReport | undefined): ExpectedBucket[] {
  const merged = new Map<string, ExpectedBucket>();
  for (const b of r?.buckets ?? []) {
    const reason = b.kind === 'matched' ? 'matched' : b.reason;
    const key = `${b.side}|${b.kind}|${reason}`;
    const into = merged.get(key) ?? { side: b.side, kind: b.kind, reason, count: 0, value: 0, missing_values: 0, ids: [] };
    into.count += b.count;
    into.value += toCents(b.value);
    into.missing_values += b.missing_values ?? 0;
    into.ids.push(...b.ids);
    merged.set(key, into);
  }
  return sortBuckets([...merged.values()]);
}

/** Pairs in a fixed order, so that two readings compare whatever order each lists them in. */
function sortPairs(pairs: Pair[]): Pair[] {
  return [...pairs].sort((a, b) => (a.left_id < b.left_id ? -1 : a.left_id > b.left_id ? 1 : 0));
}

function countReasons(r: ReconciliationReport | undefined, side: 'left' | 'right'): Record<string, number> {
  return Object.fromEntries((r?.buckets ?? []).filter((b) => b.side === side && b.kind === 'matched').map((b) => [b.reason, b.count]));
}

/** Reason counts without the empty ones (buckets of 0 records are left out of the report). */
function dropEmpty(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}

describe.skipIf(findMissingDataset('maven-crm-sales-opportunities'))('Maven CRM pipeline: won deals by engage date vs by close date', () => {
  const csv = datasetPath('maven-crm-sales-opportunities', 'sales_pipeline.csv');
  const period = { from: '2017-04-01', to: '2017-06-30' };
  let inv: Investigation;
  let db: Database;
  let work: string;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-maven-money-'));
    const fields = (date: string) => `{ stage: deal_stage, account: account, agent: sales_agent, booked_on: ${date}, amount: close_value }`;
    fs.writeFileSync(
      path.join(work, 'maven.recon.yaml'),
      `contract: MavenTech Q2 2017, won deals as marketing and sales book them
version: 1
reporting:
  timezone: UTC
  period: { from: ${period.from}, to: ${period.to} }
  currency: USD
sources:
  engaged:
    system: marketing
    file: ${csv}
    id: opportunity_id
    fields: ${fields('engage_date')}
  closed:
    system: sales
    file: ${csv}
    id: opportunity_id
    fields: ${fields('close_date')}
metrics:
  Won by engage date:
    source: engaged
    date: booked_on
    value: amount
    exclude:
      not_won: "stage <> 'Won'"
      no_account: "coalesce(trim(account), '') = ''"
  Won by close date:
    source: closed
    date: booked_on
    value: amount
    exclude:
      lost: "stage = 'Lost'"
      still_open: "stage IN ('Engaging', 'Prospecting')"
  Account revenue engaged in Q2:
    source: engaged
    date: booked_on
    value: amount
    exclude:
      not_won: "stage <> 'Won'"
      other_quarter: "\\"engage_date\\" NOT BETWEEN '${period.from}' AND '${period.to}'"
    dedupe: { keep: earliest, values: sum }
  Account revenue closed in Q2:
    source: closed
    date: booked_on
    value: amount
    exclude:
      not_won: "stage <> 'Won'"
      other_quarter: "\\"close_date\\" NOT BETWEEN '${period.from}' AND '${period.to}'"
    dedupe: { keep: earliest, values: sum }
reconcile:
  - name: Won deals
    left: Won by engage date
    right: Won by close date
    match: { left: id, right: id }
    compare:
      value: { tolerance: 0 }
      booked_on: { tolerance: 60 days }
      agent: {}
  - name: Won revenue per account
    left: Account revenue engaged in Q2
    right: Account revenue closed in Q2
    match: { left: account, right: account, normalize: [trim] }
    compare:
      value: { tolerance: 0 }
`,
    );
    inv = await openInvestigation(path.join(work, 'maven.recon.yaml'));
    // File order matters for ties and for excluded_on_other_side's "first such record": a plain split keeps it (the file has no quotes).
    const text = fs.readFileSync(csv, 'utf8');
    expect(text).not.toContain('"');
    const [, ...lines] = text.trim().split(/\r?\n/);
    db = await openDatabase(':memory:');
    await db.run('CREATE TABLE pipeline (row_no INTEGER, id VARCHAR, agent VARCHAR, stage VARCHAR, account VARCHAR, engaged DATE, closed DATE, amount DECIMAL(18, 2))');
    await db.run('CREATE TABLE raw (row_no INTEGER, id VARCHAR, agent VARCHAR, product VARCHAR, account VARCHAR, stage VARCHAR, engaged VARCHAR, closed VARCHAR, amount VARCHAR)');
    await db.appendRows('raw', lines.map((line, i) => [i + 1, ...line.split(',').map((v) => (v === '' ? null : v))]));
    await db.run('INSERT INTO pipeline SELECT row_no, id, agent, stage, account, CAST(engaged AS DATE), CAST(closed AS DATE), CAST(amount AS DECIMAL(18, 2)) FROM raw');
  });
  afterAll(() => {
    inv?.close();
    db?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('holds money.md invariants on both bridges, every bucket value opening to its records', async () => {
    const report = await checkMoneyInvariants(inv);
    expect(report.reconciliations.map((r) => [r.left.gross, r.right.gross])).toEqual([[8800, 8800], [8800, 8800]]);
  });

  it('deal by deal: buckets, values and the deals booked on dates 60 days apart agree with SQL over the CSV', async () => {
    const report = await inv.getReport();
    const r = report.reconciliations.find((x) => x.name === 'Won deals');
    const left = `SELECT row_no, id, id AS key, amount, CASE WHEN stage <> 'Won' THEN 'not_won' WHEN coalesce(trim(account), '') = '' THEN 'no_account' END AS rule, engaged AS day FROM pipeline`;
    const right = `SELECT row_no, id, id AS key, amount, CASE WHEN stage = 'Lost' THEN 'lost' WHEN stage IN ('Engaging', 'Prospecting') THEN 'still_open' END AS rule, closed AS day FROM pipeline`;
    const expected = await readExpectedBuckets(db, { sql: left, sum: false }, { sql: right, sum: false }, period);
    expect(readActualBuckets(r)).toEqual(expected);

    // The brief's figure: sales' net value is the close_value of Won deals closed in the quarter.
    const [won] = await db.all<{ n: string; v: string }>(
      `SELECT count(*) AS n, CAST(sum(amount) AS VARCHAR) AS v FROM pipeline WHERE stage = 'Won' AND closed BETWEEN DATE '${period.from}' AND DATE '${period.to}'`,
    );
    expect([r?.right.net, toCents(r?.right.net_value)]).toEqual([Number(won?.n), toCents(won?.v)]);
    expect(r?.right.net).toBeGreaterThan(1000);

    // Matched: the join of won deals engaged in Q2 (with an account) and won deals closed in Q2; reason is the first differing compare field.
    const pairs = await db.all<{ id: string; engaged: string; closed: string }>(
      `SELECT id, strftime(engaged, '%Y-%m-%d') AS engaged, strftime(closed, '%Y-%m-%d') AS closed FROM pipeline
       WHERE stage = 'Won' AND coalesce(trim(account), '') <> '' AND engaged BETWEEN DATE '${period.from}' AND DATE '${period.to}'
         AND closed BETWEEN DATE '${period.from}' AND DATE '${period.to}' AND abs(date_diff('day', engaged, closed)) > 60`,
    );
    const matched = expected.filter((b) => b.kind === 'matched' && b.side === 'left').reduce((n, b) => n + b.count, 0);
    expect(pairs.length).toBeGreaterThan(0);
    expect(countReasons(r, 'left')).toEqual(dropEmpty({ matched: matched - pairs.length, booked_on_differs: pairs.length }));
    expect(countReasons(r, 'right')).toEqual(countReasons(r, 'left'));
    expect(sortPairs(r?.pairs ?? [])).toEqual(
      sortPairs(pairs.map((p): Pair => ({ left_id: p.id, right_id: p.id, reason: 'booked_on_differs', differs: { booked_on: [p.engaged, p.closed] } }))),
    );
    // One export read twice: the amounts of a pair are the same deal's, so the matched values agree and nothing differs.
    expect(r?.value_differences).toEqual({ count: 0, increase: 0, decrease: 0 });
  });

  it('account by account (dedupe.values: sum): survivors carry their quarter\'s won revenue, as a GROUP BY says', async () => {
    const report = await inv.getReport();
    const r = report.reconciliations.find((x) => x.name === 'Won revenue per account');
    const side = (date: 'engaged' | 'closed') =>
      `SELECT row_no, id, nullif(trim(account), '') AS key, amount,
         CASE WHEN stage <> 'Won' THEN 'not_won' WHEN ${date} IS NULL OR ${date} NOT BETWEEN DATE '${period.from}' AND DATE '${period.to}' THEN 'other_quarter' END AS rule,
         ${date} AS day FROM pipeline`;
    const expected = await readExpectedBuckets(db, { sql: side('engaged'), sum: true }, { sql: side('closed'), sum: true }, period);
    expect(readActualBuckets(r)).toEqual(expected);
    expect(expected.find((b) => b.side === 'left' && b.reason === 'combined')?.count).toBeGreaterThan(0);

    // Per account, the quarter's won revenue on each side, joined: the value step between the two matched totals.
    const [sums] = await db.all<{ n: string; differ: string; up: string; down: string; differs_at: string }>(
      `WITH s AS (SELECT nullif(trim(account), '') AS account, engaged, closed, amount FROM pipeline WHERE stage = 'Won'),
         l AS (SELECT account, sum(amount) AS v FROM s WHERE engaged BETWEEN DATE '${period.from}' AND DATE '${period.to}' AND account IS NOT NULL GROUP BY 1),
         r AS (SELECT account, sum(amount) AS v FROM s WHERE closed BETWEEN DATE '${period.from}' AND DATE '${period.to}' AND account IS NOT NULL GROUP BY 1)
       SELECT count(*) AS n, count_if(l.v <> r.v) AS differ, CAST(coalesce(sum(r.v - l.v) FILTER (WHERE r.v > l.v), 0) AS VARCHAR) AS up,
         CAST(coalesce(sum(l.v - r.v) FILTER (WHERE r.v < l.v), 0) AS VARCHAR) AS down
       FROM l JOIN r USING (account)`,
    );
    expect(Number(sums?.differ)).toBeGreaterThan(0);
    expect(countReasons(r, 'left')).toEqual(dropEmpty({ matched: Number(sums?.n) - Number(sums?.differ), value_differs: Number(sums?.differ) }));
    const differences = r?.value_differences;
    expect([differences?.count, toCents(differences?.increase), toCents(differences?.decrease)]).toEqual([Number(sums?.differ), toCents(sums?.up), toCents(sums?.down)]);
  });
});

describe.skipIf(findMissingDataset('splink-datasets'))('Splink payments: origin vs destination, amounts and dates drifting', () => {
  const origin = datasetPath('splink-datasets', 'transactions_origin.csv');
  const destination = datasetPath('splink-datasets', 'transactions_destination.csv');
  const period = { from: '2022-01-01', to: '2022-03-31' };
  const tolerances = [0, 3];
  let inv: Investigation;
  let db: Database;
  let work: string;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-splink-money-'));
    const source = (file: string, system: string) => `{ system: ${system}, file: ${file}, id: unique_id, fields: { truth: ground_truth, transaction_date: transaction_date, amount: amount, memo: memo } }`;
    fs.writeFileSync(
      path.join(work, 'payments.recon.yaml'),
      `contract: Payments sent vs received, Q1 2022
version: 1
reporting:
  timezone: Europe/London
  period: { from: ${period.from}, to: ${period.to} }
  currency: GBP
sources:
  origin: ${source(origin, 'finance')}
  destination: ${source(destination, 'other')}
metrics:
  Sent: { source: origin, date: transaction_date, value: amount }
  Received: { source: destination, date: transaction_date, value: amount }
reconcile:
${tolerances
  .map(
    (days) => `  - name: Payments within ${days} days
    left: Sent
    right: Received
    match: { left: truth, right: truth }
    compare:
      value: { tolerance: 0 }
      transaction_date: { tolerance: ${days} days }
`,
  )
  .join('')}`,
    );
    inv = await openInvestigation(path.join(work, 'payments.recon.yaml'));
    db = await openDatabase(':memory:');
    // DuckDB's own CSV reader, not the engine's import: memos hold quoted commas.
    const read = (file: string) => `SELECT CAST(unique_id AS INTEGER) AS row_no, unique_id AS id, ground_truth AS key, CAST(amount AS DECIMAL(18, 2)) AS amount,
      CAST(transaction_date AS DATE) AS day FROM read_csv('${file}', all_varchar = true)`;
    await db.run(`CREATE TABLE origin AS ${read(origin)}`);
    await db.run(`CREATE TABLE destination AS ${read(destination)}`);
  });
  afterAll(() => {
    inv?.close();
    db?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('holds money.md invariants on both bridges', async () => {
    const report = await checkMoneyInvariants(inv);
    expect(report.reconciliations.map((r) => [r.left.gross, r.right.gross])).toEqual([[45_326, 45_326], [45_326, 45_326]]);
  });

  it('agrees with SQL over both CSVs: buckets, values, pair reasons in compare order, and the value differences', async () => {
    const report = await inv.getReport();
    const side = (table: string) => ({ sql: `SELECT row_no, id, key, amount, CAST(NULL AS VARCHAR) AS rule, day FROM ${table}`, sum: false });
    const expected = await readExpectedBuckets(db, side('origin'), side('destination'), period);
    // Q1's last payments arrive in April: counted by the sender only, timing on the left.
    expect(expected.find((b) => b.side === 'left' && b.kind === 'timing')?.count).toBeGreaterThan(0);
    for (const days of tolerances) {
      const r = report.reconciliations.find((x) => x.name === `Payments within ${days} days`);
      expect(readActualBuckets(r)).toEqual(expected);
      const pairs = await db.all<{ id: string; lv: string; rv: string; ld: string; rd: string; value_differs: boolean; date_differs: boolean }>(
        `SELECT o.id, CAST(o.amount AS VARCHAR) AS lv, CAST(d.amount AS VARCHAR) AS rv, strftime(o.day, '%Y-%m-%d') AS ld, strftime(d.day, '%Y-%m-%d') AS rd,
           o.amount <> d.amount AS value_differs, abs(date_diff('day', o.day, d.day)) > ${days} AS date_differs
         FROM origin o JOIN destination d ON o.key = d.key
         WHERE o.day BETWEEN DATE '${period.from}' AND DATE '${period.to}' AND d.day BETWEEN DATE '${period.from}' AND DATE '${period.to}'`,
      );
      const valueDiffers = pairs.filter((p) => p.value_differs).length;
      const dateDiffers = pairs.filter((p) => !p.value_differs && p.date_differs).length;
      expect(dateDiffers, 'dates differ on pairs whose amounts agree').toBeGreaterThan(0);
      expect(countReasons(r, 'left'), `${days} days: the first differing field in contract order`).toEqual(
        dropEmpty({ matched: pairs.length - valueDiffers - dateDiffers, value_differs: valueDiffers, transaction_date_differs: dateDiffers }),
      );
      // Every differing field of a pair is listed, not only the first: amounts as numbers, dates as YYYY-MM-DD.
      const expectedPairs = pairs
        .filter((p) => p.value_differs || p.date_differs)
        .map((p): Pair => ({
          left_id: p.id,
          right_id: p.id,
          reason: p.value_differs ? 'value_differs' : 'transaction_date_differs',
          differs: {
            ...(p.value_differs ? { value: [Number(p.lv), Number(p.rv)] as [number, number] } : {}),
            ...(p.date_differs ? { transaction_date: [p.ld, p.rd] as [string, string] } : {}),
          },
        }));
      expect(sortPairs(r?.pairs ?? [])).toEqual(sortPairs(expectedPairs));
      const deltas = pairs.map((p) => toCents(p.rv) - toCents(p.lv));
      const differences = r?.value_differences;
      expect([differences?.count, toCents(differences?.increase), toCents(differences?.decrease)]).toEqual([
        valueDiffers,
        deltas.filter((d) => d > 0).reduce((n, d) => n + d, 0),
        -deltas.filter((d) => d < 0).reduce((n, d) => n + d, 0),
      ]);
    }
  });
});
