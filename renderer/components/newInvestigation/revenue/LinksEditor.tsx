// Links of revenue.md: which source holds the pairs, the record id each starts from and the person key it names, and which pairs are primary.
import type { FieldProblem, LinkDraft, RevenueDraft } from '../../../../shared/api';
import type { RevenueChoices } from '../../../model/listRevenueChoices';
import { FieldProblems } from '../FieldProblems';
import { ChoiceField } from './ChoiceField';

interface Props {
  revenue: RevenueDraft;
  choices: RevenueChoices;
  problems: readonly FieldProblem[];
  onChange(revenue: RevenueDraft): void;
}

export function LinksEditor({ revenue, choices, problems, onChange }: Props) {
  const set = (i: number, patch: Partial<LinkDraft>) => onChange({ ...revenue, links: revenue.links.map((l, k) => (k === i ? { ...l, ...patch } : l)) });
  const add = () => onChange({ ...revenue, links: [...revenue.links, { name: `link_${revenue.links.length + 1}`, source: revenue.sources[0]?.name ?? '', from: '', to: '' }] });
  return (
    <fieldset className="revenue-block">
      <legend>Links</legend>
      <p className="hint">Pairs connecting records of different grain: an opportunity and each person on it (contact roles), a lead and the opportunity it became.</p>
      {revenue.links.map((link, i) => {
        const label = `Link ${i + 1}`;
        const fields = choices.fieldsOf(link.source);
        return (
          <div key={i} className="revenue-row">
            <ChoiceField title="Name" name={`${label} name`} value={link.name} onChange={(name) => set(i, { name })} />
            <ChoiceField title="Pairs from" name={`${label} source`} value={link.source} choices={choices.sources} onChange={(source) => set(i, { source })} />
            <ChoiceField title="Record id (from)" name={`${label} from`} value={link.from} choices={fields} onChange={(from) => set(i, { from })} />
            <ChoiceField title="Person key (to)" name={`${label} to`} value={link.to} choices={fields} onChange={(to) => set(i, { to })} />
            <label className="field checkbox-field">
              <span>Salesforce ids</span>
              <input type="checkbox" aria-label={`${label}: read record ids as Salesforce ids (15 or 18 characters)`} checked={link.salesforceIds ?? false} onChange={(e) => set(i, { salesforceIds: e.target.checked })} />
            </label>
            <ChoiceField title="Primary pairs where" name={`${label} primary pairs where`} value={link.primary ?? ''} placeholder="is_primary = '1'" className="grow" onChange={(primary) => set(i, { primary })} />
            <button type="button" className="link-button" aria-label={`Remove ${label.toLowerCase()}`} onClick={() => onChange({ ...revenue, links: revenue.links.filter((_, k) => k !== i) })}>
              Remove
            </button>
            <FieldProblems id={`revenue-link-${i}-problem`} messages={problems.filter((p) => p.field === `revenue.links.${i}`).map((p) => p.message)} />
          </div>
        );
      })}
      <button type="button" onClick={add} disabled={revenue.sources.length === 0}>
        Add a link
      </button>
    </fieldset>
  );
}
