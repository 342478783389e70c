// The sheets of a workbook, each with its size and first rows; choosing one reads that sheet.
import type { SheetPreview } from '../../../shared/api';
import { formatCount } from '../../model/formatCount';
import { FieldProblems } from './FieldProblems';

interface Props {
  label: 'Left' | 'Right';
  sheets: readonly SheetPreview[];
  chosen: string | undefined;
  disabled: boolean;
  problems: readonly string[];
  onChoose(sheet: string): void;
}

const SHOWN_ROWS = 3;
const SHOWN_COLUMNS = 5;

export function SheetPicker({ label, sheets, chosen, disabled, problems, onChoose }: Props) {
  const problemId = `${label.toLowerCase()}-sheet-problem`;
  return (
    <fieldset className="sheet-picker" aria-describedby={problems.length > 0 ? problemId : undefined}>
      <legend>{label} workbook sheet</legend>
      <div className="sheet-options">
        {sheets.map((sheet) => (
          <div key={sheet.name} className={`sheet-option${sheet.name === chosen ? ' chosen' : ''}`}>
            <label className="sheet-title">
              <input type="radio" name={`${label}-sheet`} value={sheet.name} checked={sheet.name === chosen} disabled={disabled || sheet.columns.length === 0} onChange={() => onChoose(sheet.name)} />
              <strong>{sheet.name}</strong> <span className="muted">{sheet.columns.length === 0 ? 'empty' : `${formatCount(sheet.rows)} row${sheet.rows === 1 ? '' : 's'}`}</span>
            </label>
            {sheet.columns.length > 0 ? (
              <table className="sheet-sample" aria-label={`First rows of ${sheet.name}`}>
                <thead>
                  <tr>
                    {sheet.columns.slice(0, SHOWN_COLUMNS).map((c) => (
                      <th key={c} scope="col">
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {sheet.sampleRows.slice(0, SHOWN_ROWS).map((row, i) => (
                    <tr key={i}>
                      {row.slice(0, SHOWN_COLUMNS).map((v, j) => (
                        <td key={j}>{v ?? ''}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </div>
        ))}
      </div>
      <FieldProblems id={problemId} messages={problems} />
    </fieldset>
  );
}
