// The messages of a side's problems about some of its fields, each with the fix it suggests.
import type { FieldProblem } from '../../shared/api';

export function selectProblems(problems: readonly FieldProblem[], fields: readonly string[]): string[] {
  return problems.filter((p) => fields.includes(p.field)).map((p) => (p.suggestion ? `${p.message} (try ${p.suggestion})` : p.message));
}
