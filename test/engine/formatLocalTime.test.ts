// review.md's `at`: the reviewer's wall clock with its offset, whatever the zone (half hours and the west included).
import { afterEach, describe, expect, it } from 'vitest';
import { formatLocalTime } from '../../electron/engine/review/formatLocalTime';

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('formatLocalTime', () => {
  it('writes the local time and offset of the machine, reading back as the same instant', () => {
    const instant = new Date('2026-12-01T13:03:00Z');
    const cases: [string, string][] = [
      ['Europe/Paris', '2026-12-01T14:03:00+01:00'],
      ['UTC', '2026-12-01T13:03:00+00:00'],
      ['America/St_Johns', '2026-12-01T09:33:00-03:30'],
      ['Asia/Kolkata', '2026-12-01T18:33:00+05:30'],
      ['Pacific/Kiritimati', '2026-12-02T03:03:00+14:00'],
    ];
    for (const [tz, expected] of cases) {
      process.env.TZ = tz;
      expect(formatLocalTime(instant), tz).toBe(expected);
      expect(Date.parse(expected)).toBe(instant.getTime());
    }
  });
});
