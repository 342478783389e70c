// The three choices that make a side: its record id column, the key that says two records are the same, the date that counts.
import type { ExportPreview, FieldProblem, SourceDraft } from '../../../shared/api';
import { describeUnreadableDates } from '../../../shared/describeUnreadableDates';
import { chooseDateColumn } from '../../model/chooseDateColumn';
import { selectProblems } from '../../model/selectProblems';
import { DatePreviewTable } from './DatePreviewTable';
import { FileTimezoneField } from './FileTimezoneField';
import { LabelledField } from './LabelledField';
import { useDatePreview } from './useDatePreview';

interface Props {
  label: 'Left' | 'Right';
  preview: ExportPreview;
  draft: SourceDraft;
  problems: readonly FieldProblem[];
  onChange(draft: SourceDraft): void;
}

/** The key select's value for "the record id": a header starting with a tab is no header any export writes. */
const RECORD_ID = '\t(record id)';

/** The record id as the key (money.md `match: id`), or a column. */
function chooseKey(draft: SourceDraft, choice: string): SourceDraft {
  const fields = { ...draft.fields };
  if (choice === RECORD_ID) {
    delete fields.key;
    return { ...draft, fields, keyIsId: true };
  }
  return { ...draft, fields: { ...fields, key: choice }, keyIsId: undefined };
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
  // Only a preview of the column chosen now: a slower answer about the previous choice is not its problem.
  const unreadable = dates.preview && dates.preview.column.trim().toLowerCase() === dateColumn.trim().toLowerCase() ? describeUnreadableDates(dates.preview) : undefined;
  if (unreadable) dateProblems.unshift(unreadable);
  const ids = { id: `${lower}-id-problem`, key: `${lower}-key-problem`, date: `${lower}-date-problem` };
  const described = (messages: readonly string[], id: string) => ({ 'aria-invalid': messages.length > 0 || undefined, 'aria-describedby': messages.length > 0 ? id : undefined });

  return (
    <div className="record-choices">
      <LabelledField
        title={`${label} record id column`}
        problemId={ids.id}
        messages={idProblems}
        hint="Names each record in lists and exports. Unique: a different, non-empty value on every row."
      >
        <select value={draft.id ?? ''} {...described(idProblems, ids.id)} onChange={(e) => onChange({ ...draft, id: e.target.value || undefined })}>
          <option value="">(row number in the file)</option>
          {preview.columns.map((c) => (
            <option key={c} value={c}>
              {unique.has(c) ? `${c} — unique` : c}
            </option>
          ))}
        </select>
      </LabelledField>

      <LabelledField
        title={`${label} key that says two records are the same`}
        problemId={ids.key}
        messages={keyProblems}
        hint="Any column both exports share (an e-mail address, an id both systems carry, a phone number), or the record id: a record here and one there with equal keys are the same."
      >
        <select value={draft.keyIsId ? RECORD_ID : (draft.fields.key ?? '')} {...described(keyProblems, ids.key)} onChange={(e) => onChange(chooseKey(draft, e.target.value))}>
          <option value="">(choose a column)</option>
          {draft.id ? <option value={RECORD_ID}>{`the record id (${draft.id})`}</option> : null}
          {preview.columns.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </LabelledField>

      <div className="date-choice">
        <LabelledField
          title={`${label} date that counts`}
          problemId={ids.date}
          messages={dateProblems}
          hint={
            draft.dateField ? (
              <>
                Puts each record in the period or out of it. In the contract: <code>{draft.dateField}</code>.
              </>
            ) : (
              'Puts each record in the period or out of it.'
            )
          }
        >
          <select value={dateColumn} {...described(dateProblems, ids.date)} onChange={(e) => onChange(chooseDateColumn(draft, e.target.value))}>
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
        </LabelledField>
        <FileTimezoneField label={label} draft={draft} hint={preview.timezoneHint} problems={problems} onChange={onChange} />
        {dateColumn ? <DatePreviewTable label={label} timezone={draft.timezone} state={dates} /> : null}
      </div>
    </div>
  );
}
