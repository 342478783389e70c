// Test support: an engine's metrics report against the reference's, lists as sets, fractions to 1e-9, shared metrics by (name, by), attribution by entry.
import { expect } from 'vitest';
import type { AttributionReport, CreditLine, MetricsReport, SharedMetricReport } from '../../shared/metricsReportTypes';
import { sortIds } from './revenueReference/sortIds';

/** Numbers rounded where two correct computations may differ in the last bits; id lists in one order. */
function canonicalize(value: unknown): unknown {
  if (typeof value === 'number') return Math.round(value * 1e9) / 1e9;
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string') ? sortIds(value as string[]) : value.map(canonicalize);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonicalize(v)]));
  return value;
}

const labelMetric = (m: SharedMetricReport) => `${m.name} by ${m.by ?? 'all'}`;

/**
 * Amounts derived by division (velocity, average won value, CAC) may be reported rounded to cents: within half a cent of
 * the exact amount, or of the amount recomputed from shown inputs (`alternative`), is the same.
 */
function acceptCents(got: number | null | undefined, want: number | null | undefined, alternative?: number): number | null | undefined {
  if (typeof got !== 'number' || typeof want !== 'number') return got;
  return [want, alternative].some((w) => w !== undefined && Math.abs(got - w) <= 0.005 + 1e-9) ? want : got;
}

/** Velocity from its inputs with the average won value rounded to cents, as a report that shows its inputs may compute it. */
function recomputeVelocity(m: SharedMetricReport): number | undefined {
  const i = m.inputs;
  if (!i || i.win_rate === null || i.average_won_value === null || !i.average_days) return undefined;
  // Half a cent away from zero as the engine rounds its exact decimal: 33040.965 x 100 is 3304096.4999999995 in doubles.
  const cents = Math.sign(i.average_won_value) * Math.round(Math.abs(i.average_won_value) * 100 + 1e-6);
  return (i.opportunities * i.win_rate * cents) / 100 / i.average_days;
}

/** Time-decay lines by (channel, campaign), credits within a cent (libm's pow may differ in the last bit; attrdecisions 7); order is checked by the invariants. */
function compareTimeDecay(actual: CreditLine[], expected: CreditLine[], what: string): void {
  const key = (l: CreditLine) => JSON.stringify([l.channel, l.campaign]);
  expect(actual.map(key).sort(), `${what}: its lines`).toEqual(expected.map(key).sort());
  for (const want of expected) {
    const got = actual.find((l) => key(l) === key(want));
    if (!got) continue;
    expect(Math.abs(got.credit - want.credit), `${what} ${want.channel}/${want.campaign ?? '-'}: credit ${got.credit}, reference ${want.credit}`).toBeLessThanOrEqual(0.01 + 1e-9);
    expect(canonicalize({ ...got, credit: 0 }), `${what} ${want.channel}/${want.campaign ?? '-'}`).toEqual(canonicalize({ ...want, credit: 0 }));
  }
}

/** One attribution entry: depends_on starts as the reference's; every other number exact, lines in order, time decay within a cent. */
function compareAttribution(actual: AttributionReport, expected: AttributionReport): void {
  const what = `attribution ${expected.name}`;
  expect(actual.depends_on.startsWith(expected.depends_on) && /^(; |$)/.test(actual.depends_on.slice(expected.depends_on.length)), `${what}: depends_on '${actual.depends_on}' starts '${expected.depends_on}'`).toBe(true);
  const gotModels = actual.models;
  const wantModels = expected.models;
  expect(canonicalize({ ...actual, models: {}, depends_on: '' }), what).toEqual(canonicalize({ ...expected, models: {}, depends_on: '' }));
  expect(Object.keys(gotModels).sort(), `${what}: its models`).toEqual(Object.keys(wantModels).sort());
  for (const [model, want] of Object.entries(wantModels)) {
    const got = gotModels[model as keyof typeof gotModels] ?? [];
    if (model === 'time_decay') compareTimeDecay(got, want, `${what} time_decay`);
    else expect(canonicalize(got), `${what} ${model}`).toEqual(canonicalize(want));
  }
}

/**
 * Funnels and SLAs whole (depends_on aside: its wording is the project's); attribution entries by name; each shared metric of the
 * reference by name and group, ids included.
 */
export function compareMetricsReport(actual: MetricsReport, expected: MetricsReport): void {
  const strip = <T extends { depends_on: string }>(x: T) => ({ ...x, depends_on: '' });
  expect(canonicalize(actual.funnels.map(strip)), 'funnels').toEqual(canonicalize(expected.funnels.map(strip)));
  expect(canonicalize(actual.sla.map(strip)), 'SLAs').toEqual(canonicalize(expected.sla.map(strip)));
  expect(actual.attribution.map((a) => a.name), 'attribution entries').toEqual(expected.attribution.map((a) => a.name));
  for (const want of expected.attribution) {
    const got = actual.attribution.find((a) => a.name === want.name);
    if (got) compareAttribution(got, want);
  }
  for (const want of expected.shared_metrics) {
    const got = actual.shared_metrics.find((m) => m.name === want.name && m.by === want.by);
    expect(got, `${labelMetric(want)} is reported`).toBeDefined();
    if (!got) continue;
    const money = want.name === 'pipeline_velocity' || want.name === 'cac';
    const rounded: SharedMetricReport = {
      ...got,
      value: money ? (acceptCents(got.value, want.value, recomputeVelocity(want)) ?? null) : got.value,
      ...(got.inputs && want.inputs ? { inputs: { ...got.inputs, average_won_value: acceptCents(got.inputs.average_won_value, want.inputs.average_won_value) ?? null } } : {}),
    };
    expect(canonicalize(strip(rounded)), labelMetric(want)).toEqual(canonicalize(strip(want)));
  }
  const names = new Set(expected.shared_metrics.map(labelMetric));
  const extra = actual.shared_metrics.filter((m) => !names.has(labelMetric(m)) && expected.shared_metrics.some((e) => e.name === m.name));
  expect(extra.map(labelMetric), 'no group the reference does not have').toEqual([]);
}
