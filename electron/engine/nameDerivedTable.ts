// Names a metric's steps table or a bridge's tables after everything they are computed from, so an unchanged one is found and reused.
import { createHash } from 'node:crypto';

/**
 * `prefix` and the first 12 hex digits of the sha256 of `basis` as JSON. Contract line numbers are left out:
 * a line added above a metric moves its lines without changing what it computes.
 */
export function nameDerivedTable(prefix: 'steps' | 'pairs' | 'bridge', basis: unknown): string {
  const json = JSON.stringify(basis, (key, value: unknown) => (key === 'line' ? undefined : value));
  return `${prefix}_${createHash('sha256').update(json).digest('hex').slice(0, 12)}`;
}
