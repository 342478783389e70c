// How a side is named in the contract and the bridge, and the time zone its file was written in.
import type { ExportPreview, FieldProblem, SourceDraft } from '../../shared/api';
import { SYSTEMS } from '../../shared/contractTypes';
import { selectProblems } from '../model/selectProblems';
import { FieldProblems } from './FieldProblems';

interface Props {
  label: 'Left' | 'Right';
  preview: ExportPreview;
  draft: SourceDraft;
  problems: readonly FieldProblem[];
  onChange(draft: SourceDraft): void;
}

export function SourceNamingFields({ label, preview, draft, problems, onChange }: Props) {
  const lower = label.toLowerCase();
  const text = (field: 'name' | 'metric' | 'timezone', title: string, extra?: { list?: string; hint?: string; placeholder?: string }) => {
    const messages = selectProblems(problems, [field]);
    const id = `${lower}-${field}-problem`;
    return (
      <label className="field">
        <span>
          <span className="visually-hidden">{label} </span>
          {title}
        </span>
        <input
          type="text"
          value={draft[field]}
          list={extra?.list}
          placeholder={extra?.placeholder}
          spellCheck={false}
          aria-invalid={messages.length > 0 || undefined}
          aria-describedby={messages.length > 0 ? id : undefined}
          onChange={(e) => onChange({ ...draft, [field]: e.target.value })}
        />
        <FieldProblems id={id} messages={messages} />
        {extra?.hint ? <span className="hint">{extra.hint}</span> : null}
      </label>
    );
  };
  const systemProblems = selectProblems(problems, ['system']);

  return (
    <div className="mapping-grid">
      {text('name', 'Source name')}
      <label className="field">
        <span>
          <span className="visually-hidden">{label} </span>
          System
        </span>
        <select
          value={draft.system}
          aria-invalid={systemProblems.length > 0 || undefined}
          aria-describedby={systemProblems.length > 0 ? `${lower}-system-problem` : undefined}
          onChange={(e) => onChange({ ...draft, system: e.target.value as SourceDraft['system'] })}
        >
          {SYSTEMS.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
        <FieldProblems id={`${lower}-system-problem`} messages={systemProblems} />
      </label>
      {text('metric', 'Metric name')}
      <div className="span-3">{text('timezone', 'Time zone of the file', { list: 'time-zones', placeholder: 'e.g. America/New_York', hint: preview.timezoneHint })}</div>
    </div>
  );
}
