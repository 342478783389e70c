// One export beside the bridge's two: what it was recognised as, its name, zone and record id, and every field it carries (each changeable or removable).
import type { ExportPreview, ExtraSourceDraft, FieldProblem } from '../../../../shared/api';
import { SYSTEMS } from '../../../../shared/contractTypes';
import { ExportReadSummary } from '../ExportReadSummary';
import { FieldProblems } from '../FieldProblems';
import { ChoiceField } from './ChoiceField';

interface Props {
  /** "Export 1": names every control of this export. */
  label: string;
  draft: ExtraSourceDraft;
  preview: ExportPreview | null;
  problems: readonly FieldProblem[];
  onChange(draft: ExtraSourceDraft): void;
  onRemove(): void;
}

/** `Lead Source` -> lead_source: the canonical name a column is carried under when the user adds it. */
function nameField(column: string): string {
  const name = column
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[a-z]/.test(name) ? name : `f_${name}`;
}

export function ExtraSourceForm({ label, draft, preview, problems, onChange, onRemove }: Props) {
  const columns = preview?.columns ?? Object.values(draft.fields);
  const problemId = `${label.toLowerCase().replace(/\s+/g, '-')}-problem`;
  const setField = (field: string, column: string) => onChange({ ...draft, fields: { ...draft.fields, [field]: column } });
  const removeField = (field: string) => {
    const fields = { ...draft.fields };
    delete fields[field];
    onChange({ ...draft, fields });
  };
  const free = columns.filter((c) => !Object.values(draft.fields).includes(c));
  return (
    <fieldset className="source-form extra-source">
      <legend>
        {label}: {draft.name}
      </legend>
      {preview ? <ExportReadSummary preview={preview} /> : null}
      <FieldProblems id={problemId} messages={problems.map((p) => p.message)} />
      <div className="mapping-grid">
        <ChoiceField title="Source name" name={`${label} source name`} value={draft.name} onChange={(name) => onChange({ ...draft, name })} />
        <ChoiceField title="System" name={`${label} system`} value={draft.system} choices={SYSTEMS} onChange={(system) => onChange({ ...draft, system: system as ExtraSourceDraft['system'] })} />
        <ChoiceField title="Time zone of the file" name={`${label} time zone of the file`} value={draft.timezone} onChange={(timezone) => onChange({ ...draft, timezone })} />
        <ChoiceField title="Record id column" name={`${label} record id column`} value={draft.id ?? ''} choices={columns} none="(the row number)" onChange={(id) => onChange({ ...draft, id: id || undefined })} />
      </div>
      <table className="field-map">
        <caption>{label}: the columns carried into the contract, under the names the declarations below use</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Column in the file</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
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
              <td>
                <button type="button" className="link-button" aria-label={`${label}: remove ${field}`} onClick={() => removeField(field)}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="inline-form">
        {free.length > 0 ? (
          <label className="field">
            <span>Carry another column</span>
            <select aria-label={`${label}: carry another column`} value="" onChange={(e) => e.target.value && setField(nameField(e.target.value), e.target.value)}>
              <option value="">(choose a column)</option>
              {free.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="button" className="link-button" aria-label={`Remove ${label.toLowerCase()}`} onClick={onRemove}>
          Remove this export
        </button>
      </div>
    </fieldset>
  );
}
