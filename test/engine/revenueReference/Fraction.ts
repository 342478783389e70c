// Reference support: exact rationals (BigInt numerator over a positive denominator), so that credits are exact sums rounded once.

export interface Fraction {
  n: bigint;
  /** Always above 0. */
  d: bigint;
}

function findGcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

/** n/d reduced; d must not be 0. */
export function makeFraction(n: bigint | number, d: bigint | number = 1n): Fraction {
  let num = BigInt(n);
  let den = BigInt(d);
  if (den === 0n) throw new Error('a fraction over 0');
  if (den < 0n) [num, den] = [-num, -den];
  const g = findGcd(num, den);
  return { n: num / g, d: den / g };
}

export function addFractions(a: Fraction, b: Fraction): Fraction {
  return makeFraction(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function multiplyFractions(a: Fraction, b: Fraction): Fraction {
  return makeFraction(a.n * b.n, a.d * b.d);
}

/** Negative when a < b, 0 when equal, positive when a > b. */
export function compareFractions(a: Fraction, b: Fraction): number {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The nearest whole number, halves away from zero (attrdecisions 7: a line is rounded once, to cents). */
export function roundFraction(f: Fraction): bigint {
  const magnitude = f.n < 0n ? -f.n : f.n;
  const rounded = (2n * magnitude + f.d) / (2n * f.d);
  return f.n < 0n ? -rounded : rounded;
}

/** A double rounded the same way: halves away from zero. */
export function roundDouble(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}
