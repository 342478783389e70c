// One control with its label, its problems and a hint: problems and hint sit outside the label so they stay out of its name.
import type { ReactNode } from 'react';
import { FieldProblems } from './FieldProblems';

interface Props {
  title: ReactNode;
  /** The id the control's aria-describedby names when there are problems. */
  problemId: string;
  messages: readonly string[];
  hint?: ReactNode;
  className?: string;
  children: ReactNode;
}

export function LabelledField({ title, problemId, messages, hint, className, children }: Props) {
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label className="field">
        <span>{title}</span>
        {children}
      </label>
      <FieldProblems id={problemId} messages={messages} />
      {hint ? <span className="hint">{hint}</span> : null}
    </div>
  );
}
