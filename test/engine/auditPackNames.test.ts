// The audit pack's names (review.md): its files' name, sanitised and cut to 150 characters; the bucket sheets' names, cut to 31, refused characters as _, numbered ignoring case.
import { describe, expect, it } from 'vitest';
import { nameAuditPack } from '../../electron/engine/review/audit/nameAuditPack';
import { createSheetNamer } from '../../electron/engine/review/audit/nameBucketSheets';
import { planBucketSheets } from '../../electron/engine/review/audit/planBucketSheets';
import type { ReconReport } from '../../shared/reportTypes';

describe('nameAuditPack', () => {
  it('replaces / \\ : * ? " < > | and control characters with _, in the title and the version', () => {
    expect(nameAuditPack('a/b\\c:d*e?f"g<h>i|j\tk\u0000l\u007fm', '7')).toBe('a_b_c_d_e_f_g_h_i_j_k_l_m v7 audit');
    expect(nameAuditPack('Q3 MQLs', '2026/07')).toBe('Q3 MQLs v2026_07 audit');
    expect(nameAuditPack('Über € café — 中文', '1.2')).toBe('Über € café — 中文 v1.2 audit');
  });

  it('cuts `<title> v<version> audit` to 150 characters, never inside a character', () => {
    const long = nameAuditPack('x'.repeat(200), '7');
    expect(long).toBe('x'.repeat(150));
    const emoji = nameAuditPack(`${'y'.repeat(149)}😀😀`, '7');
    expect(Array.from(emoji)).toHaveLength(150);
    expect(emoji.endsWith('😀')).toBe(true);
    expect(nameAuditPack('t'.repeat(140), '12')).toBe(`${'t'.repeat(140)} v12 audit`);
    expect(nameAuditPack('t'.repeat(141), '12')).toBe(`${'t'.repeat(141)} v12 audi`);
  });
});

describe('bucket sheet names', () => {
  it('writes L or R, the kind\'s short word and the reason', () => {
    const name = createSheetNamer(['Summary']);
    expect(name('left', 'excluded', 'internal', 1)).toBe('L excl internal');
    expect(name('right', 'duplicate', 'duplicate', 1)).toBe('R dup duplicate');
    expect(name('left', 'out_of_period', 'missing_date', 1)).toBe('L oop missing_date');
    expect(name('left', 'matched', 'value_differs', 1)).toBe('L matched value_differs');
    expect(name('right', 'timing', 'timing', 1)).toBe('R timing timing');
    expect(name('right', 'excluded_on_other_side', 'not_mql', 1)).toBe('R other not_mql');
    expect(name('left', 'unmatched', 'missing_key', 1)).toBe('L unm missing_key');
  });

  it('replaces characters Excel refuses and an apostrophe at either end', () => {
    const name = createSheetNamer([]);
    expect(name('left', 'excluded', 'a:b\\c/d?e*f[g]h', 1)).toBe('L excl a_b_c_d_e_f_g_h');
    expect(name('left', 'excluded', "bob's rule'", 1)).toBe("L excl bob's rule_");
  });

  it('numbers continuations and names taken already, ignoring case, within 31 characters', () => {
    const name = createSheetNamer(['Summary']);
    expect(name('left', 'excluded', 'Internal', 1)).toBe('L excl Internal');
    expect(name('left', 'excluded', 'internal', 1)).toBe('L excl internal (2)');
    expect(name('left', 'excluded', 'Internal', 2)).toBe('L excl Internal (3)');
    const reason = 'a_reason_far_longer_than_a_sheet_name_allows';
    expect(name('right', 'unmatched', reason, 1)).toBe('R unm a_reason_far_longer_than_');
    expect(name('right', 'unmatched', reason, 2)).toBe('R unm a_reason_far_longer_t (2)');
    expect(name('right', 'unmatched', `${reason}_too`, 1)).toBe('R unm a_reason_far_longer_t (3)');
    expect(name('right', 'unmatched', reason, 10)).toBe('R unm a_reason_far_longer_ (10)');
  });

  it('never splits a character made of two UTF-16 units at the cut', () => {
    const name = createSheetNamer([]);
    // 'L excl ' is 7 units: 23 x's bring the emoji's first unit to position 31.
    expect(name('left', 'excluded', `${'x'.repeat(23)}😀`, 1)).toBe(`L excl ${'x'.repeat(23)}`);
  });

  it('plans one sheet per started block of records, empty buckets none', () => {
    const report = {
      reconciliations: [
        { name: 'r', buckets: [
          { side: 'left', kind: 'matched', reason: 'matched', count: 5, ids: [] },
          { side: 'left', kind: 'unmatched', reason: 'no_counterpart', count: 0, ids: [] },
          { side: 'right', kind: 'matched', reason: 'matched', count: 4, ids: [] },
        ] },
      ],
    } as unknown as ReconReport;
    expect(planBucketSheets(report, 2).map((b) => b.names)).toEqual([
      ['L matched matched', 'L matched matched (2)', 'L matched matched (3)'],
      ['R matched matched', 'R matched matched (2)'],
    ]);
    expect(() => planBucketSheets(report, 0)).toThrow(/whole number from 1/);
  });
});
