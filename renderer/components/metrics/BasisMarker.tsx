// Whether a number is a fact or an interpretation, said in a word (the colour only repeats it) with what it depends on.
import type { Basis } from '../../../shared/metricsReportTypes';

export function BasisMarker({ basis, dependsOn }: { basis: Basis; dependsOn: string }) {
  return (
    <p className="basis-line">
      <span className={`basis basis-${basis}`}>{basis === 'fact' ? 'Fact' : 'Interpretation'}</span>
      <span className="depends-on">
        {basis === 'fact' ? 'records selected by the contract; ' : 'depends on a model or an estimate; '}depends on: <strong>{dependsOn}</strong>
      </span>
    </p>
  );
}
