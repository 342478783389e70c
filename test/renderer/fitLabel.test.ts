// Chart labels shortened to their room: measured by a fixed width per character, so the expected text is known.
import { describe, expect, it } from 'vitest';
import { fitLabel } from '../../renderer/model/fitLabel';

/** 10 units a character, ellipsis included. */
const measure = (text: string) => [...text].length * 10;

describe('fitLabel', () => {
  it('keeps a label that fits whole', () => {
    expect(fitLabel('Timing', 60, measure)).toBe('Timing');
  });

  it('cuts a long rule name to the most characters that fit with the ellipsis', () => {
    const label = 'Excluded: excluded because the lead source is partner referral or reseller';
    const fitted = fitLabel(label, 200, measure);
    // 20 characters fit: 19 kept, the space they end on trimmed, then the ellipsis.
    expect(fitted).toBe('Excluded: excluded…');
    expect(measure(fitted)).toBeLessThanOrEqual(200);
  });

  it('gives the ellipsis alone when not even one character fits', () => {
    expect(fitLabel('Duplicates', 15, measure)).toBe('…');
  });
});
