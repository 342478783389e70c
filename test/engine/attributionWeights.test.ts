// Property-based, no database: each touch model's shares of one opportunity add up to exactly 1 and say what revenue.md's sentences say.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addFractions, compareFractions, makeFraction, roundFraction, type Fraction } from './revenueReference/Fraction';
import { findLargestShare } from './revenueReference/readDeals';
import { shareByTimeDecay, shareExactly, shareTouches } from './revenueReference/shareTouches';

const EXACT_MODELS = ['first_touch', 'last_touch', 'linear', 'u_shaped', 'w_shaped'] as const;
const sumFractions = (fs: Fraction[]) => fs.reduce(addFractions, makeFraction(0));
/** Shares as `n/d` texts, reduced, to compare with fractions written by hand. */
const write = (fs: Fraction[]) => fs.map((f) => `${f.n}/${f.d}`);

/** n touches and a milestone position among them, or none. */
const touchSet = fc.integer({ min: 1, max: 40 }).chain((n) => fc.record({ n: fc.constant(n), milestone: fc.option(fc.nat(n - 1), { nil: null }) }));

describe('attribution weights of one opportunity (revenue.md "Attribution", attrdecisions 5)', () => {
  it('every rational model shares exactly 1 over its touches, never a negative share', () => {
    fc.assert(
      fc.property(touchSet, fc.constantFrom(...EXACT_MODELS), ({ n, milestone }, model) => {
        const shares = shareExactly(model, n, milestone);
        expect(shares).toHaveLength(n);
        expect(sumFractions(shares)).toEqual(makeFraction(1));
        expect(shares.every((s) => s.n >= 0n)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('first and last touch give everything to one touch; linear 1/n each; U 2/5 at each end and 1/5 over the middle', () => {
    fc.assert(
      fc.property(touchSet, ({ n }) => {
        const one = makeFraction(1);
        const zero = makeFraction(0);
        expect(shareExactly('first_touch', n, null)).toEqual([one, ...new Array<Fraction>(n - 1).fill(zero)]);
        expect(shareExactly('last_touch', n, null)).toEqual([...new Array<Fraction>(n - 1).fill(zero), one]);
        expect(new Set(write(shareExactly('linear', n, null)))).toEqual(new Set([`1/${n}`]));
        const u = shareExactly('u_shaped', n, null);
        if (n >= 3) {
          expect(write([u[0] ?? zero, u[n - 1] ?? zero])).toEqual(['2/5', '2/5']);
          const middle = u.slice(1, -1);
          expect(sumFractions(middle)).toEqual(makeFraction(1, 5));
          expect(new Set(write(middle)).size).toBe(1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('worked by hand from the sentences: U with one and two touches, W with and without a milestone', () => {
    expect(write(shareExactly('u_shaped', 1, null))).toEqual(['1/1']);
    expect(write(shareExactly('u_shaped', 2, null))).toEqual(['1/2', '1/2']);
    expect(write(shareExactly('u_shaped', 3, null))).toEqual(['2/5', '1/5', '2/5']);
    expect(write(shareExactly('u_shaped', 4, null))).toEqual(['2/5', '1/10', '1/10', '2/5']);
    // One touch holds every position: 30% x 3 (or 30% x 2 + 15% x 2), then the 10% over the one holder.
    expect(write(shareExactly('w_shaped', 1, null))).toEqual(['1/1']);
    expect(write(shareExactly('w_shaped', 1, 0))).toEqual(['1/1']);
    // Two touches: no touch without a position, so the 10% is split over both holders.
    expect(write(shareExactly('w_shaped', 2, null))).toEqual(['1/2', '1/2']);
    expect(write(shareExactly('w_shaped', 2, 0))).toEqual(['13/20', '7/20']);
    expect(write(shareExactly('w_shaped', 2, 1))).toEqual(['7/20', '13/20']);
    // Three: a middle milestone holds its own 30%; with none, first and last get 45% and the middle one the 10%.
    expect(write(shareExactly('w_shaped', 3, 1))).toEqual(['1/3', '1/3', '1/3']);
    expect(write(shareExactly('w_shaped', 3, null))).toEqual(['9/20', '1/10', '9/20']);
    expect(write(shareExactly('w_shaped', 3, 0))).toEqual(['3/5', '1/10', '3/10']);
    expect(write(shareExactly('w_shaped', 3, 2))).toEqual(['3/10', '1/10', '3/5']);
    expect(write(shareExactly('w_shaped', 4, 2))).toEqual(['3/10', '1/10', '3/10', '3/10']);
    expect(write(shareExactly('w_shaped', 4, null))).toEqual(['9/20', '1/20', '1/20', '9/20']);
    expect(write(shareExactly('w_shaped', 5, 3))).toEqual(['3/10', '1/20', '1/20', '3/10', '3/10']);
  });

  it('W-shaped: each position 30% (a missing milestone halved to the ends), the other touches share 10% evenly', () => {
    fc.assert(
      fc.property(touchSet, ({ n, milestone }) => {
        const w = shareExactly('w_shaped', n, milestone);
        const holders = new Set([0, n - 1, ...(milestone === null ? [] : [milestone])]);
        const others = w.filter((_, i) => !holders.has(i));
        if (others.length > 0) {
          expect(sumFractions(others)).toEqual(makeFraction(1, 10));
          expect(new Set(write(others)).size).toBe(1);
          if (milestone !== null && holders.size === 3) expect(write([...holders].map((i) => w[i] ?? makeFraction(0)))).toEqual(['3/10', '3/10', '3/10']);
          if (milestone === null) expect(write([w[0] ?? makeFraction(0), w[n - 1] ?? makeFraction(0)])).toEqual(['9/20', '9/20']);
        }
        // Without a milestone the model is symmetric.
        if (milestone === null) expect(write(w)).toEqual(write([...w].reverse()));
      }),
      { numRuns: 1000 },
    );
  });

  it('time decay: weights 2^(-d / half-life) over their sum; ties share alike, a later touch more, one half-life apart twice as much', () => {
    const ages = fc.array(fc.constantFrom(0, 1000, 3_600_000, 43_200_000, 86_400_000, 604_800_000, 2_592_000_000), { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(ages, fc.constantFrom(12, 24, 168, 1440), (agesMs, halfLifeHours) => {
        const shares = shareByTimeDecay(agesMs, halfLifeHours);
        expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        for (const [i, a] of agesMs.entries()) {
          for (const [j, b] of agesMs.entries()) {
            const ratio = (shares[i] ?? 0) / (shares[j] ?? 1);
            expect(ratio / 2 ** ((b - a) / 3_600_000 / halfLifeHours)).toBeCloseTo(1, 9);
            if (a === b) expect(shares[i]).toBe(shares[j]);
            if (a < b) expect(shares[i]).toBeGreaterThan(shares[j] ?? 0);
          }
        }
      }),
      { numRuns: 500 },
    );
    expect(shareByTimeDecay([0], 168)).toEqual([1]);
    const [older, newer] = shareByTimeDecay([7 * 86_400_000, 0], 168);
    expect(older).toBeCloseTo(1 / 3, 15);
    expect(newer).toBeCloseTo(2 / 3, 15);
  });

  it('the largest share: ties go to the earliest touch (linear: the first; U with two: the first; time decay: the latest instant, earliest of a tie)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(0, 60_000, 3_600_000), { minLength: 1, maxLength: 12 }), (gaps) => {
        // Instants in order (ties where a gap is 0), the opportunity an hour after the last.
        const instants = gaps.reduce<number[]>((list, gap) => [...list, (list.at(-1) ?? 0) + gap], []);
        const deal = (instants.at(-1) ?? 0) + 3_600_000;
        expect(findLargestShare(shareTouches('linear', instants, deal, null, undefined))).toBe(0);
        expect(findLargestShare(shareTouches('first_touch', instants, deal, null, undefined))).toBe(0);
        expect(findLargestShare(shareTouches('last_touch', instants, deal, null, undefined))).toBe(instants.length - 1);
        // U: one touch, two equal halves, or 2/5 at both ends: the first wins every time.
        expect(findLargestShare(shareTouches('u_shaped', instants, deal, null, undefined))).toBe(0);
        const latest = instants.at(-1);
        expect(findLargestShare(shareTouches('time_decay', instants, deal, null, 24))).toBe(instants.indexOf(latest ?? 0));
      }),
      { numRuns: 500 },
    );
    expect(findLargestShare([])).toBeNull();
  });

  it('rounds once, halves away from zero', () => {
    expect([makeFraction(5, 2), makeFraction(-5, 2), makeFraction(7, 3), makeFraction(1, 2), makeFraction(149, 100)].map(roundFraction)).toEqual([3n, -3n, 2n, 1n, 1n]);
    expect(compareFractions(makeFraction(1, 3), makeFraction(2, 6))).toBe(0);
  });
});
