// Chart labels broken into lines at word boundaries, measured by a fixed width per character so the lines are known.
import { describe, expect, it } from 'vitest';
import { wrapLabel } from '../../renderer/model/wrapLabel';

/** 10 units a character. */
const measure = (text: string) => [...text].length * 10;

describe('wrapLabel', () => {
  it('keeps a label that fits on one line', () => {
    expect(wrapLabel('Excluded: internal', 250, measure, 2)).toEqual(['Excluded: internal']);
  });

  it('breaks a long rule name between words, and cuts what the last line cannot hold', () => {
    const label = 'Excluded: excluded because the lead source is partner referral or reseller';
    expect(wrapLabel(label, 260, measure, 2)).toEqual(['Excluded: excluded because', 'the lead source is partne…']);
    expect(wrapLabel(label, 260, measure, 3)).toEqual(['Excluded: excluded because', 'the lead source is partner', 'referral or reseller']);
  });

  it('wraps a label that needs exactly two lines without an ellipsis', () => {
    expect(wrapLabel('Excluded on the other side: disqualified', 300, measure, 2)).toEqual(['Excluded on the other side:', 'disqualified']);
  });

  it('cuts a single word wider than the room instead of leaving an empty line', () => {
    expect(wrapLabel('Excluded: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 100, measure, 2)).toEqual(['Excluded:', 'aaaaaaaaa…']);
    expect(wrapLabel('aaaaaaaaaaaaaaaaaaaa', 100, measure, 2)).toEqual(['aaaaaaaaa…']);
  });
});
