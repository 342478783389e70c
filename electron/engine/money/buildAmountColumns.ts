// Reads a source's amount fields into typed columns (money.md "Amounts"): converted cents, currency, missing, unreadable.
import type { DecimalMark } from '../../../shared/contractTypes';
import type { AmountColumn } from '../../../shared/reportTypes';
import { pairCurrencyColumns } from '../../../shared/pairCurrencyColumns';
import type { Database } from '../openDatabase';
import { quoteIdent, quoteLiteral } from '../openDatabase';
import { buildAmountSql, buildConvertedAmountSql } from './buildAmountSql';
import { detectDecimalMark } from './detectDecimalMark';

/** The typed columns of one amount field in a source table. */
export function amountColumns(field: string): { cents: string; missing: string; unreadable: string; currency: string } {
  return { cents: `__v_${field}`, missing: `__vm_${field}`, unreadable: `__vu_${field}`, currency: `__vc_${field}` };
}

export interface AmountPlanInput {
  rawTable: string;
  /** Amount field -> the file's column. */
  amountFields: Record<string, string>;
  /** Every column of the file, to find Salesforce's `<column> Currency` companions. */
  fileColumns: readonly string[];
  /** The column mapped as the canonical field `currency`, when there is one: it wins over any symbol (a column's own Salesforce companion wins over it). */
  currencyColumn?: string;
  decimal?: DecimalMark;
  reportingCurrency?: string;
  rates: Readonly<Record<string, string>>;
}

export interface AmountPlan {
  /** A query over the raw table adding one reading STRUCT per amount field (`__amt_<field>`). */
  from: string;
  /** SELECT items (over alias r) writing the typed columns of every amount field. */
  select: string[];
  /** How each amount column was read, for the source's report. */
  columns: AmountColumn[];
}

/** The marker a row's currency takes when it is written `$` and the reporting currency is no dollar currency. */
export const AMBIGUOUS_DOLLAR = '$';

/** The rate CASE: 1 for the reporting currency (or for every row when there is none), the contract's rate, else NULL. */
function buildRateSql(currency: string, input: AmountPlanInput): string {
  if (input.reportingCurrency === undefined) return '1';
  const cases = Object.entries(input.rates).map(([code, rate]) => `WHEN ${quoteLiteral(code)} THEN ${rate}`);
  return `(CASE coalesce(${currency}, ${quoteLiteral(input.reportingCurrency)}) WHEN ${quoteLiteral(input.reportingCurrency)} THEN 1 ${cases.join(' ')} END)`;
}

export async function planAmountColumns(db: Database, input: AmountPlanInput): Promise<AmountPlan> {
  let from = quoteIdent(input.rawTable);
  const select: string[] = [];
  const columns: AmountColumn[] = [];
  const companions = new Map(pairCurrencyColumns(input.fileColumns).map((pair) => [pair.amount, pair.currency]));
  for (const [field, column] of Object.entries(input.amountFields)) {
    const reading = await detectDecimalMark(db, input.rawTable, column, input.decimal);
    columns.push({ column, decimal: reading.decimal, ambiguous: reading.ambiguous });
    const struct = `__amt_${field}`;
    from = `(${buildAmountSql(from, quoteIdent(column), struct, { decimal: reading.decimal, reportingCurrency: input.reportingCurrency })})`;
    const a = `r.${quoteIdent(struct)}`;
    // A Salesforce `<column> Currency` companion belongs to this very column (`Amount (converted)` has its own);
    // the mapped `currency` field applies to the source's other amounts. Either wins over a written symbol.
    const perRow = companions.get(column) ?? input.currencyColumn;
    const given = perRow === undefined ? 'NULL' : `nullif(upper(trim(CAST(r.${quoteIdent(perRow)} AS VARCHAR))), '')`;
    const currency = `coalesce(${given}, ${a}.currency, CASE WHEN ${a}.ambiguous_currency THEN ${quoteLiteral(AMBIGUOUS_DOLLAR)} END)`;
    const names = amountColumns(field);
    select.push(
      `${currency} AS ${quoteIdent(names.currency)}`,
      `${buildConvertedAmountSql(`${a}.value`, buildRateSql(currency, input))} AS ${quoteIdent(names.cents)}`,
      `${a}.value IS NULL AS ${quoteIdent(names.missing)}`,
      `${a}.unreadable AS ${quoteIdent(names.unreadable)}`,
    );
  }
  return { from: `${from}`, select, columns };
}
