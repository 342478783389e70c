// Turns a rule chosen in the rule builder (column, operator, values) into the contract's exclude expression.

/** The rule builder's operators; `before`/`after` compare a date field's calendar date in the reporting zone. */
export const RULE_OPERATORS = ['is', 'is_not', 'is_one_of', 'contains', 'starts_with', 'is_empty', 'before', 'after'] as const;
export type RuleOperator = (typeof RULE_OPERATORS)[number];

/** Operators that take no value, one value, several values or one date. */
export const TEXT_OPERATORS: readonly RuleOperator[] = ['is', 'is_not', 'is_one_of', 'contains', 'starts_with', 'is_empty'];
export const DATE_OPERATORS: readonly RuleOperator[] = ['before', 'after', 'is_empty'];

export interface RuleParts {
  /** A canonical field of the source or one of the file's own columns, exactly as named. */
  column: string;
  operator: RuleOperator;
  /** One value for most operators, several for `is_one_of`, none for `is_empty`; dates as YYYY-MM-DD. */
  values: string[];
  /** The column is a date field (a TIMESTAMP in the rule context), not text. */
  isDate?: boolean;
}

/** Double quotes around a name, doubling any double quote inside it (DuckDB identifiers). */
function quoteRuleIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Single quotes around a value, doubling any single quote inside it (DuckDB string literals). */
function quoteRuleLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** What stops these parts from making a rule (shown beside the value), or null when they make one. */
export function findRulePartsProblem(parts: RuleParts): string | null {
  if (parts.column.trim() === '') return 'Choose a column.';
  const allowed = parts.isDate ? DATE_OPERATORS : TEXT_OPERATORS;
  if (!allowed.includes(parts.operator)) return parts.isDate ? 'A date field takes before, after or is empty.' : 'Before and after apply to the date field.';
  const values = parts.values.filter((v) => v !== '');
  if (parts.operator === 'is_empty') return null;
  if (parts.operator === 'before' || parts.operator === 'after') {
    if (!values[0]) return 'Enter a date.';
    return isCalendarDate(values[0]) ? null : `"${values[0]}" is not a date (YYYY-MM-DD).`;
  }
  if (values.length === 0) return parts.operator === 'is_one_of' ? 'Enter at least one value.' : 'Enter a value.';
  return null;
}

/**
 * The DuckDB boolean the contract's `exclude` holds for these parts. NULL never matches (as the contract
 * reads a rule): `is not` leaves empty values alone, `is empty` names them. Text matching by contains /
 * starts with ignores case and treats every character of the value literally (no LIKE wildcards).
 * Throws when findRulePartsProblem has a problem with the parts.
 */
export function buildRuleExpression(parts: RuleParts): string {
  const problem = findRulePartsProblem(parts);
  if (problem) throw new Error(problem);
  const column = quoteRuleIdentifier(parts.column);
  const values = parts.values.filter((v) => v !== '');
  const first = quoteRuleLiteral(values[0] ?? '');
  switch (parts.operator) {
    case 'is':
      return `${column} = ${first}`;
    case 'is_not':
      return `${column} <> ${first}`;
    case 'is_one_of':
      return `${column} IN (${values.map(quoteRuleLiteral).join(', ')})`;
    case 'contains':
      return `contains(lower(${column}), lower(${first}))`;
    case 'starts_with':
      return `starts_with(lower(${column}), lower(${first}))`;
    case 'is_empty':
      // A date field that is empty (or unreadable) is NULL in the rule context; text may also be blank.
      return parts.isDate ? `${column} IS NULL` : `(${column} IS NULL OR trim(${column}) = '')`;
    case 'before':
      return `CAST(${column} AS DATE) < DATE ${first}`;
    case 'after':
      return `CAST(${column} AS DATE) > DATE ${first}`;
  }
}

/**
 * The records `expression` removes when it comes after `earlier` rules: a record goes to the first rule
 * it matches, so those an earlier rule removes (TRUE; NULL never matches) are not counted again.
 */
export function buildRemainingRuleExpression(expression: string, earlier: readonly string[]): string {
  if (earlier.length === 0) return expression;
  return `(${expression}) AND NOT coalesce(${earlier.map((e) => `(${e})`).join(' OR ')}, false)`;
}
