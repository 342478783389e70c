// Refuses amounts the contract cannot convert: a currency without a rate, or a bare `$` that is no reporting dollar.
import type { Database } from '../openDatabase';
import { quoteIdent } from '../openDatabase';
import { UserError } from '../UserError';
import { AMBIGUOUS_DOLLAR, amountColumns } from './buildAmountColumns';

export interface CurrencyCheckInput {
  table: string;
  field: string;
  column: string;
  fileLabel: string;
  sourceName: string;
  currency?: string;
  rates: Readonly<Record<string, string>>;
  /** `contract.yaml:5: reporting.rates`: where the fix goes. */
  where: string;
}

/** Readable amounts whose converted value came out empty carry a currency that has no rate (money.md). */
export async function checkAmountCurrencies(db: Database, input: CurrencyCheckInput): Promise<void> {
  const c = amountColumns(input.field);
  const rows = await db.all<{ currency: string; n: string; first_id: string }>(
    `SELECT ${quoteIdent(c.currency)} AS currency, count(*) AS n, min(__id) AS first_id FROM ${quoteIdent(input.table)}
     WHERE ${quoteIdent(c.cents)} IS NULL AND NOT ${quoteIdent(c.missing)} GROUP BY 1 ORDER BY count(*) DESC, 1`,
  );
  if (rows.length === 0) return;
  const problems = rows.map((row) => {
    const count = `${row.n} row${row.n === '1' ? '' : 's'} (first: id ${row.first_id})`;
    return row.currency === AMBIGUOUS_DOLLAR
      ? `${count} of column '${input.column}' in ${input.fileLabel} are written with a bare '$', which is not the reporting currency ${input.currency ?? ''}: map a currency column or write the code (USD, CAD...)`
      : `source '${input.sourceName}' (${input.fileLabel}) has ${count} in ${row.currency} in column '${input.column}', and rates has no ${row.currency}`;
  });
  throw new UserError(`${input.where}: ${problems.join('; ')}; add the missing rate${rows.length > 1 ? 's' : ''} (units of ${input.currency ?? 'the reporting currency'} for 1 unit) under reporting.rates`);
}
