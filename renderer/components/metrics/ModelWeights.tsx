// Each model of an attribution entry with its exact weights, beside the numbers they make; the swatch is the model's colour in the chart.
import type { AttributionModel, AttributionSpec } from '../../../shared/revenueContractTypes';
import { describeModelWeights, MODEL_LABELS } from '../../model/describeModelWeights';
import { MODEL_COLOURS } from '../../model/MODEL_COLOURS';

export function ModelWeights({ models, spec }: { models: AttributionModel[]; spec: AttributionSpec | undefined }) {
  const lookback = spec?.lookback.text ?? 'the lookback';
  return (
    <section className="model-weights" aria-label="How each model splits a deal's value">
      <h3>How each model splits a deal's value</h3>
      <p className="muted">
        A deal's counted touches are its people's touches from {lookback} before its date up to its date, in time order. A deal with none gives its whole value to{' '}
        <strong>No touch</strong> under every touch model, so each model gives out the same total.
      </p>
      <dl className="weights-list">
        {models.map((m) => (
          <div key={m} className="weights-item">
            <dt>
              <span className="swatch" style={{ background: MODEL_COLOURS[m] }} aria-hidden="true" /> {MODEL_LABELS[m]}
            </dt>
            <dd>{describeModelWeights(m, spec)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
