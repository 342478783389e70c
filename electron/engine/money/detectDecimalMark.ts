// Decides, per amount column, whether the decimal mark is a point or a comma, as spec/money.md ("Amounts") says.
import type { Database } from '../openDatabase';
import { quoteIdent } from '../openDatabase';
import { buildAmountPartsSql, buildAmountShapeSql, buildNumberFormSql, type DecimalMark } from './buildAmountSql';

export interface DecimalMarkReading {
  decimal: DecimalMark;
  /** The column had values like `1,234` or `1.234` and nothing settled them: read as point, and the import summary says so. */
  ambiguous: boolean;
  /** Values only a point reads (`12.50`, `1,234.5`) and values only a comma reads (`12,50`, `1.234,5`). */
  pointRows: number;
  commaRows: number;
}

/**
 * `decimal` given by the source wins. Otherwise a value proves a mark when it reads with that mark only;
 * `1,234` and `1.234` read with both and prove nothing. When both marks have proofs the larger count
 * wins (the other rows then come out unreadable and are listed); a tie goes to point, like no proof.
 */
export async function detectDecimalMark(db: Database, table: string, column: string, given?: DecimalMark): Promise<DecimalMarkReading> {
  if (given) return { decimal: given, ambiguous: false, pointRows: 0, commaRows: 0 };
  const point = buildNumberFormSql('n', 'point');
  const comma = buildNumberFormSql('n', 'comma');
  // Counted per shape (digits written 9): what proves a mark depends only on it, and a column has few shapes.
  const [counts] = await db.all<{ point_rows: number; comma_rows: number; both_rows: number }>(
    `SELECT coalesce(sum(rows) FILTER (WHERE ${point} AND NOT ${comma}), 0)::INT AS point_rows,
            coalesce(sum(rows) FILTER (WHERE ${comma} AND NOT ${point}), 0)::INT AS comma_rows,
            coalesce(sum(rows) FILTER (WHERE ${point} AND ${comma} AND regexp_matches(n, '[.,]')), 0)::INT AS both_rows
     FROM (SELECT (${buildAmountPartsSql('shape')}).number AS n, rows
       FROM (SELECT ${buildAmountShapeSql(quoteIdent(column))} AS shape, count(*) AS rows FROM ${quoteIdent(table)} GROUP BY shape))`,
  );
  const pointRows = counts?.point_rows ?? 0;
  const commaRows = counts?.comma_rows ?? 0;
  return { decimal: commaRows > pointRows ? 'comma' : 'point', ambiguous: pointRows + commaRows === 0 && (counts?.both_rows ?? 0) > 0, pointRows, commaRows };
}
