// Finds the per-row currency column of each money column in a Salesforce multi-currency report header.

/** A money column and the column that holds each row's ISO code for it. */
export interface CurrencyColumnPair {
  amount: string;
  currency: string;
}

/**
 * Salesforce reports of a multi-currency org split every money field in two: `Amount Currency` (the ISO code)
 * before `Amount`, and likewise `Amount (converted) Currency` + `Amount (converted)`. A column `<name> Currency`
 * pairs with the column `<name>` when the header has it (names compared after trim, ignoring case).
 */
export function pairCurrencyColumns(header: readonly string[]): CurrencyColumnPair[] {
  const names = new Map(header.map((name) => [name.trim().toLowerCase(), name]));
  return header.flatMap((currency) => {
    const base = /^(.+?)\s+currency$/i.exec(currency.trim())?.[1];
    const amount = base === undefined ? undefined : names.get(base.toLowerCase());
    return amount === undefined ? [] : [{ amount, currency }];
  });
}
