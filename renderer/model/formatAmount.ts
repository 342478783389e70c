// How amounts are shown: the reporting currency in the user's locale, or plain 2-decimal numbers when the report has none.
const formats = new Map<string, Intl.NumberFormat>();

function findFormat(currency: string | undefined): Intl.NumberFormat {
  const key = currency ?? '';
  let format = formats.get(key);
  if (!format) {
    // Cents are always shown, whatever the currency's usual digits: every sum on screen equals the sum of its records.
    format = currency
      ? new Intl.NumberFormat(undefined, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 })
      : new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    formats.set(key, format);
  }
  return format;
}

/** "$12,500.00", "12 500,00 €" or "12,500.00"; a value of the engine's exact cents text is read as a number of cents. */
export function formatAmount(value: number | string, currency: string | undefined): string {
  return findFormat(currency).format(typeof value === 'number' ? value : Number(value));
}

/** "+$50.00" and "−$1,500.00": a change, with its sign even when positive. */
export function formatChange(value: number | string, currency: string | undefined): string {
  const n = typeof value === 'number' ? value : Number(value);
  return `${n < 0 ? '−' : '+'}${formatAmount(Math.abs(n), currency)}`;
}

/** Plain digits with two decimals ("1500.00", "-200.50"): accessible names, which tests and speech read. */
export function spellAmount(value: number): string {
  return value.toFixed(2);
}
