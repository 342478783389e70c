// Each counted touch's share of a deal under each touch model (revenue.md "Attribution"), exact where the model is exact.
import type { TouchModel } from '../../../shared/revenueContractTypes';

/** An exact fraction; denominators stay small (at most 20 x the number of touches). */
export interface Fraction {
  num: bigint;
  den: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));

export function makeFraction(num: bigint, den: bigint): Fraction {
  const g = gcd(num, den) || 1n;
  return { num: num / g, den: den / g };
}

export function addFractions(a: Fraction, b: Fraction): Fraction {
  return makeFraction(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function compareFractions(a: Fraction, b: Fraction): number {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** Whole cents, half away from zero, of a non-negative number of cents. */
export function roundCents(cents: Fraction): number {
  return Number((2n * cents.num + cents.den) / (2n * cents.den));
}

const ZERO: Fraction = { num: 0n, den: 1n };

/**
 * W-shaped: first, milestone and last hold 6 twentieths each (a missing milestone's 6 go 3 to first, 3 to last); the
 * remaining 2 twentieths go evenly to the k touches holding no position, or when there are none to the k holders.
 */
function shareWShaped(n: number, milestone: number | null): Fraction[] {
  const twentieths = Array.from({ length: n }, () => 0);
  const give = (index: number, amount: number): void => {
    twentieths[index] = (twentieths[index] ?? 0) + amount;
  };
  give(0, milestone === null ? 9 : 6);
  give(n - 1, milestone === null ? 9 : 6);
  if (milestone !== null) give(milestone, 6);
  const free = twentieths.map((a, i) => (a === 0 ? i : -1)).filter((i) => i >= 0);
  const takers = free.length > 0 ? free : twentieths.map((a, i) => (a > 0 ? i : -1)).filter((i) => i >= 0);
  const k = BigInt(takers.length);
  return twentieths.map((a, i) => (takers.includes(i) ? makeFraction(BigInt(a) * k + 2n, 20n * k) : makeFraction(BigInt(a), 20n)));
}

function shareUShaped(n: number): Fraction[] {
  if (n === 1) return [makeFraction(1n, 1n)];
  if (n === 2) return [makeFraction(1n, 2n), makeFraction(1n, 2n)];
  return Array.from({ length: n }, (_, i) => (i === 0 || i === n - 1 ? makeFraction(2n, 5n) : makeFraction(1n, 5n * BigInt(n - 2))));
}

/** Shares of the exact models, one per counted touch in order; `milestone` is the index of the W-shaped milestone touch. */
export function shareExactly(model: Exclude<TouchModel, 'time_decay'>, n: number, milestone: number | null): Fraction[] {
  const one = makeFraction(1n, 1n);
  switch (model) {
    case 'first_touch':
      return Array.from({ length: n }, (_, i) => (i === 0 ? one : ZERO));
    case 'last_touch':
      return Array.from({ length: n }, (_, i) => (i === n - 1 ? one : ZERO));
    case 'linear':
      return Array.from({ length: n }, () => makeFraction(1n, BigInt(n)));
    case 'u_shaped':
      return shareUShaped(n);
    case 'w_shaped':
      return shareWShaped(n, milestone);
  }
}

/** Time decay: weight 2^(-d / half-life), d the days from the touch to the deal, shares the weights over their sum. */
export function shareByDecay(dealInstant: number, touchInstants: number[], halfLifeDays: number): number[] {
  const weights = touchInstants.map((at) => 2 ** (-((dealInstant - at) / 86_400_000) / halfLifeDays));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / sum);
}
