// ag-grid's text filter model as the API's FilterSpec list; values stay values, the engine binds them.
import type { FilterSpec } from '../../shared/api';

/** The text filter options the engine understands, in ag-grid's names. */
export const GRID_FILTER_OPTIONS = ['contains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank'] as const;

const OPS: Record<string, FilterSpec['op']> = {
  contains: 'contains',
  equals: 'equals',
  notEqual: 'notEquals',
  startsWith: 'startsWith',
  endsWith: 'endsWith',
  blank: 'blank',
  notBlank: 'notBlank',
};

interface TextCondition {
  type?: string | null;
  filter?: string | null;
}

export function toFilterSpecs(filterModel: Record<string, TextCondition | { conditions: TextCondition[] }> | null | undefined): FilterSpec[] {
  const specs: FilterSpec[] = [];
  for (const [column, model] of Object.entries(filterModel ?? {})) {
    // maxNumConditions is 1, so a combined model only appears if that changes; take its conditions as AND.
    const conditions = 'conditions' in model ? model.conditions : [model];
    for (const condition of conditions) {
      const op = OPS[condition.type ?? ''];
      if (!op) continue;
      specs.push(op === 'blank' || op === 'notBlank' ? { column, op } : { column, op, value: condition.filter ?? '' });
    }
  }
  return specs;
}
