// The IANA time zones the runtime knows (UTC first), read once: the engine checks against them, the form suggests from them.
let known: string[] | undefined;

export function listTimeZones(): string[] {
  known ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
  return known;
}
