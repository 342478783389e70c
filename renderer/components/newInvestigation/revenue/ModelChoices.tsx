// The seven attribution models as checkboxes, each with the exact weights it gives in one line.
import { ATTRIBUTION_MODELS, type AttributionModel } from '../../../../shared/revenueContractTypes';
import { ATTRIBUTION_MODEL_NAMES, ATTRIBUTION_MODEL_WORDS } from '../../../../shared/ATTRIBUTION_MODEL_WORDS';
import { FieldProblems } from '../FieldProblems';

interface Props {
  /** "Attribution 1": names every checkbox. */
  label: string;
  models: readonly AttributionModel[];
  messages: readonly string[];
  onChange(models: AttributionModel[]): void;
}

export function ModelChoices({ label, models, messages, onChange }: Props) {
  const id = `${label.toLowerCase().replace(/\s+/g, '-')}-models`;
  // Kept in revenue.md's order whatever the order of the clicks, as the report lists them.
  const toggle = (model: AttributionModel, on: boolean) => onChange(ATTRIBUTION_MODELS.filter((m) => (m === model ? on : models.includes(m))));
  return (
    <fieldset className="model-choices">
      <legend>Models, side by side</legend>
      {ATTRIBUTION_MODELS.map((model) => (
        <label key={model} className="model-choice">
          <input type="checkbox" aria-label={`${label}: ${ATTRIBUTION_MODEL_NAMES[model]}`} aria-describedby={`${id}-${model}`} checked={models.includes(model)} onChange={(e) => toggle(model, e.target.checked)} />
          <strong>{ATTRIBUTION_MODEL_NAMES[model]}</strong>
          <span id={`${id}-${model}`} className="muted">
            {ATTRIBUTION_MODEL_WORDS[model]}
          </span>
        </label>
      ))}
      <FieldProblems id={`${id}-problem`} messages={messages} />
    </fieldset>
  );
}
