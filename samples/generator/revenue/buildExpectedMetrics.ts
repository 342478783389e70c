// The report `recon metrics` must print on the sample, collected from what each revenue story declared (never from the engine).
import type { AttributionReport, FunnelReport, FunnelStageReport, MetricsReport, SharedMetricReport, SlaReport } from '../../../shared/metricsReportTypes';
import { listCohort, listReached, listStageRecords } from './checkRevenuePlan';
import { daysBetween, toStageDate, WINDOW_DAYS } from './createRevenueKit';
import { FUNNELS } from './revenueRecords';
import type { CohortMember, OpportunityRow, RevenuePlan, StageName } from './revenueRecords';
import { toNewYorkDate } from '../pipeline/toNewYorkDate';

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

const divide = (a: number, b: number): number | null => (b === 0 ? null : a / b);
/** Rounded to cents, half away from zero (the amounts here are positive). */
const toCents = (dollars: number): number => Math.round(dollars * 100) / 100;
const sumDollars = (rows: OpportunityRow[]): number => rows.reduce((sum, o) => sum + o.cents, 0) / 100;
const isInPeriod = (date: string): boolean => date >= PERIOD.from && date <= PERIOD.to;

function buildFunnel(plan: RevenuePlan, funnel: (typeof FUNNELS)[number]): FunnelReport {
  const cohort = listCohort(plan, funnel.name);
  const listReachedBy = (m: CohortMember, stage: StageName) => listReached(plan, m, stage);
  const findEarliest = (m: CohortMember, stage: StageName): string => [...listReachedBy(m, stage)].map((r) => toStageDate(stage, r) ?? '').sort()[0] ?? '';
  let previous = cohort;
  const stages = funnel.stages.map((stage, k): FunnelStageReport => {
    const counted = previous.filter((m) => listReachedBy(m, stage).size > 0);
    const countedSet = new Set(counted);
    const previousSet = new Set(previous);
    const ids = counted.flatMap((m) => [...listReachedBy(m, stage)]);
    const reachedByAnyone = new Set(cohort.flatMap((m) => [...listReachedBy(m, stage)]));
    const days = counted.map((m) => {
      const before = k === 0 ? m.date : findEarliest(m, funnel.stages[k - 1] as StageName);
      return Math.max(0, daysBetween(before, findEarliest(m, stage)));
    });
    const report: FunnelStageReport = {
      metric: stage,
      reached: counted.length,
      reached_ids: sortIds(counted.map((m) => m.id)),
      ids: sortIds(ids.map((r) => r.id)),
      value: stage === 'SQL' ? null : sumDollars([...new Set(ids)] as OpportunityRow[]),
      conversion_from_previous: divide(counted.length, previous.length),
      conversion_from_cohort: divide(counted.length, cohort.length),
      median_days: quantileCont(days, 0.5),
      p90_days: quantileCont(days, 0.9),
      dropped: sortIds(previous.filter((m) => !countedSet.has(m)).map((m) => m.id)),
      skipped: sortIds(cohort.filter((m) => !previousSet.has(m) && listReachedBy(m, stage).size > 0).map((m) => m.id)),
      outside_cohort: sortIds(listStageRecords(plan, stage).filter((r) => !reachedByAnyone.has(r)).map((r) => r.id)),
    };
    previous = counted;
    return report;
  });
  const ids = sortIds(cohort.map((m) => m.id));
  return { name: funnel.name, basis: 'fact', depends_on: `window ${WINDOW_DAYS} days`, cohort: { metric: funnel.cohort, count: ids.length, ids }, stages };
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
      value: divide(w.length, w.length + l.length),
      value_rate: divide(sumDollars(w), sumDollars(w) + sumDollars(l)),
      basis: 'fact',
      depends_on: 'Won and Lost, closed in the period; by lead_source',
      // The records the rate is computed from: opening a win rate shows the deals won and lost.
      ids: sortIds([...w, ...l].map((o) => o.id)),
    };
  });
}

/** What the attribution entry adds: its report, and the shared metrics that read its touch-sourced deals. */
export interface AttributionFigures {
  reports: AttributionReport[];
  sourcedRevenue: SharedMetricReport;
  cacByChannel: SharedMetricReport[];
}

function buildSharedMetrics(plan: RevenuePlan, funnels: FunnelReport[], attribution: AttributionFigures): SharedMetricReport[] {
  const newBusiness = plan.opportunities.filter((o) => o.type === 'New Business');
  const won = newBusiness.filter((o) => o.stage === 'Closed Won' && isInPeriod(o.closeDate));
  const lost = newBusiness.filter((o) => o.stage === 'Closed Lost' && isInPeriod(o.closeDate));
  const opportunities = newBusiness.filter((o) => isInPeriod(toNewYorkDate(o.createdAt)));
  const sourced = won.filter((o) => MARKETING_LEAD_SOURCES.includes(o.leadSource));
  const winRate = divide(won.length, won.length + lost.length);
  // Money is reported in cents; velocity is computed from the average won value as reported, so its inputs give it.
  const wonAverage = divide(sumDollars(won), won.length);
  const averageWonValue = wonAverage === null ? null : toCents(wonAverage);
  const averageDays = divide(won.reduce((sum, o) => sum + daysBetween(toNewYorkDate(o.createdAt), o.closeDate), 0), won.length);
  const spend = plan.spend.filter((s) => isInPeriod(`${s.month}-01`)).reduce((sum, s) => sum + s.cents, 0) / 100;
  const velocity = winRate === null || averageWonValue === null || !averageDays ? null : toCents((opportunities.length * winRate * averageWonValue) / averageDays);
  const cac = divide(spend, won.length);
  return [
    {
      name: 'marketing_sourced_revenue',
      by: 'crm',
      value: sumDollars(sourced),
      basis: 'fact',
      depends_on: `sourced.crm of ${attribution.reports[0]?.name ?? ''}`,
      ids: sortIds(sourced.map((o) => o.id)),
    },
    attribution.sourcedRevenue,
    ...funnels.map((funnel): SharedMetricReport => {
      const last = funnel.stages[funnel.stages.length - 1];
      return { name: 'lead_to_revenue', by: funnel.name, value: last?.conversion_from_cohort ?? null, basis: 'fact', depends_on: funnel.depends_on, ids: last?.reached_ids ?? [] };
    }),
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
    ...attribution.cacByChannel,
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
    met_share: divide(met.length, declared.length),
    met: { count: met.length, ids: met },
    breached: { count: idsOf('breached').length, ids: idsOf('breached') },
    never: { count: idsOf('never').length, ids: idsOf('never') },
  };
}

export function buildExpectedMetrics(plan: RevenuePlan, contract: { title: string; version: string }, attribution: AttributionFigures): MetricsReport {
  const funnels = FUNNELS.map((funnel) => buildFunnel(plan, funnel));
  return {
    contract,
    currency: 'USD',
    funnels,
    attribution: attribution.reports,
    shared_metrics: buildSharedMetrics(plan, funnels, attribution),
    sla: [buildSla(plan)],
  };
}
