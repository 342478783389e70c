// A time zone field that suggests IANA names as you type (`Sao Paulo` -> America/Sao_Paulo), with its problem beside it.
import { useMemo } from 'react';
import type { FieldProblem } from '../../../shared/api';
import { listTimeZones } from '../../../shared/listTimeZones';
import { suggestTimeZones } from '../../../shared/suggestTimeZones';
import { FieldProblemText, problemId } from './FieldProblemText';

interface Props {
  label: string;
  /** The form path of the field (`timezone`, `left.timezone`): names its problem text. */
  field: string;
  value: string;
  problems: FieldProblem[];
  onChange(value: string): void;
}

export function TimeZoneInput({ label, field, value, problems, onChange }: Props) {
  const known = useMemo(() => new Set(listTimeZones()), []);
  const suggestions = known.has(value) ? [] : suggestTimeZones(value, 4);
  const described = [problems.length > 0 ? problemId(field) : '', suggestions.length > 0 ? `${problemId(field)}-suggestions` : ''].filter(Boolean).join(' ');
  // The problem's own suggestion is the first of the list: said once, as the list's first button.
  const shown = problems.map((p) => (p.suggestion && suggestions.includes(p.suggestion) ? { field: p.field, message: p.message } : p));
  return (
    <div className="field time-zone-field">
      <label className="field">
        <span>{label}</span>
        <input type="text" value={value} spellCheck={false} autoComplete="off" aria-invalid={problems.length > 0} aria-describedby={described || undefined} onChange={(e) => onChange(e.target.value)} />
      </label>
      {suggestions.length > 0 ? (
        <div id={`${problemId(field)}-suggestions`} className="zone-suggestions" role="group" aria-label={`${label} suggestions`}>
          {suggestions.map((zone) => (
            <button key={zone} type="button" className="chip" onClick={() => onChange(zone)}>
              Use {zone}
            </button>
          ))}
        </div>
      ) : null}
      <FieldProblemText id={problemId(field)} problems={shown} onUse={onChange} />
    </div>
  );
}
