// Finds the columns of an imported table that could be its record id: non-empty and distinct on every row.
import type { Database } from '../openDatabase';
import { quoteIdent } from '../openDatabase';

export async function listUniqueColumns(db: Database, table: string, columns: readonly string[]): Promise<string[]> {
  if (columns.length === 0) return [];
  // One scan for every column: a count of distinct values and of blanks each, beside the row count.
  const measures = columns.flatMap((c, i) => {
    const col = quoteIdent(c);
    return [`count(DISTINCT ${col}) AS d${i}`, `count(*) FILTER (WHERE ${col} IS NULL OR trim(${col}) = '') AS b${i}`];
  });
  const [row] = await db.all<Record<string, string>>(`SELECT count(*) AS n, ${measures.join(', ')} FROM ${quoteIdent(table)}`);
  if (!row || row.n === '0') return [];
  return columns.filter((_, i) => row[`d${i}`] === row.n && row[`b${i}`] === '0');
}
