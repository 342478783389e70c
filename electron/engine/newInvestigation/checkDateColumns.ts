// Before Create writes anything: each side's chosen date column must hold dates, read by the engine's own rules.
import path from 'node:path';
import type { FieldProblem, NewInvestigation } from '../../../shared/api';
import { describeUnreadableDates } from '../../../shared/describeUnreadableDates';
import { previewDates } from './previewDates';

/**
 * A column where most values do not read as dates is the wrong column, not a column with a few bad values
 * (those are kept and listed as unreadable_date). Runs at Create only: it reads the whole export.
 */
export async function checkDateColumns(spec: NewInvestigation): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  for (const side of ['left', 'right'] as const) {
    const draft = spec[side];
    const column = draft.fields[draft.dateField];
    if (!column) continue;
    const preview = await previewDates(path.resolve(draft.file), draft.sheet ?? null, column, draft.timezone);
    if (preview.nonEmpty === 0) problems.push({ field: `${side}.dateField`, message: `'${column}' is empty on every row: choose the column that holds the date that counts` });
    else if (preview.unreadable * 2 > preview.nonEmpty) {
      problems.push({ field: `${side}.dateField`, message: `${describeUnreadableDates(preview) ?? ''}: choose a column that holds dates` });
    }
  }
  return problems;
}
