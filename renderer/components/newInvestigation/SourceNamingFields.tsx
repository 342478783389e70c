// How a side is named in the contract and on the bridge: source, system and metric.
import type { FieldProblem, SourceDraft } from '../../../shared/api';
import { SYSTEMS } from '../../../shared/contractTypes';
import { selectProblems } from '../../model/selectProblems';
import { LabelledField } from './LabelledField';

interface Props {
  label: 'Left' | 'Right';
  draft: SourceDraft;
  problems: readonly FieldProblem[];
  onChange(draft: SourceDraft): void;
}

export function SourceNamingFields({ label, draft, problems, onChange }: Props) {
  const lower = label.toLowerCase();
  const title = (text: string) => (
    <>
      <span className="visually-hidden">{label} </span>
      {text}
    </>
  );
  const text = (field: 'name' | 'metric', name: string, hint: string) => {
    const messages = selectProblems(problems, [field]);
    const id = `${lower}-${field}-problem`;
    return (
      <LabelledField title={title(name)} problemId={id} messages={messages} hint={hint}>
        <input
          type="text"
          value={draft[field]}
          spellCheck={false}
          aria-invalid={messages.length > 0 || undefined}
          aria-describedby={messages.length > 0 ? id : undefined}
          onChange={(e) => onChange({ ...draft, [field]: e.target.value })}
        />
      </LabelledField>
    );
  };
  const systemProblems = selectProblems(problems, ['system']);
  const systemId = `${lower}-system-problem`;

  return (
    <div className="mapping-grid">
      {text('name', 'Source name', 'How the contract names this export.')}
      <LabelledField title={title('System')} problemId={systemId} messages={systemProblems}>
        <select
          value={draft.system}
          aria-invalid={systemProblems.length > 0 || undefined}
          aria-describedby={systemProblems.length > 0 ? systemId : undefined}
          onChange={(e) => onChange({ ...draft, system: e.target.value as SourceDraft['system'] })}
        >
          {SYSTEMS.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </LabelledField>
      {text('metric', 'Metric name', 'What this side counts, as the bridge says it.')}
    </div>
  );
}
