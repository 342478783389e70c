// Which differences the identity key ignores, each normaliser said in words, in the order the contract applies them.
import { NORMALIZERS, type Normalizer } from '../../../shared/contractTypes';
import type { FieldProblem } from '../../../shared/api';
import { NORMALIZER_WORDS } from '../../../shared/NORMALIZER_WORDS';
import { FieldProblemText, problemId } from './FieldProblemText';

interface Props {
  value: Normalizer[];
  problems?: FieldProblem[];
  onChange(value: Normalizer[]): void;
}

export function NormalizerChoice({ value, problems = [], onChange }: Props) {
  const toggle = (normalizer: Normalizer, on: boolean) => onChange(NORMALIZERS.filter((n) => (n === normalizer ? on : value.includes(n))));
  return (
    <fieldset className="normalizers span-3">
      <legend>Two records are the same when their keys match; comparing keys, the workbench may:</legend>
      {NORMALIZERS.map((normalizer) => (
        <label key={normalizer} className="normalizer">
          <input type="checkbox" checked={value.includes(normalizer)} onChange={(e) => toggle(normalizer, e.target.checked)} />
          <span>{NORMALIZER_WORDS[normalizer]}</span>
        </label>
      ))}
      <FieldProblemText id={problemId('normalize')} problems={problems} />
    </fieldset>
  );
}
