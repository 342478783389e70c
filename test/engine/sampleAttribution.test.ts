// The bundled sample's attribution: each entry's credit lines, sourced bridge, agreement and deal timelines equal the touch stories' plan, record by record.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openInvestigation, type Investigation } from '../../electron/engine/openInvestigation';
import { SOURCED_LINES, type AttributionReport, type CreditLine, type MetricsReport } from '../../shared/metricsReportTypes';
import type { TouchModel } from '../../shared/revenueContractTypes';
import { listEntryReadings } from '../../samples/generator/attribution/listEntryReadings';
import { toIdentityKey } from '../../samples/generator/createPeople';
import { planSample } from '../../samples/generator/generateSamples';
import { sampleContractFile } from './readExpectedBridge';

/** Written by the sample's generator from what its touch stories declare, never computed by the engine. */
const expected = JSON.parse(fs.readFileSync(path.join(path.dirname(sampleContractFile), 'expected-metrics.json'), 'utf8')) as MetricsReport;
const [pipeline, revenue] = expected.attribution;

const EXACT_MODELS = ['first_touch', 'last_touch', 'linear', 'u_shaped', 'w_shaped'] as const;
const formatLine = (l: Pick<CreditLine, 'channel' | 'campaign'>): string => (l.campaign === null ? l.channel : `${l.channel} / ${l.campaign}`);

describe('sample investigation: attribution of the quarter\'s pipeline and revenue', () => {
  let inv: Investigation;
  let reports: AttributionReport[];
  const find = (wanted: AttributionReport): AttributionReport | undefined => reports.find((a) => a.name === wanted.name);
  beforeAll(async () => {
    inv = await openInvestigation(sampleContractFile);
    reports = (await inv.getMetricsReport()).attribution;
  });
  afterAll(() => inv?.close());

  it('plans every case of the issue: no touch, sourced by each definition alone, non-marketing credit, answers the touches contradict, primary contacts only', () => {
    if (!pipeline || !revenue) throw new Error('the sample has two attribution entries');
    expect(pipeline.no_touch.count).toBeGreaterThan(0);
    for (const line of SOURCED_LINES) expect(pipeline.sourced[line].count, line).toBeGreaterThan(0);
    expect((pipeline.models.first_touch ?? []).map((l) => l.channel)).toEqual(expect.arrayContaining(['Sales Outreach', 'Partner', 'No touch']));
    expect((pipeline.agreement?.first_touch ?? []).some((c) => c.reported !== c.touched && c.touched !== 'No touch')).toBe(true);
    // A won deal touched only through a contact who is not primary: credited by the pipeline entry, No touch for revenue.
    const touchedInPipeline = new Set((pipeline.models.first_touch ?? []).filter((l) => l.channel !== 'No touch').flatMap((l) => l.ids));
    expect(revenue.no_touch.ids.some((id) => touchedInPipeline.has(id))).toBe(true);
    for (const line of SOURCED_LINES) expect(revenue.sourced[line]).toEqual({ count: 0, value: 0, ids: [] });
  });

  it('names each entry in the contract\'s order, with its basis, its lookback, its total and the deals with no touch', () => {
    expect(reports.map((r) => r.name)).toEqual(expected.attribution.map((r) => r.name));
    for (const wanted of expected.attribution) {
      const report = find(wanted);
      expect(report?.basis, wanted.name).toBe('interpretation');
      expect(report?.depends_on.startsWith(wanted.depends_on), wanted.name).toBe(true);
      expect(report?.total, wanted.name).toBeCloseTo(wanted.total, 2);
      expect(report?.no_touch, wanted.name).toEqual(wanted.no_touch);
    }
  });

  it('gives every model the plan\'s lines in the plan\'s order, each with its credit to the cent and its deals', () => {
    for (const wanted of expected.attribution) {
      const report = find(wanted);
      expect(Object.keys(report?.models ?? {}), wanted.name).toEqual(Object.keys(wanted.models));
      for (const [model, lines] of Object.entries(wanted.models)) {
        const actual = report?.models[model as keyof AttributionReport['models']] ?? [];
        expect(actual.map(formatLine), `${wanted.name}, ${model}: lines`).toEqual(lines.map(formatLine));
        lines.forEach((w, i) => {
          const a = actual[i];
          const at = `${wanted.name}, ${model}: ${formatLine(w)}`;
          // Time decay is computed in doubles (libm's pow may differ in the last bit): within a cent; the exact models to the cent.
          if (model === 'time_decay') expect(Math.abs((a?.credit ?? NaN) - w.credit), `${at}: credit`).toBeLessThanOrEqual(0.011);
          else expect(a?.credit, `${at}: credit`).toBe(w.credit);
          expect(a?.opportunities, `${at}: opportunities`).toBe(w.opportunities);
          expect(a?.ids, `${at}: ids`).toEqual(w.ids);
        });
      }
    }
  });

  it('puts each deal on the sourced bridge\'s line the plan says, counts the influenced ones, and pairs self-reported with touched channels', () => {
    for (const wanted of expected.attribution) {
      const report = find(wanted);
      for (const line of SOURCED_LINES) expect(report?.sourced[line], `${wanted.name}: ${line}`).toEqual(wanted.sourced[line]);
      expect(report?.influenced, wanted.name).toEqual(wanted.influenced);
      expect(report?.agreement, wanted.name).toEqual(wanted.agreement);
    }
  });

  it("opens each deal of each entry to the touches its story planted, in order, with the milestone and each model's share", async () => {
    const { attribution, plan, touchPlan } = planSample();
    for (const reading of listEntryReadings(plan)) {
      const deals = [...(attribution.credits.get(reading.name)?.values() ?? [])].filter((c) => reading.isInPeriod(c.deal));
      expect(deals.length, reading.name).toBeGreaterThan(0);
      for (const planned of deals) {
        const at = `${reading.name}: ${planned.deal.id} (${planned.deal.story})`;
        const traced = await inv.traceDealTouches(reading.name, planned.deal.id);
        const counted = traced.touches.filter((t) => t.status === 'counted');
        expect(counted.map((t) => t.row), `${at}: counted rows in order`).toEqual(planned.touches.map((t) => t.row));
        // The rest of its people's dated touches: after the deal when they are after its instant, else before the lookback.
        const people = reading.listPeople(planned.deal);
        const others = touchPlan.touches.filter((t) => t.date !== null && t.campaign.channel !== '' && people.has(toIdentityKey(t.email)) && !reading.listDeclared(t).includes(planned.deal));
        const end = reading.name === revenue?.name ? planned.deal.closeDate : traced.opportunity.instant.slice(0, 10);
        const status = (date: string | null): string => ((date ?? '') >= end ? 'after_deal' : 'before_lookback');
        expect(traced.touches.filter((t) => t.status !== 'counted').map((t) => `${t.row} ${t.status}`).sort(), `${at}: touches not counted`).toEqual(others.map((t) => `${t.row} ${status(t.date)}`).sort());
        const milestone = planned.milestone === null ? null : (planned.touches[planned.milestone]?.row ?? null);
        expect(traced.touches.find((t) => t.id === traced.milestone)?.row ?? null, `${at}: milestone`).toBe(milestone);
        counted.forEach((touch, i) => {
          for (const model of EXACT_MODELS) {
            if (!reading.models.includes(model)) continue;
            const share = planned.exact[model]?.[i];
            const wantedShare = share === undefined ? 0 : Number(share.num) / Number(share.den);
            expect(touch.shares[model as TouchModel] ?? 0, `${at}: row ${touch.row}, ${model}`).toBeCloseTo(wantedShare, 12);
          }
          expect(touch.shares.time_decay, `${at}: row ${touch.row}, time_decay`).toBeCloseTo(planned.decay[i] ?? NaN, 9);
        });
      }
    }
  });
});
