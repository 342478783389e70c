// Checks that a time zone is an IANA name the runtime knows, suggesting the nearest when it is not.
import { listTimeZones } from './listTimeZones';
import { suggestTimeZones } from './suggestTimeZones';

function isAcceptedByIntl(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Why `name` is not a usable time zone, or undefined when it is; suggestTimeZones(name)[0] is the fix it names. */
export function describeTimeZoneProblem(name: string): string | undefined {
  const zones = listTimeZones();
  if (zones.includes(name)) return undefined;
  if (name.trim() === '') return 'choose a time zone (an IANA name such as America/New_York or UTC)';
  // Intl ignores case, DuckDB and other readers of the contract may not: insist on the IANA spelling.
  const sameLetters = zones.find((zone) => zone.toLowerCase() === name.toLowerCase());
  if (sameLetters) return `time zone '${name}' must be written '${sameLetters}'`;
  // Offsets such as '+05:00' are not IANA names even where Intl takes them.
  const looksLikeName = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name);
  if (looksLikeName && isAcceptedByIntl(name)) return undefined;
  const [nearest] = suggestTimeZones(name, 1);
  const hint = nearest ? `, did you mean '${nearest}'?` : ' (use an IANA name such as America/New_York or UTC)';
  return `unknown time zone '${name}'${hint}`;
}
