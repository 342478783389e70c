// Says a rule of the rule builder in plain words, and proposes a short snake_case name for it.
import type { RuleOperator, RuleParts } from './buildRuleExpression';

const PHRASES: Record<RuleOperator, string> = {
  is: 'is',
  is_not: 'is not',
  is_one_of: 'is one of',
  contains: 'contains',
  starts_with: 'starts with',
  is_empty: 'is empty',
  before: 'is before',
  after: 'is after',
};

/** The operator as the builder's menu shows it. */
export function describeOperator(operator: RuleOperator, isDate = false): string {
  if (operator === 'contains' || operator === 'starts_with') return `${PHRASES[operator]} (any case)`;
  if (operator === 'is_empty' && isDate) return 'has no readable date';
  return PHRASES[operator];
}

/** "Lead Status is one of Disqualified, Junk". */
export function describeRule(parts: RuleParts): string {
  const values = parts.values.filter((v) => v !== '');
  const phrase = describeOperator(parts.operator, parts.isDate);
  if (parts.operator === 'is_empty') return `${parts.column} ${phrase}`;
  if (parts.operator === 'contains' || parts.operator === 'starts_with') return `${parts.column} ${phrase} "${values[0] ?? ''}"`;
  return `${parts.column} ${phrase} ${values.join(', ')}`;
}

const MAX_NAME = 40;

function toSnakeCase(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** A short snake_case name for the rule (the reason the bridge shows), unique among `taken` ignoring case. */
export function proposeRuleName(parts: RuleParts, taken: readonly string[]): string {
  const column = toSnakeCase(parts.column);
  const values = parts.values.filter((v) => v !== '').map(toSnakeCase);
  const words: Record<RuleOperator, string> = {
    is: `${column}_${values[0] ?? ''}`,
    is_not: `not_${values[0] ?? ''}`,
    is_one_of: `${column}_${values.join('_')}`,
    contains: `${column}_has_${values[0] ?? ''}`,
    starts_with: `${column}_starts_${values[0] ?? ''}`,
    is_empty: `no_${column}`,
    before: `${column}_before_${values[0] ?? ''}`,
    after: `${column}_after_${values[0] ?? ''}`,
  };
  let base = toSnakeCase(words[parts.operator]).slice(0, MAX_NAME).replace(/_+$/, '') || 'rule';
  if (!/^[a-z]/.test(base)) base = `rule_${base}`;
  const lowerTaken = new Set(taken.map((t) => t.toLowerCase()));
  let name = base;
  for (let n = 2; lowerTaken.has(name); n++) name = `${base}_${n}`;
  return name;
}
