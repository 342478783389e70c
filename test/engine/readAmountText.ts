// Test support: an exported amount read as money.md's "Amounts" says, in plain TypeScript with exact integers, beside the engine's SQL.

export type DecimalMark = 'point' | 'comma';

/** An exact amount: units × 10^-scale, and the currency written in it (`$` as written: the reader decides what it means). */
export interface WrittenAmount {
  units: bigint;
  scale: number;
  currency: string | null;
}

// The engine's symbols (buildAmountSql): `US$` is a dollar that is no ambiguity.
const SYMBOLS: Record<string, string> = { $: '$', 'US$': 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };

/** The number forms of money.md with one decimal mark: grouped by the other mark or by spaces, or plain with an optional exponent. */
function readNumber(text: string, decimal: DecimalMark): { units: bigint; scale: number } | null {
  const [group, mark] = decimal === 'point' ? [',', '.'] : ['.', ','];
  const m = mark === '.' ? '\\.' : ',';
  const g = group === '.' ? '\\.' : ',';
  const grouped = new RegExp(`^\\d{1,3}(${g}\\d{3})+(${m}\\d*)?$`).test(text) || new RegExp(`^\\d{1,3}( \\d{3})+(${m}\\d*)?$`).test(text);
  const plain = new RegExp(`^(\\d+(${m}\\d*)?|${m}\\d+)([eE][+-]?\\d+)?$`).exec(text);
  if (!grouped && !plain) return null;
  const [mantissa = '', exponent = '0'] = text.split(/[eE]/);
  const [whole = '', fraction = ''] = mantissa.replaceAll(group, '').replaceAll(' ', '').split(mark);
  const scale = fraction.length - Number(exponent);
  const units = BigInt(`${whole}${fraction}` || '0');
  return scale >= 0 ? { units, scale } : { units: units * 10n ** BigInt(-scale), scale: 0 };
}

/**
 * null when nothing is written (a missing value), 'unreadable' when something is written that is no amount,
 * else the amount: a sign (`-` or accounting parentheses), a currency code or symbol before or after, and the number.
 */
export function readAmountText(text: string, decimal: DecimalMark): WrittenAmount | null | 'unreadable' {
  // No-break and narrow no-break spaces group thousands as plain spaces do.
  let t = text.replace(/[\u00A0\u202F]/g, ' ').trim();
  if (t === '') return null;
  let negative = false;
  if (t.startsWith('(') && t.endsWith(')')) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  if (t.startsWith('-')) {
    if (negative) return 'unreadable';
    negative = true;
    t = t.slice(1).trim();
  }
  let currency: string | null = null;
  const before = /^(US\$|[A-Z]{3}|[$€£¥])\s*/i.exec(t);
  if (before?.[1]) {
    currency = SYMBOLS[before[1]] ?? before[1].toUpperCase();
    t = t.slice(before[0].length);
    // `$-1,200.00`: the minus may follow a leading currency too, once.
    if (t.startsWith('-')) {
      if (negative) return 'unreadable';
      negative = true;
      t = t.slice(1).trim();
    }
  }
  const after = /\s*(US\$|[A-Z]{3}|[$€£¥])$/i.exec(t);
  if (after?.[1]) {
    if (currency !== null) return 'unreadable';
    currency = SYMBOLS[after[1]] ?? after[1].toUpperCase();
    t = t.slice(0, after.index);
  }
  const number = readNumber(t, decimal);
  if (number === null) return 'unreadable';
  return { units: negative ? -number.units : number.units, scale: number.scale, currency };
}

/** Exact decimal text ('1.0834') as units × 10^-scale. */
export function readDecimalText(text: string): { units: bigint; scale: number } {
  const [whole = '0', fraction = ''] = text.split('.');
  return { units: BigInt(`${whole}${fraction}`), scale: fraction.length };
}

/** amount × rate in cents, rounded half away from zero (money.md: per record, before anything is summed). */
export function convertToCents(amount: { units: bigint; scale: number }, rate: { units: bigint; scale: number }): bigint {
  const product = amount.units * rate.units;
  const scale = amount.scale + rate.scale;
  if (scale <= 2) return product * 10n ** BigInt(2 - scale);
  const divisor = 10n ** BigInt(scale - 2);
  const magnitude = product < 0n ? -product : product;
  const cents = magnitude / divisor + (2n * (magnitude % divisor) >= divisor ? 1n : 0n);
  return product < 0n ? -cents : cents;
}
