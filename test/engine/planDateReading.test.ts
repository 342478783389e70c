// Dates read through their distinct texts give exactly the readings of parsing every row, NULLs and blanks included.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../electron/engine/openDatabase';
import { buildTimestampSql, listTimestampFormats } from '../../electron/engine/sql/buildTimestampSql';
import { planDateReading } from '../../electron/engine/sql/planDateReading';

let db: Database;
beforeAll(async () => {
  db = await openDatabase(':memory:');
});
afterAll(() => db.close());

const formats = listTimestampFormats('MDY');
const build = (text: string) =>
  buildTimestampSql(text, { sourceZone: 'America/Los_Angeles', reportingZone: 'America/New_York', dateTimeFormats: formats.dateTimes, dateOnlyFormats: formats.dateOnly, excelSerials: false });

it('reads a column of few distinct texts by lookup, and the readings equal those of parsing each row', async () => {
  const texts = ['9/30/2026 11:30 PM', '2026-07-01', ' 2026-07-01 ', '', null, 'TBD', '2026-10-01T02:00:00Z', '7/1/2026'];
  // 400 rows over 8 texts: far below the share of distinct texts that reads by lookup.
  await db.run('CREATE TABLE raw (row_no INTEGER, c VARCHAR)');
  await db.appendRows('raw', Array.from({ length: 400 }, (_, i) => [i + 1, texts[i % texts.length] ?? null]));
  const reading = await planDateReading(db, { rawTable: 'raw', column: 'c', alias: 'd0', build });
  expect(reading.join).toBeDefined();
  const inline = build('r."c"');
  const rows = await db.all<{ same: boolean; n: string }>(
    `SELECT (${reading.wallTime}) IS NOT DISTINCT FROM (${inline.wallTime}) AND (${reading.dateOnly}) = (${inline.dateOnly}) AS same, count(*) AS n
     FROM raw r ${reading.join} GROUP BY 1`,
  );
  expect(rows).toEqual([{ same: true, n: '400' }]);
  const read = await db.all<{ c: string | null; wall: string | null; only: boolean }>(
    `SELECT DISTINCT r.c, strftime(${reading.wallTime}, '%Y-%m-%d %H:%M') AS wall, ${reading.dateOnly} AS only FROM raw r ${reading.join} ORDER BY 1 NULLS FIRST`,
  );
  // Los Angeles wall times shown in New York; dates alone are never shifted; offsets are instants.
  expect(read).toEqual([
    { c: null, wall: null, only: false },
    { c: '', wall: null, only: false },
    { c: ' 2026-07-01 ', wall: '2026-07-01 00:00', only: true },
    { c: '2026-07-01', wall: '2026-07-01 00:00', only: true },
    { c: '2026-10-01T02:00:00Z', wall: '2026-09-30 22:00', only: false },
    { c: '7/1/2026', wall: '2026-07-01 00:00', only: true },
    { c: '9/30/2026 11:30 PM', wall: '2026-10-01 02:30', only: false },
    { c: 'TBD', wall: null, only: false },
  ]);
});

it('parses every row when most texts are distinct', async () => {
  await db.run('CREATE TABLE many (row_no INTEGER, c VARCHAR)');
  await db.appendRows('many', Array.from({ length: 400 }, (_, i) => [i + 1, `2026-07-01 ${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`]));
  const reading = await planDateReading(db, { rawTable: 'many', column: 'c', alias: 'd0', build });
  expect(reading.join).toBeUndefined();
});
