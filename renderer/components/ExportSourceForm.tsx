// One export of a new investigation: its path (typed or dropped), the header recognised, and its field mapping.
import { useState, type DragEvent } from 'react';
import type { ExportPreview, FieldProblem, SourceDraft } from '../../shared/api';
import { SYSTEMS } from '../../shared/contractTypes';
import { findDroppedFilePath, getApi } from '../api/getApi';
import { reportError } from '../stores/useErrorStore';
import { FieldProblemText } from './FieldProblemText';
import { RuleBuilder } from './RuleBuilder';

const PRESET_NAMES: Record<string, string> = {
  hubspot: 'HubSpot',
  marketo: 'Marketo',
  pardot: 'Pardot',
  salesforce_report: 'Salesforce report',
  salesforce_data_loader: 'Salesforce Data Loader',
};

interface Props {
  /** "Left" or "Right": names every control of this half of the form. */
  label: string;
  draft: SourceDraft | null;
  onChange(draft: SourceDraft | null): void;
  /** This side's problems, paths without the 'left.'/'right.' prefix (`file`, `fields.key`...). */
  problems?: FieldProblem[];
}

function draftFromPreview(preview: ExportPreview, side: string): SourceDraft {
  const base = preview.file.split(/[\\/]/).pop()?.replace(/\.[^.]+$/, '') ?? side;
  const name = preview.preset ? preview.preset.replace(/_.*/, '') : base.replace(/[^A-Za-z0-9_ ]/g, '_');
  const dateField = preview.dateField ?? Object.keys(preview.fields).find((f) => /_at$/.test(f)) ?? 'created_at';
  return {
    name,
    system: preview.system,
    file: preview.file,
    timezone: 'UTC',
    id: preview.id,
    fields: { key: preview.fields.email ?? '', ...preview.fields, [dateField]: preview.fields[dateField] ?? '' },
    metric: preview.system === 'marketing' ? 'MQL' : preview.system === 'sales' ? 'CRM Lead' : `${name} records`,
    dateField,
  };
}

export function ExportSourceForm({ label, draft, onChange, problems = [] }: Props) {
  const [path, setPath] = useState('');
  const [preview, setPreview] = useState<ExportPreview | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const lower = label.toLowerCase();

  const read = async (file: string) => {
    setReading(true);
    setNote(null);
    try {
      const next = await getApi().previewExport(file);
      setPreview(next);
      onChange(draftFromPreview(next, lower));
    } catch (error) {
      setPreview(null);
      onChange(null);
      reportError(error);
    } finally {
      setReading(false);
    }
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    const file = event.dataTransfer.files[0];
    if (!file) return;
    const dropped = findDroppedFilePath(file);
    if (dropped) {
      setPath(dropped);
      void read(dropped);
    } else setNote(`The browser shell cannot see where "${file.name}" is on disk: type its full path instead.`);
  };
  const update = (patch: Partial<SourceDraft>) => draft && onChange({ ...draft, ...patch });
  const setField = (field: string, column: string) => draft && onChange({ ...draft, fields: { ...draft.fields, [field]: column } });
  const columns = preview?.columns ?? [];

  return (
    <fieldset className="source-form" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <legend>{label} export</legend>
      <div className="inline-form">
        <label className="field grow">
          <span>{label} export file path</span>
          <input type="text" value={path} spellCheck={false} placeholder="Type a path or drop the file here" onChange={(e) => setPath(e.target.value)}
            onKeyDown={(e) => {
              // Enter reads the file rather than submitting the whole new-investigation form.
              if (e.key !== 'Enter') return;
              e.preventDefault();
              if (path.trim()) void read(path.trim());
            }}
          />
        </label>
        <button type="button" disabled={reading || path.trim() === ''} aria-label={`Read the ${lower} export`} onClick={() => void read(path.trim())}>
          {reading ? 'Reading…' : 'Read'}
        </button>
      </div>
      {note ? <p className="note">{note}</p> : null}
      {preview && draft ? (
        <div className="mapping">
          <p className="recognised">
            {preview.preset ? (
              <>
                Recognised: <strong>{PRESET_NAMES[preview.preset]}</strong> export, {preview.columns.length} columns
              </>
            ) : (
              <>Not a known export layout: {preview.columns.length} columns. Map the fields below.</>
            )}
          </p>
          <div className="mapping-grid">
            <label className="field">
              <span>
                <span className="visually-hidden">{label} </span>
                Source name
              </span>
              <input type="text" value={draft.name} onChange={(e) => update({ name: e.target.value })} />
            </label>
            <label className="field">
              <span>
                <span className="visually-hidden">{label} </span>
                System
              </span>
              <select value={draft.system} onChange={(e) => update({ system: e.target.value as SourceDraft['system'] })}>
                {SYSTEMS.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>
                <span className="visually-hidden">{label} </span>
                Metric name
              </span>
              <input type="text" value={draft.metric} onChange={(e) => update({ metric: e.target.value })} />
            </label>
            <label className="field">
              <span>
                <span className="visually-hidden">{label} </span>
                Time zone of the file
              </span>
              <input type="text" list="time-zones" value={draft.timezone} onChange={(e) => update({ timezone: e.target.value })} />
            </label>
            <label className="field">
              <span>
                <span className="visually-hidden">{label} </span>
                Record id column
              </span>
              <select value={draft.id ?? ''} onChange={(e) => update({ id: e.target.value || undefined })}>
                <option value="">(row number)</option>
                {columns.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>
                <span className="visually-hidden">{label} </span>
                Anchor date field
              </span>
              <select value={draft.dateField} onChange={(e) => update({ dateField: e.target.value })}>
                {Object.keys(draft.fields).map((f) => (
                  <option key={f}>{f}</option>
                ))}
              </select>
            </label>
          </div>
          <table className="field-map">
            <caption>{label} field mapping</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Column in the file</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(draft.fields).map(([field, column]) => (
                <tr key={field}>
                  <th scope="row">{field}</th>
                  <td>
                    <select aria-label={`${label} column for ${field}`} value={column} onChange={(e) => setField(field, e.target.value)}>
                      <option value="">(choose a column)</option>
                      {columns.map((c) => (
                        <option key={c}>{c}</option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <RuleBuilder label={label} source={draft} columns={columns} rules={draft.exclude ?? []} onChange={(exclude) => update({ exclude })} />
        </div>
      ) : null}
      <FieldProblemText id={`problem-${lower}-source`} problems={problems} />
    </fieldset>
  );
}
