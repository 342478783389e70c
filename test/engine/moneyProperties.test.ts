// Property-based: random amounts as exported, currencies, rates, tolerances and dedupe.values; the value bridge equals a plain reading of money.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { openInvestigation } from '../../electron/engine/openInvestigation';
import { UserError } from '../../electron/engine/UserError';
import { checkMoneyInvariants } from './checkMoneyInvariants';
import { countCurrencyRows, expectMoneyReport, type CompareField, type MoneyContract, type MoneyRow, type MoneySide } from './expectMoneyReport';
import type { DecimalMark } from './readAmountText';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-money-prop-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const FROM = '2026-07-01';
const TO = '2026-09-30';

/** A calendar date `offset` days after `start`. */
function addDays(start: string, offset: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
}

/** Digits in groups of three from the right, joined by `separator`. */
function groupDigits(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

type NumberForm = 'plain' | 'whole' | 'grouped' | 'grouped_whole' | 'spaced' | 'exponent';
type Token = '' | '$' | '€' | '£' | 'USD ' | 'EUR ' | ' GBP' | ' €';
interface WrittenCents {
  cents: number;
  form: NumberForm;
  token: Token;
  parentheses: boolean;
  /** Thousands by spaces: a plain, a no-break or a narrow no-break space (French and German exports). */
  space: ' ' | '\u00A0' | '\u202F';
}

/**
 * An amount of whole cents as an export writes it (money.md's list): `12500`, `12,500.00`, `$12,500.00`, `USD 12,500.00`,
 * `(1,200.00)`, `-1,200.00`, `EUR 1.234,56`, `12 500,00 €`, `1.2E4`, with the column's decimal mark.
 */
function writeCents(w: WrittenCents, style: DecimalMark): string {
  const [mark, group] = style === 'point' ? ['.', ','] : [',', '.'];
  const digits = String(Math.abs(w.cents));
  const whole = String(Math.floor(Math.abs(w.cents) / 100));
  const fraction = digits.padStart(3, '0').slice(-2);
  let number: string;
  if (w.form === 'exponent' && w.cents !== 0) {
    const rest = digits.slice(1).replace(/0+$/, '');
    number = `${digits[0]}${rest ? `${mark}${rest}` : ''}E${digits.length - 3}`;
  } else if (w.form === 'whole' && fraction === '00') number = whole;
  else if (w.form === 'grouped_whole' && fraction === '00') number = groupDigits(whole, group);
  else if (w.form === 'grouped') number = `${groupDigits(whole, group)}${mark}${fraction}`;
  else if (w.form === 'spaced') number = `${groupDigits(whole, w.space)}${mark}${fraction}`;
  else number = `${whole}${mark}${fraction}`;
  const body = w.token.endsWith(' ') || !w.token.startsWith(' ') ? `${w.token}${number}` : `${number}${w.token}`;
  if (w.cents >= 0) return body;
  return w.parentheses ? `(${body})` : `-${body}`;
}

const cents = fc.oneof(fc.integer({ min: -200_000, max: 200_000 }), fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }), fc.constantFrom(0, 1, -1, 5, 50, 100, -100, 10_000, -10_000, 100_000, 123_456));
const writtenCents: fc.Arbitrary<WrittenCents> = fc.record({
  cents,
  form: fc.constantFrom('plain', 'whole', 'grouped', 'grouped_whole', 'spaced', 'exponent'),
  token: fc.constantFrom('', '', '$', '€', '£', 'USD ', 'EUR ', ' GBP', ' €'),
  parentheses: fc.boolean(),
  space: fc.constantFrom(' ', '\u00A0', '\u202F'),
});
/** An amount cell before it is written with a column's decimal mark: whole cents in some form, or literal text. */
type AmountCell = WrittenCents | string;
const amount: fc.Arbitrary<AmountCell> = fc.oneof(
  { weight: 6, arbitrary: writtenCents },
  // Empty is a missing value; written text that is no amount is unreadable (listed) and also counts 0.
  { weight: 1, arbitrary: fc.constantFrom('', '   ') },
  { weight: 1, arbitrary: fc.constantFrom('n/a', 'TBD', '12..5', '--5', '1,2,3', '$') },
);
const day = (start: string, days: number) => fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: days }).map((n) => addDays(start, n)) }, { weight: 1, arbitrary: fc.constant('') });
type DraftRow = Omit<MoneyRow, 'amount'> & { amount: AmountCell };
const row: fc.Arbitrary<DraftRow> = fc.record({
  key: fc.oneof({ weight: 8, arbitrary: fc.constantFrom('K1', ' k1 ', 'K2', 'k2', 'K3', 'K4', 'K5', 'K6', 'K7', 'K8') }, { weight: 1, arbitrary: fc.constantFrom('', ' ') }),
  status: fc.constantFrom('open', 'open', 'open', 'open', 'spam', 'test', 'won', 'lost'),
  created: day('2026-06-25', 102),
  // Date-only values are calendar dates; timestamps are UTC (the sources' zone), compared by their date in New York.
  closed: fc.tuple(day('2026-08-01', 8), fc.constantFrom('', '', ' 00:30', ' 03:59', ' 04:00', ' 12:00', ' 23:30')).map(([d, time]) => (d === '' ? '' : `${d}${time}`)),
  stage: fc.constantFrom('closedwon', 'Closed Won', ' closed won ', 'closedlost', 'Closed Lost', 'Negotiation', ''),
  amount,
  currency: fc.constantFrom('', '', 'USD', 'EUR', 'GBP'),
});
// Unbiased rows: a biased run writes the first key and status over and over, and then nothing matches.
const rows = fc.array(fc.noBias(row), { minLength: 4, maxLength: 20 });

/**
 * The other system's copy of a row, as in a real export pair: same key, anchor, currency and written form, the amount
 * drifted onto the value tolerance's edge (just within, or one cent beyond: for "1%" one cent beyond 1% of the left
 * amount, which is still within 1% of the larger right one), the compared date a few days off, the stage renamed.
 */
interface Drift {
  /** Which of the tolerance's edge drifts (driftCents) the copy takes. */
  edge: number;
  days: number;
  stage: string | null;
}
const drift: fc.Arbitrary<Drift> = fc.record({
  edge: fc.nat(3),
  days: fc.integer({ min: -5, max: 5 }),
  stage: fc.constantFrom(null, 'Closed Won', 'closed won', 'Closed Lost', 'Negotiation'),
});

/** The drifts, in cents away from zero, that put a copy of `cents` at the edges of the value tolerance. */
function driftCents(cents: number, compare: CompareField[]): number[] {
  const value = compare.find((f) => f.field === 'value');
  if (!value || value.field !== 'value') return [0, 1, 100, 2551];
  if (!value.tolerance) return [0, 1];
  if ('absolute' in value.tolerance) {
    const edge = Math.round(Number(value.tolerance.absolute) * 100);
    return [0, 1, edge, edge + 1];
  }
  const within = Math.floor((Math.abs(cents) * Number(value.tolerance.percent)) / 100);
  return [0, 1, within, within + 1];
}

function driftRow(r: DraftRow, d: Drift, compare: CompareField[]): DraftRow {
  let amount = r.amount;
  if (typeof amount !== 'string') {
    const cents = driftCents(amount.cents, compare)[d.edge] ?? 0;
    amount = { ...amount, cents: amount.cents + (amount.cents < 0 ? -cents : cents) };
  }
  return { ...r, amount, closed: r.closed === '' ? '' : `${addDays(r.closed.slice(0, 10), d.days)}${r.closed.slice(10)}`, stage: d.stage ?? r.stage };
}

interface DraftSide extends Omit<MoneySide, 'rows'> {
  style: DecimalMark;
  rows: DraftRow[];
}
const side = (rules: string[]): fc.Arbitrary<DraftSide> =>
  fc.record({
    style: fc.constantFrom<DecimalMark>('point', 'comma'),
    rows,
    rules: fc.subarray(rules),
    // A comma column without `decimal` is told by its values (`1.234,56` proves it; `1.234` alone does not).
    declared: fc.boolean(),
    currencyColumn: fc.boolean(),
    keep: fc.constantFrom('earliest', 'latest', 'first_row' as const),
    values: fc.constantFrom('survivor', 'sum' as const),
  }).map(({ declared, ...s }) => ({ ...s, decimal: declared ? s.style : undefined }));
function writeSide(s: DraftSide): MoneySide {
  const { style, ...rest } = s;
  return { ...rest, rows: s.rows.map((r) => ({ ...r, amount: typeof r.amount === 'string' ? r.amount : writeCents(r.amount, style) })) };
}
/** Exact decimal text of a positive rate below 10,000 with up to 8 decimals; short ones put converted amounts on half cents. */
const rate = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 99_999_999 }), fc.integer({ min: 4, max: 8 })).map(([units, scale]) => {
    const digits = String(units).padStart(scale + 1, '0');
    return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  }),
  fc.constantFrom('0.5', '1.5', '0.25', '1.125', '2.5', '0.005', '1'),
);
const compareField: fc.Arbitrary<CompareField>[] = [
  fc.oneof(
    { weight: 1, arbitrary: fc.constant({ field: 'value' as const }) },
    { weight: 2, arbitrary: fc.constantFrom('0', '0.01', '1', '25.5').map((absolute) => ({ field: 'value' as const, tolerance: { absolute } })) },
    { weight: 2, arbitrary: fc.constantFrom('0.5', '1', '10').map((percent) => ({ field: 'value' as const, tolerance: { percent } })) },
  ),
  fc.constantFrom<Record<string, string>>({}, { closedwon: 'Closed Won', closedlost: 'Closed Lost' }).map((map) => ({ field: 'stage' as const, map })),
  fc.integer({ min: 0, max: 4 }).map((days) => ({ field: 'closed' as const, days })),
];
const contract: fc.Arbitrary<MoneyContract> = fc
  .record({
    left: side(['spam', 'test', 'won']),
    right: side(['spam', 'test', 'lost']),
    // Three runs in four: the right export is the left one as the other system holds it, so most records pair up.
    mirror: fc.option(fc.array(drift, { minLength: 20, maxLength: 20 }), { freq: 4 }),
    rates: fc.record({ EUR: rate, GBP: rate }),
    compare: fc.oneof({ weight: 6, arbitrary: fc.shuffledSubarray(compareField, { minLength: 1 }) }, { weight: 1, arbitrary: fc.constant([]) }).chain((fields) => fc.tuple(...fields)),
  })
  .map(({ left, right, mirror, ...c }) => ({
    ...c,
    left: writeSide(left),
    right: writeSide(mirror ? { ...right, rows: left.rows.map((r, i) => driftRow(r, mirror[i] ?? { edge: 0, days: 0, stage: null }, c.compare)) } : right),
    from: FROM,
    to: TO,
  }));

function writeCsv(file: string, rows: MoneyRow[]): void {
  const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;
  const lines = rows.map((r) => [r.key, r.status, r.created, r.closed, r.stage, r.amount, r.currency].map(quote).join(','));
  fs.writeFileSync(file, ['Key,Status,Created,Closed,Stage,Amount,Currency', ...lines].join('\n') + '\n');
}

function writeCompareYaml(field: CompareField): string {
  if (field.field === 'closed') return `      closed: { tolerance: ${field.days} days }`;
  if (field.field === 'stage') return `      stage: { map: { ${Object.entries(field.map).map(([k, v]) => `${k}: ${v}`).join(', ')} } }`;
  if (!field.tolerance) return '      value: {}';
  return `      value: { tolerance: ${'absolute' in field.tolerance ? field.tolerance.absolute : `"${field.tolerance.percent}%"`} }`;
}

function writeContract(dir: string, c: MoneyContract): string {
  const source = (name: string, system: string, s: MoneySide) =>
    `  ${name}: { system: ${system}, file: ${name}.csv, timezone: UTC${s.decimal ? `, decimal: ${s.decimal}` : ''}, fields: { key: Key, status: Status, created: Created, closed: Closed, stage: Stage, amount: Amount${s.currencyColumn ? ', currency: Currency' : ''} } }`;
  const metric = (name: string, src: string, s: MoneySide) =>
    `  ${name}:
    source: ${src}
    date: created
    value: amount
${s.rules.length ? `    exclude:\n${s.rules.map((n) => `      ${n}: "status = '${n}'"`).join('\n')}\n` : ''}    dedupe: { keep: ${s.keep}, values: ${s.values} }`;
  const file = path.join(dir, 'money.recon.yaml');
  fs.writeFileSync(
    file,
    `contract: random money
version: 1
reporting:
  timezone: America/New_York
  period: { from: ${c.from}, to: ${c.to} }
  currency: USD
  rates: { ${Object.entries(c.rates).map(([code, r]) => `${code}: "${r}"`).join(', ')} }
sources:
${source('left_src', 'marketing', c.left)}
${source('right_src', 'sales', c.right)}
metrics:
${metric('L', 'left_src', c.left)}
${metric('R', 'right_src', c.right)}
reconcile:
  - name: bridge
    left: L
    right: R
    match: { left: key, right: key, normalize: [trim, lowercase] }
${c.compare.length ? `    compare:\n${c.compare.map(writeCompareYaml).join('\n')}\n` : ''}`,
  );
  return file;
}

describe('money properties', () => {
  it('every random export, currency, rate, tolerance and dedupe.values gives the value bridge of a plain reading, with the invariants', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(contract, async (c) => {
        const dir = path.join(work, String(run++));
        fs.mkdirSync(dir);
        writeCsv(path.join(dir, 'left_src.csv'), c.left.rows);
        writeCsv(path.join(dir, 'right_src.csv'), c.right.rows);
        const inv = await openInvestigation(writeContract(dir, c));
        try {
          const report = await checkMoneyInvariants(inv);
          const expected = expectMoneyReport(c);
          const r = report.reconciliations[0];
          expect(r?.buckets).toEqual(expected.buckets);
          expect(r?.left).toEqual(expected.sides.left);
          expect(r?.right).toEqual(expected.sides.right);
          expect(r?.pairs).toEqual(expected.pairs);
          expect(r?.value_differences).toEqual(expected.value_differences);
          for (const s of ['left', 'right'] as const) {
            const source = report.sources.find((x) => x.name === `${s}_src`);
            expect(source?.amounts, `${s}: how the amount column was read`).toEqual([expected.amounts[s]]);
            const unreadable = expected.unreadable[s];
            expect(source?.unreadable, `${s}: unreadable amounts listed`).toEqual(unreadable.length ? [{ column: 'Amount', count: unreadable.length, ids: unreadable }] : []);
          }
        } finally {
          inv.close();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a currency without a rate stops the investigation before anything runs, naming the source, the currency and its rows', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(contract, async (full) => {
        const c = { ...full, rates: Object.fromEntries(Object.entries(full.rates).filter(([code]) => code !== 'GBP')) };
        const dir = path.join(work, `no-rate-${run++}`);
        fs.mkdirSync(dir);
        writeCsv(path.join(dir, 'left_src.csv'), c.left.rows);
        writeCsv(path.join(dir, 'right_src.csv'), c.right.rows);
        const failing = (['left', 'right'] as const).map((s) => ({ source: `${s}_src`, rows: countCurrencyRows(c[s], 'GBP') })).find((s) => s.rows > 0);
        const opening = openInvestigation(writeContract(dir, c));
        if (!failing) {
          (await opening).close();
          return;
        }
        const error = await opening.then(
          (inv) => {
            inv.close();
            return undefined;
          },
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(UserError);
        const message = (error as UserError).message;
        expect(message).toContain(`source '${failing.source}'`);
        expect(message).toContain(`has ${failing.rows} row${failing.rows === 1 ? '' : 's'}`);
        expect(message).toContain('no GBP');
      }),
      { numRuns: 15 },
    );
  });
});
