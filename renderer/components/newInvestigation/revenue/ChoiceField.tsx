// One labelled control of the revenue part: a select of choices or a text box, its short title shown, its full name for assistive technology.
import type { ReactNode } from 'react';

interface Props {
  /** Shown above the control ("Source"). */
  title: string;
  /** The control's accessible name ("Link 1 source"): unique on the form. */
  name: string;
  value: string;
  onChange(value: string): void;
  /** A select of these values (or value/label pairs); a text box when absent. */
  choices?: readonly (string | { value: string; label: string })[];
  /** The first option of a select, meaning "none" (value ''); absent: no empty option unless the value is empty. */
  none?: string;
  placeholder?: string;
  className?: string;
  children?: ReactNode;
}

export function ChoiceField({ title, name, value, onChange, choices, none, placeholder, className, children }: Props) {
  const options = (choices ?? []).map((c) => (typeof c === 'string' ? { value: c, label: c } : c));
  // A value no longer among the choices (a field renamed) stays shown, so the form never changes it silently.
  const missing = value !== '' && !options.some((o) => o.value === value);
  return (
    <label className={`field${className ? ` ${className}` : ''}`}>
      <span>{title}</span>
      {choices ? (
        <select aria-label={name} value={value} onChange={(e) => onChange(e.target.value)}>
          {none !== undefined || value === '' ? <option value="">{none ?? '(choose)'}</option> : null}
          {missing ? <option value={value}>{value} (not found)</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input type="text" aria-label={name} value={value} spellCheck={false} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
      )}
      {children}
    </label>
  );
}
