// SQL that reads an exported amount text the way spec/money.md ("Amounts") describes: exact value, currency, empty vs unreadable.
import { quoteLiteral } from '../openDatabase';

/** Which character separates the cents: `12,500.00` is point, `12.500,00` is comma. */
export type DecimalMark = 'point' | 'comma';

export interface AmountSqlOptions {
  decimal: DecimalMark;
  /** reporting.currency (ISO code) when the contract has one: decides what a bare `$` means. */
  reportingCurrency?: string;
}

/** The readings of one exported amount, each a self-contained SQL expression over the column. */
export interface AmountSql {
  /** DECIMAL(38,10): the amount as written, exact, below 10^15 in size (NULL when empty or unreadable); not yet converted nor rounded. */
  value: string;
  /** VARCHAR: the ISO code the value carries (`USD 12`, `12 €`), NULL when none or when a `$` is ambiguous. */
  currency: string;
  /** BOOLEAN: NULL, blank or only spaces (a missing value). */
  empty: string;
  /** BOOLEAN: something is written but it is no amount (listed in the source's `unreadable`). */
  unreadable: string;
  /** BOOLEAN: a readable amount with a bare `$` while the reporting currency is no dollar currency. */
  ambiguousCurrency: string;
}

// Currencies written `$`: a bare `$` can only be taken as the reporting currency when it is one of them.
const DOLLAR_CURRENCIES = ['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN', 'TWD', 'ARS', 'CLP', 'COP'];
const AMOUNT_LIMIT = '1000000000000000';
const SYMBOLS: Record<string, string> = { 'US$': 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };

// A currency before or after the number, a minus before or after a leading currency, or parentheses
// around it all (accounting negatives). The number itself is checked afterwards against the column's decimal mark.
const CURRENCY = `([A-Za-z]{3}|US\\$|[$€£¥])?`;
const PARTS = `^(\\()?\\s*(-)?\\s*${CURRENCY}\\s*(-)?\\s*([0-9., ]*[0-9.,](?:[eE][+-]?[0-9]+)?)\\s*${CURRENCY}\\s*(\\))?$`;
const PART_NAMES = `['open', 'minus1', 'before', 'minus2', 'number', 'after', 'close']`;

// Thousands grouped by `,` or by a space (never both in one value), or no grouping and then an exponent is allowed.
const NUMBER_FORMS: Record<DecimalMark, string> = {
  point: `[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]*)?|[0-9]{1,3}( [0-9]{3})+(\\.[0-9]*)?|([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?`,
  comma: `[0-9]{1,3}(\\.[0-9]{3})+(,[0-9]*)?|[0-9]{1,3}( [0-9]{3})+(,[0-9]*)?|([0-9]+(,[0-9]*)?|,[0-9]+)([eE][+-]?[0-9]+)?`,
};

/** The value trimmed, with no-break, narrow no-break and thin spaces (thousands separators in many locales) as plain spaces. */
function buildSpacedSql(column: string): string {
  return `trim(regexp_replace(${column}, '[\\x{00A0}\\x{202F}\\x{2009}]', ' ', 'g'))`;
}

/** STRUCT of the value's parts (all '' when the value has no amount's shape). */
function buildPartsSql(column: string): string {
  return `regexp_extract(${buildSpacedSql(column)}, ${quoteLiteral(PARTS)}, ${PART_NAMES})`;
}

/** VARCHAR: the number part of the value, without currency or sign ('' when the value has no amount's shape). */
export function buildAmountNumberSql(column: string): string {
  return `(${buildPartsSql(column)}).number`;
}

/** BOOLEAN: the number text (from buildAmountNumberSql) is a number written with this decimal mark. */
export function buildNumberFormSql(number: string, decimal: DecimalMark): string {
  return `regexp_full_match(${number}, ${quoteLiteral(NUMBER_FORMS[decimal])})`;
}

/**
 * Builds the expressions for one text column of an imported export. Excel numeric and currency-formatted
 * cells arrive as JS number text (`12500.5`, `-1200`, `1.2e+21`, see readXlsxCell), which reads with
 * `point`. The value stays exact: DECIMAL throughout, never DOUBLE.
 */
export function buildAmountSql(column: string, options: AmountSqlOptions): AmountSql {
  const parts = buildPartsSql(column);
  const p = (name: string) => `(${parts}).${name}`;
  const grouping = options.decimal === 'point' ? `'[, ]'` : `'[. ]'`;
  const digits = `regexp_replace(${p('number')}, ${grouping}, '', 'g')`;
  const plain = options.decimal === 'point' ? digits : `replace(${digits}, ',', '.')`;
  const signs = `((${p('open')} <> '')::INT + (${p('minus1')} <> '')::INT + (${p('minus2')} <> '')::INT)`;
  const wellFormed = `(${buildNumberFormSql(p('number'), options.decimal)}
    AND (${p('open')} = '') = (${p('close')} = '')
    AND (${p('before')} = '' OR ${p('after')} = '')
    AND ${signs} <= 1)`;
  const magnitude = `TRY_CAST(${plain} AS DECIMAL(38, 10))`;
  const empty = `(${column} IS NULL OR ${buildSpacedSql(column)} = '')`;
  // Beyond a quadrillion is no amount but a data error, and it would overflow the conversion (buildConvertedAmountSql).
  const value = `(CASE WHEN ${empty} OR NOT ${wellFormed} OR NOT ${magnitude} < ${AMOUNT_LIMIT} THEN NULL WHEN ${signs} = 1 THEN -${magnitude} ELSE ${magnitude} END)`;
  const token = `upper(${p('before')} || ${p('after')})`;
  const dollar = options.reportingCurrency && DOLLAR_CURRENCIES.includes(options.reportingCurrency) ? quoteLiteral(options.reportingCurrency) : 'NULL';
  const symbols = Object.entries(SYMBOLS).map(([symbol, code]) => `WHEN ${quoteLiteral(symbol)} THEN ${quoteLiteral(code)}`).join(' ');
  const currency = `(CASE WHEN ${value} IS NULL THEN NULL ELSE (CASE ${token} WHEN '' THEN NULL WHEN '$' THEN ${dollar} ${symbols} ELSE ${token} END) END)`;
  return {
    value,
    currency,
    empty,
    unreadable: `(NOT ${empty} AND ${value} IS NULL)`,
    ambiguousCurrency: dollar === 'NULL' ? `coalesce(${value} IS NOT NULL AND ${token} = '$', false)` : 'false',
  };
}

/**
 * DECIMAL(38,2): an amount (from buildAmountSql) converted with a rate expression (units of the reporting
 * currency per unit; '1' when it is already in it) and rounded to cents half away from zero, per record,
 * so that any sum of these equals the sum of the shown values exactly. Rates keep 10 decimals and amounts 8 in the
 * product, whose DECIMAL(38,18) holds any amount buildAmountSql reads times any rate below 10^5 (larger fails as an overflow).
 */
export function buildConvertedAmountSql(value: string, rate: string): string {
  return `CAST(CAST(${value} AS DECIMAL(38, 8)) * CAST(${rate} AS DECIMAL(18, 10)) AS DECIMAL(38, 2))`;
}
