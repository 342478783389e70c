// Reference: revenue.md's shared metrics (marketing-sourced revenue by CRM rule and by touches, lead-to-revenue, win rate, velocity, CAC overall and by channel).
import type { FunnelReport, SharedMetricReport } from '../../../shared/metricsReportTypes';
import { findMetric } from './findMetric';
import { countCalendarDays, readCalendarDate } from './readCalendarDate';
import { readDeals, type Deal } from './readDeals';
import type { RefRecord, RevenueInput } from './RevenueInput';
import { sortIds } from './sortIds';

const divide = (n: number, d: number) => (d === 0 ? null : n / d);
const sumCents = (records: RefRecord[]) => records.reduce((sum, r) => sum + (r.cents ?? 0), 0);

/** The win rate of a group: counts and values of its won and lost records. Its ids are the won and the lost records. */
function computeWinRate(by: string | null, won: RefRecord[], lost: RefRecord[], dependsOn: string): SharedMetricReport {
  return {
    name: 'win_rate',
    by,
    value: divide(won.length, won.length + lost.length),
    value_rate: divide(sumCents(won), sumCents(won) + sumCents(lost)),
    basis: 'fact',
    depends_on: dependsOn,
    ids: sortIds([...won, ...lost].map((r) => r.id)),
  };
}

/** The deals of the `sourced_by` entry (default the first) by id, when it has `sourced` and shares the won metric's source; null when there is no such entry. */
function indexSourcedDeals(input: RevenueInput, wonSource: string): Map<string, Deal> | null {
  const entries = input.attribution ?? [];
  const by = input.shared?.sourcedBy;
  const entry = by === undefined ? entries[0] : entries.find((a) => a.name === by);
  if (!entry?.sourced) return null;
  // A deal is the same row of the same source as the won record.
  if (findMetric(input, entry.opportunities).source !== wonSource) return new Map();
  return new Map(readDeals(input, entry).map((d) => [d.record.id, d]));
}

export function computeSharedMetrics(input: RevenueInput, funnels: FunnelReport[]): SharedMetricReport[] {
  const shared = input.shared;
  if (!shared) return [];
  const wonMetric = findMetric(input, shared.periodMetric);
  const won = wonMetric.records.filter((r) => r.step === 'net');
  const lost = shared.lost === undefined ? undefined : findMetric(input, shared.lost).records.filter((r) => r.step === 'net');
  const entries: SharedMetricReport[] = [];

  if (shared.sourcedCrm) {
    const opportunities = findMetric(input, shared.sourcedCrm.opportunities);
    // A deal is the same row of the same source; excluded and duplicate opportunities have no sourced status.
    const deals = opportunities.source === wonMetric.source ? new Map(opportunities.records.filter((r) => r.step === 'net' || r.step === 'out_of_period').map((r) => [r.id, r])) : new Map<string, RefRecord>();
    const holds = shared.sourcedCrm.holds;
    const sourced = won.filter((r) => {
      const deal = deals.get(r.id);
      return deal !== undefined && holds(deal.fields);
    });
    entries.push({ name: 'marketing_sourced_revenue', by: 'crm', value: sumCents(sourced) / 100, basis: 'fact', depends_on: 'sourced.crm', ids: sortIds(sourced.map((r) => r.id)) });
  }
  const deals = indexSourcedDeals(input, wonMetric.source);
  const touchSourced = deals === null ? [] : won.filter((r) => (deals.get(r.id)?.sourcedChannel ?? null) !== null);
  if (deals !== null) {
    const value = wonMetric.hasValue ? sumCents(touchSourced) / 100 : touchSourced.length;
    entries.push({ name: 'marketing_sourced_revenue', by: 'touches', value, basis: 'interpretation', depends_on: 'sourced.touches', ids: sortIds(touchSourced.map((r) => r.id)) });
  }

  for (const funnel of funnels) {
    const last = funnel.stages[funnel.stages.length - 1];
    entries.push({ name: 'lead_to_revenue', by: funnel.name, value: divide(last?.reached ?? 0, funnel.cohort.count), basis: 'fact', depends_on: funnel.depends_on, ids: [...(last?.reached_ids ?? [])] });
  }

  const overallWinRate = lost === undefined ? null : divide(won.length, won.length + lost.length);
  if (lost !== undefined) {
    entries.push(computeWinRate(null, won, lost, 'won and lost'));
    const field = shared.winRateBy;
    if (field !== undefined) {
      const group = (r: RefRecord) => (r.fields[field] ?? '') || '(empty)';
      const groups = new Set([...won, ...lost].map(group));
      for (const g of groups) entries.push(computeWinRate(g, won.filter((r) => group(r) === g), lost.filter((r) => group(r) === g), `won and lost by ${field}`));
    }
  }

  if (shared.opportunities !== undefined) {
    const opportunities = findMetric(input, shared.opportunities);
    const net = opportunities.records.filter((r) => r.step === 'net');
    const averageWonValue = won.length === 0 ? null : sumCents(won) / 100 / won.length;
    // Won deals that are rows of the opportunities' source, from that row's date to the won date.
    const rows = opportunities.source === wonMetric.source ? new Map(opportunities.records.map((r) => [r.id, r])) : new Map<string, RefRecord>();
    const days: number[] = [];
    for (const r of won) {
      const opportunity = rows.get(r.id);
      if (opportunity?.when && r.when) days.push(countCalendarDays(readCalendarDate(opportunity.when, input.timezone), readCalendarDate(r.when, input.timezone)));
    }
    const averageDays = days.length === 0 ? null : days.reduce((a, b) => a + b, 0) / days.length;
    const value = overallWinRate === null || averageWonValue === null || averageDays === null || averageDays === 0 ? null : (net.length * overallWinRate * averageWonValue) / averageDays;
    entries.push({
      name: 'pipeline_velocity',
      by: null,
      value,
      inputs: { opportunities: net.length, win_rate: overallWinRate, average_won_value: averageWonValue, average_days: averageDays },
      basis: 'interpretation',
      depends_on: 'opportunities, win rate, average won value, average days',
      ids: sortIds(net.map((r) => r.id)),
    });
  }

  if (shared.spend) {
    const { from, to } = input.period;
    const rows = shared.spend.filter((s) => {
      const day = s.when === null ? null : readCalendarDate(s.when, input.timezone);
      return day !== null && day >= from && day <= to;
    });
    const cents = rows.reduce((sum, s) => sum + (s.cents ?? 0), 0);
    entries.push({ name: 'cac', by: null, value: won.length === 0 ? null : cents / 100 / won.length, basis: 'fact', depends_on: 'spend', ids: sortIds(won.map((r) => r.id)) });
    // By channel: the channel's spend over the won deals touch-sourced with their largest share on it.
    const channels = [...new Set(rows.map((s) => s.channel?.trim() ?? '').filter((c) => c !== ''))].sort();
    for (const channel of deals === null ? [] : channels) {
      const spent = rows.filter((s) => s.channel?.trim() === channel).reduce((sum, s) => sum + (s.cents ?? 0), 0);
      const bought = touchSourced.filter((r) => deals?.get(r.id)?.sourcedChannel === channel);
      entries.push({ name: 'cac', by: channel, value: bought.length === 0 ? null : spent / 100 / bought.length, basis: 'interpretation', depends_on: 'spend by channel', ids: sortIds(bought.map((r) => r.id)) });
    }
  }
  return entries;
}
