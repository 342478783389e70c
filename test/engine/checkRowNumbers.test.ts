// A source table is built only from rows numbered exactly 1..n: a repeated, missing or shifted number is refused.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildSourceTable } from '../../electron/engine/buildSourceTable';
import { openDatabase, type Database } from '../../electron/engine/openDatabase';

let db: Database;
beforeAll(async () => {
  db = await openDatabase(':memory:');
});
afterAll(() => db.close());

async function build(rowNumbers: number[]): Promise<void> {
  await db.run('CREATE OR REPLACE TABLE raw (row_no BIGINT, "Name" VARCHAR)');
  await db.appendRows('raw', rowNumbers.map((n) => [n, `name ${n}`]));
  await buildSourceTable(db, {
    rawTable: 'raw',
    table: 'src',
    source: { name: 'people', system: 'marketing', file: 'people.csv', timezone: 'UTC', fields: { name: 'Name' }, line: 1 },
    fields: { name: 'Name' },
    dateFields: new Set(),
    amountFields: new Set(),
    reportingZone: 'UTC',
    money: { rates: {}, where: 'test' },
    excelSerials: false,
    fileLabel: 'people.csv',
    fileColumns: ['Name'],
  });
}

it('builds the table from rows numbered 1..n in any order', async () => {
  await build([3, 1, 2, 5, 4]);
  expect(await db.all('SELECT count(*) AS n FROM src')).toEqual([{ n: '5' }]);
});

it('refuses a repeated number, a number outside 1..n and a gap', async () => {
  await expect(build([1, 2, 2, 4])).rejects.toThrow('import numbered 4 rows 1..4, 3 distinct: expected 1..4');
  await expect(build([0, 1, 2])).rejects.toThrow('import numbered 3 rows 0..2: expected 1..3');
  await expect(build([1, 2, 4])).rejects.toThrow('import numbered 3 rows 1..4: expected 1..3');
});
