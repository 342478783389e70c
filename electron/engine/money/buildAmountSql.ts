// SQL that reads an exported amount text the way spec/money.md ("Amounts") describes: exact value, currency, empty vs unreadable.
import { quoteIdent, quoteLiteral } from '../openDatabase';

/** Which character separates the cents: `12,500.00` is point, `12.500,00` is comma. */
export type DecimalMark = 'point' | 'comma';

export interface AmountSqlOptions {
  decimal: DecimalMark;
  /** reporting.currency (ISO code) when the contract has one: decides what a bare `$` means. */
  reportingCurrency?: string;
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

// The forms most exports write: digits with a minus and the column's decimal mark (Data Loader, HubSpot, Excel
// cells), or thousands grouped by the other mark, or either unsigned after an upper-case ISO code and a space or a
// symbol (Salesforce reports: `USD 12,500.00`, `$12,500.00`). Such a text has nothing to trim, no parentheses and no
// currency after it, so its parts are known from where its first digit or minus is, without the regular expressions
// below (which cost some 1 us a row). Up to 15 integer digits, as the limit allows.
const DIGITS: Record<DecimalMark, string> = {
  point: `([0-9]{1,15}|[0-9]{1,3}(,[0-9]{3}){1,4})(\\.[0-9]{1,10})?`,
  comma: `([0-9]{1,15}|[0-9]{1,3}(\\.[0-9]{3}){1,4})(,[0-9]{1,10})?`,
};
const PLAIN_FORMS: Record<DecimalMark, string> = {
  point: `(-|[A-Z]{3} |[$€£¥])?${DIGITS.point}`,
  comma: `(-|[A-Z]{3} |[$€£¥])?${DIGITS.comma}`,
};

/** The value trimmed, with no-break, narrow no-break and thin spaces (thousands separators in many locales) as plain spaces. */
function buildSpacedSql(column: string): string {
  return `trim(regexp_replace(${column}, '[\\x{00A0}\\x{202F}\\x{2009}]', ' ', 'g'))`;
}

/**
 * The value with every digit written 9: `USD 12,500.00` -> `USD 99,999.99`. Which decimal mark a value proves
 * depends only on this shape, and an export's amounts have a few dozen shapes (detectDecimalMark counts them).
 */
export function buildAmountShapeSql(column: string): string {
  return `translate(${buildSpacedSql(column)}, '0123456789', '9999999999')`;
}

/** STRUCT of a value's parts (all '' when it has no amount's shape); the same on its shape. */
export function buildAmountPartsSql(shape: string): string {
  return `regexp_extract(${shape}, ${quoteLiteral(PARTS)}, ${PART_NAMES})`;
}

/** BOOLEAN: the number text (the `number` of buildAmountPartsSql) is a number written with this decimal mark. */
export function buildNumberFormSql(number: string, decimal: DecimalMark): string {
  return `regexp_full_match(${number}, ${quoteLiteral(NUMBER_FORMS[decimal])})`;
}

/**
 * A query giving every column of `from` (a table name or a parenthesised query) plus the STRUCT column `as`
 * reading the text column `column` (SQL, quoted), with these fields:
 * value        DECIMAL(38,10): the amount as written, exact, below 10^15 in size (NULL when empty or unreadable);
 *              not yet converted nor rounded (buildConvertedAmountSql does both).
 * currency     VARCHAR: the ISO code the value carries (`USD 12`, `12 €`), NULL when none or when a `$` is ambiguous.
 * empty        BOOLEAN: NULL, blank or only spaces (a missing value).
 * unreadable   BOOLEAN: something is written but it is no amount (listed in the source's `unreadable`).
 * ambiguous_currency  BOOLEAN: a readable amount with a bare `$` while the reporting currency is no dollar currency.
 * Calls chain (`from` = the query of another call) to read several amount columns of one export.
 *
 * Stages, each computed once per row: whether the text has a plain form, the value spaced and trimmed, where a
 * plain text's number starts, its parts (one regular expression, for the texts of no plain form), the plain number
 * text they hold, its exact value, then the readings; written as one expression, DuckDB would re-run the regular
 * expressions for every reference (5x slower on 1M rows).
 * Excel numeric and currency-formatted cells arrive as JS number text (`12500.5`, `-1200`, `1.2e+21`, see
 * readXlsxCell), which reads with `point`. The value stays exact: DECIMAL throughout, never DOUBLE.
 */
export function buildAmountSql(from: string, column: string, as: string, options: AmountSqlOptions): string {
  const p = (name: string) => `__amount_parts.${name}`;
  const number = p('number');
  const digits = options.decimal === 'point' ? `replace(replace(${number}, ',', ''), ' ', '')` : `replace(replace(replace(${number}, '.', ''), ' ', ''), ',', '.')`;
  const signs = `((${p('open')} <> '')::INT + (${p('minus1')} <> '')::INT + (${p('minus2')} <> '')::INT)`;
  const wellFormed = `${buildNumberFormSql(number, options.decimal)}
    AND (${p('open')} = '') = (${p('close')} = '')
    AND (${p('before')} = '' OR ${p('after')} = '')
    AND ${signs} <= 1`;
  const empty = `coalesce(__amount_text = '', true)`;
  const plain = `CASE WHEN __amount_simple THEN ${digits} WHEN NOT ${empty} AND ${wellFormed} THEN ${digits} END`;
  // A plain text's parts are those the regular expression finds in it: a leading minus, or a code or symbol before
  // the number (what is left of the text without it, its space dropped), then the number from its first digit. One
  // short anchored expression finds that digit: ltrim() with the set of leading characters cost 1.4-1.8 s per 1M rows.
  const firstDigit = `regexp_extract(__amount_text, '^[^0-9]*([0-9].*)$', 1)`;
  const simpleParts = `struct_pack(open := '', minus1 := CASE WHEN starts_with(__amount_text, '-') THEN '-' ELSE '' END, before := rtrim(ltrim(replace(__amount_text, __amount_number, ''), '-')), minus2 := '', number := __amount_number, after := '', close := '')`;
  // VARCHAR to DECIMAL(38,10) is some 50x slower in DuckDB than to BIGINT or DECIMAL(18,10): the whole and the
  // fraction are read apart, and only the rare exponent form goes the slow way.
  const whole = `CAST(TRY_CAST(coalesce(nullif(split_part(__amount_plain, '.', 1), ''), '0') AS BIGINT) AS DECIMAL(38, 10))`;
  const fraction = `coalesce(TRY_CAST('0.' || split_part(__amount_plain, '.', 2) AS DECIMAL(18, 10)), 0)`;
  const exponent = `(contains(__amount_plain, 'e') OR contains(__amount_plain, 'E'))`;
  const magnitude = `CASE WHEN __amount_plain IS NULL THEN NULL WHEN ${exponent} THEN TRY_CAST(__amount_plain AS DECIMAL(38, 10)) ELSE ${whole} + ${fraction} END`;
  // Beyond a quadrillion is no amount but a data error, and it would overflow the conversion (buildConvertedAmountSql).
  const readable = `coalesce(__amount_magnitude < ${AMOUNT_LIMIT}, false)`;
  const token = `upper(${p('before')} || ${p('after')})`;
  const dollar = options.reportingCurrency && DOLLAR_CURRENCIES.includes(options.reportingCurrency) ? quoteLiteral(options.reportingCurrency) : 'NULL';
  const symbols = Object.entries(SYMBOLS).map(([symbol, code]) => `WHEN ${quoteLiteral(symbol)} THEN ${quoteLiteral(code)}`).join(' ');
  const readings = `struct_pack(
    value := CASE WHEN NOT ${readable} THEN NULL WHEN ${signs} = 1 THEN -__amount_magnitude ELSE __amount_magnitude END,
    currency := CASE WHEN NOT ${readable} THEN NULL ELSE (CASE ${token} WHEN '' THEN NULL WHEN '$' THEN ${dollar} ${symbols} ELSE ${token} END) END,
    empty := ${empty},
    unreadable := NOT ${empty} AND NOT ${readable},
    ambiguous_currency := ${dollar === 'NULL' ? `${readable} AND ${token} = '$'` : 'false'})`;
  return `SELECT * EXCLUDE (__amount_simple, __amount_text, __amount_number, __amount_parts, __amount_plain, __amount_magnitude), ${readings} AS ${quoteIdent(as)}
    FROM (SELECT *, ${magnitude} AS __amount_magnitude
      FROM (SELECT *, ${plain} AS __amount_plain
        FROM (SELECT *, CASE WHEN __amount_simple THEN ${simpleParts} ELSE ${buildAmountPartsSql('__amount_text')} END AS __amount_parts
          FROM (SELECT *, CASE WHEN __amount_simple THEN ${firstDigit} END AS __amount_number
            FROM (SELECT *, CASE WHEN __amount_simple THEN ${column} ELSE ${buildSpacedSql(column)} END AS __amount_text
              FROM (SELECT *, coalesce(regexp_full_match(${column}, ${quoteLiteral(PLAIN_FORMS[options.decimal])}), false) AS __amount_simple FROM ${from}))))))`;
}

/**
 * DECIMAL(38,2): an amount (from buildAmountSql) converted with a rate expression (units of the reporting
 * currency per unit; '1' when it is already in it) and rounded to cents half away from zero, per record,
 * so that any sum of these equals the sum of the shown values exactly. Rates keep 10 decimals and amounts 8 in the
 * product, whose DECIMAL(38,18) holds any amount buildAmountSql reads times any rate below 10^5 (larger fails as an overflow).
 *
 * Amounts below 10^8 (nearly all) take the same roundings in DECIMAL(18, x), which DuckDB computes on 64-bit
 * integers instead of 128-bit ones: 5-8x less CPU per row (the bench's value bridge spent 2 to 3 s per million
 * rows of an amount column here), and with a rate of 1 no multiplication at all. Both paths give the same cents
 * (checked over 14M random amounts of 0 to 16 integer digits and 10 decimals, times 7 rates, edges included).
 */
export function buildConvertedAmountSql(value: string, rate: string): string {
  const rate18 = `CAST(${rate} AS DECIMAL(18, 10))`;
  // Fed the value itself, this ELSE (128-bit decimals) cost DuckDB 1.5-2 s of CPU per million rows although only the
  // 3% of missing amounts (NULL) took it: the cost followed the rows read, not the rows taking it. Fed NULL but for
  // the large amounts it costs next to nothing (the value bench's deals: 2.0-2.5 s -> 0.4-0.5 s for the conversion).
  const large = `CASE WHEN abs(${value}) >= 100000000 THEN ${value} END`;
  const exact = `CAST(CAST(${large} AS DECIMAL(38, 8)) * ${rate18} AS DECIMAL(38, 2))`;
  const small = `CAST(CAST(${value} AS DECIMAL(18, 10)) AS DECIMAL(18, 8))`;
  const converted = `CASE WHEN ${rate18} = 1 THEN CAST(CAST(${small} AS DECIMAL(18, 2)) AS DECIMAL(38, 2)) ELSE CAST(${small} * ${rate18} AS DECIMAL(38, 2)) END`;
  return `CASE WHEN abs(${value}) < 100000000 THEN ${converted} ELSE ${exact} END`;
}
