// The inspector's dated path of a cohort record through one funnel: a vertical list of its steps, each with the days since the one before.
import { useEffect, useState } from 'react';
import type { PersonTimeline as Timeline } from '../../../shared/metricsReportTypes';
import { getApi } from '../../api/getApi';
import { buildTimelineEntries } from '../../model/buildTimelineEntries';
import { formatAmount } from '../../model/formatAmount';
import { formatDays } from '../../model/formatDays';
import { formatMinutes } from '../../model/formatMinutes';
import { reportError } from '../../stores/useErrorStore';

const SLA_WORDS = { met: 'within the SLA', breached: 'late', never: 'never' } as const;

export function PersonTimeline({ funnel, recordId, currency }: { funnel: string; recordId: string; currency: string | undefined }) {
  // Kept with the record it was read for: a timeline never shows under another record.
  const [loaded, setLoaded] = useState<{ key: string; timeline: Timeline } | null>(null);
  const key = `${funnel}\u0000${recordId}`;
  useEffect(() => {
    let live = true;
    getApi()
      .tracePersonTimeline(funnel, recordId)
      .then((timeline) => live && setLoaded({ key: `${funnel}\u0000${recordId}`, timeline }))
      .catch(reportError);
    return () => {
      live = false;
    };
  }, [funnel, recordId]);
  const title = `${funnel}: timeline of record ${recordId}`;
  if (loaded?.key !== key) return <p className="person-timeline muted">Reading the dates of {funnel}…</p>;
  return (
    <section className="person-timeline" aria-label={title}>
      <h4>{funnel}</h4>
      <ol className="timeline-steps" aria-label={title}>
        {buildTimelineEntries(loaded.timeline).map((e) => (
          <li key={`${e.name}\u0000${e.recordId}`} className={`timeline-step${e.task ? ' timeline-sla' : ''}`}>
            <time dateTime={e.task ? e.task.instant.replace(' ', 'T') : e.date}>{e.task ? e.task.instant : e.date}</time>
            <span className="timeline-since">{e.daysSince === null ? 'start' : `+${formatDays(e.daysSince)}`}</span>
            <strong>{e.name}</strong>
            <span className="timeline-detail">
              record {e.recordId}
              {e.value === null ? '' : ` · ${formatAmount(e.value, currency)}`}
              {e.how ? ` · ${e.how}` : ''}
              {e.task ? ` · first touch ${formatMinutes(e.task.minutes)} after, ${SLA_WORDS[e.task.outcome]}` : ''}
            </span>
          </li>
        ))}
      </ol>
      {loaded.timeline.sla
        .filter((s) => s.task === null)
        .map((s) => (
          <p key={s.name} className="timeline-note">
            {s.name}: no qualifying touch after it
          </p>
        ))}
    </section>
  );
}
