// A draft with another column as the date that counts, named after what that column means.
import type { SourceDraft } from '../../shared/api';
import { nameDateField } from '../../shared/nameDateField';

export function chooseDateColumn(draft: SourceDraft, column: string): SourceDraft {
  const fields = { ...draft.fields };
  // The previous anchor's entry goes: a field left behind would name a date nobody chose.
  if (draft.dateField) delete fields[draft.dateField];
  if (!column) return { ...draft, fields, dateField: '' };
  let name = nameDateField(column);
  // Another field of that name on another column (two "Date" columns): the second one is numbered.
  for (let n = 2; fields[name] !== undefined && fields[name] !== column; n++) name = `${nameDateField(column)}_${n}`;
  fields[name] = column;
  return { ...draft, fields, dateField: name };
}
