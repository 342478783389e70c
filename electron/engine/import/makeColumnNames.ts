// Turns header cells into unique column names: trimmed, blanks as "Column N", repeats as "Name (2)".
export const ROW_NO = 'row_no';

export function makeColumnNames(headerCells: readonly string[]): string[] {
  // DuckDB identifiers ignore case, and row_no is ours: both count as taken.
  const taken = new Set<string>([ROW_NO]);
  return headerCells.map((cell, i) => {
    const base = cell.trim() === '' ? `Column ${i + 1}` : cell.trim();
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    taken.add(name.toLowerCase());
    return name;
  });
}
