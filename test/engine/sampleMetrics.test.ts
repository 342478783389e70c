// The bundled sample's quarter to revenue: the engine's metrics report equals the one the generator's stories planned, record by record.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openInvestigation, type Investigation } from '../../electron/engine/openInvestigation';
import type { FunnelReport, MetricsReport, SharedMetricReport, SlaReport } from '../../shared/metricsReportTypes';
import { checkMetricsInvariants } from './checkMetricsInvariants';
import { readExpectedBridge, sampleContractFile } from './readExpectedBridge';

/** Written by the sample's generator from what its stories declare, never computed by the engine. */
const expected = JSON.parse(fs.readFileSync(path.join(path.dirname(sampleContractFile), 'expected-metrics.json'), 'utf8')) as MetricsReport;

/** Lists compare as sets of ids: the report's order is not what this test is about. */
const sortIds = (ids: string[]): string[] => [...ids].sort();
const formatMetricName = (m: Pick<SharedMetricReport, 'name' | 'by'>): string => `${m.name} by ${m.by ?? 'all'}`;

function expectCloseOrNull(actual: number | null | undefined, wanted: number | null | undefined, what: string, digits = 9): void {
  if (wanted === null || wanted === undefined) expect(actual ?? null, what).toBeNull();
  else expect(actual, what).toBeCloseTo(wanted, digits);
}

function checkFunnel(actual: FunnelReport | undefined, wanted: FunnelReport): void {
  expect(actual, wanted.name).toBeDefined();
  expect(actual?.basis).toBe('fact');
  expect(actual?.cohort.metric).toBe(wanted.cohort.metric);
  expect(actual?.cohort.count).toBe(wanted.cohort.count);
  expect(sortIds(actual?.cohort.ids ?? [])).toEqual(sortIds(wanted.cohort.ids));
  expect(actual?.stages.map((s) => s.metric)).toEqual(wanted.stages.map((s) => s.metric));
  wanted.stages.forEach((w, k) => {
    const a = actual?.stages[k];
    const at = `${wanted.name}, stage ${w.metric}`;
    expect(a?.reached, `${at}: reached`).toBe(w.reached);
    for (const list of ['reached_ids', 'ids', 'dropped', 'skipped', 'outside_cohort'] as const) {
      expect(sortIds(a?.[list] ?? []), `${at}: ${list}`).toEqual(sortIds(w[list]));
    }
    expectCloseOrNull(a?.value, w.value, `${at}: value`, 2);
    expectCloseOrNull(a?.conversion_from_previous, w.conversion_from_previous, `${at}: conversion_from_previous`);
    expectCloseOrNull(a?.conversion_from_cohort, w.conversion_from_cohort, `${at}: conversion_from_cohort`);
    expectCloseOrNull(a?.median_days, w.median_days, `${at}: median_days`);
    expectCloseOrNull(a?.p90_days, w.p90_days, `${at}: p90_days`);
  });
}

function checkSharedMetric(actual: SharedMetricReport | undefined, wanted: SharedMetricReport): void {
  const at = formatMetricName(wanted);
  expect(actual, at).toBeDefined();
  expect(actual?.basis, `${at}: basis`).toBe(wanted.basis);
  // Money (sourced revenue, velocity per day, CAC) is compared to the cent, rates to many digits.
  expectCloseOrNull(actual?.value, wanted.value, `${at}: value`, wanted.name === 'win_rate' || wanted.name === 'lead_to_revenue' ? 9 : 2);
  if (wanted.value_rate !== undefined) expectCloseOrNull(actual?.value_rate, wanted.value_rate, `${at}: value_rate`, 6);
  if (wanted.inputs) {
    expect(actual?.inputs?.opportunities, `${at}: opportunities`).toBe(wanted.inputs.opportunities);
    expectCloseOrNull(actual?.inputs?.win_rate, wanted.inputs.win_rate, `${at}: win_rate`);
    expectCloseOrNull(actual?.inputs?.average_won_value, wanted.inputs.average_won_value, `${at}: average_won_value`, 2);
    expectCloseOrNull(actual?.inputs?.average_days, wanted.inputs.average_days, `${at}: average_days`);
  }
  expect(sortIds(actual?.ids ?? []), `${at}: ids`).toEqual(sortIds(wanted.ids));
}

function checkSla(actual: SlaReport | undefined, wanted: SlaReport): void {
  expect(actual, wanted.name).toBeDefined();
  expect(actual?.basis).toBe('fact');
  for (const outcome of ['met', 'breached', 'never'] as const) {
    expect(actual?.[outcome].count, `${wanted.name}: ${outcome}`).toBe(wanted[outcome].count);
    expect(sortIds(actual?.[outcome].ids ?? []), `${wanted.name}: ${outcome} ids`).toEqual(sortIds(wanted[outcome].ids));
  }
  expectCloseOrNull(actual?.median_minutes, wanted.median_minutes, `${wanted.name}: median_minutes`);
  expectCloseOrNull(actual?.p90_minutes, wanted.p90_minutes, `${wanted.name}: p90_minutes`);
  expectCloseOrNull(actual?.met_share, wanted.met_share, `${wanted.name}: met_share`);
}

describe('sample investigation: the quarter from MQL to revenue', () => {
  let inv: Investigation;
  let report: MetricsReport;
  beforeAll(async () => {
    inv = await openInvestigation(sampleContractFile);
    report = await inv.getMetricsReport();
  });
  afterAll(() => inv?.close());

  it("holds revenue.md's invariants, the SLA over every net MQL with an address (the bridge's plan)", () => {
    const net = readExpectedBridge().buckets.filter((b) => b.side === 'left' && ['matched', 'timing', 'excluded_on_other_side', 'unmatched'].includes(b.kind));
    const withAddress = net.filter((b) => b.reason !== 'missing_key').reduce((n, b) => n + b.ids.length, 0);
    checkMetricsInvariants(report, Object.fromEntries(expected.sla.map((sla) => [sla.name, withAddress])));
  });

  it('names the contract and its currency', () => {
    expect(report.contract).toEqual(expected.contract);
    expect(report.currency).toBe(expected.currency);
  });

  it('gives each funnel stage the records samples/README.md documents', () => {
    expect(report.funnels.map((f) => f.name)).toEqual(expected.funnels.map((f) => f.name));
    for (const wanted of expected.funnels) checkFunnel(report.funnels.find((f) => f.name === wanted.name), wanted);
  });

  it('gives the speed-to-lead SLA its met, breached and never-touched MQLs', () => {
    expect(report.sla.map((s) => s.name)).toEqual(expected.sla.map((s) => s.name));
    for (const wanted of expected.sla) checkSla(report.sla.find((s) => s.name === wanted.name), wanted);
  });

  it('gives every shared metric, and only those, with its value and records', () => {
    expect(report.shared_metrics.map(formatMetricName).sort()).toEqual(expected.shared_metrics.map(formatMetricName).sort());
    for (const wanted of expected.shared_metrics) checkSharedMetric(report.shared_metrics.find((m) => formatMetricName(m) === formatMetricName(wanted)), wanted);
  });
});
