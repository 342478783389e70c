// How the bench prints its figures: durations, memory, row counts and ratios, 'n/a' when not measured.
export function formatMs(ms: number | undefined): string {
  if (ms === undefined) return 'n/a';
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function formatMb(mb: number | undefined): string {
  if (mb === undefined) return 'n/a';
  return mb < 1024 ? `${mb.toFixed(0)} MB` : `${(mb / 1024).toFixed(2)} GB`;
}

export function formatRows(rows: number): string {
  return rows.toLocaleString('en-US');
}

export function formatRatio(ratio: number | undefined): string {
  return ratio === undefined ? 'n/a' : `${ratio.toFixed(2)}x`;
}
