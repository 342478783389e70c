// How durations in days are shown: whole days as written, fractions (quantiles interpolate) to one decimal.
export function formatDays(days: number | null): string {
  if (days === null) return 'no one';
  const shown = Number.isInteger(days) ? String(days) : days.toFixed(1);
  return `${shown} day${days === 1 ? '' : 's'}`;
}
