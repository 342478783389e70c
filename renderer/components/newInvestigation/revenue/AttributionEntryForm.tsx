// One attribution entry: its opportunities and how their people are reached, the lookback, the models with their settings, and what "sourced" means.
import type { AttributionDraft, DurationDraft, FieldProblem, RevenueDraft, SourceDraft } from '../../../../shared/api';
import { ATTRIBUTION_MODEL_NAMES } from '../../../../shared/ATTRIBUTION_MODEL_WORDS';
import { ATTRIBUTION_MODELS, type TouchModel } from '../../../../shared/revenueContractTypes';
import type { RevenueChoices } from '../../../model/listRevenueChoices';
import { useLiveRuleCount } from '../../rules/useLiveRuleCount';
import { FieldProblems } from '../FieldProblems';
import { ChoiceField } from './ChoiceField';
import { ModelChoices } from './ModelChoices';
import { SelfReportedMapTable } from './SelfReportedMapTable';

interface Props {
  /** Its place in the list (0-based): names its controls and its problems' fields. */
  index: number;
  entry: AttributionDraft;
  revenue: RevenueDraft;
  choices: RevenueChoices;
  problems: readonly FieldProblem[];
  onChange(entry: AttributionDraft): void;
  onRemove(): void;
}

const UNITS = [
  { value: 'days', label: 'days' },
  { value: 'hours', label: 'hours' },
];
const PEOPLE = [
  { value: 'all', label: 'every person linked' },
  { value: 'primary', label: 'primary people only' },
];
/** What the rule is counted on while no opportunities metric is chosen: nothing is asked then. */
const NO_SOURCE: SourceDraft = { name: '', system: 'other', file: '', timezone: 'UTC', fields: {}, metric: '', dateField: '' };
const TOUCH_MODELS = ATTRIBUTION_MODELS.filter((m): m is TouchModel => m !== 'self_reported').map((m) => ({ value: m, label: ATTRIBUTION_MODEL_NAMES[m] }));

export function AttributionEntryForm({ index, entry, revenue, choices, problems, onChange, onRemove }: Props) {
  const label = `Attribution ${index + 1}`;
  const prefix = `revenue.attribution.${index}`;
  const problemId = (field: string) => `revenue-attribution-${index}-${field}-problem`;
  const at = (field: string) => problems.filter((p) => p.field === `${prefix}.${field}`).map((p) => p.message);
  const set = (patch: Partial<AttributionDraft>) => onChange({ ...entry, ...patch });
  const uses = (model: string) => entry.models.some((m) => m === model) || entry.sourcedTouches === model;
  const source = choices.sourceOf(entry.opportunities) ?? '';
  const sourceDraft = choices.draftOf(source);
  const selfColumn = entry.selfReportedField ? sourceDraft?.fields[entry.selfReportedField] : undefined;
  // The CRM rule is counted on the opportunities' rows as typed: a field it names wrongly is said under it at once.
  const crm = entry.sourcedCrm?.trim() ?? '';
  const crmCount = useLiveRuleCount(sourceDraft ?? NO_SOURCE, sourceDraft && crm ? crm : null);
  const through = revenue.links.map((l) => ({ value: l.name, label: `link ${l.name}` }));
  const duration = (title: string, name: string, value: DurationDraft, onSet: (d: DurationDraft) => void, messages: string[], field: string) => (
    <>
      <ChoiceField title={title} name={name} value={value.amount} className="narrow" onChange={(amount) => onSet({ ...value, amount })}>
        <FieldProblems id={problemId(field)} messages={messages} />
      </ChoiceField>
      <ChoiceField title="Unit" name={`${name} unit`} value={value.unit} choices={UNITS} onChange={(unit) => onSet({ ...value, unit: unit as DurationDraft['unit'] })} />
    </>
  );
  return (
    <fieldset className="attribution-entry">
      <legend>{label}</legend>
      <div className="revenue-row">
        <ChoiceField title="Name" name={`${label} name`} value={entry.name} className="grow" onChange={(name) => set({ name })}>
          <FieldProblems id={problemId('name')} messages={at('name')} />
        </ChoiceField>
        <ChoiceField title="Opportunities (a metric of the period)" name={`${label} opportunities metric`} value={entry.opportunities} choices={choices.metrics} onChange={(opportunities) => set({ opportunities })}>
          <FieldProblems id={problemId('opportunities')} messages={at('opportunities')} />
        </ChoiceField>
        <ChoiceField title="Their people, through" name={`${label} people through`} value={entry.via ?? ''} choices={through} none="their own key" onChange={(via) => set({ via: via || undefined, ...(via ? {} : { people: 'all' }) })}>
          <FieldProblems id={problemId('via')} messages={at('via')} />
        </ChoiceField>
        <ChoiceField title="People" name={`${label} people`} value={entry.people} choices={PEOPLE} onChange={(people) => set({ people: people as AttributionDraft['people'] })}>
          <FieldProblems id={problemId('people')} messages={at('people')} />
        </ChoiceField>
        {duration('Lookback', `${label} lookback`, entry.lookback, (lookback) => set({ lookback }), at('lookback'), 'lookback')}
        <button type="button" className="link-button" aria-label={`Remove ${label.toLowerCase()}`} onClick={onRemove}>
          Remove
        </button>
      </div>
      <ModelChoices label={label} models={entry.models} messages={at('models')} onChange={(models) => set({ models })} />
      {uses('time_decay') || uses('w_shaped') || uses('self_reported') ? (
        <div className="revenue-row">
          {uses('time_decay') ? duration('Half-life', `${label} half-life`, entry.halfLife, (halfLife) => set({ halfLife }), at('halfLife'), 'halfLife') : null}
          {uses('w_shaped') ? (
            <ChoiceField title="W-shaped milestone (a metric per person)" name={`${label} milestone metric`} value={entry.milestone ?? ''} choices={choices.metrics} onChange={(milestone) => set({ milestone: milestone || undefined })}>
              <FieldProblems id={problemId('milestone')} messages={at('milestone')} />
            </ChoiceField>
          ) : null}
          {uses('self_reported') ? (
            <ChoiceField title="Self-reported answer (a field of the opportunities)" name={`${label} self-reported field`} value={entry.selfReportedField ?? ''} choices={choices.fieldsOf(source)} onChange={(field) => set({ selfReportedField: field || undefined, selfReportedMap: {} })}>
              <FieldProblems id={problemId('selfReported')} messages={at('selfReported')} />
            </ChoiceField>
          ) : null}
        </div>
      ) : null}
      {uses('self_reported') && sourceDraft && selfColumn ? (
        <SelfReportedMapTable label={label} source={sourceDraft} column={selfColumn} map={entry.selfReportedMap ?? {}} onChange={(selfReportedMap) => set({ selfReportedMap })} />
      ) : null}
      <div className="revenue-row">
        <ChoiceField title="Sourced by the CRM when" name={`${label} sourced by CRM rule`} value={entry.sourcedCrm ?? ''} placeholder="lead_source IN ('Web', 'Webinar')" className="grow" onChange={(sourcedCrm) => set({ sourcedCrm })}>
          {crm && crmCount.count ? <span className="muted">{`holds on ${crmCount.count.matched} of the ${crmCount.count.total} rows of ${source}`}</span> : null}
          <FieldProblems id={problemId('sourcedCrm')} messages={crm && crmCount.error ? [crmCount.error] : []} />
        </ChoiceField>
        <ChoiceField
          title="Sourced by touches: the largest share, under"
          name={`${label} sourced by touches model`}
          value={entry.sourcedTouches ?? ''}
          choices={TOUCH_MODELS}
          none={entry.sourcedCrm?.trim() ? 'First touch (the default)' : '(not compared)'}
          onChange={(model) => set({ sourcedTouches: (model || undefined) as TouchModel | undefined })}
        />
        <FieldProblems id={problemId('sourced')} messages={at('sourced')} />
      </div>
      <FieldProblems id={`revenue-attribution-${index}-problem`} messages={problems.filter((p) => p.field === prefix).map((p) => p.message)} />
    </fieldset>
  );
}
