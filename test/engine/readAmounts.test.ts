// Amounts as exported (money.md "Amounts"): every written form, decimal mark detection, cents rounding and Salesforce currency columns, on real DuckDB.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, quoteIdent, type Database } from '../../electron/engine/openDatabase';
import { importFile } from '../../electron/engine/import/importFile';
import { buildAmountSql, buildConvertedAmountSql, type AmountSqlOptions, type DecimalMark } from '../../electron/engine/money/buildAmountSql';
import { detectDecimalMark } from '../../electron/engine/money/detectDecimalMark';
import { pairCurrencyColumns } from '../../shared/pairCurrencyColumns';
import { createTextTable, readAmountColumn, type AmountReading } from './readAmountColumn';
import { findFormatCurrency } from '../../electron/engine/import/readXlsxCell';

let db: Database;
let dir: string;

beforeAll(async () => {
  db = await openDatabase(':memory:');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-amounts-'));
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function readValues(values: readonly (string | null)[], options: AmountSqlOptions): Promise<AmountReading[]> {
  return readAmountColumn(db, await createTextTable(db, values), 'v', options);
}

function pick(readings: AmountReading[]): [string | null, string | null, string | null][] {
  return readings.map((r) => [r.text, r.value, r.currency]);
}

describe('buildAmountSql: the forms of money.md', () => {
  it('reads point-decimal exports exactly, with the currency each value carries', async () => {
    const usd = { decimal: 'point' as const, reportingCurrency: 'USD' };
    const readings = await readValues(
      ['12500', '12,500.00', '$12,500.00', 'USD 12,500.00', '-1,200.00', '(1,200.00)', '1.2E4', '-$1,200.00', '$-1,200.00', '($1,200.00)', 'usd 7', '12500 CAD', '£1,200.50', '¥1,200', 'US$ 5', '1 234 567.89', '1\u00A0234.5', '0.1', ' 42 ', '-999,999,999,999,999.99', '.5', '5.', '2.99999999999', '0.12345678901'],
      usd,
    );
    expect(pick(readings)).toEqual([
      ['12500', '12500', null],
      ['12,500.00', '12500', null],
      ['$12,500.00', '12500', 'USD'],
      ['USD 12,500.00', '12500', 'USD'],
      ['-1,200.00', '-1200', null],
      ['(1,200.00)', '-1200', null],
      ['1.2E4', '12000', null],
      ['-$1,200.00', '-1200', 'USD'],
      ['$-1,200.00', '-1200', 'USD'],
      ['($1,200.00)', '-1200', 'USD'],
      ['usd 7', '7', 'USD'],
      ['12500 CAD', '12500', 'CAD'],
      ['£1,200.50', '1200.5', 'GBP'],
      ['¥1,200', '1200', 'JPY'],
      ['US$ 5', '5', 'USD'],
      ['1 234 567.89', '1234567.89', null],
      ['1\u00A0234.5', '1234.5', null],
      ['0.1', '0.1', null],
      [' 42 ', '42', null],
      ['-999,999,999,999,999.99', '-999999999999999.99', null],
      ['.5', '0.5', null],
      ['5.', '5', null],
      // Kept to 10 decimals, half away from zero: far below a cent, so a sum of cents never sees it.
      ['2.99999999999', '3', null],
      ['0.12345678901', '0.123456789', null],
    ]);
    expect(readings.every((r) => !r.empty && !r.unreadable && !r.ambiguous)).toBe(true);
  });

  it('reads comma-decimal exports, with no-break and narrow no-break spaces as thousands separators', async () => {
    const readings = await readValues(
      ['12 500,00 €', '12\u00A0500,00\u00A0€', '12\u202F500,00 €', 'EUR 1.234,56', '-1.200,00', '(1.200,00 €)', '12,5', '1.234', '1,2E4', '€1.234.567,891'],
      { decimal: 'comma', reportingCurrency: 'USD' },
    );
    expect(pick(readings)).toEqual([
      ['12 500,00 €', '12500', 'EUR'],
      ['12\u00A0500,00\u00A0€', '12500', 'EUR'],
      ['12\u202F500,00 €', '12500', 'EUR'],
      ['EUR 1.234,56', '1234.56', 'EUR'],
      ['-1.200,00', '-1200', null],
      ['(1.200,00 €)', '-1200', 'EUR'],
      ['12,5', '12.5', null],
      ['1.234', '1234', null],
      ['1,2E4', '12000', null],
      ['€1.234.567,891', '1234567.891', 'EUR'],
    ]);
  });

  it('tells an empty amount from an unreadable one, and reads neither as a number', async () => {
    const texts = [null, '', '   ', '\u00A0', 'n/a', '$', '12..5', '1,2,3', '12,50', '1.234,56', '(12', '12)', '--5', '-(5)', '$12 EUR', '12 USD EUR', 'TBD', '1e99', '1e15', '-1,000,000,000,000,000', '12.5.6', '1,23.4'];
    const readings = await readValues(texts, { decimal: 'point', reportingCurrency: 'USD' });
    expect(readings.map((r) => [r.text, r.empty, r.unreadable])).toEqual(texts.map((t, i) => [t, i < 4, i >= 4]));
    expect(readings.every((r) => r.value === null && r.currency === null && !r.ambiguous)).toBe(true);
  });

  it('takes a bare $ as the reporting currency only when that is a dollar currency', async () => {
    const texts = ['$12.00', 'US$ 3', '€4', '5'];
    const flags = async (reportingCurrency?: string) => (await readValues(texts, { decimal: 'point', reportingCurrency })).map((r) => [r.currency, r.ambiguous]);
    expect(await flags('USD')).toEqual([['USD', false], ['USD', false], ['EUR', false], [null, false]]);
    expect(await flags('CAD')).toEqual([['CAD', false], ['USD', false], ['EUR', false], [null, false]]);
    expect(await flags('EUR')).toEqual([[null, true], ['USD', false], ['EUR', false], [null, false]]);
    expect(await flags(undefined)).toEqual([[null, true], ['USD', false], ['EUR', false], [null, false]]);
  });
});

describe('buildConvertedAmountSql: cents, half away from zero, after the rate, per record', () => {
  async function convert(pairs: [string, string][]): Promise<string[]> {
    const table = await createTextTable(db, pairs.map(([amount]) => amount));
    await db.run(`ALTER TABLE ${table} ADD COLUMN rate VARCHAR`);
    for (const [i, [, rate]] of pairs.entries()) await db.run(`UPDATE ${table} SET rate = $1 WHERE row_no = $2`, [rate, i + 1]);
    const rows = await db.all<{ cents: string }>(
      `SELECT CAST(${buildConvertedAmountSql('a.value', 'rate')} AS VARCHAR) AS cents FROM (${buildAmountSql(table, 'v', 'a', { decimal: 'point' })}) ORDER BY row_no`,
    );
    return rows.map((r) => r.cents);
  }

  it('rounds each converted value half away from zero', async () => {
    // 2.675 and 1.005 are the classic DOUBLE failures (they round down as binary floats); 10.005 EUR at 1.08 is 10.8054.
    const cents = await convert([['0.125', '1'], ['-0.125', '1'], ['10.005', '1.08'], ['-10.005', '1.08'], ['2.675', '1'], ['1.005', '1'], ['0.005', '1'], ['-0.005', '1'], ['100', '0.925925925925'], ['1e-7', '1']]);
    expect(cents).toEqual(['0.13', '-0.13', '10.81', '-10.81', '2.68', '1.01', '0.01', '-0.01', '92.59', '0.00']);
  });

  it('rounds amounts on both sides of 10^8 (where the 64-bit path ends) the same way', async () => {
    // 99,999,999.99 EUR at 1.08 is 107,999,999.9892; 12,345,678.905 at 1.08 is 13,333,333.2174.
    const cents = await convert([
      ['99999999.995', '1'], ['-99999999.995', '1'], ['100000000.005', '1'], ['99999999.9999999999', '1'],
      ['99999999.99', '1.08'], ['100000000.01', '1.08'], ['12345678.905', '1.08'], ['-12345678.905', '1.08'], ['123456789012.345', '1.08'],
    ]);
    expect(cents).toEqual(['100000000.00', '-100000000.00', '100000000.01', '100000000.00', '107999999.99', '108000000.01', '13333333.22', '-13333333.22', '133333332133.33']);
  });

  it('sums rounded values exactly: ten times 0.1 is 1.00, 0.1 + 0.2 is 0.30', async () => {
    const table = await createTextTable(db, [...Array(10).fill('0.1'), '0.2', '0.1']);
    const cents = buildConvertedAmountSql('a.value', '1');
    const [sums] = await db.all<{ ten: string; pair: string }>(
      `SELECT CAST(sum(${cents}) FILTER (WHERE row_no <= 10) AS VARCHAR) AS ten, CAST(sum(${cents}) FILTER (WHERE row_no > 10) AS VARCHAR) AS pair
       FROM (${buildAmountSql(table, 'v', 'a', { decimal: 'point' })})`,
    );
    expect(sums).toEqual({ ten: '1.00', pair: '0.30' });
  });
});

describe('detectDecimalMark', () => {
  async function detect(values: (string | null)[], given?: DecimalMark) {
    return detectDecimalMark(db, await createTextTable(db, values), 'v', given);
  }

  it('decides from values that only one mark reads', async () => {
    expect(await detect(['1.234,5', '1.234'])).toMatchObject({ decimal: 'comma', ambiguous: false });
    expect(await detect(['12,50', '7'])).toMatchObject({ decimal: 'comma', ambiguous: false });
    expect(await detect(['12 500,00 €', '1.500'])).toMatchObject({ decimal: 'comma', ambiguous: false });
    expect(await detect(['1,234.5', '1,234'])).toMatchObject({ decimal: 'point', ambiguous: false });
    expect(await detect(['$12.50'])).toMatchObject({ decimal: 'point', ambiguous: false });
    expect(await detect(['1,234,567', '1,234'])).toMatchObject({ decimal: 'point', ambiguous: false });
    expect(await detect(['1.234.567', '1.234'])).toMatchObject({ decimal: 'comma', ambiguous: false });
  });

  it('reads a column that stays ambiguous as point and says so; a column without separators is not ambiguous', async () => {
    expect(await detect(['1,234', '1.234', 'EUR 5.000', null])).toEqual({ decimal: 'point', ambiguous: true, pointRows: 0, commaRows: 0 });
    expect(await detect(['12500', '', '(300)', 'n/a'])).toEqual({ decimal: 'point', ambiguous: false, pointRows: 0, commaRows: 0 });
  });

  it('lets the source decide when it gives decimal, and the larger count decide a mixed column', async () => {
    expect(await detect(['1,234', '12.50'], 'comma')).toMatchObject({ decimal: 'comma', ambiguous: false });
    expect(await detect(['12,50', '3,10', '12.50'])).toEqual({ decimal: 'comma', ambiguous: false, pointRows: 1, commaRows: 2 });
  });
});

describe('amounts through real files', () => {
  it('reads a CSV export with its decimal comma detected', async () => {
    const file = path.join(dir, 'deals.csv');
    fs.writeFileSync(file, 'Deal;Amount\nA;"12\u00A0500,00 €"\nB;EUR 1.234,56\nC;(1.200,00)\nD;\nE;1.234\nF;unknown\n');
    await importFile(db, file, 'deals_csv');
    const mark = await detectDecimalMark(db, 'deals_csv', 'Amount');
    expect(mark).toMatchObject({ decimal: 'comma', ambiguous: false });
    const readings = await readAmountColumn(db, 'deals_csv', 'Amount', { decimal: mark.decimal, reportingCurrency: 'USD' });
    expect(readings.map((r) => [r.value, r.currency, r.empty, r.unreadable])).toEqual([
      ['12500', 'EUR', false, false],
      ['1234.56', 'EUR', false, false],
      ['-1200', null, false, false],
      [null, null, true, false],
      ['1234', null, false, false],
      [null, null, false, true],
    ]);
  });

  it('reads Excel numeric, currency-formatted and red-negative cells exactly', async () => {
    const formats = ['General', '"$"#,##0.00', '[$€-407] #,##0.00', '#,##0.00;[Red]-#,##0.00', '#,##0.00_);[Red](#,##0.00)', '$#,##0.00_);($#,##0.00)', 'General', 'General', '0.00E+00'];
    const numbers = [12500, 12500.5, 1234.56, -1200, -1200, -0.125, 0.1 + 0.2, 1e21, 12000];
    const sheet = XLSX.utils.aoa_to_sheet([['Amount'], ...numbers.map((n) => [n]), ['$7.25'], ['(3.00)']]);
    formats.forEach((format, i) => ((sheet[`A${i + 2}`] as XLSX.CellObject).z = format));
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'Deals');
    const file = path.join(dir, 'deals.xlsx');
    fs.writeFileSync(file, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    await importFile(db, file, 'deals_xlsx');
    const mark = await detectDecimalMark(db, 'deals_xlsx', 'Amount');
    expect(mark.decimal).toBe('point');
    const readings = await readAmountColumn(db, 'deals_xlsx', 'Amount', { decimal: mark.decimal, reportingCurrency: 'USD' });
    // 1e21 is beyond any amount (unreadable). A currency-formatted cell keeps its format's currency (readXlsxCell).
    expect(pick(readings)).toEqual([
      ['12500', '12500', null],
      ['$ 12500.5', '12500.5', 'USD'],
      ['€ 1234.56', '1234.56', 'EUR'],
      ['-1200', '-1200', null],
      ['-1200', '-1200', null],
      ['$ -0.125', '-0.125', 'USD'],
      ['0.30000000000000004', '0.3', null],
      ['1e+21', null, null],
      ['12000', '12000', null],
      ['$7.25', '7.25', 'USD'],
      ['(3.00)', '-3', null],
    ]);
    const cents = buildConvertedAmountSql('a.value', '1');
    const [sum] = await db.all<{ total: string }>(
      `SELECT CAST(sum(${cents}) FILTER (WHERE row_no BETWEEN 6 AND 7) AS VARCHAR) AS total FROM (${buildAmountSql('deals_xlsx', '"Amount"', 'a', { decimal: 'point' })})`,
    );
    expect(sum?.total).toBe('0.17');
  });
});

describe('findFormatCurrency', () => {
  it('finds the currency of Excel number formats, and none in plain or locale-only formats', () => {
    const formats = ['"$"#,##0.00', '[$€-407] #,##0.00', '[$EUR] #,##0.00', '#,##0.00 [$£-809]', '£#,##0;[Red]-£#,##0', '[$US$-409]#,##0', '[$-409]#,##0.00', '#,##0.00;[Red]-#,##0.00', 'General', '0.00E+00'];
    expect(formats.map(findFormatCurrency)).toEqual(['$', '€', 'EUR', '£', '£', 'US$', undefined, undefined, undefined, undefined]);
  });
});

describe('pairCurrencyColumns', () => {
  it('pairs each Salesforce "<field> Currency" column with its money column', () => {
    const header = ['Opportunity ID', 'Amount Currency', 'Amount', 'Amount (converted) Currency', 'Amount (converted)', 'Stage', 'Expected Revenue Currency', 'Currency'];
    expect(pairCurrencyColumns(header)).toEqual([
      { amount: 'Amount', currency: 'Amount Currency' },
      { amount: 'Amount (converted)', currency: 'Amount (converted) Currency' },
    ]);
    expect(pairCurrencyColumns(['Id', 'Amount', 'CurrencyIsoCode'])).toEqual([]);
  });

  it('reads a multi-currency Salesforce report: both money columns in one chained query, each row in its own currency', async () => {
    const file = path.join(dir, 'opportunities.csv');
    fs.writeFileSync(
      file,
      'Opportunity ID,Amount Currency,Amount,Amount (converted) Currency,Amount (converted)\n' +
        '0068c00000AbCdE,EUR,"10,000.00",USD,"10,800.00"\n' +
        '0068c00000AbCdF,GBP,"£1,000.00",USD,"1,270.00"\n' +
        '0068c00000AbCdG,USD,,USD,\n',
    );
    const imported = await importFile(db, file, 'opportunities');
    const pairs = pairCurrencyColumns(imported.columns);
    const query = pairs.reduce(
      (from, pair, i) => `(${buildAmountSql(from, quoteIdent(pair.amount), `amount_${i}`, { decimal: 'point', reportingCurrency: 'USD' })})`,
      'opportunities',
    );
    // The per-row currency column wins over a symbol in the value (money.md).
    const rows = await db.all(
      `SELECT ${pairs.map((pair, i) => `CAST(amount_${i}.value AS DECIMAL(38, 2))::VARCHAR AS value_${i}, coalesce(${quoteIdent(pair.currency)}, amount_${i}.currency) AS currency_${i}, amount_${i}.empty AS empty_${i}`).join(', ')}
       FROM ${query} ORDER BY row_no`,
    );
    expect(rows).toEqual([
      { value_0: '10000.00', currency_0: 'EUR', empty_0: false, value_1: '10800.00', currency_1: 'USD', empty_1: false },
      { value_0: '1000.00', currency_0: 'GBP', empty_0: false, value_1: '1270.00', currency_1: 'USD', empty_1: false },
      { value_0: null, currency_0: 'USD', empty_0: true, value_1: null, currency_1: 'USD', empty_1: true },
    ]);
  });
});
