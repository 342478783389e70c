// Reference: one attribution entry's report (credit lines per model, No touch, sourced bridge, influenced, agreement) in plain TypeScript.
import type { AgreementCell, AttributionReport, CreditLine, ValuedIdCount } from '../../../shared/metricsReportTypes';
import type { TouchModel } from '../../../shared/revenueContractTypes';
import { addFractions, makeFraction, multiplyFractions, roundDouble, roundFraction, type Fraction } from './Fraction';
import { findLargestShare, readDeals, TOUCH_MODELS, type Deal } from './readDeals';
import type { RefAttribution, RevenueInput } from './RevenueInput';
import { sortIds } from './sortIds';

const NO_TOUCH = 'No touch';
const NOT_REPORTED = 'Not reported';

/** A line's credit as it accumulates: exact cents for the rational models, doubles for time decay. */
interface LineSum {
  channel: string;
  campaign: string | null;
  exact: Fraction;
  approx: number;
  ids: Set<string>;
}

/** Texts in code-unit order, the order lines and cells are sorted by. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function countValued(deals: Deal[]): ValuedIdCount {
  return { count: deals.length, value: deals.reduce((sum, d) => sum + d.cents, 0) / 100, ids: sortIds(deals.map((d) => d.record.id)) };
}

/** The self-reported channel: the field trimmed, looked up in `map` ignoring case; unmapped: itself; empty: Not reported. */
function readSelfReported(entry: RefAttribution, deal: Deal): string {
  const setting = entry.selfReported;
  if (!setting) throw new Error('the reference needs self_reported settings');
  const answer = (deal.record.fields[setting.field] ?? '').trim();
  if (answer === '') return NOT_REPORTED;
  return setting.map[answer.toLowerCase()] ?? answer;
}

/** Lines in report order: channel lines by credit desc, channel asc, each followed by its campaign lines by credit desc, campaign asc. */
function orderLines(lines: CreditLine[]): CreditLine[] {
  const byCredit = (a: CreditLine, b: CreditLine) => b.credit - a.credit;
  const channels = lines.filter((l) => l.campaign === null).sort((a, b) => byCredit(a, b) || compareText(a.channel, b.channel));
  return channels.flatMap((c) => [c, ...lines.filter((l) => l.campaign !== null && l.channel === c.channel).sort((a, b) => byCredit(a, b) || compareText(a.campaign ?? '', b.campaign ?? ''))]);
}

function creditModel(model: TouchModel, deals: Deal[]): CreditLine[] {
  const sums = new Map<string, LineSum>();
  const give = (channel: string, campaign: string | null, deal: Deal, exact: Fraction | null, approx: number) => {
    const key = JSON.stringify([channel, campaign]);
    const sum = sums.get(key) ?? { channel, campaign, exact: makeFraction(0), approx: 0, ids: new Set<string>() };
    if (exact) sum.exact = addFractions(sum.exact, multiplyFractions(makeFraction(deal.cents), exact));
    sum.approx += deal.cents * approx;
    sum.ids.add(deal.record.id);
    sums.set(key, sum);
  };
  for (const deal of deals) {
    if (deal.touches.length === 0) {
      give(NO_TOUCH, null, deal, makeFraction(1), 1);
      continue;
    }
    for (const [i, share] of (deal.shares[model] ?? []).entries()) {
      const touch = deal.touches[i];
      if (!touch || share.approx <= 0 || (share.exact && share.exact.n === 0n)) continue;
      give(touch.channel, null, deal, share.exact, share.approx);
      if (touch.campaign !== null) give(touch.channel, touch.campaign, deal, share.exact, share.approx);
    }
  }
  const lines = [...sums.values()].map((s): CreditLine => {
    const cents = model === 'time_decay' ? roundDouble(s.approx) : Number(roundFraction(s.exact));
    return { channel: s.channel, campaign: s.campaign, credit: cents / 100, opportunities: s.ids.size, ids: sortIds(s.ids) };
  });
  return orderLines(lines);
}

function creditSelfReported(entry: RefAttribution, deals: Deal[]): CreditLine[] {
  const byChannel = new Map<string, Deal[]>();
  for (const deal of deals) {
    const channel = readSelfReported(entry, deal);
    byChannel.set(channel, [...(byChannel.get(channel) ?? []), deal]);
  }
  const lines = [...byChannel].map(([channel, list]): CreditLine => {
    const counted = countValued(list);
    return { channel, campaign: null, credit: counted.value, opportunities: counted.count, ids: counted.ids };
  });
  return orderLines(lines);
}

/** Self-reported channel against the largest-share touch's channel, per touch model of the entry. */
function computeAgreement(entry: RefAttribution, deals: Deal[], models: TouchModel[]): Partial<Record<TouchModel, AgreementCell[]>> {
  const agreement: Partial<Record<TouchModel, AgreementCell[]>> = {};
  for (const model of models) {
    const cells = new Map<string, { reported: string; touched: string; deals: Deal[] }>();
    for (const deal of deals) {
      const top = findLargestShare(deal.shares[model] ?? []);
      const reported = readSelfReported(entry, deal);
      const touched = top === null ? NO_TOUCH : (deal.touches[top]?.channel ?? NO_TOUCH);
      const key = JSON.stringify([reported, touched]);
      const cell = cells.get(key) ?? { reported, touched, deals: [] };
      cell.deals.push(deal);
      cells.set(key, cell);
    }
    agreement[model] = [...cells.values()]
      .map((c): AgreementCell => ({ reported: c.reported, touched: c.touched, ...countValued(c.deals) }))
      .sort((a, b) => b.count - a.count || compareText(a.reported, b.reported) || compareText(a.touched, b.touched));
  }
  return agreement;
}

export function computeAttributionReport(input: RevenueInput, entry: RefAttribution): AttributionReport {
  const all = readDeals(input, entry);
  const deals = all.filter((d) => d.inPeriod);
  const touchModels = TOUCH_MODELS.filter((m) => entry.models.includes(m));
  const models: AttributionReport['models'] = {};
  for (const model of entry.models) models[model] = model === 'self_reported' ? creditSelfReported(entry, deals) : creditModel(model, deals);
  const sourced = entry.sourced;
  const bridge = (crm: boolean, touches: boolean) => countValued(sourced ? deals.filter((d) => d.crm === crm && (d.sourcedChannel !== null) === touches) : []);
  return {
    name: entry.name,
    basis: 'interpretation',
    depends_on: `lookback ${entry.lookbackText}`,
    total: deals.reduce((sum, d) => sum + d.cents, 0) / 100,
    no_touch: countValued(deals.filter((d) => d.touches.length === 0)),
    models,
    sourced: { both: bridge(true, true), crm_only: bridge(true, false), touches_only: bridge(false, true), neither: bridge(false, false) },
    influenced: countValued(deals.filter((d) => d.influenced)),
    ...(entry.models.includes('self_reported') ? { agreement: computeAgreement(entry, deals, touchModels) } : {}),
  };
}
