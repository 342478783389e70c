// The pipeline sample's money arithmetic, in integer cents: what money.md says the engine must compute, done apart from it.
import type { Money } from './pipelineRecords';

/** reporting.rates of the contract: units of USD for 1 unit, as a fraction so that no float ever enters a value. */
const RATES: Record<'USD' | 'EUR', { numerator: number; denominator: number }> = {
  USD: { numerator: 1, denominator: 1 },
  EUR: { numerator: 1085, denominator: 1000 },
};

/** numerator / denominator rounded to an integer, half away from zero (money.md). */
function divideRounded(numerator: number, denominator: number): number {
  const magnitude = Math.floor((2 * Math.abs(numerator) + denominator) / (2 * denominator));
  return numerator < 0 ? -magnitude : magnitude;
}

/** The amount in USD cents, converted and rounded per record; null when the cell holds no amount (empty or unreadable). */
export function convertToCents(money: Money): number | null {
  if ('text' in money) return null;
  const rate = RATES[money.currency];
  const converted = money.cents * rate.numerator;
  if (!Number.isSafeInteger(converted)) throw new Error(`amount too large for exact arithmetic: ${money.cents}`);
  return divideRounded(converted, rate.denominator);
}

/** Cents as the report's JSON number (the nearest double to the decimal, as Number('123.45') gives). */
export function toReportNumber(cents: number): number {
  return cents / 100;
}
