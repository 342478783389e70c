// The inspector's timeline of a person: every dated step of a cohort record's path, earliest first, each with the days since the step before.
import type { PersonTimeline, SlaList } from '../../shared/metricsReportTypes';

export interface TimelineEntry {
  /** The metric (or SLA) the step belongs to. */
  name: string;
  recordId: string;
  /** Calendar date in reporting.timezone, YYYY-MM-DD. */
  date: string;
  /** An SLA's task: its instant in reporting.timezone, the minutes after the cohort record and the outcome. */
  task?: { instant: string; minutes: number; outcome: SlaList };
  value: number | null;
  /** How the step is reached from the cohort record (`directly by email`, `via opportunity_people`); the cohort has none. */
  how: string | null;
  /** Days since the previous entry's date; null for the first. */
  daysSince: number | null;
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

export function buildTimelineEntries(timeline: PersonTimeline): TimelineEntry[] {
  const entries: Omit<TimelineEntry, 'daysSince'>[] = [{ name: timeline.cohort.metric, recordId: timeline.cohort.id, date: timeline.cohort.date, value: null, how: null }];
  for (const sla of timeline.sla) {
    if (sla.task) entries.push({ name: sla.name, recordId: sla.task.id, date: sla.task.instant.slice(0, 10), task: { ...sla.task, outcome: sla.outcome }, value: null, how: null });
  }
  for (const stage of timeline.stages) {
    for (const record of stage.records) entries.push({ name: stage.metric, recordId: record.id, date: record.date, value: record.value, how: stage.how });
  }
  // A stable sort keeps the path's own order (cohort, SLA, stages) among steps of one day.
  const sorted = entries.map((e, i) => ({ e, i })).sort((a, b) => (a.e.date === b.e.date ? a.i - b.i : a.e.date < b.e.date ? -1 : 1));
  return sorted.map(({ e }, i) => {
    const previous = sorted[i - 1];
    return { ...e, daysSince: previous ? dayNumber(e.date) - dayNumber(previous.e.date) : null };
  });
}
