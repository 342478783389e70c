// The problems of one form field, right under it: the field points here with aria-describedby, and a fix is one click.
import type { FieldProblem } from '../../../shared/api';

interface Props {
  /** The id the field's aria-describedby names. */
  id: string;
  problems: FieldProblem[];
  /** Puts a suggested value in the field; without it suggestions are only said. */
  onUse?: (value: string) => void;
}

/** The id of a field's problem text, from its path (`left.fields.key` -> `problem-left-fields-key`). */
export function problemId(field: string): string {
  return `problem-${field.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

export function FieldProblemText({ id, problems, onUse }: Props) {
  if (problems.length === 0) return null;
  return (
    <div id={id} role="alert" className="field-problem">
      {problems.map((problem) => (
        <p key={problem.message}>
          {problem.message}
          {problem.suggestion && onUse ? (
            <>
              {' '}
              <button type="button" className="link-button" onClick={() => onUse(problem.suggestion as string)}>
                Use {problem.suggestion}
              </button>
            </>
          ) : null}
        </p>
      ))}
    </div>
  );
}
