// The currencies a draft source's amounts are in, read as the engine reads them, so the form asks a rate for each before Create.
import path from 'node:path';
import type { SourceDraft, ValueCount } from '../../../shared/api';
import type { ImportCache } from '../import/createImportCache';
import { amountColumns, planAmountColumns } from '../money/buildAmountColumns';
import type { Database } from '../openDatabase';
import { quoteIdent, quoteLiteral } from '../openDatabase';
import { UserError } from '../UserError';

/**
 * Rows of the draft's `value` field grouped by the currency the engine gives each (Salesforce's `<Amount> Currency`
 * companion, else the mapped `currency` column, else a code or symbol written in a readable amount): like the engine,
 * a row carries its currency column's code even when its amount is empty. Rows with none are in `reportingCurrency`
 * (left out when there is none). A bare `$` that cannot be the reporting currency is listed as `$`. `db` is used one
 * call at a time by the caller.
 */
export async function listAmountCurrencies(db: Database, imports: ImportCache, draft: SourceDraft, reportingCurrency?: string): Promise<ValueCount[]> {
  const column = draft.value ? draft.fields[draft.value] : undefined;
  if (!draft.value || !column) return [];
  const entry = await imports.load(path.resolve(draft.file), draft.sheet);
  for (const name of [column, draft.fields.currency]) {
    if (name && !entry.columns.includes(name)) throw new UserError(`${draft.file}: no column '${name}' (columns: ${entry.columns.join(', ')})`, 'invalid_argument');
  }
  const code = reportingCurrency?.trim().toUpperCase() || undefined;
  const plan = await planAmountColumns(db, {
    rawTable: entry.table,
    amountFields: { amount: column },
    fileColumns: entry.columns,
    currencyColumn: draft.fields.currency || undefined,
    reportingCurrency: code,
    rates: {},
  });
  const names = amountColumns('amount');
  const currency = `coalesce(${quoteIdent(names.currency)}, ${code ? quoteLiteral(code) : 'NULL'})`;
  const rows = await db.all<{ value: string; n: string }>(
    `SELECT ${currency} AS value, count(*) AS n FROM (SELECT ${plan.select.join(', ')} FROM ${plan.from} r)
     WHERE (${quoteIdent(names.currency)} IS NOT NULL OR NOT ${quoteIdent(names.missing)}) AND ${currency} IS NOT NULL GROUP BY 1 ORDER BY n DESC, value`,
  );
  return rows.map((r) => ({ value: r.value, count: Number(r.n) }));
}
