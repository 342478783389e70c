// The other columns carried into the contract under canonical names (status, source...), each changeable or removable.
import type { ExportPreview, SourceDraft } from '../../../shared/api';

interface Props {
  label: 'Left' | 'Right';
  preview: ExportPreview;
  draft: SourceDraft;
  onChange(draft: SourceDraft): void;
}

export function CarriedFieldsTable({ label, preview, draft, onChange }: Props) {
  // The key, the date, the amount and its currency have controls of their own.
  const carried = Object.entries(draft.fields).filter(([field]) => field !== 'key' && field !== draft.dateField && field !== draft.value && !(draft.value && field === 'currency'));
  if (carried.length === 0) return null;
  const remove = (field: string) => {
    const fields = { ...draft.fields };
    delete fields[field];
    onChange({ ...draft, fields });
  };
  return (
    <table className="field-map">
      <caption>{label}: other columns carried into the contract (usable in rules)</caption>
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
        {carried.map(([field, column]) => (
          <tr key={field}>
            <th scope="row">{field}</th>
            <td>
              <select aria-label={`${label} column for ${field}`} value={column} onChange={(e) => onChange({ ...draft, fields: { ...draft.fields, [field]: e.target.value } })}>
                <option value="">(choose a column)</option>
                {preview.columns.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </td>
            <td>
              <button type="button" className="link-button" aria-label={`${label}: remove ${field}`} onClick={() => remove(field)}>
                Remove
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
