// The canonical name a compared pair of columns goes by on both sides: a name either side already gives it, else one made from the column.
import type { SourceDraft } from '../../shared/api';

function findName(draft: SourceDraft, column: string): string | undefined {
  return Object.entries(draft.fields).find(([name, c]) => c === column && name !== 'key' && name !== draft.value)?.[0];
}

/** Names the contract gives a meaning of their own: the metric's amount, the record id, the form's key. */
const RESERVED = ['value', 'id', 'key'];

function isFree(draft: SourceDraft, name: string, column: string): boolean {
  if (RESERVED.includes(name.toLowerCase())) return false;
  const mapped = Object.entries(draft.fields).find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
  return mapped === undefined || mapped === '' || mapped === column;
}

/** `Deal Stage` and `Stage`, both already `stage`: stage. `Close Date` -> close_date. A name taken by another column on either side is not used. */
export function nameCompareField(left: SourceDraft, right: SourceDraft, leftColumn: string, rightColumn: string): string {
  const candidates = [findName(left, leftColumn), findName(right, rightColumn)].filter((n): n is string => n !== undefined);
  const made = leftColumn
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const base = /^[a-z]/.test(made) ? made : `f_${made || 'field'}`;
  for (const name of [...candidates, base]) if (isFree(left, name, leftColumn) && isFree(right, name, rightColumn)) return name;
  for (let n = 2; ; n++) if (isFree(left, `${base}_${n}`, leftColumn) && isFree(right, `${base}_${n}`, rightColumn)) return `${base}_${n}`;
}
