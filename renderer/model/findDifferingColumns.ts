// Columns whose values differ between the rows of one identity key, for the inspector's highlights.
import type { IdentityRow } from '../../shared/api';

/** A column counts when at least two rows carry it and their values are not all the same. */
export function findDifferingColumns(rows: IdentityRow[]): Set<string> {
  const seen = new Map<string, Set<string>>();
  const carriers = new Map<string, number>();
  for (const row of rows) {
    for (const [column, value] of Object.entries(row.values)) {
      carriers.set(column, (carriers.get(column) ?? 0) + 1);
      const values = seen.get(column) ?? new Set<string>();
      values.add(value ?? '');
      seen.set(column, values);
    }
  }
  const differing = new Set<string>();
  for (const [column, values] of seen) if ((carriers.get(column) ?? 0) > 1 && values.size > 1) differing.add(column);
  return differing;
}
