// Which currencies found in the chosen amount columns still lack a rate: the form asks for each before Create, as the engine would refuse it.
import type { FieldProblem, NewInvestigation, ValueCount } from './api';

/** Each side's currencies as listAmountCurrencies found them. */
export interface FoundCurrencies {
  left: readonly ValueCount[];
  right: readonly ValueCount[];
}

/** Every currency other than the reporting one, with how many amounts of each side carry it, in order of rows. */
export function listForeignCurrencies(spec: Pick<NewInvestigation, 'currency'>, found: FoundCurrencies): { code: string; left: number; right: number }[] {
  const reporting = (spec.currency ?? '').trim().toUpperCase();
  const codes = new Map<string, { code: string; left: number; right: number }>();
  for (const side of ['left', 'right'] as const) {
    for (const { value, count } of found[side]) {
      if (value === reporting) continue;
      const entry = codes.get(value) ?? { code: value, left: 0, right: 0 };
      entry[side] += count;
      codes.set(value, entry);
    }
  }
  return [...codes.values()].sort((a, b) => b.left + b.right - (a.left + a.right) || a.code.localeCompare(b.code));
}

function sayRows(n: number, side: string): string {
  return `${n} amount${n === 1 ? '' : 's'} of the ${side} export`;
}

/** `rates.<code>`: a currency of the files with no rate; `$` written bare where the reporting currency is no dollar. */
export function checkCurrencyRates(spec: Pick<NewInvestigation, 'currency' | 'rates'>, found: FoundCurrencies): FieldProblem[] {
  const reporting = (spec.currency ?? '').trim().toUpperCase();
  if (reporting === '') return [];
  return listForeignCurrencies(spec, found).flatMap(({ code, left, right }) => {
    const rows = [left > 0 ? sayRows(left, 'left') : '', right > 0 ? sayRows(right, 'right') : ''].filter(Boolean).join(' and ');
    if (code === '$') return [{ field: 'rates.$', message: `${rows} are written with a bare '$', which is not ${reporting}: choose a currency column for that side, or report in a dollar currency` }];
    if ((spec.rates?.[code] ?? '').trim() !== '') return [];
    return [{ field: `rates.${code}`, message: `${rows} ${left + right === 1 ? 'is' : 'are'} in ${code}: enter how many ${reporting} one ${code} is worth` }];
  });
}
