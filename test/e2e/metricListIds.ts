// What the metrics screens must list for a list of the report: its ids in the engine's order (numeric ids by number, then the others as text).
export function orderMetricIds(ids: readonly string[]): string[] {
  const numeric = (id: string) => /^-?\d+$/.test(id);
  return [...ids].sort((a, b) => {
    if (numeric(a) && numeric(b)) return BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0;
    if (numeric(a) !== numeric(b)) return numeric(a) ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}
