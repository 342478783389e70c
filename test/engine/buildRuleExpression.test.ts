// The rule builder's expressions: quoted safely, accepted by the contract's checker, and selecting the right rows on DuckDB.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRemainingRuleExpression, buildRuleExpression, findRulePartsProblem, type RuleParts } from '../../shared/buildRuleExpression';
import { describeRule, proposeRuleName } from '../../shared/describeRule';
import { checkRuleExpression } from '../../electron/engine/contract/checkRuleExpression';
import { openDatabase, type Database } from '../../electron/engine/openDatabase';

// Text as a file column holds it (NULL, blank, quotes, LIKE wildcards, mixed case) and a date field as the rule context types it.
const ROWS: [number, string | null, string | null, string | null][] = [
  [1, 'Disqualified', 'ann@acme.com', '2026-06-30 23:59:59'],
  [2, 'Junk', 'BOB@ACME.COM', '2026-07-01 00:00:00'],
  [3, null, 'carl@other.org', null],
  [4, '  ', 'dana_x@acme.com', '2026-07-15 12:00:00'],
  [5, "O'Brien's list", 'ed%@acme.com', '2026-09-30 23:00:00'],
  [6, 'Working', 'Acme.fan@x.io', '2026-10-01 00:00:00'],
];
const COLUMNS = ['id', 'Lead Status', 'Odd "Name"', 'mql_at'];
let db: Database;

beforeAll(async () => {
  db = await openDatabase(':memory:');
  await db.run(`CREATE TABLE t ("id" INTEGER, "Lead Status" VARCHAR, "Odd ""Name""" VARCHAR, mql_at TIMESTAMP)`);
  for (const row of ROWS) await db.run('INSERT INTO t VALUES ($1, $2, $3, CAST($4 AS TIMESTAMP))', row);
});
afterAll(() => db.close());

/** The ids the expression selects, after the contract's own checker accepted it. */
async function select(expression: string): Promise<number[]> {
  await checkRuleExpression(db, { name: 'r', expression, line: 1 }, 'MQL', COLUMNS, 'test.yaml');
  const rows = await db.all<{ id: number }>(`SELECT id FROM t WHERE (${expression}) ORDER BY id`);
  return rows.map((r) => r.id);
}

const status = (operator: RuleParts['operator'], ...values: string[]): RuleParts => ({ column: 'Lead Status', operator, values });
const email = (operator: RuleParts['operator'], ...values: string[]): RuleParts => ({ column: 'Odd "Name"', operator, values });
const date = (operator: RuleParts['operator'], ...values: string[]): RuleParts => ({ column: 'mql_at', operator, values, isDate: true });

describe('buildRuleExpression', () => {
  it('quotes identifiers and literals by doubling their quotes', () => {
    expect(buildRuleExpression(status('is', "O'Brien's list"))).toBe(`"Lead Status" = 'O''Brien''s list'`);
    expect(buildRuleExpression(email('is', 'x'))).toBe(`"Odd ""Name""" = 'x'`);
    expect(buildRuleExpression(status('is_one_of', 'Disqualified', 'Junk'))).toBe(`"Lead Status" IN ('Disqualified', 'Junk')`);
    expect(buildRuleExpression(email('contains', '%@'))).toBe(`contains(lower("Odd ""Name"""), lower('%@'))`);
    expect(buildRuleExpression(date('before', '2026-07-01'))).toBe(`CAST("mql_at" AS DATE) < DATE '2026-07-01'`);
  });

  it('selects exactly the rows each operator means, and never a NULL for a comparison', async () => {
    expect(await select(buildRuleExpression(status('is', 'Junk')))).toEqual([2]);
    expect(await select(buildRuleExpression(status('is', "O'Brien's list")))).toEqual([5]);
    // NULL never matches: row 3 is left alone by "is not"; "is empty" is how to reach it.
    expect(await select(buildRuleExpression(status('is_not', 'Junk')))).toEqual([1, 4, 5, 6]);
    expect(await select(buildRuleExpression(status('is_one_of', 'Disqualified', 'Junk', 'junk')))).toEqual([1, 2]);
    expect(await select(buildRuleExpression(status('is_empty')))).toEqual([3, 4]);
    // Case-insensitive, and a value's % and _ are plain characters, not LIKE wildcards.
    expect(await select(buildRuleExpression(email('contains', '@ACME.com')))).toEqual([1, 2, 4, 5]);
    expect(await select(buildRuleExpression(email('contains', '%@')))).toEqual([5]);
    expect(await select(buildRuleExpression(email('contains', '_x')))).toEqual([4]);
    expect(await select(buildRuleExpression(email('starts_with', 'acme')))).toEqual([6]);
    expect(await select(buildRuleExpression(email('starts_with', 'b')))).toEqual([2]);
  });

  it('compares the calendar date of a date field, and "is empty" is a missing date', async () => {
    expect(await select(buildRuleExpression(date('before', '2026-07-01')))).toEqual([1]);
    expect(await select(buildRuleExpression(date('after', '2026-09-30')))).toEqual([6]);
    expect(await select(buildRuleExpression(date('after', '2026-06-30')))).toEqual([2, 4, 5, 6]);
    expect(await select(buildRuleExpression(date('is_empty')))).toEqual([3]);
  });

  it('counts a rule after earlier ones only on the records they left', async () => {
    const earlier = [buildRuleExpression(status('is', 'Junk')), buildRuleExpression(status('is_empty'))];
    expect(await select(buildRemainingRuleExpression(buildRuleExpression(email('contains', 'acme')), earlier))).toEqual([1, 5, 6]);
    expect(buildRemainingRuleExpression('x', [])).toBe('x');
  });

  it('names what is missing or wrong instead of building', () => {
    expect(findRulePartsProblem(status('is'))).toBe('Enter a value.');
    expect(findRulePartsProblem(status('is_one_of', ''))).toBe('Enter at least one value.');
    expect(findRulePartsProblem(date('before', '2026-02-30'))).toMatch(/not a date/);
    expect(findRulePartsProblem(status('before', '2026-02-01'))).toMatch(/date field/);
    expect(findRulePartsProblem(date('contains', 'x'))).toMatch(/before, after or is empty/);
    expect(findRulePartsProblem({ column: '', operator: 'is_empty', values: [] })).toBe('Choose a column.');
    expect(() => buildRuleExpression(status('is'))).toThrow('Enter a value.');
  });
});

describe('describeRule and proposeRuleName', () => {
  it('says the rule in words', () => {
    expect(describeRule(status('is_one_of', 'Disqualified', 'Junk'))).toBe('Lead Status is one of Disqualified, Junk');
    expect(describeRule(email('contains', '@acme'))).toBe('Odd "Name" contains (any case) "@acme"');
    expect(describeRule(date('before', '2026-07-01'))).toBe('mql_at is before 2026-07-01');
    expect(describeRule(date('is_empty'))).toBe('mql_at has no readable date');
  });

  it('proposes a short snake_case name, unique among the metric\'s rules ignoring case', () => {
    const notMql: RuleParts = { column: 'Lifecycle Stage', operator: 'is_not', values: ['Marketing Qualified Lead'] };
    expect(proposeRuleName(notMql, [])).toBe('not_marketing_qualified_lead');
    expect(proposeRuleName(notMql, ['Not_Marketing_Qualified_Lead', 'not_marketing_qualified_lead_2'])).toBe('not_marketing_qualified_lead_3');
    expect(proposeRuleName(status('is_one_of', 'Disqualified', 'Junk'), [])).toBe('lead_status_disqualified_junk');
    expect(proposeRuleName(status('is_empty'), [])).toBe('no_lead_status');
    expect(proposeRuleName({ column: '2nd Stage', operator: 'is', values: ['Ünïcode stuff that goes on and on forever'] }, []).length).toBeLessThanOrEqual(45);
    expect(proposeRuleName({ column: '2nd Stage', operator: 'is', values: ['x'] }, [])).toBe('rule_2nd_stage_x');
  });
});
