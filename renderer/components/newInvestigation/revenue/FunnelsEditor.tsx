// Funnels of revenue.md: a cohort metric and its key, ordered stages each reached directly or through a link, and the window in days.
import type { FieldProblem, FunnelDraft, RevenueDraft } from '../../../../shared/api';
import type { RevenueChoices } from '../../../model/listRevenueChoices';
import { FieldProblems } from '../FieldProblems';
import { ChoiceField } from './ChoiceField';

interface Props {
  revenue: RevenueDraft;
  choices: RevenueChoices;
  /** The metric a new funnel starts from (the bridge's left metric). */
  cohort: string;
  problems: readonly FieldProblem[];
  onChange(revenue: RevenueDraft): void;
}

export function FunnelsEditor({ revenue, choices, cohort, problems, onChange }: Props) {
  const set = (i: number, patch: Partial<FunnelDraft>) => onChange({ ...revenue, funnels: revenue.funnels.map((f, k) => (k === i ? { ...f, ...patch } : f)) });
  const add = () => {
    const key = choices.fieldsOf(choices.sourceOf(cohort) ?? '').includes('key') ? 'key' : '';
    onChange({ ...revenue, funnels: [...revenue.funnels, { name: `${cohort || 'Cohort'} to revenue`, cohort, key, stages: [], window: '90' }] });
  };
  const through = revenue.links.map((l) => ({ value: l.name, label: `link ${l.name}` }));
  return (
    <fieldset className="revenue-block">
      <legend>Funnels</legend>
      {revenue.funnels.map((funnel, i) => {
        const label = `Funnel ${i + 1}`;
        const setStage = (k: number, patch: Partial<FunnelDraft['stages'][number]>) => set(i, { stages: funnel.stages.map((s, j) => (j === k ? { ...s, ...patch } : s)) });
        return (
          <div key={i} className="revenue-funnel">
            <div className="revenue-row">
              <ChoiceField title="Name" name={`${label} name`} value={funnel.name} className="grow" onChange={(name) => set(i, { name })} />
              <ChoiceField title="Cohort (a metric of the period)" name={`${label} cohort`} value={funnel.cohort} choices={choices.metrics} onChange={(c) => set(i, { cohort: c })} />
              <ChoiceField title="Key" name={`${label} key`} value={funnel.key} choices={choices.fieldsOf(choices.sourceOf(funnel.cohort) ?? '')} onChange={(key) => set(i, { key })} />
              <ChoiceField title="Window (days)" name={`${label} window in days`} value={funnel.window} placeholder="365" className="narrow" onChange={(window) => set(i, { window })} />
              <button type="button" className="link-button" aria-label={`Remove ${label.toLowerCase()}`} onClick={() => onChange({ ...revenue, funnels: revenue.funnels.filter((_, k) => k !== i) })}>
                Remove
              </button>
            </div>
            <ol className="funnel-stages" aria-label={`${label} stages`}>
              {funnel.stages.map((stage, k) => (
                <li key={k} className="revenue-row">
                  <ChoiceField title={`Stage ${k + 1}`} name={`${label} stage ${k + 1} metric`} value={stage.metric} choices={choices.metrics} onChange={(metric) => setStage(k, { metric })} />
                  <ChoiceField title="Reached through" name={`${label} stage ${k + 1} through`} value={stage.via ?? ''} choices={through} none="the same key" onChange={(via) => setStage(k, { via: via || undefined })} />
                  <button type="button" className="link-button" aria-label={`Remove ${label.toLowerCase()} stage ${k + 1}`} onClick={() => set(i, { stages: funnel.stages.filter((_, j) => j !== k) })}>
                    Remove
                  </button>
                </li>
              ))}
            </ol>
            <button type="button" aria-label={`${label}: add a stage`} onClick={() => set(i, { stages: [...funnel.stages, { metric: '' }] })}>
              Add a stage
            </button>
            <FieldProblems id={`revenue-funnel-${i}-problem`} messages={problems.filter((p) => p.field === `revenue.funnels.${i}`).map((p) => p.message)} />
          </div>
        );
      })}
      <button type="button" onClick={add}>
        Add a funnel
      </button>
    </fieldset>
  );
}
