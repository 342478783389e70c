// The canonical name of a date field, from what its column means: `mql_date`, `created_date`, `won_date`, else `<header>_date`.

/** Headers whose meaning has a settled name, whatever each system calls them. */
const KNOWN_DATES: [RegExp, string][] = [
  [/became an? marketing qualified lead|^mql[ _]?(date|at|on)$/i, 'mql_date'],
  [/became an? sales qualified lead|^sql[ _]?(date|at|on)$/i, 'sql_date'],
  [/^(create(d)?|creation)[ _]?(date|at|on|time)?$|^createddate$/i, 'created_date'],
];

/** Splits camelCase and any run of non-alphanumerics into lower-case snake_case words. */
function toSnakeCase(header: string): string {
  return header
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

export function nameDateField(column: string): string {
  const header = column.trim();
  const known = KNOWN_DATES.find(([pattern]) => pattern.test(header));
  if (known) return known[1];
  // "Close Date", close_at, CloseDate, "Closed On" all name one thing: the close date.
  const stem = toSnakeCase(header).replace(/_(date|at|on|time|timestamp|datetime)$/, '');
  const named = `${stem || 'record'}_date`;
  return /^[a-z]/.test(named) ? named : `d_${named}`;
}
