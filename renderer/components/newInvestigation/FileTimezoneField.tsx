// The time zone a file's dates were written in, with what the export's layout says about it.
import type { FieldProblem, SourceDraft } from '../../../shared/api';
import { selectProblems } from '../../model/selectProblems';
import { LabelledField } from './LabelledField';

interface Props {
  label: 'Left' | 'Right';
  draft: SourceDraft;
  hint: string | undefined;
  problems: readonly FieldProblem[];
  onChange(draft: SourceDraft): void;
}

export function FileTimezoneField({ label, draft, hint, problems, onChange }: Props) {
  const messages = selectProblems(problems, ['timezone']);
  const id = `${label.toLowerCase()}-timezone-problem`;
  const suggestion = problems.find((p) => p.field === 'timezone' && p.suggestion)?.suggestion;
  // The engine's suggestion (America/Sao_Paulo for "Sao Paulo") is one click away.
  const fix = suggestion ? (
    <button type="button" className="link-button" onClick={() => onChange({ ...draft, timezone: suggestion })}>
      Use {suggestion}
    </button>
  ) : null;
  return (
    <LabelledField
      title={`${label} time zone of the file`}
      problemId={id}
      messages={messages}
      hint={
        fix || hint ? (
          <>
            {fix} {hint}
          </>
        ) : undefined
      }
    >
      <input
        type="text"
        list="time-zones"
        value={draft.timezone}
        placeholder="e.g. America/New_York"
        spellCheck={false}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={messages.length > 0 ? id : undefined}
        onChange={(e) => onChange({ ...draft, timezone: e.target.value })}
      />
    </LabelledField>
  );
}
