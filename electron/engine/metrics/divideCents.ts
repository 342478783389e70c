// Exact money arithmetic for shared metrics: a DECIMAL sum's text divided by a count, rounded once to cents.

/** `1234.5`, `-0.75`, `12` (a DECIMAL as DuckDB prints it) as a whole number of cents. */
function readCents(text: string): bigint {
  const negative = text.trim().startsWith('-');
  const [whole = '0', fraction = ''] = text.trim().replace(/^[-+]/, '').split('.');
  const cents = BigInt(whole || '0') * 100n + BigInt((fraction + '00').slice(0, 2));
  return negative ? -cents : cents;
}

/** `total / count` in cents, rounded half away from zero (money.md), as a JSON number; null when count is 0. */
export function divideCents(total: string, count: number): number | null {
  if (count === 0) return null;
  const cents = readCents(total);
  const n = BigInt(count);
  const magnitude = cents < 0n ? -cents : cents;
  const rounded = (2n * magnitude + n) / (2n * n);
  return Number(cents < 0n ? -rounded : rounded) / 100;
}

/** A product of estimates (pipeline velocity) to cents, half away from zero. */
export function roundToCents(value: number): number {
  return (Math.sign(value) * Math.round(Math.abs(value) * 100)) / 100;
}
