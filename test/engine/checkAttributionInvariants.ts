// Test support: revenue.md's invariants on an attribution report: every model's credits add up to the total, campaign lines to their channel, the sourced bridge partitions the opportunities.
import { expect } from 'vitest';
import type { AttributionReport, CreditLine, ValuedIdCount } from '../../shared/metricsReportTypes';
import { SOURCED_LINES } from '../../shared/metricsReportTypes';
import { sortIds } from './revenueReference/sortIds';

/** Rounding once per line to cents moves each line by at most half a cent (and doubles a little more). */
const roundingOf = (lines: number) => 0.005 * lines + 1e-6;
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sumOf = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The reports' id order: numeric ids by value first, then the others by text. */
function orderIds(ids: string[]): string[] {
  const numeric = (id: string) => (/^[+-]?\d+$/.test(id.trim()) ? BigInt(id.trim()) : null);
  return [...ids].sort((a, b) => {
    const x = numeric(a);
    const y = numeric(b);
    if (x !== null && y !== null && x !== y) return x < y ? -1 : 1;
    if ((x === null) !== (y === null)) return x === null ? 1 : -1;
    return compareText(a, b);
  });
}

function expectCounted(list: ValuedIdCount | CreditLine, what: string): void {
  const count = 'count' in list ? list.count : list.opportunities;
  expect(list.ids.length, `${what}: the count is its ids`).toBe(count);
  expect(new Set(list.ids).size, `${what}: no id twice`).toBe(list.ids.length);
  expect(list.ids, `${what}: ids in the reports' id order`).toEqual(orderIds(list.ids));
}

/** Channel lines by credit desc, channel asc; each followed by its campaign lines by credit desc, campaign asc. */
function expectLineOrder(lines: CreditLine[], what: string): void {
  const channels = lines.filter((l) => l.campaign === null);
  const sorted = [...channels].sort((a, b) => b.credit - a.credit || compareText(a.channel, b.channel));
  expect(channels.map((l) => l.channel), `${what}: channel lines by credit, then channel`).toEqual(sorted.map((l) => l.channel));
  let channel: string | null = null;
  let previous: CreditLine | null = null;
  for (const line of lines) {
    if (line.campaign === null) {
      channel = line.channel;
      previous = null;
      continue;
    }
    expect(line.channel, `${what}: campaign line ${line.campaign} follows its channel line`).toBe(channel);
    if (previous?.campaign) expect(previous.credit > line.credit || (previous.credit === line.credit && previous.campaign < line.campaign), `${what}: ${line.channel}'s campaign lines by credit, then campaign`).toBe(true);
    previous = line;
  }
}

function checkModel(report: AttributionReport, model: string, lines: CreditLine[], opportunities: Set<string>): void {
  const what = `${report.name} ${model}`;
  for (const line of lines) {
    expectCounted(line, `${what} ${line.channel}/${line.campaign ?? '-'}`);
    expect(line.opportunities, `${what} ${line.channel}: a line has opportunities`).toBeGreaterThan(0);
    expect(line.credit, `${what} ${line.channel}: credit is never negative`).toBeGreaterThanOrEqual(0);
  }
  const channels = lines.filter((l) => l.campaign === null);
  expect(new Set(channels.map((l) => l.channel)).size, `${what}: one line per channel`).toBe(channels.length);
  expect(Math.abs(sumOf(channels.map((l) => l.credit)) - report.total), `${what}: channel credits add up to the total`).toBeLessThanOrEqual(roundingOf(channels.length));
  expect(sortIds(new Set(channels.flatMap((l) => l.ids))), `${what}: every opportunity gives its value to some line`).toEqual(sortIds(opportunities));
  for (const channel of channels) {
    const campaigns = lines.filter((l) => l.campaign !== null && l.channel === channel.channel);
    if (campaigns.length === 0) continue;
    expect(Math.abs(sumOf(campaigns.map((l) => l.credit)) - channel.credit), `${what} ${channel.channel}: campaign lines add up to the channel line`).toBeLessThanOrEqual(roundingOf(campaigns.length + 1));
    expect(sortIds(new Set(campaigns.flatMap((l) => l.ids))), `${what} ${channel.channel}: campaign lines hold the channel's opportunities`).toEqual(sortIds(channel.ids));
  }
  expectLineOrder(lines, what);
  const noTouch = channels.find((l) => l.channel === 'No touch');
  if (model === 'self_reported') {
    expect(lines.every((l) => l.campaign === null), `${what}: channel lines only`).toBe(true);
  } else {
    expect(noTouch ? { credit: noTouch.credit, ids: noTouch.ids } : null, `${what}: the No touch line is no_touch`).toEqual(report.no_touch.count > 0 ? { credit: report.no_touch.value, ids: report.no_touch.ids } : null);
    const touched = channels.filter((l) => l !== noTouch).flatMap((l) => l.ids);
    expect(touched.filter((id) => report.no_touch.ids.includes(id)), `${what}: an opportunity without touches gives nothing to a channel`).toEqual([]);
  }
  // One line per opportunity: first and last touch give everything to one touch, self-reported to one answer.
  if (model === 'first_touch' || model === 'last_touch' || model === 'self_reported') {
    expect(sumOf(channels.map((l) => l.opportunities)), `${what}: each opportunity on one channel line`).toBe(opportunities.size);
  }
}

/** `opportunities` of the report: its models' lines, its sourced bridge; they must all agree. */
export function checkAttributionInvariants(report: AttributionReport): void {
  const name = report.name;
  expect(report.basis, `${name}: credits are interpretations`).toBe('interpretation');
  expect(report.depends_on, `${name}: depends on its lookback first`).toMatch(/^lookback \d+ (days?|hours?)(; |$)/);
  expectCounted(report.no_touch, `${name} no_touch`);
  expectCounted(report.influenced, `${name} influenced`);
  const lines = Object.values(report.models);
  const opportunities = new Set(lines[0]?.filter((l) => l.campaign === null).flatMap((l) => l.ids) ?? []);
  for (const [model, modelLines] of Object.entries(report.models)) checkModel(report, model, modelLines, opportunities);

  for (const line of SOURCED_LINES) expectCounted(report.sourced[line], `${name} sourced ${line}`);
  const sourced = SOURCED_LINES.map((l) => report.sourced[l]);
  const sourcedIds = sourced.flatMap((l) => l.ids);
  if (sourcedIds.length > 0) {
    expect(sortIds(sourcedIds), `${name}: the sourced lines partition the period's opportunities`).toEqual(sortIds(opportunities));
    expect(Math.abs(sumOf(sourced.map((l) => l.value)) - report.total), `${name}: the sourced lines' values add up to the total`).toBeLessThanOrEqual(1e-6);
  }
  const touchSourced = [...report.sourced.both.ids, ...report.sourced.touches_only.ids];
  expect(touchSourced.filter((id) => !report.influenced.ids.includes(id)), `${name}: sourced by a marketing touch is influenced by it`).toEqual([]);
  expect(report.influenced.ids.filter((id) => !opportunities.has(id)), `${name}: influenced are opportunities`).toEqual([]);
  expect(report.influenced.ids.filter((id) => report.no_touch.ids.includes(id)), `${name}: influenced needs a touch`).toEqual([]);

  if (report.agreement === undefined) {
    expect(report.models.self_reported, `${name}: an agreement matrix exactly when self_reported is a model`).toBeUndefined();
    return;
  }
  const reported = report.models.self_reported ?? [];
  for (const [model, cells] of Object.entries(report.agreement)) {
    const what = `${name} agreement ${model}`;
    for (const cell of cells) {
      expectCounted(cell, `${what} ${cell.reported} x ${cell.touched}`);
      const line = reported.find((l) => l.channel === cell.reported);
      expect(cell.ids.filter((id) => !line?.ids.includes(id)), `${what}: ${cell.reported} x ${cell.touched} holds opportunities that reported ${cell.reported}`).toEqual([]);
      if (cell.touched === 'No touch') expect(cell.ids.filter((id) => !report.no_touch.ids.includes(id)), `${what}: No touch cells hold opportunities without touches`).toEqual([]);
    }
    expect(sortIds(cells.flatMap((c) => c.ids)), `${what}: the cells partition the opportunities`).toEqual(sortIds(opportunities));
    expect(Math.abs(sumOf(cells.map((c) => c.value)) - report.total), `${what}: the cells' values add up to the total`).toBeLessThanOrEqual(1e-6);
    const order = [...cells].sort((a, b) => b.count - a.count || compareText(a.reported, b.reported) || compareText(a.touched, b.touched));
    expect(cells, `${what}: cells by count, then reported, then touched`).toEqual(order);
    const modelLines = report.models[model as keyof typeof report.models];
    for (const cell of model === 'first_touch' || model === 'last_touch' ? cells : []) {
      const line = modelLines?.find((l) => l.channel === cell.touched && l.campaign === null);
      expect(cell.ids.filter((id) => !line?.ids.includes(id)), `${what}: ${cell.touched} is where the touch model gives the value`).toEqual([]);
    }
  }
}
