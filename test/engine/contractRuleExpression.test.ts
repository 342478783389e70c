// checkRuleExpression: untrusted exclude rules are parsed by DuckDB, never run, and refused unless row-level logic.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRuleExpression } from '../../electron/engine/contract/checkRuleExpression';
import { ContractError } from '../../electron/engine/contract/ContractError';
import { RULE_FUNCTIONS } from '../../shared/RULE_FUNCTIONS';
import { openDatabase, type Database } from '../../electron/engine/openDatabase';

const COLUMNS = ['email', 'lifecycle_stage', 'mql_at', 'Record ID', 'Email', 'Lifecycle Stage', 'Lead Status', 'Stätus'];
let db: Database;

beforeAll(async () => {
  db = await openDatabase(':memory:');
  // A table the hostile rules would like to read or drop: it must survive every check.
  await db.run('CREATE TABLE t2 (email VARCHAR); INSERT INTO t2 VALUES (\'a@b.c\')');
});
afterAll(() => db.close());

async function check(expression: string): Promise<void> {
  await checkRuleExpression(db, { name: 'internal', expression, line: 12 }, 'MQL', COLUMNS, 'acme.yaml');
}

/** Expects a refusal and returns its message; checks the shape every refusal shares. */
async function refusal(expression: string): Promise<string> {
  const error: unknown = await check(expression).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, expression).toBeInstanceOf(ContractError);
  const message = (error as ContractError).message;
  expect(message.startsWith("acme.yaml:12: metrics.MQL.exclude.internal: rule 'internal' of metric 'MQL' is refused: ")).toBe(true);
  expect(message).not.toContain('\n');
  return message;
}

describe('accepted rules', () => {
  const accepted = [
    "lower(trim(email)) LIKE '%@acmecorp.com'",
    "lifecycle_stage NOT IN ('Marketing Qualified Lead', 'Customer')",
    `"Lead Status" = 'Disqualified'`,
    `"lead status" = 'Disqualified'`,
    "mql_at < TIMESTAMP '2026-08-01'",
    "CASE WHEN email IS NULL THEN true WHEN email = '' THEN true ELSE false END",
    "email ILIKE '%test%' OR regexp_matches(email, '^qa[0-9]+@')",
    "coalesce(nullif(trim(\"Lead Status\"), ''), 'x') = 'x' AND TRY_CAST(mql_at AS DATE) BETWEEN DATE '2026-01-01' AND DATE '2026-12-31'",
    "split_part(email, '@', 2) IN ('example.com', 'test.com') AND length(email) > 3",
    "strftime(TRY_CAST(mql_at AS TIMESTAMP), '%Y') = '2025' AND date_trunc('month', TRY_CAST(mql_at AS DATE)) IS NOT NULL",
    "email SIMILAR TO '.*@acme[.]com' AND NOT starts_with(email, 'ceo')",
    "\"Stätus\" = 'x'",
    "email = ';'",
  ];
  for (const expression of accepted) {
    it(expression, async () => {
      await expect(check(expression)).resolves.toBeUndefined();
    });
  }
});

describe('hostile or invalid rules are refused with the reason and position', () => {
  it('a table function in the expression', async () => {
    const message = await refusal("read_csv('/etc/passwd') IS NOT NULL");
    expect(message).toContain('calls read_csv, a table function');
    expect(message).toMatch(/\(position 1\)$/);
  });

  it('closing the parenthesis to read a file', async () => {
    const message = await refusal("1) FROM read_csv('/etc/passwd') --");
    expect(message).toContain('reads from read_csv(...)');
    expect(message).toMatch(/\(position 9\)$/);
  });

  it('closing the parenthesis to read another table', async () => {
    expect(await refusal('1) FROM t2 --')).toContain('reads another table');
    expect(await refusal('1) FROM t2, t --')).toContain('reads another table');
  });

  it('closing the parenthesis to add clauses or statements', async () => {
    expect(await refusal('1) FROM t UNION SELECT (1')).toContain('without query clauses');
    expect(await refusal('1) FROM t; DROP TABLE t2; SELECT (1')).toContain('not several statements');
  });

  it('a second statement', async () => {
    const message = await refusal('x = 1; DROP TABLE t');
    expect(message).toContain("must be one expression: ';' ends a statement");
    expect(message).toMatch(/\(position 6\)$/);
  });

  it('subqueries', async () => {
    const scalar = await refusal('(SELECT count(*) FROM other) > 0');
    expect(scalar).toContain('contains a subquery');
    expect(scalar).toMatch(/\(position 1\)$/);
    const inList = await refusal('email IN (SELECT email FROM t2)');
    expect(inList).toContain('contains a subquery');
    expect(await refusal('EXISTS (SELECT 1)')).toContain('contains a subquery');
  });

  it('functions that read the environment or settings', async () => {
    const getenv = await refusal("getenv('HOME') = ''");
    expect(getenv).toContain("calls unknown function 'getenv'");
    const setting = await refusal("current_setting('x') = ''");
    expect(setting).toContain('calls current_setting, which is not one of the functions rules may use');
    expect(setting).toMatch(/\(position 1\)$/);
  });

  it('aggregates, windows, lambdas, stars, parameters and positional references', async () => {
    expect(await refusal('count(*) > 1')).toContain('an aggregate');
    expect(await refusal('row_number() OVER () > 1')).toContain('window function');
    expect(await refusal('list_filter([email], x -> x IS NULL) = []')).toContain('calls list_filter');
    expect(await refusal('lambda x: x IS NULL')).toContain('lambda');
    expect(await refusal('* IS NULL')).toContain('uses *');
    expect(await refusal('COLUMNS(*) IS NULL')).toContain('uses *');
    expect(await refusal('$1 = email')).toContain('parameter');
    expect(await refusal('? = email')).toContain('parameter');
    expect(await refusal('#1 = email')).toContain('positional');
    expect(await refusal("lower(email) FILTER (WHERE true) = 'x'")).toContain('which only aggregates take');
    expect(await refusal("system.main.lower(email) = 'x'")).toContain('qualified name');
  });

  it('unknown columns, with a suggestion and the position', async () => {
    const message = await refusal("lower(emial) = 'x'");
    expect(message).toContain("unknown column 'emial', did you mean 'email'?");
    expect(message).toMatch(/\(position 7\)$/);
    expect(await refusal("t.email = 'x'")).toContain("uses 't.email'; write the column name alone");
    expect(await refusal('current_date > mql_at')).toContain("unknown column 'current_date'");
  });

  it('counts positions in characters, not bytes', async () => {
    expect(await refusal(`"Stätus" = 'x' AND emial = 'y'`)).toMatch(/\(position 20\)$/);
  });

  it('syntax errors, with their position', async () => {
    const message = await refusal("email = 'x' AND AND");
    expect(message).toContain('does not parse: syntax error at or near "AND"');
    expect(message).toMatch(/\(position 17\)$/);
    expect(await refusal("email = 'x' -- comment")).toContain('does not parse');
    expect(await refusal('   ')).toContain('the expression is empty');
  });

  it('left the database untouched', async () => {
    expect(await db.all('SELECT email FROM t2')).toEqual([{ email: 'a@b.c' }]);
  });
});

describe('the allowlist', () => {
  it('names only pure scalar functions or macros that DuckDB has', async () => {
    const rows = await db.all<{ name: string; kinds: string[] }>(
      'SELECT function_name AS name, list(DISTINCT function_type ORDER BY function_type) AS kinds FROM duckdb_functions() GROUP BY 1',
    );
    const kindsByName = new Map(rows.map((row) => [row.name, row.kinds]));
    for (const name of RULE_FUNCTIONS) {
      const kinds = kindsByName.get(name);
      expect(kinds, name).toBeDefined();
      for (const kind of kinds ?? []) expect(['scalar', 'macro'], `${name} is ${kind}`).toContain(kind);
    }
    for (const hostile of ['read_csv', 'read_text', 'glob', 'getenv', 'current_setting', 'query', 'query_table']) {
      expect(RULE_FUNCTIONS.has(hostile)).toBe(false);
    }
  });
});
