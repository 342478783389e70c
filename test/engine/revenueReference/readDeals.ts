// Reference: every opportunity of an attribution entry with its people, counted touches, milestone, shares per model and sourced status.
import type { TouchModel } from '../../../shared/revenueContractTypes';
import { compareFractions } from './Fraction';
import { findMetric } from './findMetric';
import { readInstant } from './readInstant';
import type { RefAttribution, RefRecord, RefTouchRow, RevenueInput } from './RevenueInput';
import { shareTouches, type Share } from './shareTouches';

export interface CountedTouch {
  row: number;
  instant: number;
  channel: string;
  /** `(no campaign)` for an empty one; null when touches.campaign is not mapped. */
  campaign: string | null;
}

export interface Deal {
  record: RefRecord;
  /** Net: one of the period's opportunities; otherwise out of period, kept for its sourced status. */
  inPeriod: boolean;
  /** V in cents: the value (missing counts 0), or 100 when the metric has no value. */
  cents: number;
  /** Its person keys as `people` selects them, sorted. */
  people: string[];
  touches: CountedTouch[];
  /** Position of the W-shaped milestone among `touches`, null when none. */
  milestone: number | null;
  /** Per touch model of the entry (and the sourced one), the touches' shares in order. */
  shares: Partial<Record<TouchModel, Share[]>>;
  influenced: boolean;
  crm: boolean;
  /** The channel of the largest-share touch under sourced.touches when it is a marketing channel: touch-sourced; else null. */
  sourcedChannel: string | null;
}

export const TOUCH_MODELS: TouchModel[] = ['first_touch', 'last_touch', 'linear', 'u_shaped', 'w_shaped', 'time_decay'];

/** The touch with the largest share (ties: the earliest in order); null without touches. */
export function findLargestShare(shares: Share[]): number | null {
  let best: number | null = null;
  for (const [i, s] of shares.entries()) {
    const held = best === null ? undefined : shares[best];
    if (!held) {
      best = i;
      continue;
    }
    const larger = s.exact && held.exact ? compareFractions(s.exact, held.exact) > 0 : s.approx > held.approx;
    if (larger) best = i;
  }
  return best;
}

/** The person keys of each opportunity (by its link id): `via` pairs, primary ones only under `people: primary` when it has some. */
function indexPeople(input: RevenueInput, entry: RefAttribution): ((record: RefRecord) => Set<string>) {
  if (entry.via === undefined) return (record) => new Set(record.key === null ? [] : [record.key]);
  const link = input.links.find((l) => l.name === entry.via);
  if (!link) throw new Error(`the reference has no link ${entry.via}`);
  const all = new Map<string, Set<string>>();
  const primary = new Map<string, Set<string>>();
  const add = (index: Map<string, Set<string>>, from: string, to: string) => index.set(from, (index.get(from) ?? new Set()).add(to));
  for (const pair of link.pairs) {
    if (pair.from === null || pair.to === null) continue;
    add(all, pair.from, pair.to);
    if (pair.primary) add(primary, pair.from, pair.to);
  }
  return (record) => (entry.people === 'primary' ? primary.get(record.linkId) : undefined) ?? all.get(record.linkId) ?? new Set();
}

/** The latest milestone instant per person key: records of the milestone metric, net or out of period, with a date. */
function indexMilestones(input: RevenueInput, entry: RefAttribution): Map<string, number> {
  const latest = new Map<string, number>();
  if (entry.milestone === undefined) return latest;
  for (const r of findMetric(input, entry.milestone).records) {
    if ((r.step !== 'net' && r.step !== 'out_of_period') || r.when === null || r.key === null) continue;
    const at = readInstant(r.when, input.timezone);
    latest.set(r.key, Math.max(at, latest.get(r.key) ?? -Infinity));
  }
  return latest;
}

export function readDeals(input: RevenueInput, entry: RefAttribution): Deal[] {
  const touches = input.touches;
  if (!touches) throw new Error('the reference has attribution without touches');
  const metric = findMetric(input, entry.opportunities);
  const peopleOf = indexPeople(input, entry);
  const milestones = indexMilestones(input, entry);
  const marketing = touches.marketingChannels === undefined ? undefined : new Set(touches.marketingChannels);
  const isMarketing = (channel: string) => marketing === undefined || marketing.has(channel);
  const byKey = new Map<string, { touch: RefTouchRow; instant: number }[]>();
  for (const touch of touches.rows) {
    if (touch.key === null || touch.when === null || touch.channel.trim() === '') continue;
    byKey.set(touch.key, [...(byKey.get(touch.key) ?? []), { touch, instant: readInstant(touch.when, input.timezone) }]);
  }
  const models = new Set<TouchModel>(TOUCH_MODELS.filter((m) => entry.models.includes(m)));
  const sourcedModel = entry.sourced ? (entry.sourced.touches ?? 'first_touch') : undefined;
  if (sourcedModel) models.add(sourcedModel);

  const deals: Deal[] = [];
  for (const record of metric.records) {
    if (record.step !== 'net' && record.step !== 'out_of_period') continue;
    const cents = metric.hasValue ? (record.cents ?? 0) : 100;
    const instant = record.when === null ? null : readInstant(record.when, input.timezone);
    const people = peopleOf(record);
    const counted = new Map<number, CountedTouch>();
    const lookbackStart = instant === null ? 0 : instant - entry.lookbackHours * 3_600_000;
    for (const person of instant === null ? [] : people) {
      for (const { touch, instant: at } of byKey.get(person) ?? []) {
        if (instant === null || at < lookbackStart || at > instant) continue;
        const campaign = touch.campaign === null ? null : touch.campaign.trim() || '(no campaign)';
        counted.set(touch.row, { row: touch.row, instant: at, channel: touch.channel.trim(), campaign });
      }
    }
    const ordered = [...counted.values()].sort((a, b) => a.instant - b.instant || a.row - b.row);
    let milestone: number | null = null;
    const latest = Math.max(...[...people].map((p) => milestones.get(p) ?? -Infinity));
    for (const [i, t] of ordered.entries()) if (t.instant <= latest) milestone = i;
    const shares: Deal['shares'] = {};
    for (const model of models) shares[model] = instant === null ? [] : shareTouches(model, ordered.map((t) => t.instant), instant, milestone, entry.halfLifeHours);
    const top = sourcedModel === undefined ? null : findLargestShare(shares[sourcedModel] ?? []);
    const topChannel = top === null ? null : (ordered[top]?.channel ?? null);
    deals.push({
      record,
      inPeriod: record.step === 'net',
      cents,
      people: [...people].sort(),
      touches: ordered,
      milestone,
      shares,
      influenced: ordered.some((t) => isMarketing(t.channel)),
      crm: entry.sourced?.crm?.(record.fields) ?? false,
      sourcedChannel: topChannel !== null && isMarketing(topChannel) ? topChannel : null,
    });
  }
  return deals;
}
