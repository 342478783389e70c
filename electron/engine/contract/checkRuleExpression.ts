// Refuses a rule (a metric's exclude rule, a link's primary, sourced.crm, an SLA's where) that is anything but one row-level boolean expression, using DuckDB's parser only.
import type { RuleSpec } from '../../../shared/contractTypes';
import type { Database } from '../openDatabase';
import { ContractError } from './ContractError';
import { findRuleExpressionProblem, type SqlNode } from './findRuleExpressionProblem';

const PREFIX = 'SELECT (';
const SUFFIX = ') FROM t';

interface Serialized {
  error: boolean;
  error_type?: string;
  error_message?: string;
  position?: string;
  statements?: { node: SqlNode }[];
}

async function serialize(db: Database, sql: string): Promise<Serialized> {
  const [row] = await db.all<{ ast: string }>('SELECT json_serialize_sql($1::VARCHAR) AS ast', [sql]);
  return JSON.parse(row?.ast ?? '{"error":true}') as Serialized;
}

/** The clauses of `SELECT (x) FROM t` other than the expression itself, for comparison. */
function describeFrame(node: SqlNode): string {
  const frame: SqlNode = { ...node, select_list: [], from_table: { ...(node.from_table as SqlNode), query_location: 0 } };
  return JSON.stringify(frame);
}

/** A rule text and where the contract writes it: `key` and `subject` ("rule 'x' of metric 'y'") name it in messages. */
export interface RuleText {
  expression: string;
  line: number;
  key: string;
  subject: string;
}

/**
 * Throws ContractError unless `rule.expression` is a single boolean expression over one row whose
 * columns are among `columns` (canonical fields and original headers, compared ignoring case).
 * Nothing is run: the text is only parsed.
 */
export async function checkRuleExpression(
  db: Database,
  rule: RuleSpec,
  metric: string,
  columns: string[],
  fileLabel: string,
): Promise<void> {
  await checkRuleText(db, toRuleText(rule, metric), columns, fileLabel);
}

/** An exclude rule of `metric`, named as messages name it. */
export function toRuleText(rule: RuleSpec, metric: string): RuleText {
  return { expression: rule.expression, line: rule.line, key: `metrics.${metric}.exclude.${rule.name}`, subject: `rule '${rule.name}' of metric '${metric}'` };
}

/** checkRuleExpression for any rule text of the contract. */
export async function checkRuleText(db: Database, rule: RuleText, columns: string[], fileLabel: string): Promise<void> {
  const expression = rule.expression;
  const sql = `${PREFIX}${expression}${SUFFIX}`;
  const sqlBytes = Buffer.from(sql, 'utf8');
  // DuckDB reports byte offsets into the whole statement; people count characters in their expression.
  function toPosition(byteOffset: number | undefined): number {
    if (byteOffset === undefined || !Number.isFinite(byteOffset) || byteOffset > sqlBytes.length) return 1;
    const characters = sqlBytes.subarray(0, byteOffset).toString('utf8').length;
    return Math.min(Math.max(characters - PREFIX.length + 1, 1), expression.length + 1);
  }
  function refuse(reason: string, byteOffset?: number): never {
    const message = `${rule.subject} is refused: ${reason} (position ${toPosition(byteOffset)})`;
    throw new ContractError(fileLabel, [{ line: rule.line, key: rule.key, message }]);
  }

  if (expression.trim() === '') refuse('the expression is empty');
  const parsed = await serialize(db, sql);
  if (parsed.error) {
    if (parsed.error_type === 'parser' && parsed.position !== undefined) {
      const at = Number(parsed.position);
      if (sqlBytes.subarray(at, at + 1).toString() === ';') refuse("must be one expression: ';' ends a statement", at);
      refuse(`does not parse: ${parsed.error_message ?? 'syntax error'}`, Number(parsed.position));
    }
    const semicolon = expression.indexOf(';');
    if (semicolon >= 0) refuse('must be one expression, not several statements', Buffer.byteLength(PREFIX + expression.slice(0, semicolon)));
    refuse(`does not parse: ${parsed.error_message ?? 'not an expression'}`);
  }
  const statements = parsed.statements ?? [];
  if (statements.length !== 1) {
    refuse('must be one expression, not several statements', Buffer.byteLength(PREFIX + expression.split(';')[0]));
  }
  const node = statements[0]?.node ?? {};
  if (node.type !== 'SELECT_NODE') refuse('must be one expression over its own row, without query clauses (UNION, ORDER BY...)');
  const table = node.from_table as SqlNode | undefined;
  const ownTableAt = Buffer.byteLength(PREFIX + expression + ') FROM ');
  if (table?.type === 'TABLE_FUNCTION') {
    const name = ((table.function as SqlNode | undefined)?.function_name as string | undefined) ?? 'a table function';
    refuse(`reads from ${name}(...), which reaches outside the row`, table.query_location as number);
  }
  if (table?.type !== 'BASE_TABLE' || table.query_location !== ownTableAt) {
    refuse('must be one expression over its own row: it closes the parenthesis and reads another table', table?.query_location as number);
  }
  const [baseline] = (await serialize(db, `${PREFIX}1${SUFFIX}`)).statements ?? [];
  const list = node.select_list as SqlNode[] | undefined;
  if (!baseline || describeFrame(node) !== describeFrame(baseline.node) || list?.length !== 1 || !list[0]) {
    refuse('must be one expression over its own row, without query clauses (WHERE, GROUP BY, UNION, LIMIT...)');
  }
  const problem = await findRuleExpressionProblem(db, list[0], columns, Buffer.byteLength(PREFIX));
  if (problem) refuse(problem.reason, problem.offset);
}
