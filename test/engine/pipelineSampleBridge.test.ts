// The pipeline sample (money.md): `recon reconcile --json` gives the two bridges its generator planned, values and pairs included.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openInvestigation, type Investigation } from '../../electron/engine/openInvestigation';
import type { PipelineExpectedReport } from '../../samples/generator/pipeline/buildPipelineBridge';
import { BUCKET_KINDS, NET_KINDS } from '../../shared/reportTypes';
import type { Bucket, ReconciliationReport, ReconReport, Side } from '../../shared/reportTypes';
import { checkBridgeInvariants } from './checkBridgeInvariants';
import { checkMoneyInvariants } from './checkMoneyInvariants';

const root = path.resolve(import.meta.dirname, '../..');
const contractFile = path.join(root, 'samples/pipeline/acme-pipeline-q3-2026.recon.yaml');
/** Written by the sample's generator from what its stories planned, never computed by the engine. */
const expected = JSON.parse(fs.readFileSync(path.join(root, 'samples/pipeline/expected-bridge.json'), 'utf8')) as PipelineExpectedReport;

/** Report numbers back to integer cents, so sums are exact. */
const cents = (value: number | undefined): number => Math.round((value ?? 0) * 100);

function keyed(buckets: Bucket[]) {
  return Object.fromEntries(buckets.map((b) => [`${b.side} ${b.kind} ${b.reason}`, { count: b.count, value: b.value, missing_values: b.missing_values, ids: b.ids }]));
}

function sumValues(r: ReconciliationReport, side: Side, kinds: readonly string[]): number {
  return r.buckets.filter((b) => b.side === side && kinds.includes(b.kind)).reduce((sum, b) => sum + cents(b.value), 0);
}

describe('pipeline sample investigation (recon reconcile --json)', () => {
  const run = spawnSync(process.execPath, [path.join(root, 'bin/recon.mjs'), 'reconcile', contractFile, '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const report = JSON.parse(run.stdout || '{}') as ReconReport;

  it('runs without a complaint', () => {
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.status).toBe(0);
    expect(report.currency).toBe('USD');
  });

  it.each(expected.reconciliations.map((e) => [e.name, e] as const))('%s: the bridge the generator planned, record by record', (name, planned) => {
    const r = report.reconciliations.find((x) => x.name === name);
    expect(r?.left).toEqual(planned.left);
    expect(r?.right).toEqual(planned.right);
    expect(keyed(r?.buckets ?? [])).toEqual(keyed(planned.buckets));
    // And in report order (report.md), which the README's tables follow.
    expect(r?.buckets.map((b) => `${b.side} ${b.kind} ${b.reason}`)).toEqual(planned.buckets.map((b) => `${b.side} ${b.kind} ${b.reason}`));
    expect(r?.pairs).toEqual(planned.pairs);
    expect(r?.value_differences).toEqual(planned.value_differences);
  });

  it("lists the planted unreadable amounts and dates in each source's summary", () => {
    for (const source of expected.sources) expect(report.sources.find((s) => s.name === source.name)?.unreadable, source.name).toEqual(source.unreadable);
  });

  it('plants every bucket kind a side can have, every compare reason and a combined duplicate', () => {
    const kindsOf = (name: string, side: Side) => new Set(report.reconciliations.find((r) => r.name === name)?.buckets.filter((b) => b.side === side).map((b) => b.kind));
    expect([...kindsOf('Sourced pipeline', 'left')].sort()).toEqual([...BUCKET_KINDS].sort());
    expect([...kindsOf('Booked revenue', 'right')].sort()).toEqual([...BUCKET_KINDS].sort());
    // The CRM side is keyed on its own id in both bridges: one record per key, never empty, so no duplicate.
    expect([...kindsOf('Sourced pipeline', 'right')].sort()).toEqual(BUCKET_KINDS.filter((k) => k !== 'duplicate').sort());
    expect([...kindsOf('Booked revenue', 'left')].sort()).toEqual(BUCKET_KINDS.filter((k) => k !== 'duplicate').sort());
    const reasons = new Set(report.reconciliations.flatMap((r) => r.buckets.map((b) => b.reason)));
    for (const reason of ['matched', 'value_differs', 'stage_differs', 'close_date_differs', 'duplicate', 'combined', 'outside_period', 'missing_date', 'unreadable_date', 'no_counterpart', 'missing_key']) {
      expect(reasons, reason).toContain(reason);
    }
  });

  it.each(['Sourced pipeline', 'Booked revenue'])('%s: values add up (money.md)', (name) => {
    const r = report.reconciliations.find((x) => x.name === name);
    if (!r) throw new Error(`no reconciliation ${name}`);
    for (const side of ['left', 'right'] as const) {
      expect(cents(r[side].gross_value), `${side}: gross value = excluded + duplicate + out_of_period + net`).toBe(sumValues(r, side, BUCKET_KINDS));
      expect(cents(r[side].net_value), `${side}: net value = matched + timing + excluded_on_other_side + unmatched`).toBe(sumValues(r, side, NET_KINDS));
    }
    const differences = r.value_differences;
    expect(differences?.count).toBeGreaterThan(0);
    expect(sumValues(r, 'right', ['matched']), 'right matched value = left matched value + the pairs\' differences').toBe(
      sumValues(r, 'left', ['matched']) + cents(differences?.increase) - cents(differences?.decrease),
    );
  });
});

describe('pipeline sample investigation (the workbench)', () => {
  let inv: Investigation;
  beforeAll(async () => {
    inv = await openInvestigation(contractFile);
  });
  afterAll(() => inv?.close());

  it('opens every bucket of both bridges to exactly its records', async () => {
    const report = await checkBridgeInvariants(inv);
    expect(report.reconciliations.map((r) => r.name)).toEqual(expected.reconciliations.map((r) => r.name));
  });

  it("lists values that add up to every bucket's value, and pairs that add up to the differences step", async () => {
    const report = await checkMoneyInvariants(inv);
    expect(report.reconciliations.every((r) => r.left.gross_value !== undefined)).toBe(true);
  });

  it('lists each record with the value the plan gave it: a summed order on its first line, 0 on the lines combined into it', async () => {
    const booked = expected.reconciliations.find((r) => r.name === 'Booked revenue');
    const combined = booked?.buckets.find((b) => b.side === 'right' && b.reason === 'combined');
    const page = await inv.fetchRows({ reconciliation: 'Booked revenue', side: 'right', kind: 'duplicate', reason: 'combined' }, { offset: 0, limit: 1000 });
    const value = page.columns.indexOf('value');
    expect(page.rows.length).toBe(combined?.count);
    // A combined line with no amount of its own lists none; the others list 0: their amounts live in the survivor.
    expect(new Set(page.rows.map((row) => row[value]))).toEqual(new Set(['0.00', null]));
  });
});
