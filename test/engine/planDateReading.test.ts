// Dates read through their distinct texts, or with their instants through one parse, give exactly the readings of parsing every row.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../electron/engine/openDatabase';
import { buildInstantSql, buildPairedTimestampSql, buildTimestampSql, listTimestampFormats } from '../../electron/engine/sql/buildTimestampSql';
import { planDateReading } from '../../electron/engine/sql/planDateReading';

let db: Database;
beforeAll(async () => {
  db = await openDatabase(':memory:');
});
afterAll(() => db.close());

const formats = listTimestampFormats('MDY');
const options = { sourceZone: 'America/Los_Angeles', reportingZone: 'America/New_York', dateTimeFormats: formats.dateTimes, dateOnlyFormats: formats.dateOnly, excelSerials: false };
const build = (text: string) => buildTimestampSql(text, options);
const paired = (text: string) => buildPairedTimestampSql(text, options);
const instant = (text: string) => buildInstantSql(text, options);
// Every kind of text, among them the Los Angeles 01:30 that happens twice (1 November 2026) and a New York date alone
// on the day the clocks go back, whose day ends 25 hours after it starts.
const KINDS = ['9/30/2026 11:30 PM', '2026-07-01', ' 2026-07-01 ', '', null, 'TBD', '2026-10-01T02:00:00Z', '7/1/2026', '2026-11-01 01:30', '11/1/2026', '2026-11-01T01:30:00-08:00', '13/45/2026'];

it('reads a column of few distinct texts by lookup, and the readings equal those of parsing each row', async () => {
  const texts = ['9/30/2026 11:30 PM', '2026-07-01', ' 2026-07-01 ', '', null, 'TBD', '2026-10-01T02:00:00Z', '7/1/2026'];
  // 400 rows over 8 texts: far below the share of distinct texts that reads by lookup.
  await db.run('CREATE TABLE raw (row_no INTEGER, c VARCHAR)');
  await db.appendRows('raw', Array.from({ length: 400 }, (_, i) => [i + 1, texts[i % texts.length] ?? null]));
  const reading = await planDateReading(db, { rawTable: 'raw', column: 'c', alias: 'd0', build, paired, usualDateTime: false });
  expect(reading.join).toBeDefined();
  // A usual format makes parsing every row cheaper than the lookup, except within a session's transaction.
  expect((await planDateReading(db, { rawTable: 'raw', column: 'c', alias: 'd0', build, paired, usualDateTime: true })).layer).toBeDefined();
  expect((await planDateReading(db, { rawTable: 'raw', column: 'c', alias: 'd0', build, paired, usualDateTime: true, inTransaction: true })).join).toBeDefined();
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
  const reading = await planDateReading(db, { rawTable: 'many', column: 'c', alias: 'd0', build, paired, usualDateTime: false });
  expect(reading.join).toBeUndefined();
  expect(reading.layer).toBeDefined();
});

/** Rows of `table` where the planned readings differ from buildTimestampSql's and buildInstantSql's over each row's text. */
async function countDifferences(table: string, reading: Awaited<ReturnType<typeof planDateReading>>): Promise<number> {
  const from = reading.layer ? `(SELECT *, ${reading.layer.sql} AS "${reading.layer.name}" FROM ${table} r)` : table;
  const inline = build('r."c"');
  const [row] = await db.all<{ n: string }>(
    `SELECT count(*) AS n FROM ${from} r ${reading.join ?? ''}
     WHERE (${reading.wallTime}) IS DISTINCT FROM (${inline.wallTime}) OR (${reading.dateOnly}) <> (${inline.dateOnly})
       OR (${reading.instant}) IS DISTINCT FROM (${buildInstantSql('r."c"', options)})`,
  );
  return Number(row?.n);
}

it('reads the instants with the wall times, by lookup or through one parse, equal to reading each text again', async () => {
  await db.run('CREATE TABLE kinds (row_no INTEGER, c VARCHAR)');
  await db.appendRows('kinds', Array.from({ length: 480 }, (_, i) => [i + 1, KINDS[i % KINDS.length] ?? null]));
  const byLookup = await planDateReading(db, { rawTable: 'kinds', column: 'c', alias: 'd0', build, paired, instant, usualDateTime: false });
  expect(byLookup.join).toBeDefined();
  expect(await countDifferences('kinds', byLookup)).toBe(0);
  // Most texts distinct: every row parsed once, its pair of readings taken apart above.
  await db.run('CREATE TABLE distinct_kinds (row_no INTEGER, c VARCHAR)');
  await db.appendRows('distinct_kinds', [...KINDS.map((c, i) => [i + 1, c]), ...Array.from({ length: 100 }, (_, i) => [KINDS.length + i + 1, `2026-11-01 01:${String(i % 60).padStart(2, '0')}`])]);
  const parsed = await planDateReading(db, { rawTable: 'distinct_kinds', column: 'c', alias: 'd0', build, paired, instant, usualDateTime: false });
  expect(parsed.layer).toBeDefined();
  expect(await countDifferences('distinct_kinds', parsed)).toBe(0);
  // 01:30 with the offset of its second time (09:30 UTC): 04:30 in New York, back on standard time by then.
  const [twice] = await db.all<{ wall: string; instant: string }>(
    `SELECT strftime(${parsed.wallTime}, '%Y-%m-%d %H:%M') AS wall, CAST(CAST(epoch(${parsed.instant}) AS BIGINT) AS VARCHAR) AS instant
     FROM (SELECT *, ${parsed.layer?.sql} AS "${parsed.layer?.name}" FROM distinct_kinds r) r WHERE c = '2026-11-01T01:30:00-08:00'`,
  );
  expect(twice).toEqual({ wall: '2026-11-01 04:30', instant: String(Date.UTC(2026, 10, 1, 9, 30) / 1000) });
});

// Texts a usual format almost reads: an offset after it, seconds, a date alone, a month, words, an Excel serial.
const NEAR_MISSES = ['2026-07-01 10:00', '2026-07-01 10:00Z', '2026-07-01 10:00 Z', '2026-07-01 10:00+02', '2026-07-01 10:00 -0500', '2026-07-01 10:00:30', '2026-07-01', '2026-07', '2026-7-1 9:05', ' 2026-07-01 10:00 ', '7/1/2026 10:00 AM', '45000', 'soon', '', null];

it('reads the same with the usual format tried first as without it, text by text', async () => {
  await db.run('CREATE TABLE near (row_no INTEGER, c VARCHAR)');
  const texts = [...KINDS, ...NEAR_MISSES];
  await db.appendRows('near', Array.from({ length: texts.length * 30 }, (_, i) => [i + 1, texts[i % texts.length] ?? null]));
  for (const usual of ['%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M', '%m/%d/%Y %I:%M %p', '%Y-%m-%dT%H:%M:%S']) {
    // Every text's reading is compared with the one without the usual format (countDifferences' reference).
    const first = { ...options, dateTimeFormats: [usual, ...options.dateTimeFormats.filter((f) => f !== usual)], usualDateTime: true };
    const reorderedReference = { ...options, dateTimeFormats: first.dateTimeFormats };
    for (const excelSerials of [false, true]) {
      const withUsual = { ...first, excelSerials };
      const reference = { ...reorderedReference, excelSerials };
      const reading = await planDateReading(db, {
        rawTable: 'near',
        column: 'c',
        alias: 'd0',
        build: (text) => buildTimestampSql(text, withUsual),
        paired: (text) => buildPairedTimestampSql(text, withUsual),
        instant: (text) => buildInstantSql(text, withUsual),
        usualDateTime: true,
      });
      expect(reading.layer).toBeDefined();
      const from = `(SELECT *, ${reading.layer?.sql} AS "${reading.layer?.name}" FROM near r)`;
      const ref = buildTimestampSql('r."c"', reference);
      const [row] = await db.all<{ n: string; read: string }>(
        `SELECT count(*) FILTER (WHERE (${reading.wallTime}) IS DISTINCT FROM (${ref.wallTime}) OR (${reading.dateOnly}) <> (${ref.dateOnly})
           OR (${reading.instant}) IS DISTINCT FROM (${buildInstantSql('r."c"', reference)})) AS n,
           count(${reading.wallTime}) AS read
         FROM ${from} r`,
      );
      expect({ usual, excelSerials, differences: row?.n }).toEqual({ usual, excelSerials, differences: '0' });
      // The comparison is of readings, not of NULLs: most texts are read.
      expect(Number(row?.read)).toBeGreaterThan(texts.length * 15);
    }
  }
});
