// One workbook cell: a text as a string cell exactly as given (never a formula, never prefixed), a number as a number, null as nothing.
import type { CellObject } from '@e965/xlsx';

/** Excel's longest cell text. */
const MAX_CELL_TEXT = 32_767;

/**
 * Excel reads `_xHHHH_` inside a string as an escaped character; an underscore written as `_x005F_` keeps such a
 * text as it is. A text longer than a cell holds cannot be written whole: it is cut and says so.
 */
function escapeCellText(value: string): string {
  const text = value.length > MAX_CELL_TEXT ? `${value.slice(0, MAX_CELL_TEXT - 80)} [cut: ${value.length} characters, an Excel cell holds ${MAX_CELL_TEXT}]` : value;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_');
}

export function makeCell(value: string | number | null | undefined): CellObject | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return { t: 'n', v: value };
  return value === '' ? null : { t: 's', v: escapeCellText(value) };
}
