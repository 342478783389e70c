// Refuses amounts the contract cannot convert: a currency without a rate, or a bare `$` that is no reporting dollar.
import type { Database } from '../openDatabase';
import { quoteIdent, quoteLiteral } from '../openDatabase';
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

/**
 * money.md: "a currency that appears in a file and has no rate is an error", so every row carrying one counts,
 * an empty amount's included. Without a reporting currency amounts are taken as they are and nothing is refused.
 */
export async function checkAmountCurrencies(db: Database, input: CurrencyCheckInput): Promise<void> {
  const c = amountColumns(input.field);
  const currency = quoteIdent(c.currency);
  const known = input.currency === undefined ? undefined : [input.currency, ...Object.keys(input.rates)].map(quoteLiteral).join(', ');
  const rows = await db.all<{ currency: string; n: string; first_id: string }>(
    `SELECT ${currency} AS currency, count(*) AS n, min(__id) AS first_id FROM ${quoteIdent(input.table)}
     WHERE ${currency} = ${quoteLiteral(AMBIGUOUS_DOLLAR)}${known === undefined ? '' : ` OR ${currency} NOT IN (${known})`}
     GROUP BY 1 ORDER BY count(*) DESC, 1`,
  );
  if (rows.length === 0) return;
  const count = (row: (typeof rows)[number]) => `${row.n} row${row.n === '1' ? '' : 's'} (first: id ${row.first_id})`;
  const dollars = rows.find((row) => row.currency === AMBIGUOUS_DOLLAR);
  if (dollars) {
    const verb = dollars.n === '1' ? 'is' : 'are';
    throw new UserError(
      `${input.fileLabel}: ${count(dollars)} of column '${input.column}' ${verb} written with a bare '$', which is not the reporting currency ${input.currency ?? ''}: map a currency column or write the code (USD, CAD...) in the values`,
    );
  }
  const problems = rows.map((row) => `source '${input.sourceName}' (${input.fileLabel}) has ${count(row)} in ${row.currency} in column '${input.column}', and rates has no ${row.currency}`);
  throw new UserError(`${input.where}: ${problems.join('; ')}; add the missing rate${rows.length > 1 ? 's' : ''} (units of ${input.currency ?? 'the reporting currency'} for 1 unit) under reporting.rates`);
}
