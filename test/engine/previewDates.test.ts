// previewDates on real files: ISO and M/D/YYYY values, day-first columns, values that are not dates, a time zone shift.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkbench } from '../../electron/engine/createWorkbench';
import { previewDates } from '../../electron/engine/newInvestigation/previewDates';
import { describeUnreadableDates } from '../../shared/describeUnreadableDates';

let dir: string;
let file: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-dates-test-'));
  file = path.join(dir, 'leads.csv');
  fs.writeFileSync(
    file,
    [
      'id,iso,slashed,day_first,offset,messy',
      '1,2026-07-01 09:30:00,7/21/2026 9:26 PM,21/07/2026,2026-07-01T02:00:00Z,2026-07-01',
      '2,2026-07-02,7/22/2026,03/08/2026,2026-07-02T12:00:00+02:00,n/a',
      '3,2026-07-03T23:59:59,12/31/2026 11:59 PM,31/12/2026,,unknown',
      '4,,1/2/2026,01/02/2026,,n/a',
      '5,,,,,2026-07-05',
    ].join('\n'),
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('previewDates', () => {
  it('reads ISO dates and times, keeping a date alone a date', async () => {
    const preview = await previewDates(file, null, 'iso', 'UTC');
    expect(preview.values).toEqual([
      { exported: '2026-07-01 09:30:00', reporting: '2026-07-01 09:30' },
      { exported: '2026-07-02', reporting: '2026-07-02' },
      { exported: '2026-07-03T23:59:59', reporting: '2026-07-03 23:59' },
    ]);
    expect([preview.unreadable, preview.nonEmpty]).toEqual([0, 3]);
    expect(describeUnreadableDates(preview)).toBeUndefined();
  });

  it('reads slashed dates month first, and day first where the column proves it', async () => {
    const slashed = await previewDates(file, null, 'slashed', 'America/New_York');
    expect(slashed.values.map((v) => v.reporting)).toEqual(['2026-07-21 21:26', '2026-07-22', '2026-12-31 23:59', '2026-01-02']);
    const dayFirst = await previewDates(file, null, 'day_first', 'UTC');
    expect(dayFirst.values.map((v) => v.reporting)).toEqual(['2026-07-21', '2026-08-03', '2026-12-31', '2026-02-01']);
  });

  it('shows a time with an offset in the chosen zone, and one without as written', async () => {
    const ny = await previewDates(file, null, 'offset', 'America/New_York');
    expect(ny.values.map((v) => v.reporting)).toEqual(['2026-06-30 22:00', '2026-07-02 06:00']);
    const tokyo = await previewDates(file, null, 'offset', 'Asia/Tokyo');
    expect(tokyo.values.map((v) => v.reporting)).toEqual(['2026-07-01 11:00', '2026-07-02 19:00']);
    const naive = await previewDates(file, null, 'slashed', 'Asia/Tokyo');
    expect(naive.values[0]?.reporting).toBe('2026-07-21 21:26');
  });

  it('counts and names the values that do not read as dates', async () => {
    const preview = await previewDates(file, null, 'messy', 'UTC');
    expect([preview.unreadable, preview.nonEmpty]).toEqual([3, 5]);
    expect(preview.unreadableExamples).toEqual(['n/a', 'unknown']);
    expect(preview.values[1]).toEqual({ exported: 'n/a', reporting: null });
    expect(describeUnreadableDates(preview)).toBe("3 of 5 values of 'messy' do not read as dates: 'n/a', 'unknown'");
    const ids = await previewDates(file, null, 'id', 'UTC');
    expect(describeUnreadableDates(ids)).toBe("5 of 5 values of 'id' do not read as dates: '1', '2', '3', '4', '5'");
    expect(ids.unreadableExamples).toEqual(['1', '2', '3', '4', '5']);
    const many = path.join(dir, 'many.csv');
    fs.writeFileSync(many, ['d', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'a'].join('\n'));
    expect(describeUnreadableDates(await previewDates(many, null, 'd', 'UTC'))).toBe("8 of 8 values of 'd' do not read as dates: 'a', 'b', 'c', 'd', 'e', ...");
  });

  it('names a missing column or a zone that is not IANA', async () => {
    await expect(previewDates(file, null, 'Created', 'UTC')).rejects.toThrow(`${file}: no column 'Created' (columns: 'id', 'iso', 'slashed', 'day_first', 'offset', 'messy')`);
    await expect(previewDates(file, null, 'iso', 'Sao Paulo')).rejects.toThrow("unknown time zone 'Sao Paulo'");
    // Headers match as the contract matches them: ignoring case and surrounding spaces.
    expect((await previewDates(file, null, ' ISO ', 'UTC')).column).toBe('iso');
  });

  it('reads the same in the workbench, where the form keeps each export imported, and again once the file changed', async () => {
    const wb = await createWorkbench({ home: path.join(dir, 'home'), sampleContract: path.resolve(import.meta.dirname, '../../samples/acme-q3-2026.recon.yaml') });
    try {
      for (const column of ['iso', 'slashed', 'day_first', 'offset', 'messy']) {
        expect(await wb.previewDates(file, null, column, 'America/New_York'), column).toEqual(await previewDates(file, null, column, 'America/New_York'));
      }
      const changing = path.join(dir, 'changing.csv');
      fs.writeFileSync(changing, 'd\n2026-07-01\n');
      expect((await wb.previewDates(changing, null, 'd', 'UTC')).unreadable).toBe(0);
      // A different size: the kept import is stale and the file is read again.
      fs.writeFileSync(changing, 'd\n2026-07-01\nsoon\n');
      expect(await wb.previewDates(changing, null, 'd', 'UTC')).toMatchObject({ nonEmpty: 2, unreadable: 1, unreadableExamples: ['soon'] });
    } finally {
      await wb.close();
    }
  });
});
