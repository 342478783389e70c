// The bundled sample's attribution: the engine's credit lines, sourced bridge and agreement equal the touch stories' plan, record by record.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openInvestigation, type Investigation } from '../../electron/engine/openInvestigation';
import { SOURCED_LINES, type AttributionReport, type CreditLine, type MetricsReport } from '../../shared/metricsReportTypes';
import type { TouchModel } from '../../shared/revenueContractTypes';
import { toIdentityKey } from '../../samples/generator/createPeople';
import { toNewYorkDate } from '../../samples/generator/pipeline/toNewYorkDate';
import { planSample } from '../../samples/generator/generateSamples';
import { sampleContractFile } from './readExpectedBridge';

/** Written by the sample's generator from what its touch stories declare, never computed by the engine. */
const expected = JSON.parse(fs.readFileSync(path.join(path.dirname(sampleContractFile), 'expected-metrics.json'), 'utf8')) as MetricsReport;
const wanted = expected.attribution[0] as AttributionReport;

const EXACT_MODELS = ['first_touch', 'last_touch', 'linear', 'u_shaped', 'w_shaped'] as const;
const formatLine = (l: Pick<CreditLine, 'channel' | 'campaign'>): string => (l.campaign === null ? l.channel : `${l.channel} / ${l.campaign}`);

describe('sample investigation: attribution of the quarter\'s pipeline', () => {
  let inv: Investigation;
  let report: AttributionReport | undefined;
  beforeAll(async () => {
    inv = await openInvestigation(sampleContractFile);
    report = (await inv.getMetricsReport()).attribution.find((a) => a.name === wanted.name);
  });
  afterAll(() => inv?.close());

  it('plans every case of the issue: no touch, sourced by each definition alone, non-marketing credit, answers no touch gives', () => {
    expect(wanted.no_touch.count).toBeGreaterThan(0);
    for (const line of SOURCED_LINES) expect(wanted.sourced[line].count, line).toBeGreaterThan(0);
    const channels = (wanted.models.first_touch ?? []).map((l) => l.channel);
    expect(channels).toEqual(expect.arrayContaining(['Sales Outreach', 'Partner', 'No touch']));
    const agreement = wanted.agreement?.first_touch ?? [];
    expect(agreement.some((c) => c.reported !== c.touched && c.touched !== 'No touch')).toBe(true);
  });

  it('names the entry, its basis, its lookback, its total and the deals with no touch', () => {
    expect(report).toBeDefined();
    expect(report?.basis).toBe('interpretation');
    expect(report?.depends_on.startsWith(wanted.depends_on)).toBe(true);
    expect(report?.total).toBeCloseTo(wanted.total, 2);
    expect(report?.no_touch).toEqual(wanted.no_touch);
  });

  it('gives every model the plan\'s lines in the plan\'s order, each with its credit to the cent and its deals', () => {
    expect(Object.keys(report?.models ?? {})).toEqual(Object.keys(wanted.models));
    for (const [model, lines] of Object.entries(wanted.models)) {
      const actual = report?.models[model as keyof AttributionReport['models']] ?? [];
      expect(actual.map(formatLine), `${model}: lines`).toEqual(lines.map(formatLine));
      lines.forEach((w, i) => {
        const a = actual[i];
        const at = `${model}: ${formatLine(w)}`;
        // Time decay is computed in doubles (libm's pow may differ in the last bit): within a cent; the exact models to the cent.
        if (model === 'time_decay') expect(Math.abs((a?.credit ?? NaN) - w.credit), `${at}: credit`).toBeLessThanOrEqual(0.011);
        else expect(a?.credit, `${at}: credit`).toBe(w.credit);
        expect(a?.opportunities, `${at}: opportunities`).toBe(w.opportunities);
        expect(a?.ids, `${at}: ids`).toEqual(w.ids);
      });
    }
  });

  it('puts each deal on the sourced bridge\'s line the plan says, and counts the influenced ones', () => {
    for (const line of SOURCED_LINES) expect(report?.sourced[line], line).toEqual(wanted.sourced[line]);
    expect(report?.influenced).toEqual(wanted.influenced);
  });

  it('pairs each deal\'s self-reported channel with the channel each touch model credits most', () => {
    expect(report?.agreement).toEqual(wanted.agreement);
  });

  it("opens each of the quarter's deals to the touches its story planted, in order, with the milestone and each model's share", async () => {
    const { attribution, plan, touchPlan } = planSample();
    const deals = [...attribution.credits.values()].filter((c) => toNewYorkDate(c.deal.createdAt) >= '2026-07-01' && toNewYorkDate(c.deal.createdAt) <= '2026-09-30');
    expect(deals.length).toBe(wanted.sourced.both.count + wanted.sourced.crm_only.count + wanted.sourced.touches_only.count + wanted.sourced.neither.count);
    for (const planned of deals) {
      const at = `${planned.deal.id} (${planned.deal.story})`;
      const traced = await inv.traceDealTouches(wanted.name, planned.deal.id);
      const counted = traced.touches.filter((t) => t.status === 'counted');
      // The rest of its people's dated touches: after the deal when they responded on or after the day it opened.
      const people = new Set(plan.roles.filter((r) => r.opportunity === planned.deal).map((r) => toIdentityKey(r.email)));
      const created = toNewYorkDate(planned.deal.createdAt);
      const others = touchPlan.touches.filter((t) => t.date !== null && t.campaign.channel !== '' && people.has(toIdentityKey(t.email)) && !t.counts.includes(planned.deal));
      const status = (date: string | null): string => ((date ?? '') >= created ? 'after_deal' : 'before_lookback');
      expect(traced.touches.filter((t) => t.status !== 'counted').map((t) => `${t.row} ${t.status}`).sort(), `${at}: touches not counted`).toEqual(others.map((t) => `${t.row} ${status(t.date)}`).sort());
      expect(counted.map((t) => t.row), `${at}: counted rows in order`).toEqual(planned.touches.map((t) => t.row));
      const milestone = planned.milestone === null ? null : planned.touches[planned.milestone]?.row;
      expect(traced.touches.find((t) => t.id === traced.milestone)?.row ?? null, `${at}: milestone`).toBe(milestone);
      counted.forEach((touch, i) => {
        for (const model of EXACT_MODELS) {
          const share = planned.exact[model]?.[i];
          const wantedShare = share === undefined ? 0 : Number(share.num) / Number(share.den);
          expect(touch.shares[model as TouchModel] ?? 0, `${at}: row ${touch.row}, ${model}`).toBeCloseTo(wantedShare, 12);
        }
        expect(touch.shares.time_decay, `${at}: row ${touch.row}, time_decay`).toBeCloseTo(planned.decay[i] ?? NaN, 9);
      });
    }
  });
});
