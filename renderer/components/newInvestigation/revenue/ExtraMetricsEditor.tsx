// The metrics of the extra exports (Opportunity, Won...): name, source, the date that counts, the value, and which rows are left out.
import type { ExtraMetricDraft, FieldProblem, RevenueDraft } from '../../../../shared/api';
import type { RevenueChoices } from '../../../model/listRevenueChoices';
import { FieldProblems } from '../FieldProblems';
import { ChoiceField } from './ChoiceField';

interface Props {
  revenue: RevenueDraft;
  choices: RevenueChoices;
  problems: readonly FieldProblem[];
  onChange(revenue: RevenueDraft): void;
}

/** "Closed Won" -> not_closed_won: the exclude rule's name, from the metric it shapes. */
function nameRule(metric: string): string {
  return `not_${metric.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'counted'}`;
}

export function ExtraMetricsEditor({ revenue, choices, problems, onChange }: Props) {
  const extraSources = revenue.sources.map((s) => s.name);
  const set = (i: number, patch: Partial<ExtraMetricDraft>) => onChange({ ...revenue, metrics: revenue.metrics.map((m, k) => (k === i ? { ...m, ...patch } : m)) });
  const add = () => {
    const source = extraSources[0] ?? '';
    onChange({ ...revenue, metrics: [...revenue.metrics, { name: '', source, date: '' }] });
  };
  return (
    <fieldset className="revenue-block">
      <legend>Metrics of the other exports</legend>
      <p className="hint">Funnel stages, SLAs and shared metrics count metrics: the bridge&apos;s two, and these.</p>
      {revenue.metrics.map((metric, i) => {
        const label = `Metric ${i + 1}`;
        const fields = choices.fieldsOf(metric.source);
        const rule = metric.exclude?.[0]?.expression ?? '';
        return (
          <div key={i} className="revenue-row">
            <ChoiceField title="Name" name={`${label} name`} value={metric.name} onChange={(name) => set(i, { name })} />
            <ChoiceField title="Source" name={`${label} source`} value={metric.source} choices={extraSources} onChange={(source) => set(i, { source })} />
            <ChoiceField title="Date that counts" name={`${label} date`} value={metric.date} choices={fields} onChange={(date) => set(i, { date })} />
            <ChoiceField title="Value" name={`${label} value`} value={metric.value ?? ''} choices={fields} none="(counted only)" onChange={(value) => set(i, { value: value || undefined })} />
            <ChoiceField
              title="Leave out rows where"
              name={`${label} leave out rows where`}
              value={rule}
              placeholder="stage <> 'Closed Won'"
              className="grow"
              onChange={(expression) => set(i, { exclude: expression.trim() ? [{ name: metric.exclude?.[0]?.name ?? nameRule(metric.name), expression }] : [] })}
            />
            <button type="button" className="link-button" aria-label={`Remove ${label.toLowerCase()}`} onClick={() => onChange({ ...revenue, metrics: revenue.metrics.filter((_, k) => k !== i) })}>
              Remove
            </button>
            <FieldProblems id={`revenue-metric-${i}-problem`} messages={problems.filter((p) => p.field === `revenue.metrics.${i}`).map((p) => p.message)} />
          </div>
        );
      })}
      <button type="button" onClick={add} disabled={extraSources.length === 0}>
        Add a metric
      </button>
    </fieldset>
  );
}
