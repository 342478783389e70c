// One export of a new investigation: where it is, which sheet, what was read, and its record id, key and date in the user's words.
import { useState } from 'react';
import type { ExportPreview, FieldProblem, SourceDraft } from '../../../shared/api';
import { draftFromPreview } from '../../model/draftFromPreview';
import { selectProblems } from '../../model/selectProblems';
import { useSessionStore } from '../../stores/useSessionStore';
import { AmountChoices } from './AmountChoices';
import { CarriedFieldsTable } from './CarriedFieldsTable';
import { ExportFileChooser } from './ExportFileChooser';
import { ExportReadSummary } from './ExportReadSummary';
import { FieldProblems } from './FieldProblems';
import { RecordColumnChoices } from './RecordColumnChoices';
import { RuleBuilder } from '../rules/RuleBuilder';
import { SheetPicker } from './SheetPicker';
import { SourceNamingFields } from './SourceNamingFields';

interface Props {
  /** "Left" or "Right": names every control of this half of the form. */
  label: 'Left' | 'Right';
  draft: SourceDraft | null;
  onChange(draft: SourceDraft | null): void;
  /** What the export read as (null when it did not read): the investigation's compare fields and key suggestions use it. */
  onPreview?(preview: ExportPreview | null): void;
  /** This side's problems, paths without the side (`file`, `fields.key`, `dateField`...). */
  problems?: FieldProblem[];
  /** The investigation's reporting zone: date rules of the rule builder compare dates in it. */
  reportingZone?: string;
}

/** The fields shown by a control of their own; any other problem is listed at the end of the side. */
function isShownByAControl(field: string, draft: SourceDraft | null): boolean {
  const own = ['file', 'sheet', 'name', 'system', 'metric', 'timezone', 'id', 'fields.key', 'dateField', 'value', 'fields.currency'];
  return own.includes(field) || (draft !== null && (field === `fields.${draft.dateField}` || (draft.value !== undefined && field === `fields.${draft.value}`)));
}

export function ExportSourceForm({ label, draft, onChange, onPreview, problems = [], reportingZone }: Props) {
  const [preview, setPreview] = useState<ExportPreview | null>(null);
  const [readProblem, setReadProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const lower = label.toLowerCase();

  const read = async (file: string, sheet?: string) => {
    setReading(true);
    setReadProblem(null);
    try {
      const next = await useSessionStore.getState().readExportPreview(file, sheet);
      // Cancelled: the side stays as it was before the file was chosen.
      if (!next) return;
      setPreview(next);
      onPreview?.(next);
      onChange(draftFromPreview(next, lower, draft));
    } catch (error) {
      // A file that cannot be read is this field's problem, said next to it rather than in a banner.
      setPreview(null);
      onPreview?.(null);
      onChange(null);
      setReadProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setReading(false);
    }
  };

  const fileProblems = [...(readProblem ? [readProblem] : []), ...selectProblems(problems, ['file'])];
  const otherProblems = problems.filter((p) => !isShownByAControl(p.field, draft));

  return (
    <fieldset className="source-form">
      <legend>{label} export</legend>
      <ExportFileChooser label={label} reading={reading} problems={fileProblems} onRead={(file) => void read(file)} />
      {preview && draft ? (
        <div className="mapping">
          <ExportReadSummary preview={preview} />
          {preview.sheets && preview.sheets.length > 1 ? (
            <SheetPicker label={label} sheets={preview.sheets} chosen={preview.sheet} disabled={reading} problems={selectProblems(problems, ['sheet'])} onChoose={(sheet) => void read(preview.file, sheet)} />
          ) : null}
          <RecordColumnChoices label={label} preview={preview} draft={draft} problems={problems} onChange={onChange} />
          <AmountChoices label={label} preview={preview} draft={draft} problems={problems} onChange={onChange} />
          <SourceNamingFields label={label} draft={draft} problems={problems} onChange={onChange} />
          <CarriedFieldsTable label={label} preview={preview} draft={draft} onChange={onChange} />
          <FieldProblems id={`${lower}-other-problems`} messages={otherProblems.map((p) => `${p.field}: ${p.message}`)} />
          <RuleBuilder label={label} source={draft} columns={preview.columns} rules={draft.exclude ?? []} reportingZone={reportingZone} onChange={(exclude) => onChange({ ...draft, exclude })} />
        </div>
      ) : null}
    </fieldset>
  );
}
