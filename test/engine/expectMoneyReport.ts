// Test support: the value bridge of money.md computed in plain TypeScript over simple rows, as an independent reading of the engine's report.
import type { AmountColumn, Bucket, BucketKind, Pair, PairValue, Side, SideSummary, ValueDifferences } from '../../shared/reportTypes';
import { convertToCents, readAmountText, readDecimalText, type DecimalMark } from './readAmountText';

export interface MoneyRow {
  key: string;
  status: string;
  /** The anchor: 'YYYY-MM-DD' or empty. */
  created: string;
  /** A compared date: 'YYYY-MM-DD', a UTC timestamp 'YYYY-MM-DD HH:MM', or empty. */
  closed: string;
  stage: string;
  amount: string;
  /** The currency column's cell (read only when the side maps it). */
  currency: string;
}

export interface MoneySide {
  rows: MoneyRow[];
  /** Exclusion rules in order: rule `x` removes rows whose status is `x`. */
  rules: string[];
  /** The source's `decimal`, when it gives one. */
  decimal?: DecimalMark;
  currencyColumn: boolean;
  keep: 'earliest' | 'latest' | 'first_row';
  values: 'survivor' | 'sum';
}

export type CompareField =
  | { field: 'value'; tolerance?: { absolute: string } | { percent: string } }
  | { field: 'stage'; map: Record<string, string> }
  | { field: 'closed'; days: number };

export interface MoneyContract {
  left: MoneySide;
  right: MoneySide;
  /** reporting.currency is USD; these are the other currencies' rates, as exact decimal text. */
  rates: Record<string, string>;
  compare: CompareField[];
  from: string;
  to: string;
}

export interface ExpectedMoneyReport {
  sides: Record<Side, SideSummary>;
  buckets: Bucket[];
  pairs?: Pair[];
  value_differences: ValueDifferences;
  unreadable: Record<Side, string[]>;
  amounts: Record<Side, AmountColumn>;
}

type Step = 'excluded' | 'duplicate' | 'out_of_period' | 'net';

interface Stepped {
  id: string;
  rowNo: number;
  row: MoneyRow;
  key: string | null;
  /** The record's own converted amount in cents; null when empty or unreadable. */
  own: bigint | null;
  unreadable: boolean;
  step: Step;
  reason: string;
  /** What the record adds to its bucket (0 for a missing amount and for a combined duplicate). */
  value: bigint;
  /** The value compared on a matched pair: null when there is none (own missing, or every amount of a summed group). */
  compared: bigint | null;
}

/** `point` unless the side says otherwise or the column's values prove comma (read only with it); ambiguous when nothing settles `1,234`. */
function decideDecimal(side: MoneySide): AmountColumn {
  if (side.decimal) return { column: 'Amount', decimal: side.decimal, ambiguous: false };
  const readable = (text: string, mark: DecimalMark) => {
    const amount = readAmountText(text, mark);
    return amount !== null && amount !== 'unreadable';
  };
  const point = side.rows.filter((r) => readable(r.amount, 'point') && !readable(r.amount, 'comma')).length;
  const comma = side.rows.filter((r) => readable(r.amount, 'comma') && !readable(r.amount, 'point')).length;
  const both = side.rows.filter((r) => readable(r.amount, 'point') && readable(r.amount, 'comma') && /[.,]/.test(r.amount)).length;
  return { column: 'Amount', decimal: comma > point ? 'comma' : 'point', ambiguous: point + comma === 0 && both > 0 };
}

/** The currency of a row's amount: the currency column wins over a symbol; `$` is the reporting currency, USD; nothing written is USD too. */
function readCurrency(row: MoneyRow, side: MoneySide, written: string | null): string {
  const given = side.currencyColumn && row.currency.trim() !== '' ? row.currency.trim().toUpperCase() : null;
  return given ?? (written === '$' ? 'USD' : written) ?? 'USD';
}

/**
 * How many rows of a side carry this currency (money.md: "a currency that appears in a file and has no rate is
 * an error", naming them): its currency column says so whatever the amount, or a readable amount is written in it.
 */
export function countCurrencyRows(side: MoneySide, currency: string): number {
  const decimal = decideDecimal(side).decimal;
  return side.rows.filter((row) => {
    const amount = readAmountText(row.amount, decimal);
    const written = amount === null || amount === 'unreadable' ? null : amount.currency;
    return readCurrency(row, side, written) === currency;
  }).length;
}

function readOwnAmount(row: MoneyRow, side: MoneySide, decimal: DecimalMark, rates: Record<string, string>): { own: bigint | null; unreadable: boolean } {
  const amount = readAmountText(row.amount, decimal);
  if (amount === null) return { own: null, unreadable: false };
  if (amount === 'unreadable') return { own: null, unreadable: true };
  const currency = readCurrency(row, side, amount.currency);
  const rate = currency === 'USD' ? '1' : rates[currency];
  if (rate === undefined) throw new Error(`no rate for ${currency}: the generator writes only currencies with a rate`);
  return { own: convertToCents(amount, readDecimalText(rate)), unreadable: false };
}

function stepSide(side: MoneySide, c: MoneyContract, decimal: DecimalMark): Stepped[] {
  const records = side.rows.map((row, i) => {
    const key = row.key.trim().toLowerCase();
    return { id: String(i + 1), rowNo: i + 1, row, key: key === '' ? null : key, rule: side.rules.find((r) => r === row.status), ...readOwnAmount(row, side, decimal, c.rates) };
  });
  const groups = new Map<string, typeof records>();
  for (const r of records) {
    if (r.rule || r.key === null) continue;
    groups.set(r.key, [...(groups.get(r.key) ?? []), r]);
  }
  // dedupe.keep: the earliest (or latest) anchor, no date last, ties to the earlier row; first_row: the earlier row.
  const later = side.keep === 'latest' ? -1 : 1;
  const survivor = (group: typeof records) =>
    [...group].sort((a, b) => {
      if (side.keep === 'first_row' || a.row.created === b.row.created) return a.rowNo - b.rowNo;
      if (a.row.created === '' || b.row.created === '') return a.row.created === '' ? 1 : -1;
      return a.row.created < b.row.created ? -later : later;
    })[0];
  return records.map((r): Stepped => {
    const base = { id: r.id, rowNo: r.rowNo, row: r.row, key: r.key, own: r.own, unreadable: r.unreadable };
    const own = { value: r.own ?? 0n, compared: r.own };
    if (r.rule) return { ...base, ...own, step: 'excluded', reason: r.rule };
    const group = r.key === null ? [r] : (groups.get(r.key) ?? [r]);
    const first = survivor(group);
    if (first !== r) return { ...base, step: 'duplicate', reason: side.values === 'sum' ? 'combined' : 'duplicate', value: side.values === 'sum' ? 0n : own.value, compared: r.own };
    const amounts = group.map((g) => g.own).filter((v): v is bigint => v !== null);
    const valued = side.values === 'sum' ? { value: amounts.reduce((n, v) => n + v, 0n), compared: amounts.length ? amounts.reduce((n, v) => n + v, 0n) : null } : own;
    const day = r.row.created;
    if (day === '') return { ...base, ...valued, step: 'out_of_period', reason: 'missing_date' };
    if (day < c.from || day > c.to) return { ...base, ...valued, step: 'out_of_period', reason: 'outside_period' };
    return { ...base, ...valued, step: 'net', reason: 'net' };
  });
}

function placeRecord(r: Stepped, other: Stepped[]): [BucketKind, string] {
  if (r.step !== 'net') return [r.step, r.reason];
  if (r.key === null) return ['unmatched', 'missing_key'];
  const same = other.filter((o) => o.key === r.key);
  if (same.some((o) => o.step === 'net')) return ['matched', 'matched'];
  if (same.some((o) => o.step === 'out_of_period')) return ['timing', 'timing'];
  const excluded = same.find((o) => o.step === 'excluded');
  if (excluded) return ['excluded_on_other_side', excluded.reason];
  return ['unmatched', 'no_counterpart'];
}

const NEW_YORK = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date of a compared date in the reporting zone: a date-only value as it is, a UTC timestamp 'YYYY-MM-DD HH:MM' as New York saw it. */
function readReportingDate(value: string): string {
  if (value.length === 10) return value;
  return NEW_YORK.format(new Date(`${value.replace(' ', 'T')}:00Z`));
}

/** Days between two calendar dates 'YYYY-MM-DD'. */
function countDays(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

const takeAbsolute = (v: bigint) => (v < 0n ? -v : v);

/** Whether a compare field differs on a pair (money.md): two empties agree, an empty and a value differ. */
function comparePair(field: CompareField, l: Stepped, r: Stepped): { differs: boolean; shown: [PairValue, PairValue] } {
  if (field.field === 'value') {
    const shown: [PairValue, PairValue] = [l.compared === null ? null : Number(l.compared) / 100, r.compared === null ? null : Number(r.compared) / 100];
    if (l.compared === null || r.compared === null) return { differs: l.compared !== r.compared, shown };
    const difference = takeAbsolute(l.compared - r.compared);
    const tolerance = field.tolerance ?? { absolute: '0.005' };
    if ('absolute' in tolerance) {
      // cents vs the tolerance's decimal text, both scaled to its decimals + 2.
      const t = readDecimalText(tolerance.absolute);
      return { differs: difference * 10n ** BigInt(t.scale) > t.units * 100n, shown };
    }
    const p = readDecimalText(tolerance.percent);
    const larger = takeAbsolute(l.compared) > takeAbsolute(r.compared) ? takeAbsolute(l.compared) : takeAbsolute(r.compared);
    return { differs: difference * 100n * 10n ** BigInt(p.scale) > p.units * larger, shown };
  }
  if (field.field === 'closed') {
    const [a, b] = [l.row.closed.trim(), r.row.closed.trim()].map((v) => (v === '' ? '' : readReportingDate(v))) as [string, string];
    const shown: [PairValue, PairValue] = [a || null, b || null];
    if (a === '' || b === '') return { differs: a !== b, shown };
    return { differs: countDays(a, b) > field.days, shown };
  }
  const [a, b] = [l.row.stage.trim(), r.row.stage.trim()];
  const shown: [PairValue, PairValue] = [a || null, b || null];
  if (a === '' || b === '') return { differs: a !== b, shown };
  const mapped = field.map[a.toLowerCase()] ?? a;
  return { differs: mapped.trim().toLowerCase() !== b.toLowerCase(), shown };
}

const KIND_ORDER: BucketKind[] = ['excluded', 'duplicate', 'out_of_period', 'matched', 'timing', 'excluded_on_other_side', 'unmatched'];
const FIXED_REASONS = ['duplicate', 'combined', 'outside_period', 'missing_date', 'unreadable_date', 'matched', 'timing', 'no_counterpart', 'missing_key'];
const convertToNumber = (cents: bigint) => Number(cents) / 100;

/** The report a reconcile of the two sides must give: buckets in report order, values, pairs and the differences step. */
export function expectMoneyReport(c: MoneyContract): ExpectedMoneyReport {
  const amounts = { left: decideDecimal(c.left), right: decideDecimal(c.right) };
  const steps = { left: stepSide(c.left, c, amounts.left.decimal), right: stepSide(c.right, c, amounts.right.decimal) };
  const reasons = new Map<Stepped, string>();
  const pairs: Pair[] = [];
  const differences: ValueDifferences = { count: 0, increase: 0, decrease: 0 };
  let increase = 0n;
  let decrease = 0n;
  for (const l of steps.left.filter((s) => s.step === 'net' && s.key !== null)) {
    const r = steps.right.find((s) => s.step === 'net' && s.key === l.key);
    if (!r) continue;
    const compared = c.compare.map((field) => ({ field: field.field, ...comparePair(field, l, r) }));
    const first = compared.find((f) => f.differs);
    const reason = first ? `${first.field}_differs` : 'matched';
    reasons.set(l, reason);
    reasons.set(r, reason);
    if (first) pairs.push({ left_id: l.id, right_id: r.id, reason, differs: Object.fromEntries(compared.filter((f) => f.differs).map((f) => [f.field, f.shown])) });
    const delta = r.value - l.value;
    if (delta !== 0n) differences.count++;
    if (delta > 0n) increase += delta;
    if (delta < 0n) decrease -= delta;
  }
  differences.increase = convertToNumber(increase);
  differences.decrease = convertToNumber(decrease);

  const buckets = new Map<string, Bucket & { cents: bigint }>();
  for (const [side, own, other] of [['left', steps.left, steps.right], ['right', steps.right, steps.left]] as const) {
    for (const s of own) {
      const [kind, placed] = placeRecord(s, other);
      const reason = kind === 'matched' ? (reasons.get(s) ?? 'matched') : placed;
      const key = `${side}|${kind}|${reason}`;
      const b = buckets.get(key) ?? { side, kind, reason, count: 0, value: 0, missing_values: 0, ids: [], cents: 0n };
      b.count++;
      b.cents += s.value;
      if (s.own === null) b.missing_values = (b.missing_values ?? 0) + 1;
      b.ids.push(s.id);
      buckets.set(key, b);
    }
  }
  const compareOrder = c.compare.map((f) => `${f.field}_differs`);
  const rank = (b: Bucket) => {
    const own = b.side === 'left' ? c.left.rules : c.right.rules;
    const other = b.side === 'left' ? c.right.rules : c.left.rules;
    if (b.kind === 'excluded') return own.indexOf(b.reason);
    if (b.kind === 'excluded_on_other_side') return other.indexOf(b.reason);
    if (b.kind === 'matched' && b.reason !== 'matched') return FIXED_REASONS.length + compareOrder.indexOf(b.reason);
    return FIXED_REASONS.indexOf(b.reason);
  };
  const sorted = [...buckets.values()]
    .map(({ cents, ...b }) => ({ ...b, value: convertToNumber(cents), ids: b.ids.sort((x, y) => Number(x) - Number(y)) }))
    .sort((a, b) => (a.side === b.side ? 0 : a.side === 'left' ? -1 : 1) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || rank(a) - rank(b));
  const summary = (side: Side, metric: string, source: string): SideSummary => {
    const own = steps[side];
    const net = own.filter((s) => s.step === 'net');
    return {
      metric,
      source,
      gross: own.length,
      net: net.length,
      gross_value: convertToNumber(own.reduce((n, s) => n + s.value, 0n)),
      net_value: convertToNumber(net.reduce((n, s) => n + s.value, 0n)),
    };
  };
  return {
    sides: { left: summary('left', 'L', 'left_src'), right: summary('right', 'R', 'right_src') },
    buckets: sorted,
    ...(c.compare.length ? { pairs: pairs.sort((a, b) => Number(a.left_id) - Number(b.left_id)) } : {}),
    value_differences: differences,
    unreadable: { left: steps.left.filter((s) => s.unreadable).map((s) => s.id), right: steps.right.filter((s) => s.unreadable).map((s) => s.id) },
    amounts,
  };
}
