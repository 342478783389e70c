// Attribution of revenue.md: the entries crediting the period's opportunities to the touches' channels, each under the models chosen.
import type { FieldProblem, RevenueDraft } from '../../../../shared/api';
import { draftAttribution } from '../../../model/draftAttribution';
import type { RevenueChoices } from '../../../model/listRevenueChoices';
import { AttributionEntryForm } from './AttributionEntryForm';

interface Props {
  revenue: RevenueDraft;
  choices: RevenueChoices;
  problems: readonly FieldProblem[];
  onChange(revenue: RevenueDraft): void;
}

export function AttributionEditor({ revenue, choices, problems, onChange }: Props) {
  const entries = revenue.attribution ?? [];
  return (
    <fieldset className="revenue-block">
      <legend>Attribution</legend>
      <p className="hint">Which channels the deals of the period are credited to, under each model side by side. A deal with no touch in the lookback gives its value to No touch, so every model adds up to the same total.</p>
      {entries.map((entry, i) => (
        <AttributionEntryForm
          key={i}
          index={i}
          entry={entry}
          revenue={revenue}
          choices={choices}
          problems={problems}
          onChange={(next) => onChange({ ...revenue, attribution: entries.map((e, k) => (k === i ? next : e)) })}
          onRemove={() => onChange({ ...revenue, attribution: entries.filter((_, k) => k !== i) })}
        />
      ))}
      <button type="button" onClick={() => onChange({ ...revenue, attribution: [...entries, draftAttribution(revenue)] })}>
        Add an attribution
      </button>
    </fieldset>
  );
}
