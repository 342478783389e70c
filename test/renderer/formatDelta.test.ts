// A comparison's delta always carries its sign, with grouped digits.
import { describe, expect, it } from 'vitest';
import { formatDelta } from '../../renderer/model/formatDelta';

describe('formatDelta', () => {
  it('writes + for a rise, − (minus sign) for a drop, 0 alone', () => {
    expect(formatDelta(81)).toBe('+81');
    expect(formatDelta(-1234)).toBe('−1,234');
    expect(formatDelta(0)).toBe('0');
  });
});
