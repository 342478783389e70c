// Reference: each touch model's shares of one opportunity's value (revenue.md "Attribution", attrdecisions 5), exact except time decay.
import type { TouchModel } from '../../../shared/revenueContractTypes';
import { addFractions, makeFraction, type Fraction } from './Fraction';

/** A touch's fraction of the value: `exact` for the rational models, null for time decay (doubles); `approx` always. */
export interface Share {
  exact: Fraction | null;
  approx: number;
}

const MS_PER_DAY = 86_400_000;

const toShare = (f: Fraction): Share => ({ exact: f, approx: Number(f.n) / Number(f.d) });

/** W-shaped: 3/10 per position (first, milestone, last), a missing milestone's 3/10 halved to first and last, 1/10 to the touches without a position (else to the holders). */
function shareWShaped(n: number, milestone: number | null): Fraction[] {
  const twentieths = new Array<number>(n).fill(0);
  const give = (i: number, t: number) => (twentieths[i] = (twentieths[i] ?? 0) + t);
  give(0, 6);
  give(n - 1, 6);
  if (milestone === null) {
    give(0, 3);
    give(n - 1, 3);
  } else give(milestone, 6);
  const holders = twentieths.filter((t) => t > 0).length;
  const rest = n - holders;
  return twentieths.map((t) => {
    const own = makeFraction(t, 20);
    if (rest > 0) return t === 0 ? makeFraction(1, 10 * rest) : own;
    return addFractions(own, makeFraction(1, 10 * holders));
  });
}

/** The rational models' shares for n >= 1 counted touches in order; `milestone` is a position (0-based) or null. */
export function shareExactly(model: Exclude<TouchModel, 'time_decay'>, n: number, milestone: number | null): Fraction[] {
  const positions = Array.from({ length: n }, (_, i) => i);
  switch (model) {
    case 'first_touch':
      return positions.map((i) => makeFraction(i === 0 ? 1 : 0));
    case 'last_touch':
      return positions.map((i) => makeFraction(i === n - 1 ? 1 : 0));
    case 'linear':
      return positions.map(() => makeFraction(1, n));
    case 'u_shaped':
      if (n <= 2) return positions.map(() => makeFraction(1, n));
      return positions.map((i) => (i === 0 || i === n - 1 ? makeFraction(2, 5) : makeFraction(1, 5 * (n - 2))));
    case 'w_shaped':
      return shareWShaped(n, milestone);
  }
}

/** Time decay: weight 2^(-d / half-life in days), d the touch's age at the opportunity's instant in fractional days; shares are weights over their sum. */
export function shareByTimeDecay(agesMs: number[], halfLifeHours: number): number[] {
  const halfLifeDays = halfLifeHours / 24;
  const weights = agesMs.map((age) => 2 ** (-(age / MS_PER_DAY) / halfLifeDays));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / sum);
}

/** One model's shares of an opportunity's counted touches (instants in order), as exact or double fractions. */
export function shareTouches(model: TouchModel, instants: number[], opportunityInstant: number, milestone: number | null, halfLifeHours: number | undefined): Share[] {
  if (instants.length === 0) return [];
  if (model !== 'time_decay') return shareExactly(model, instants.length, milestone).map(toShare);
  if (halfLifeHours === undefined) throw new Error('the reference needs a half-life for time_decay');
  return shareByTimeDecay(instants.map((t) => opportunityInstant - t), halfLifeHours).map((approx) => ({ exact: null, approx }));
}
