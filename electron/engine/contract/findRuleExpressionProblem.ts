// Walks the parsed AST of a rule expression and finds the first node that is not plain row-level logic.
import type { Database } from '../openDatabase';
import { RULE_FUNCTIONS } from '../../../shared/RULE_FUNCTIONS';
import { findNearest } from '../../../shared/suggestNearest';

/** A node of json_serialize_sql's output. */
export type SqlNode = Record<string, unknown>;

export interface ExpressionProblem {
  reason: string;
  /** Byte offset in the parsed statement, when DuckDB knows it. */
  offset?: number;
}

const COMPARISONS = new Set([
  'COMPARE_EQUAL', 'COMPARE_NOTEQUAL', 'COMPARE_LESSTHAN', 'COMPARE_GREATERTHAN', 'COMPARE_LESSTHANOREQUALTO',
  'COMPARE_GREATERTHANOREQUALTO', 'COMPARE_DISTINCT_FROM', 'COMPARE_NOT_DISTINCT_FROM',
]);
const OPERATORS = new Set([
  'OPERATOR_NOT', 'OPERATOR_IS_NULL', 'OPERATOR_IS_NOT_NULL', 'COMPARE_IN', 'COMPARE_NOT_IN', 'OPERATOR_COALESCE',
  'ARRAY_EXTRACT', 'ARRAY_SLICE',
]);
const REFUSED_CLASSES: Record<string, string> = {
  SUBQUERY: 'contains a subquery, which reaches outside the row',
  WINDOW: 'uses a window function, which reaches outside the row',
  LAMBDA: 'contains a lambda (->), which rules may not use',
  STAR: 'uses * or COLUMNS(...); name the columns instead',
  PARAMETER: 'contains a parameter ($1 or ?), which rules may not use',
  POSITIONAL_REFERENCE: 'uses a positional column (#1); name the column instead',
};

function isNode(value: unknown): value is SqlNode {
  return typeof value === 'object' && value !== null && typeof (value as SqlNode).class === 'string';
}

/** Every expression node nested anywhere under `value`, however DuckDB names the field holding it. */
function collectChildren(value: unknown, into: SqlNode[]): SqlNode[] {
  if (Array.isArray(value)) for (const item of value) collectChildren(item, into);
  else if (isNode(value)) into.push(value);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) collectChildren(item, into);
  return into;
}

async function describeFunction(db: Database, name: string): Promise<string> {
  const rows = await db.all<{ kind: string }>(
    'SELECT DISTINCT function_type AS kind FROM duckdb_functions() WHERE function_name = lower($1)',
    [name],
  );
  const kinds = rows.map((row) => row.kind);
  if (kinds.some((kind) => kind.startsWith('table'))) return `calls ${name}, a table function, which can read files or other tables`;
  if (kinds.includes('aggregate')) return `calls ${name}, an aggregate, which looks at other rows`;
  if (kinds.length > 0) return `calls ${name}, which is not one of the functions rules may use`;
  const nearest = findNearest(name, RULE_FUNCTIONS);
  return `calls unknown function '${name}'${nearest ? `, did you mean '${nearest}'?` : ''}`;
}

function checkColumn(node: SqlNode, columns: string[]): string | undefined {
  const names = (node.column_names as string[] | undefined) ?? [];
  const [name] = names;
  if (names.length !== 1 || name === undefined) {
    return `uses '${names.join('.')}'; write the column name alone, in double quotes if it holds dots or spaces`;
  }
  if (columns.some((column) => column.toLowerCase() === name.toLowerCase())) return undefined;
  const nearest = findNearest(name, columns);
  return `unknown column '${name}'${nearest ? `, did you mean '${nearest}'?` : ''} (columns: ${columns.join(', ')})`;
}

async function checkNode(db: Database, node: SqlNode, columns: string[]): Promise<string | undefined> {
  const kind = node.class as string;
  const type = node.type as string;
  const refused = REFUSED_CLASSES[kind];
  if (refused) return refused;
  switch (kind) {
    case 'CONSTANT':
    case 'CONJUNCTION':
    case 'BETWEEN':
    case 'CASE':
    case 'CAST':
    case 'COLLATE':
      return undefined;
    case 'COLUMN_REF':
      return checkColumn(node, columns);
    case 'COMPARISON':
      return COMPARISONS.has(type) ? undefined : `uses comparison ${type}, which rules may not use`;
    case 'OPERATOR':
      return OPERATORS.has(type) ? undefined : `uses operator ${type}, which rules may not use`;
    case 'FUNCTION': {
      const name = String(node.function_name);
      if (node.catalog || (node.schema && node.schema !== 'main')) return `calls ${name} by a qualified name; use the plain name`;
      const orders = (node.order_bys as { orders?: unknown[] } | undefined)?.orders ?? [];
      if (node.filter || node.distinct || node.export_state || orders.length > 0) {
        return `uses DISTINCT, ORDER BY or FILTER in ${name}(...), which only aggregates take`;
      }
      return RULE_FUNCTIONS.has(name.toLowerCase()) ? undefined : describeFunction(db, name);
    }
    default:
      return `uses a ${kind.toLowerCase()} expression, which rules may not use`;
  }
}

/** The first refused node in `root` (depth first, in reading order), or undefined when all are allowed. */
export async function findRuleExpressionProblem(
  db: Database,
  root: SqlNode,
  columns: string[],
  startOffset: number,
): Promise<ExpressionProblem | undefined> {
  // Nodes built by the parser (e.g. the cast in TIMESTAMP '...') have no location: use their parent's.
  const stack: { node: SqlNode; offset: number }[] = [{ node: root, offset: startOffset }];
  while (stack.length > 0) {
    const { node, offset: parentOffset } = stack.pop() as { node: SqlNode; offset: number };
    const location = node.query_location;
    const offset = typeof location === 'number' && location < Number.MAX_SAFE_INTEGER ? location : parentOffset;
    const reason = await checkNode(db, node, columns);
    if (reason) return { reason, offset };
    const children = collectChildren(Object.values(node), []);
    for (const child of children.reverse()) stack.push({ node: child, offset });
  }
  return undefined;
}
