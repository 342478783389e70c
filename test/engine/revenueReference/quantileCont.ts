// Reference support: DuckDB's quantile_cont, the linear interpolation between the two closest ranks.

/** Null for no values; otherwise the value at rank q x (n - 1), interpolated between its neighbours. */
export function quantileCont(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] ?? 0;
  const high = sorted[above] ?? 0;
  return low + (position - below) * (high - low);
}
