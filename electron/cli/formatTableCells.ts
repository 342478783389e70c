// The cells of `recon metrics`' readable tables: money in the reporting currency, shares, numbers, padded rows.

export function formatMoney(value: number, currency: string | null): string {
  const digits = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
  return new Intl.NumberFormat('en-US', currency ? { style: 'currency', currency, ...digits } : digits).format(value);
}

export function formatShare(value: number | null): string {
  return value === null ? '-' : `${(value * 100).toFixed(1)}%`;
}

export function formatNumber(value: number | null): string {
  return value === null ? '-' : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** Cells padded to their widths: text columns (the first `textColumns`, and any listed in `alsoText`) to the left, numbers to the right. */
export function formatRow(cells: string[], widths: number[], textColumns = 1, alsoText: number[] = []): string {
  const pad = (cell: string, i: number) => (i < textColumns || alsoText.includes(i) ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0));
  return `  ${cells.map(pad).join('  ')}`.trimEnd();
}
