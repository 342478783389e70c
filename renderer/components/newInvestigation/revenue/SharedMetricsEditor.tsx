// Shared metrics: the won, lost and opportunity metrics both teams own, the win rate's grouping, the spend sheet for CAC, and the SLAs.
import type { FieldProblem, RevenueDraft, SlaDraft, SpendDraft } from '../../../../shared/api';
import type { RevenueChoices } from '../../../model/listRevenueChoices';
import { FieldProblems } from '../FieldProblems';
import { ChoiceField } from './ChoiceField';

interface Props {
  revenue: RevenueDraft;
  choices: RevenueChoices;
  /** The metric a new SLA starts from (the bridge's left metric). */
  cohort: string;
  problems: readonly FieldProblem[];
  onChange(revenue: RevenueDraft): void;
}

const UNITS = [
  { value: 'hours', label: 'hours' },
  { value: 'days', label: 'days' },
];

export function SharedMetricsEditor({ revenue, choices, cohort, problems, onChange }: Props) {
  const at = (field: string) => problems.filter((p) => p.field === field).map((p) => p.message);
  const setSla = (i: number, patch: Partial<SlaDraft>) => onChange({ ...revenue, sla: revenue.sla.map((s, k) => (k === i ? { ...s, ...patch } : s)) });
  const setSpend = (patch: Partial<SpendDraft>) => {
    const spend = { ...(revenue.spend ?? { source: '', date: '', value: '' }), ...patch };
    onChange({ ...revenue, spend: spend.source ? spend : undefined });
  };
  const addSla = () => {
    const source = revenue.sources.find((s) => s.kind === 'tasks')?.name ?? revenue.sources[0]?.name ?? '';
    onChange({ ...revenue, sla: [...revenue.sla, { name: `SLA ${revenue.sla.length + 1}`, from: cohort, source, key: '', date: '', within: '24', unit: 'hours' }] });
  };
  const wonFields = choices.fieldsOf(choices.sourceOf(revenue.wonMetric ?? '') ?? '');
  const spendFields = choices.fieldsOf(revenue.spend?.source ?? '');
  return (
    <fieldset className="revenue-block">
      <legend>Shared metrics and SLAs</legend>
      <div className="revenue-row">
        <ChoiceField title="Won deals (period metric)" name="Won deals metric" value={revenue.wonMetric ?? ''} choices={choices.metrics} none="(none)" onChange={(v) => onChange({ ...revenue, wonMetric: v || undefined })} />
        <ChoiceField title="Lost deals" name="Lost deals metric" value={revenue.lostMetric ?? ''} choices={choices.metrics} none="(none)" onChange={(v) => onChange({ ...revenue, lostMetric: v || undefined })} />
        <ChoiceField title="Opportunities created" name="Opportunities metric" value={revenue.opportunityMetric ?? ''} choices={choices.metrics} none="(none)" onChange={(v) => onChange({ ...revenue, opportunityMetric: v || undefined })} />
        <ChoiceField title="Win rate by" name="Win rate by field" value={revenue.winRateBy ?? ''} choices={wonFields} none="(overall only)" onChange={(v) => onChange({ ...revenue, winRateBy: v || undefined })} />
      </div>
      <FieldProblems id="revenue-won-problem" messages={at('revenue.wonMetric')} />
      <div className="revenue-row">
        <ChoiceField title="Spend for CAC" name="Spend source" value={revenue.spend?.source ?? ''} choices={revenue.sources.map((s) => s.name)} none="(no spend)" onChange={(source) => setSpend({ source })} />
        {revenue.spend ? (
          <>
            <ChoiceField title="Month" name="Spend month" value={revenue.spend.date} choices={spendFields} onChange={(date) => setSpend({ date })} />
            <ChoiceField title="Amount" name="Spend amount" value={revenue.spend.value} choices={spendFields} onChange={(value) => setSpend({ value })} />
            <ChoiceField title="Channel" name="Spend channel" value={revenue.spend.channel ?? ''} choices={spendFields} none="(none)" onChange={(channel) => setSpend({ channel: channel || undefined })} />
          </>
        ) : null}
      </div>
      <FieldProblems id="revenue-spend-problem" messages={at('revenue.spend')} />
      {revenue.sla.map((sla, i) => {
        const label = `SLA ${i + 1}`;
        const fields = choices.fieldsOf(sla.source);
        return (
          <div key={i} className="revenue-row">
            <ChoiceField title="SLA name" name={`${label} name`} value={sla.name} onChange={(name) => setSla(i, { name })} />
            <ChoiceField title="Clock starts at" name={`${label} from metric`} value={sla.from} choices={choices.metrics} onChange={(from) => setSla(i, { from })} />
            <ChoiceField title="Touched by a row of" name={`${label} tasks source`} value={sla.source} choices={choices.sources} onChange={(source) => setSla(i, { source })} />
            <ChoiceField title="Key" name={`${label} key`} value={sla.key} choices={fields} onChange={(key) => setSla(i, { key })} />
            <ChoiceField title="Done at" name={`${label} date`} value={sla.date} choices={fields} onChange={(date) => setSla(i, { date })} />
            <ChoiceField title="Counting rows where" name={`${label} where`} value={sla.where ?? ''} placeholder="type IN ('Call', 'Email')" className="grow" onChange={(where) => setSla(i, { where })} />
            <ChoiceField title="Within" name={`${label} within`} value={sla.within} className="narrow" onChange={(within) => setSla(i, { within })} />
            <ChoiceField title="Unit" name={`${label} unit`} value={sla.unit} choices={UNITS} onChange={(unit) => setSla(i, { unit: unit as SlaDraft['unit'] })} />
            <button type="button" className="link-button" aria-label={`Remove ${label.toLowerCase()}`} onClick={() => onChange({ ...revenue, sla: revenue.sla.filter((_, k) => k !== i) })}>
              Remove
            </button>
            <FieldProblems id={`revenue-sla-${i}-problem`} messages={at(`revenue.sla.${i}`)} />
          </div>
        );
      })}
      <button type="button" onClick={addSla}>
        Add an SLA
      </button>
    </fieldset>
  );
}
