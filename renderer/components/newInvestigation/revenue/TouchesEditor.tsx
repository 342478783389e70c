// Touches of revenue.md: the export holding them, whose touch each row is, when, the channel credit goes to, and which channels are marketing.
import type { FieldProblem, RevenueDraft, TouchesDraft } from '../../../../shared/api';
import type { RevenueChoices } from '../../../model/listRevenueChoices';
import { useColumnValues } from '../../rules/useColumnValues';
import { FieldProblems } from '../FieldProblems';
import { ChoiceField } from './ChoiceField';

interface Props {
  revenue: RevenueDraft;
  choices: RevenueChoices;
  problems: readonly FieldProblem[];
  onChange(revenue: RevenueDraft): void;
}

/** A checkbox per channel found in the file; all checked means every channel is marketing (the key is left out). */
function MarketingChannels({ touches, choices, onChange }: { touches: TouchesDraft; choices: RevenueChoices; onChange(channels: string[]): void }) {
  const draft = choices.draftOf(touches.source);
  const column = draft && touches.channel ? (draft.fields[touches.channel] ?? null) : null;
  const values = useColumnValues(draft ?? { name: '', system: 'other', file: '', timezone: 'UTC', fields: {}, metric: '', dateField: '' }, draft ? column : null);
  const found = values.map((v) => v.value.trim()).filter((v) => v !== '');
  if (found.length === 0) return null;
  const chosen = touches.marketingChannels.length > 0 ? touches.marketingChannels : found;
  const toggle = (channel: string, on: boolean) => {
    const next = on ? [...chosen, channel] : chosen.filter((c) => c !== channel);
    // Every channel found checked: nothing to write, revenue.md's default says it.
    onChange(found.every((c) => next.includes(c)) ? [] : next);
  };
  return (
    <fieldset className="marketing-channels">
      <legend>Marketing channels (influenced and sourced count only these)</legend>
      {values
        .filter((v) => v.value.trim() !== '')
        .map(({ value, count }) => (
          <label key={value} className="checkbox-choice">
            <input type="checkbox" aria-label={`Marketing channel ${value.trim()}`} checked={chosen.includes(value.trim())} onChange={(e) => toggle(value.trim(), e.target.checked)} />
            {value.trim()} <span className="muted">({count})</span>
          </label>
        ))}
    </fieldset>
  );
}

export function TouchesEditor({ revenue, choices, problems, onChange }: Props) {
  const touches = revenue.touches;
  const set = (patch: Partial<TouchesDraft>) => touches && onChange({ ...revenue, touches: { ...touches, ...patch } });
  const setSource = (source: string) => {
    if (!source) return onChange({ ...revenue, touches: undefined });
    const has = (field: string) => choices.fieldsOf(source).includes(field);
    onChange({ ...revenue, touches: { source, key: has('key') ? 'key' : '', date: has('touched_at') ? 'touched_at' : '', channel: has('channel') ? 'channel' : '', marketingChannels: [] } });
  };
  const fields = choices.fieldsOf(touches?.source ?? '');
  return (
    <fieldset className="revenue-block">
      <legend>Touches</legend>
      <p className="hint">The marketing touches attribution credits: campaign responses, form submissions, touchpoints. Each row is a touch of the person its key names, at its date, through its channel.</p>
      <div className="revenue-row">
        <ChoiceField title="Touches from" name="Touches source" value={touches?.source ?? ''} choices={choices.sources} none="(no touches)" onChange={setSource} />
        {touches ? (
          <>
            <ChoiceField title="Whose touch (key)" name="Touches key" value={touches.key} choices={fields} onChange={(key) => set({ key })} />
            <ChoiceField title="When (date)" name="Touches date" value={touches.date} choices={fields} onChange={(date) => set({ date })} />
            <ChoiceField title="Channel credited" name="Touches channel" value={touches.channel} choices={fields} onChange={(channel) => set({ channel, marketingChannels: [] })} />
            <ChoiceField title="Campaign" name="Touches campaign" value={touches.campaign ?? ''} choices={fields} none="(none)" onChange={(campaign) => set({ campaign: campaign || undefined })} />
          </>
        ) : null}
        <FieldProblems id="revenue-touches-problem" messages={problems.filter((p) => p.field === 'revenue.touches').map((p) => p.message)} />
      </div>
      {touches ? <MarketingChannels touches={touches} choices={choices} onChange={(marketingChannels) => set({ marketingChannels })} /> : null}
    </fieldset>
  );
}
