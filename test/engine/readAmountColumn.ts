// Test support: amount texts in a table of strings read with buildAmountSql, each reading printed exactly.
import { quoteIdent, type Database } from '../../electron/engine/openDatabase';
import { buildAmountSql, type AmountSqlOptions } from '../../electron/engine/money/buildAmountSql';

export interface AmountReading {
  text: string | null;
  value: string | null; // exact, trailing zeros of the DECIMAL(38,10) dropped: '-1200', '1234.56'
  currency: string | null;
  empty: boolean;
  unreadable: boolean;
  ambiguous: boolean;
}

let tables = 0;

/** A fresh table of strings, like an import makes (column "v", and row_no). */
export async function createTextTable(db: Database, values: readonly (string | null)[]): Promise<string> {
  const table = `amounts_${tables++}`;
  await db.run(`CREATE TABLE ${table} (row_no INTEGER, v VARCHAR)`);
  await db.appendRows(table, values.map((v, i) => [i + 1, v]));
  return table;
}

export async function readAmountColumn(db: Database, table: string, column: string, options: AmountSqlOptions): Promise<AmountReading[]> {
  return db.all<AmountReading>(
    `SELECT ${quoteIdent(column)} AS text, regexp_replace(regexp_replace(CAST(a.value AS VARCHAR), '0+$', ''), '\\.$', '') AS value,
            a.currency, a.empty, a.unreadable, a.ambiguous_currency AS ambiguous
     FROM (${buildAmountSql(quoteIdent(table), quoteIdent(column), 'a', options)}) ORDER BY row_no`,
  );
}

/** units × 10^-scale as readAmountColumn prints a value: no trailing zeros, no trailing point. */
export function formatExact(units: bigint, scale: number): string {
  const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  return `${units < 0n ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}
