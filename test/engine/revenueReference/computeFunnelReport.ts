// Reference: revenue.md's funnel (cohort, chained stages, window, days, dropped, skipped, outside_cohort) in plain TypeScript.
import type { FunnelReport, FunnelStageReport } from '../../../shared/metricsReportTypes';
import { countCalendarDays, readCalendarDate } from './readCalendarDate';
import type { RefFunnel, RefLink, RefRecord, RevenueInput } from './RevenueInput';
import { findMetric } from './findMetric';
import { quantileCont } from './quantileCont';
import { sortIds } from './sortIds';

interface Dated {
  record: RefRecord;
  day: string;
}

/** The stage records each person key leads to: directly by key, or through the link's pairs to the records' ids. */
function indexStageRecords(records: Dated[], link: RefLink | undefined): Map<string, Dated[]> {
  const byKey = new Map<string, Dated[]>();
  const add = (key: string, d: Dated) => {
    const list = byKey.get(key) ?? [];
    if (!list.includes(d)) list.push(d);
    byKey.set(key, list);
  };
  if (!link) {
    for (const d of records) if (d.record.key !== null) add(d.record.key, d);
    return byKey;
  }
  const byLinkId = new Map<string, Dated[]>();
  for (const d of records) byLinkId.set(d.record.linkId, [...(byLinkId.get(d.record.linkId) ?? []), d]);
  for (const pair of link.pairs) {
    if (pair.from === null || pair.to === null) continue;
    for (const d of byLinkId.get(pair.from) ?? []) add(pair.to, d);
  }
  return byKey;
}

function computeStage(
  input: RevenueInput,
  stage: RefFunnel['stages'][number],
  windowDays: number,
  cohort: Dated[],
  previous: Map<Dated, string>,
  previousReached: number,
): { report: FunnelStageReport; counted: Map<Dated, string> } {
  const metric = findMetric(input, stage.metric);
  const link = stage.via === undefined ? undefined : input.links.find((l) => l.name === stage.via);
  if (stage.via !== undefined && !link) throw new Error(`the reference has no link ${stage.via}`);
  // Excluded and duplicate records never count, nor records with no date; the period step is not applied.
  const dated: Dated[] = metric.records.filter((r) => (r.step === 'net' || r.step === 'out_of_period') && r.when !== null).map((r) => ({ record: r, day: readCalendarDate(r.when ?? { date: '' }, input.timezone) }));
  const index = indexStageRecords(dated, link);
  const findReach = (c: Dated): Dated[] => {
    if (c.record.key === null) return [];
    return (index.get(c.record.key) ?? []).filter((d) => {
      const days = countCalendarDays(c.day, d.day);
      return days >= 0 && days <= windowDays;
    });
  };
  const reachedByAny = new Set<Dated>();
  const counted = new Map<Dated, string>();
  const stageRecords = new Map<string, RefRecord>();
  const days: number[] = [];
  const dropped: string[] = [];
  const skipped: string[] = [];
  for (const c of cohort) {
    const reach = findReach(c);
    for (const d of reach) reachedByAny.add(d);
    const before = previous.get(c);
    if (before === undefined) {
      if (reach.length > 0) skipped.push(c.record.id);
      continue;
    }
    if (reach.length === 0) {
      dropped.push(c.record.id);
      continue;
    }
    const earliest = reach.map((d) => d.day).sort()[0] ?? c.day;
    counted.set(c, earliest);
    days.push(Math.max(0, countCalendarDays(before, earliest)));
    for (const d of reach) stageRecords.set(d.record.id, d.record);
  }
  const reached = counted.size;
  const divide = (n: number, d: number) => (d === 0 ? null : n / d);
  const cents = [...stageRecords.values()].reduce((sum, r) => sum + (r.cents ?? 0), 0);
  return {
    counted,
    report: {
      metric: stage.metric,
      reached,
      reached_ids: sortIds([...counted.keys()].map((c) => c.record.id)),
      ids: sortIds(stageRecords.keys()),
      value: metric.hasValue ? cents / 100 : null,
      conversion_from_previous: divide(reached, previousReached),
      conversion_from_cohort: divide(reached, cohort.length),
      median_days: quantileCont(days, 0.5),
      p90_days: quantileCont(days, 0.9),
      dropped: sortIds(dropped),
      skipped: sortIds(skipped),
      outside_cohort: sortIds(dated.filter((d) => !reachedByAny.has(d)).map((d) => d.record.id)),
    },
  };
}

/** A funnel as revenue.md defines it: each stage counts the cohort records counted at the previous one that reach it. */
export function computeFunnelReport(input: RevenueInput, funnel: RefFunnel): FunnelReport {
  const cohortMetric = findMetric(input, funnel.cohort);
  // Net records always have a date in the period.
  const cohort: Dated[] = cohortMetric.records.filter((r) => r.step === 'net').map((r) => ({ record: r, day: readCalendarDate(r.when ?? { date: '' }, input.timezone) }));
  let previous = new Map(cohort.map((c) => [c, c.day]));
  let previousReached = cohort.length;
  const stages: FunnelStageReport[] = [];
  for (const stage of funnel.stages) {
    const { report, counted } = computeStage(input, stage, funnel.windowDays, cohort, previous, previousReached);
    stages.push(report);
    previous = counted;
    previousReached = report.reached;
  }
  return {
    name: funnel.name,
    basis: 'fact',
    depends_on: `window ${funnel.windowText}`,
    cohort: { metric: funnel.cohort, count: cohort.length, ids: sortIds(cohort.map((c) => c.record.id)) },
    stages,
  };
}
