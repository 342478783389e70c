// One CSV line (RFC 4180) with spreadsheet formula injection neutralised, for every export the app writes.

/**
 * A cell starting with = + - @ (or a tab/CR that Excel skips) would run as a formula when opened. A plain
 * negative number (`-1500.00`, a credit note, a value difference) is no formula and stays a number.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) && !/^-\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
}

export function formatCsvRow(values: readonly (string | null)[]): string {
  return values
    .map((raw) => {
      const value = neutraliseFormula(raw ?? '');
      return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
    })
    .join(',');
}
