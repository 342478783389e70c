// The path of the record being inspected: each funnel's stages in order with what became of it there, and its SLA outcomes.
import type { PersonPath as Path, StageOutcome } from '../../../shared/metricsReportTypes';

const WORDS: Record<StageOutcome, string> = { reached: 'reached', skipped: 'reached, skipping the stage before', dropped: 'dropped here', 'not reached': 'not reached' };
const SLA_WORDS = { met: 'touched within the SLA', breached: 'touched late', never: 'never touched' } as const;

export function PersonPath({ recordId, path }: { recordId: string; path: Path }) {
  if (path.funnels.length === 0 && path.sla.length === 0) return null;
  return (
    <section className="person-path" aria-label={`Path of record ${recordId}`}>
      {path.funnels.map((f) => (
        <ol key={f.name} className="path-steps" aria-label={`${f.name}: path of record ${recordId}`}>
          <li className="path-step path-reached">
            <strong>{f.cohort}</strong> <span>record {recordId}</span>
          </li>
          {f.stages.map((s) => (
            <li key={s.metric} className={`path-step path-${s.outcome.replace(' ', '-')}`}>
              <strong>{s.metric}</strong> <span>{WORDS[s.outcome]}</span>
            </li>
          ))}
        </ol>
      ))}
      {path.sla.map((s) => (
        <p key={s.name} className="path-sla">
          {s.name}: <strong>{SLA_WORDS[s.outcome]}</strong>
        </p>
      ))}
    </section>
  );
}
