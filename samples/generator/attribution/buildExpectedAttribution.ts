// The attribution entry `recon metrics` must print on the sample, and the shared metrics built on it, from the touch stories' plan.
import type { AgreementCell, AttributionReport, CreditLine, SharedMetricReport, ValuedIdCount } from '../../../shared/metricsReportTypes';
import type { AttributionModel, TouchModel } from '../../../shared/revenueContractTypes';
import { toIdentityKey } from '../createPeople';
import type { HubspotRecord, Placed } from '../plannedRecords';
import { MARKETING_LEAD_SOURCES } from '../revenue/buildExpectedMetrics';
import type { OpportunityRow, RevenuePlan } from '../revenue/revenueRecords';
import { listEntryReadings } from './listEntryReadings';
import type { EntryReading } from './listEntryReadings';
import { addFractions, compareFractions, makeFraction, roundCents, shareByDecay, shareExactly } from './computeShares';
import type { Fraction } from './computeShares';
import { toTouchInstant } from './touchInstants';
import { HALF_LIFE_DAYS, HOW_HEARD_MAP, LOOKBACK_DAYS, MARKETING_CHANNELS, NO_TOUCH, NOT_REPORTED } from './touchRecords';
import type { TouchPlan, TouchRow } from './touchRecords';

const EXACT_MODELS = ['first_touch', 'last_touch', 'linear', 'u_shaped', 'w_shaped'] as const;
/** sourced.touches of the contract: a deal is touch-sourced when its first touch is on a marketing channel. */
export const SOURCED_BY_MODEL: TouchModel = 'first_touch';
const PERIOD = { from: '2026-07-01', to: '2026-09-30' };
const NO_LINE: ValuedIdCount = { count: 0, value: 0, ids: [] };
/** The MQL metric's records that can be a milestone: net or out of period (never excluded nor duplicate). */
const MILESTONE_KINDS = ['matched', 'timing', 'excluded_on_other_side', 'unmatched', 'out_of_period'];

/** One deal as attribution reads it: its value in cents, its counted touches in order and each model's shares. */
export interface DealCredit {
  deal: OpportunityRow;
  touches: TouchRow[];
  milestone: number | null;
  exact: Partial<Record<TouchModel, Fraction[]>>;
  decay: number[];
  selfReported: string;
}

export interface ExpectedAttribution {
  /** One per entry of the contract, in its order; the first is the one shared_metrics' sourced_by defaults to. */
  reports: AttributionReport[];
  /** marketing_sourced_revenue by touches. */
  sourcedRevenue: SharedMetricReport;
  /** cac by each channel of the quarter's spend rows. */
  cacByChannel: SharedMetricReport[];
  /** Per entry, each deal's counted touches and shares. */
  credits: Map<string, Map<OpportunityRow, DealCredit>>;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const sortIds = (ids: Iterable<string>): string[] => [...new Set(ids)].sort(compareText);
const isInPeriod = (date: string): boolean => date >= PERIOD.from && date <= PERIOD.to;
const toDollars = (cents: number): number => cents / 100;

/** self_reported: the answer trimmed, looked up ignoring case; unmapped answers are their own channel. */
export function readSelfReported(answer: string): string {
  const trimmed = answer.trim();
  if (trimmed === '') return NOT_REPORTED;
  return HOW_HEARD_MAP.find(([text]) => text.toLowerCase() === trimmed.toLowerCase())?.[1] ?? trimmed;
}

function findLatestMql(people: Set<string>, hubspot: Placed<HubspotRecord>[]): number | null {
  const instants = hubspot.filter((h) => MILESTONE_KINDS.includes(h.expect.kind) && h.mqlAt !== null && people.has(toIdentityKey(h.email))).map((h) => h.mqlAt ?? 0);
  return instants.length === 0 ? null : Math.max(...instants);
}

function creditDeal(reading: EntryReading, touchPlan: TouchPlan, hubspot: Placed<HubspotRecord>[], deal: OpportunityRow): DealCredit {
  const instantOf = (t: TouchRow): number => toTouchInstant(t) ?? 0;
  const touches = touchPlan.touches.filter((t) => reading.listDeclared(t).includes(deal)).sort((a, b) => instantOf(a) - instantOf(b) || a.row - b.row);
  const latest = reading.models.includes('w_shaped') ? findLatestMql(reading.listPeople(deal), hubspot) : null;
  const atOrBefore = latest === null ? [] : touches.map((t, i) => (instantOf(t) <= latest ? i : -1)).filter((i) => i >= 0);
  const milestone = atOrBefore.length > 0 ? (atOrBefore[atOrBefore.length - 1] ?? null) : null;
  const n = touches.length;
  const exact: DealCredit['exact'] = {};
  if (n > 0) for (const model of EXACT_MODELS) if (reading.models.includes(model)) exact[model] = shareExactly(model, n, milestone);
  const decay = n > 0 ? shareByDecay(reading.instantOf(deal), touches.map(instantOf), HALF_LIFE_DAYS) : [];
  return { deal, touches, milestone, exact, decay, selfReported: readSelfReported(touchPlan.howHeard.get(deal) ?? '') };
}

/** The index of the touch with the largest share (ties: the earliest), or null without touches. */
function findLargest(credit: DealCredit, model: TouchModel): number | null {
  if (credit.touches.length === 0) return null;
  let best = 0;
  credit.touches.forEach((_, i) => {
    const larger = model === 'time_decay' ? (credit.decay[i] ?? 0) > (credit.decay[best] ?? 0) : compareFractions(credit.exact[model]?.[i] ?? makeFraction(0n, 1n), credit.exact[model]?.[best] ?? makeFraction(0n, 1n)) > 0;
    if (larger) best = i;
  });
  return best;
}

export function isTouchSourced(credit: DealCredit): boolean {
  const index = findLargest(credit, SOURCED_BY_MODEL);
  return index !== null && MARKETING_CHANNELS.includes(credit.touches[index]?.campaign.channel ?? '');
}

interface LineSum {
  channel: string;
  campaign: string | null;
  exact: Fraction;
  decay: number;
  ids: Set<string>;
}

function buildLines(credits: DealCredit[], model: AttributionModel): CreditLine[] {
  const sums = new Map<string, LineSum>();
  const add = (channel: string, campaign: string | null, cents: Fraction, decayCents: number, id: string): void => {
    const key = `${channel}\u0000${campaign ?? '\u0000'}`;
    const sum = sums.get(key) ?? { channel, campaign, exact: makeFraction(0n, 1n), decay: 0, ids: new Set<string>() };
    sum.exact = addFractions(sum.exact, cents);
    sum.decay += decayCents;
    sum.ids.add(id);
    sums.set(key, sum);
  };
  for (const c of credits) {
    const value = BigInt(c.deal.cents);
    if (model === 'self_reported') {
      add(c.selfReported, null, makeFraction(value, 1n), c.deal.cents, c.deal.id);
      continue;
    }
    if (c.touches.length === 0) {
      add(NO_TOUCH, null, makeFraction(value, 1n), c.deal.cents, c.deal.id);
      continue;
    }
    c.touches.forEach((t, i) => {
      const share = model === 'time_decay' ? null : c.exact[model]?.[i];
      const decayShare = c.decay[i] ?? 0;
      if (share ? share.num === 0n : decayShare <= 0) return;
      const cents = share ? makeFraction(value * share.num, share.den) : makeFraction(0n, 1n);
      add(t.campaign.channel, null, cents, c.deal.cents * decayShare, c.deal.id);
      add(t.campaign.channel, t.campaign.name, cents, c.deal.cents * decayShare, c.deal.id);
    });
  }
  const toLine = (s: LineSum): CreditLine & { cents: number } => {
    const cents = model === 'time_decay' ? Math.round(s.decay) : roundCents(s.exact);
    return { channel: s.channel, campaign: s.campaign, credit: toDollars(cents), opportunities: s.ids.size, ids: sortIds(s.ids), cents };
  };
  const lines = [...sums.values()].map(toLine);
  const byCredit = (a: { cents: number }, b: { cents: number }): number => b.cents - a.cents;
  const channels = lines.filter((l) => l.campaign === null).sort((a, b) => byCredit(a, b) || compareText(a.channel, b.channel));
  return channels.flatMap((channel) => [
    channel,
    ...lines.filter((l) => l.campaign !== null && l.channel === channel.channel).sort((a, b) => byCredit(a, b) || compareText(a.campaign ?? '', b.campaign ?? '')),
  ]).map(({ cents: _cents, ...line }) => line);
}

function countValued(credits: DealCredit[]): ValuedIdCount {
  return { count: credits.length, value: toDollars(credits.reduce((sum, c) => sum + c.deal.cents, 0)), ids: sortIds(credits.map((c) => c.deal.id)) };
}

function buildAgreement(credits: DealCredit[], model: TouchModel): AgreementCell[] {
  const cells = new Map<string, { reported: string; touched: string; credits: DealCredit[] }>();
  for (const c of credits) {
    const index = findLargest(c, model);
    const touched = index === null ? NO_TOUCH : (c.touches[index]?.campaign.channel ?? NO_TOUCH);
    const key = `${c.selfReported}\u0000${touched}`;
    const cell = cells.get(key) ?? { reported: c.selfReported, touched, credits: [] };
    cell.credits.push(c);
    cells.set(key, cell);
  }
  return [...cells.values()]
    .map((cell) => ({ reported: cell.reported, touched: cell.touched, ...countValued(cell.credits) }))
    .sort((a, b) => b.count - a.count || compareText(a.reported, b.reported) || compareText(a.touched, b.touched));
}

function buildReport(reading: EntryReading, credits: DealCredit[]): AttributionReport {
  const isCrmSourced = (c: DealCredit): boolean => MARKETING_LEAD_SOURCES.includes(c.deal.leadSource);
  const touchModels = reading.models.filter((m): m is TouchModel => m !== 'self_reported');
  const sourced = (holds: (c: DealCredit) => boolean): ValuedIdCount => (reading.sourced ? countValued(credits.filter(holds)) : NO_LINE);
  return {
    name: reading.name,
    basis: 'interpretation',
    depends_on: `lookback ${LOOKBACK_DAYS} days`,
    total: toDollars(credits.reduce((sum, c) => sum + c.deal.cents, 0)),
    no_touch: countValued(credits.filter((c) => c.touches.length === 0)),
    models: Object.fromEntries(reading.models.map((model) => [model, buildLines(credits, model)])),
    sourced: {
      both: sourced((c) => isCrmSourced(c) && isTouchSourced(c)),
      crm_only: sourced((c) => isCrmSourced(c) && !isTouchSourced(c)),
      touches_only: sourced((c) => !isCrmSourced(c) && isTouchSourced(c)),
      neither: sourced((c) => !isCrmSourced(c) && !isTouchSourced(c)),
    },
    influenced: countValued(credits.filter((c) => c.touches.some((t) => MARKETING_CHANNELS.includes(t.campaign.channel)))),
    ...(reading.models.includes('self_reported') ? { agreement: Object.fromEntries(touchModels.map((model) => [model, buildAgreement(credits, model)])) } : {}),
  };
}

export function buildExpectedAttribution(plan: RevenuePlan, touchPlan: TouchPlan, hubspot: Placed<HubspotRecord>[]): ExpectedAttribution {
  const readings = listEntryReadings(plan);
  const credits = new Map(readings.map((reading) => [reading.name, new Map(reading.deals.map((deal) => [deal, creditDeal(reading, touchPlan, hubspot, deal)]))]));
  const reports = readings.map((reading) => buildReport(reading, [...(credits.get(reading.name)?.values() ?? [])].filter((c) => reading.isInPeriod(c.deal))));
  // shared_metrics has no sourced_by: the first entry decides which deals are touch-sourced.
  const [sourcedBy] = readings;
  const dealsOfFirst = [...(credits.get(sourcedBy?.name ?? '')?.values() ?? [])];
  const won = dealsOfFirst.filter((c) => c.deal.stage === 'Closed Won' && isInPeriod(c.deal.closeDate));
  const sourcedWon = won.filter(isTouchSourced);
  const spendRows = plan.spend.filter((s) => isInPeriod(`${s.month}-01`));
  const channels = [...new Set(spendRows.map((s) => s.channel.trim()).filter((c) => c !== ''))].sort(compareText);
  const firstChannel = (c: DealCredit): string | undefined => c.touches[findLargest(c, SOURCED_BY_MODEL) ?? -1]?.campaign.channel;
  const depends = `sourced.touches (${SOURCED_BY_MODEL}) of ${sourcedBy?.name ?? ''}; lookback ${LOOKBACK_DAYS} days`;
  return {
    reports,
    credits,
    sourcedRevenue: {
      name: 'marketing_sourced_revenue',
      by: 'touches',
      value: toDollars(sourcedWon.reduce((sum, c) => sum + c.deal.cents, 0)),
      basis: 'interpretation',
      depends_on: depends,
      ids: sortIds(sourcedWon.map((c) => c.deal.id)),
    },
    cacByChannel: channels.map((channel): SharedMetricReport => {
      const deals = sourcedWon.filter((c) => firstChannel(c) === channel);
      const spend = spendRows.filter((s) => s.channel.trim() === channel).reduce((sum, s) => sum + s.cents, 0);
      return {
        name: 'cac',
        by: channel,
        value: deals.length === 0 ? null : Math.round(spend / deals.length) / 100,
        basis: 'interpretation',
        depends_on: `spend of ${channel} in the period / Won whose largest share under ${SOURCED_BY_MODEL} is on ${channel}; ${depends}`,
        ids: sortIds(deals.map((c) => c.deal.id)),
      };
    }),
  };
}
