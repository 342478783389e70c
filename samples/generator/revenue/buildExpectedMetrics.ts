// The report `recon metrics` must print on the sample, collected from what each revenue story declared (never from the engine).
import type { FunnelStageReport, MetricsReport, SharedMetricReport, SlaReport } from '../../../shared/metricsReportTypes';
import { listStageRecords } from './checkRevenuePlan';
import { daysBetween, toStageDate, WINDOW_DAYS } from './createRevenueKit';
import { STAGES } from './revenueRecords';
import type { LifecycleRow, OpportunityRow, RevenuePlan, StageName } from './revenueRecords';
import { toNewYorkDate } from '../pipeline/toNewYorkDate';

export const FUNNEL_NAME = 'Q3 MQLs to revenue';
export const SLA_NAME = 'Speed to lead';
const PERIOD = { from: '2026-07-01', to: '2026-09-30' };
/** The CRM rule of the contract's `sourced.crm`: the lead sources marketing owns. */
export const MARKETING_LEAD_SOURCES = ['Web', 'Webinar', 'Paid Search', 'Email', 'Content Download', 'Trade Show'];

/** spec/report.md's order: numerically when every id is a number, else as text. */
function sortIds(ids: Iterable<string>): string[] {
  const list = [...new Set(ids)];
  const numeric = list.every((id) => /^\d+$/.test(id));
  return list.sort((a, b) => (numeric ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0));
}

/** DuckDB's quantile_cont: linear interpolation between the two nearest ranks. */
export function quantileCont(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const low = sorted[lo] ?? 0;
  return low + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? low) - low);
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);
/** Rounded to cents, half away from zero (the amounts here are positive). */
const toCents = (dollars: number): number => Math.round(dollars * 100) / 100;
const sumDollars = (rows: OpportunityRow[]): number => rows.reduce((sum, o) => sum + o.cents, 0) / 100;
const inPeriod = (date: string): boolean => date >= PERIOD.from && date <= PERIOD.to;

function buildStages(plan: RevenuePlan): FunnelStageReport[] {
  const reachOf = (id: string, stage: StageName): Set<LifecycleRow | OpportunityRow> => plan.reaches.get(id)?.get(stage) ?? new Set();
  const earliest = (id: string, stage: StageName): string =>
    [...reachOf(id, stage)].map((r) => toStageDate(stage, r) ?? '').sort()[0] ?? '';
  let previous = plan.cohort.map((m) => m.id);
  const dateOf = new Map(plan.cohort.map((m) => [m.id, m.date]));
  return STAGES.map((stage, k) => {
    const counted = previous.filter((id) => reachOf(id, stage).size > 0);
    const countedSet = new Set(counted);
    const previousSet = new Set(previous);
    const ids = counted.flatMap((id) => [...reachOf(id, stage)]);
    const reachedByAnyone = new Set(plan.cohort.flatMap((m) => [...reachOf(m.id, stage)]));
    const days = counted.map((id) => {
      const before = k === 0 ? (dateOf.get(id) ?? '') : earliest(id, STAGES[k - 1] as StageName);
      return Math.max(0, daysBetween(before, earliest(id, stage)));
    });
    const report: FunnelStageReport = {
      metric: stage,
      reached: counted.length,
      reached_ids: sortIds(counted),
      ids: sortIds(ids.map((r) => r.id)),
      value: stage === 'SQL' ? null : sumDollars([...new Set(ids)] as OpportunityRow[]),
      conversion_from_previous: ratio(counted.length, previous.length),
      conversion_from_cohort: ratio(counted.length, plan.cohort.length),
      median_days: quantileCont(days, 0.5),
      p90_days: quantileCont(days, 0.9),
      dropped: sortIds(previous.filter((id) => !countedSet.has(id))),
      skipped: sortIds(plan.cohort.filter((m) => !previousSet.has(m.id) && reachOf(m.id, stage).size > 0).map((m) => m.id)),
      outside_cohort: sortIds(listStageRecords(plan, stage).filter((r) => !reachedByAnyone.has(r)).map((r) => r.id)),
    };
    previous = counted;
    return report;
  });
}

function buildWinRates(won: OpportunityRow[], lost: OpportunityRow[]): SharedMetricReport[] {
  const groups = [...new Set([...won, ...lost].map((o) => o.leadSource || '(empty)'))].sort();
  return [null, ...groups].map((by) => {
    const inGroup = (o: OpportunityRow): boolean => by === null || (o.leadSource || '(empty)') === by;
    const w = won.filter(inGroup);
    const l = lost.filter(inGroup);
    return {
      name: 'win_rate',
      by,
      value: ratio(w.length, w.length + l.length),
      value_rate: ratio(sumDollars(w), sumDollars(w) + sumDollars(l)),
      basis: 'fact',
      depends_on: 'Won and Lost, closed in the period; by lead_source',
      ids: sortIds(w.map((o) => o.id)),
    };
  });
}

function buildSharedMetrics(plan: RevenuePlan, lastStage: FunnelStageReport): SharedMetricReport[] {
  const newBusiness = plan.opportunities.filter((o) => o.type === 'New Business');
  const won = newBusiness.filter((o) => o.stage === 'Closed Won' && inPeriod(o.closeDate));
  const lost = newBusiness.filter((o) => o.stage === 'Closed Lost' && inPeriod(o.closeDate));
  const opportunities = newBusiness.filter((o) => inPeriod(toNewYorkDate(o.createdAt)));
  const sourced = won.filter((o) => MARKETING_LEAD_SOURCES.includes(o.leadSource));
  const winRate = ratio(won.length, won.length + lost.length);
  // Money is reported in cents; velocity is computed from the average won value as reported, so its inputs give it.
  const wonAverage = ratio(sumDollars(won), won.length);
  const averageWonValue = wonAverage === null ? null : toCents(wonAverage);
  const averageDays = ratio(won.reduce((sum, o) => sum + daysBetween(toNewYorkDate(o.createdAt), o.closeDate), 0), won.length);
  const spend = plan.spend.filter((s) => inPeriod(`${s.month}-01`)).reduce((sum, s) => sum + s.cents, 0) / 100;
  const velocity = winRate === null || averageWonValue === null || !averageDays ? null : toCents((opportunities.length * winRate * averageWonValue) / averageDays);
  const cac = ratio(spend, won.length);
  return [
    {
      name: 'marketing_sourced_revenue',
      by: 'crm',
      value: sumDollars(sourced),
      basis: 'fact',
      depends_on: 'sourced.crm of Q3 pipeline sourcing',
      ids: sortIds(sourced.map((o) => o.id)),
    },
    {
      name: 'lead_to_revenue',
      by: FUNNEL_NAME,
      value: lastStage.conversion_from_cohort,
      basis: 'fact',
      depends_on: `window ${WINDOW_DAYS} days`,
      ids: lastStage.reached_ids,
    },
    ...buildWinRates(won, lost),
    {
      name: 'pipeline_velocity',
      by: null,
      value: velocity,
      inputs: { opportunities: opportunities.length, win_rate: winRate, average_won_value: averageWonValue, average_days: averageDays },
      basis: 'interpretation',
      depends_on: 'an estimate: opportunities x win rate x average won value / average days',
      ids: sortIds(opportunities.map((o) => o.id)),
    },
    {
      name: 'cac',
      by: null,
      value: cac === null ? null : toCents(cac),
      basis: 'fact',
      depends_on: 'spend of the period / Won in the period',
      ids: sortIds(won.map((o) => o.id)),
    },
  ];
}

function buildSla(plan: RevenuePlan): SlaReport {
  const declared = plan.cohort.flatMap((m) => {
    const sla = plan.sla.get(m.id);
    return sla ? [{ id: m.id, ...sla }] : [];
  });
  const idsOf = (outcome: string): string[] => sortIds(declared.filter((d) => d.outcome === outcome).map((d) => d.id));
  const minutes = declared.flatMap((d) => (d.minutes === null ? [] : [d.minutes]));
  const met = idsOf('met');
  return {
    name: SLA_NAME,
    basis: 'fact',
    depends_on: 'within 24 hours',
    median_minutes: quantileCont(minutes, 0.5),
    p90_minutes: quantileCont(minutes, 0.9),
    met_share: ratio(met.length, declared.length),
    met: { count: met.length, ids: met },
    breached: { count: idsOf('breached').length, ids: idsOf('breached') },
    never: { count: idsOf('never').length, ids: idsOf('never') },
  };
}

export function buildExpectedMetrics(plan: RevenuePlan, contract: { title: string; version: string }): MetricsReport {
  const stages = buildStages(plan);
  const cohortIds = sortIds(plan.cohort.map((m) => m.id));
  return {
    contract,
    currency: 'USD',
    funnels: [{ name: FUNNEL_NAME, basis: 'fact', depends_on: `window ${WINDOW_DAYS} days`, cohort: { metric: 'MQL', count: cohortIds.length, ids: cohortIds }, stages }],
    attribution: [],
    shared_metrics: buildSharedMetrics(plan, stages[stages.length - 1] as FunnelStageReport),
    sla: [buildSla(plan)],
  };
}
