// Amounts read back exactly (money.md "Amounts"), as properties: random amounts in random export styles, and texts of
// digits, signs and marks against test/engine/readAmountText.ts, the plain-TypeScript reading of money.md.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../electron/engine/openDatabase';
import { buildAmountSql, buildConvertedAmountSql, type DecimalMark } from '../../electron/engine/money/buildAmountSql';
import { detectDecimalMark } from '../../electron/engine/money/detectDecimalMark';
import { createTextTable, formatExact, readAmountColumn } from './readAmountColumn';
import { readAmountText } from './readAmountText';

let db: Database;

beforeAll(async () => {
  db = await openDatabase(':memory:');
});
afterAll(() => db.close());

describe('property: texts of digits, signs and marks', () => {
  it('reads texts of digits, a minus and marks exactly as money.md does, plain ones and near misses alike', async () => {
    // Plain texts (a minus or a leading code or symbol, up to 15 digits grouped or not, the column's mark and up to 10
    // digits) skip the regular expressions: these pieces make them, and the texts one piece away from them, for both marks.
    const piece = fc.record({
      sign: fc.constantFrom('', '', '-', '--', '+', 'USD ', 'USD', 'EUR  ', 'usd ', '$', '€', '£', '¥', 'US$ ', '-$', '$-', 'USD -'),
      whole: fc.stringMatching(/^[0-9]{0,15}$/),
      group: fc.constantFrom('', '', ',', '.', ' '),
      mark: fc.constantFrom('', '.', ','),
      fraction: fc.stringMatching(/^[0-9]{0,10}$/),
      decimal: fc.constantFrom<DecimalMark>('point', 'comma'),
    });
    const grouped = (whole: string, group: string) => (group === '' ? whole : whole.replace(/\B(?=(\d{3})+(?!\d))/g, group));
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 100 }), async (pieces) => {
        for (const decimal of ['point', 'comma'] as const) {
          // The engine keeps 10 decimals (money.md's exactness is to the cent): a text with more, which grouping by the
          // decimal mark makes, is left out.
          const texts = pieces
            .filter((p) => p.decimal === decimal)
            .map((p) => `${p.sign}${grouped(p.whole, p.group)}${p.mark}${p.fraction}`)
            .filter((text) => {
              const read = readAmountText(text, decimal);
              return read === null || read === 'unreadable' || read.scale <= 10;
            });
          if (!texts.length) continue;
          const readings = await readAmountColumn(db, await createTextTable(db, texts), 'v', { decimal, reportingCurrency: 'USD' });
          const expected = texts.map((text) => {
            const read = readAmountText(text, decimal);
            if (read === null || read === 'unreadable') return [text, null, read === 'unreadable', null];
            // A quadrillion and more is a data error, not an amount (money.md).
            const magnitude = read.units < 0n ? -read.units : read.units;
            if (magnitude >= 10n ** BigInt(15 + read.scale)) return [text, null, true, null];
            // The reporting currency is USD: a bare `$` is USD, and the yen sign (not in the reference) JPY.
            const currency = read.currency === '$' ? 'USD' : read.currency;
            return [text, formatExact(read.units, read.scale), false, currency];
          });
          expect(readings.map((r) => [r.text, r.value, r.unreadable, r.currency])).toEqual(expected);
        }
      }),
      { numRuns: 40 },
    );
  });
});

// Random amounts in cents, written the way exports write them, read back to the same value and currency.
const STYLES = ['plain', 'grouped', 'dollar', 'iso_before', 'euro_spaced', 'iso_comma', 'accounting', 'scientific', 'iso_after', 'nbsp_comma'] as const;
type Style = (typeof STYLES)[number];

interface Written {
  text: string;
  decimal: DecimalMark;
  currency: string | null;
}

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** Cents as the exact decimal the reader must give back ('-1200.5', '0', '0.07'): no trailing zeros, like readColumn's values. */
function writeExactValue(cents: bigint): string {
  const abs = cents < 0n ? -cents : cents;
  const fraction = (abs % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return `${cents < 0n ? '-' : ''}${abs / 100n}${fraction ? `.${fraction}` : ''}`;
}

/** Cents as DuckDB prints a DECIMAL(38,2): '-1200.50', '0.00'. */
function writeCents(cents: bigint): string {
  const abs = cents < 0n ? -cents : cents;
  return `${cents < 0n ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** Formats cents (|cents| < 10^17, so below the reader's limit of 10^15 units) in one export style, with the decimal mark and currency it must be read with. */
function formatAmount(cents: bigint, style: Style): Written {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const whole = (abs / 100n).toString();
  const fraction = (abs % 100n).toString().padStart(2, '0');
  const minus = negative ? '-' : '';
  switch (style) {
    case 'plain':
      return { text: `${minus}${whole}.${fraction}`, decimal: 'point', currency: null };
    case 'grouped':
      return { text: `${minus}${groupThousands(whole, ',')}.${fraction}`, decimal: 'point', currency: null };
    case 'dollar':
      return { text: `${minus}$${groupThousands(whole, ',')}.${fraction}`, decimal: 'point', currency: 'USD' };
    case 'iso_before':
      return { text: `USD ${minus}${groupThousands(whole, ',')}.${fraction}`, decimal: 'point', currency: 'USD' };
    case 'euro_spaced':
      return { text: `${minus}${groupThousands(whole, '\u202F')},${fraction} €`, decimal: 'comma', currency: 'EUR' };
    case 'iso_comma':
      return { text: `EUR ${minus}${groupThousands(whole, '.')},${fraction}`, decimal: 'comma', currency: 'EUR' };
    case 'accounting':
      return { text: negative ? `(${groupThousands(whole, ',')}.${fraction})` : `${groupThousands(whole, ',')}.${fraction}`, decimal: 'point', currency: null };
    case 'scientific':
      return { text: `${minus}${abs.toString()}E-2`, decimal: 'point', currency: null };
    case 'iso_after':
      return { text: `${minus}${whole}.${fraction} GBP`, decimal: 'point', currency: 'GBP' };
    case 'nbsp_comma':
      return { text: `${minus}${groupThousands(whole, '\u00A0')},${fraction}`, decimal: 'comma', currency: null };
  }
}

const cents = fc.oneof(fc.bigInt({ min: -(10n ** 17n) + 1n, max: 10n ** 17n - 1n }), fc.bigInt({ min: -100000n, max: 100000n }));

describe('property: random amounts in random export styles read back exactly', () => {
  it('reads every formatted amount back to its exact value and currency, and its cents after a rate of 1', async () => {
    const amount = fc.record({ cents, style: fc.constantFrom(...STYLES) });
    await fc.assert(
      fc.asyncProperty(fc.array(amount, { minLength: 1, maxLength: 40 }), async (amounts) => {
        const written = amounts.map((a) => ({ ...formatAmount(a.cents, a.style), cents: a.cents }));
        const table = await createTextTable(db, written.map((w) => w.text));
        for (const decimal of ['point', 'comma'] as const) {
          const options = { decimal, reportingCurrency: 'USD' };
          const readings = await readAmountColumn(db, table, 'v', options);
          const rounded = await db.all<{ cents: string }>(
            `SELECT CAST(${buildConvertedAmountSql('a.value', '1')} AS VARCHAR) AS cents FROM (${buildAmountSql(table, 'v', 'a', options)}) ORDER BY row_no`,
          );
          for (const [i, w] of written.entries()) {
            if (w.decimal !== decimal) continue;
            expect([w.text, readings[i]?.value, readings[i]?.currency, rounded[i]?.cents]).toEqual([w.text, writeExactValue(w.cents), w.currency, writeCents(w.cents)]);
          }
        }
        await db.run(`DROP TABLE ${table}`);
      }),
      { numRuns: 60 },
    );
  });

  it('detects the decimal mark of a column written in one style, and reads it back exactly with it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(cents, { minLength: 1, maxLength: 20 }), fc.constantFrom(...STYLES), async (column, style) => {
        const written = column.map((c) => formatAmount(c, style));
        const table = await createTextTable(db, written.map((w) => w.text));
        const mark = await detectDecimalMark(db, table, 'v');
        expect({ style, ...mark }).toMatchObject({ style, decimal: formatAmount(0n, style).decimal, ambiguous: false });
        const readings = await readAmountColumn(db, table, 'v', { decimal: mark.decimal, reportingCurrency: 'USD' });
        expect(readings.map((r) => r.value)).toEqual(column.map(writeExactValue));
        await db.run(`DROP TABLE ${table}`);
      }),
      { numRuns: 60 },
    );
  });
});
