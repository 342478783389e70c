// The three choices that make a side: its record id column, the key that says two records are the same, the date that counts.
import type { ExportPreview, FieldProblem, SourceDraft } from '../../shared/api';
import { describeUnreadableDates } from '../../shared/describeUnreadableDates';
import { chooseDateColumn } from '../model/chooseDateColumn';
import { selectProblems } from '../model/selectProblems';
import { DatePreviewTable } from './DatePreviewTable';
import { FieldProblems } from './FieldProblems';
import { useDatePreview } from './useDatePreview';

interface Props {
  label: 'Left' | 'Right';
  preview: ExportPreview;
  draft: SourceDraft;
  problems: readonly FieldProblem[];
  onChange(draft: SourceDraft): void;
}

export function RecordColumnChoices({ label, preview, draft, problems, onChange }: Props) {
  const lower = label.toLowerCase();
  const dateColumn = draft.dateField ? (draft.fields[draft.dateField] ?? '') : '';
  const dates = useDatePreview(preview.file, draft.sheet, dateColumn, draft.timezone);
  const unique = new Set(preview.uniqueColumns);
  const readAsDates = preview.dateColumns ?? [];
  const otherColumns = preview.columns.filter((c) => !readAsDates.includes(c));

  const idProblems = selectProblems(problems, ['id']);
  // An id that repeats or is blank would stop Create: said here, where it is chosen.
  if (draft.id && !unique.has(draft.id)) idProblems.unshift(`'${draft.id}' is empty or repeats on some rows; an id must name one record each (or use the row number).`);
  const keyProblems = selectProblems(problems, ['fields.key']);
  const dateProblems = selectProblems(problems, ['dateField', ...(draft.dateField ? [`fields.${draft.dateField}`] : [])]);
  const unreadable = dates.preview && dates.preview.column.trim().toLowerCase() === dateColumn.trim().toLowerCase() ? describeUnreadableDates(dates.preview) : undefined;
  if (unreadable) dateProblems.unshift(unreadable);
  const ids = { id: `${lower}-id-problem`, key: `${lower}-key-problem`, date: `${lower}-date-problem` };

  return (
    <div className="record-choices">
      <label className="field">
        <span>{label} record id column</span>
        <select
          value={draft.id ?? ''}
          aria-invalid={idProblems.length > 0 || undefined}
          aria-describedby={idProblems.length > 0 ? ids.id : undefined}
          onChange={(e) => onChange({ ...draft, id: e.target.value || undefined })}
        >
          <option value="">(row number in the file)</option>
          {preview.columns.map((c) => (
            <option key={c} value={c}>
              {unique.has(c) ? `${c} — unique` : c}
            </option>
          ))}
        </select>
        <FieldProblems id={ids.id} messages={idProblems} />
        <span className="hint">Names each record in lists and exports. Columns marked unique have a different, non-empty value on every row.</span>
      </label>

      <label className="field">
        <span>{label} key that says two records are the same</span>
        <select
          value={draft.fields.key ?? ''}
          aria-invalid={keyProblems.length > 0 || undefined}
          aria-describedby={keyProblems.length > 0 ? ids.key : undefined}
          onChange={(e) => onChange({ ...draft, fields: { ...draft.fields, key: e.target.value } })}
        >
          <option value="">(choose a column)</option>
          {preview.columns.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <FieldProblems id={ids.key} messages={keyProblems} />
        <span className="hint">Any column both exports share: an e-mail address, an id both systems carry, a phone number. A record here and one on the other side are the same when their keys are equal.</span>
      </label>

      <div className="field">
        <label className="field">
          <span>{label} date that counts</span>
          <select
            value={dateColumn}
            aria-invalid={dateProblems.length > 0 || undefined}
            aria-describedby={dateProblems.length > 0 ? ids.date : undefined}
            onChange={(e) => onChange(chooseDateColumn(draft, e.target.value))}
          >
            <option value="">(choose a column)</option>
            {readAsDates.length > 0 ? (
              <optgroup label="Columns that read as dates">
                {readAsDates.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </optgroup>
            ) : null}
            <optgroup label={readAsDates.length > 0 ? 'Other columns' : 'Columns'}>
              {otherColumns.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <FieldProblems id={ids.date} messages={dateProblems} />
        <span className="hint">
          {draft.dateField ? (
            <>
              Puts each record in the period or out of it. In the contract: <code>{draft.dateField}</code>.
            </>
          ) : (
            'Puts each record in the period or out of it.'
          )}
        </span>
        {dateColumn ? <DatePreviewTable label={label} timezone={draft.timezone} state={dates} /> : null}
      </div>
    </div>
  );
}
