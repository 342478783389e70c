// Wall-clock times in the three zones of the sample (UTC, New York, Los Angeles) and the export formats.

export const REPORTING_ZONE = 'America/New_York';
export const HUBSPOT_ZONE = 'UTC';
export const SALESFORCE_ZONE = 'America/Los_Angeles';

interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function readWallParts(instant: number, zone: string): WallParts {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
  return { year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0, hour: parts.hour ?? 0, minute: parts.minute ?? 0 };
}

/** The wall time as if it were UTC, in ms: the arithmetic base for offsets and Excel serials. */
function toNaiveMs(p: WallParts): number {
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
}

/** The instant (ms) at which clocks in `zone` show `wall` ('YYYY-MM-DD HH:mm'). */
export function readWall(wall: string, zone: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(wall);
  if (!match) throw new Error(`not a wall time: ${wall}`);
  const [, y, mo, d, h, mi] = match.map(Number) as number[];
  const naive = Date.UTC(y as number, (mo as number) - 1, d, h, mi);
  let instant = naive;
  for (let i = 0; i < 2; i++) instant = naive - (toNaiveMs(readWallParts(instant, zone)) - instant);
  return instant;
}

export const utc = (wall: string): number => readWall(wall, HUBSPOT_ZONE);
export const newYork = (wall: string): number => readWall(wall, REPORTING_ZONE);
export const losAngeles = (wall: string): number => readWall(wall, SALESFORCE_ZONE);

const pad = (n: number): string => String(n).padStart(2, '0');

/** HubSpot's export form: `2026-09-30 23:45`, UTC wall time. */
export function formatHubspotTime(instant: number): string {
  const p = readWallParts(instant, HUBSPOT_ZONE);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** Salesforce's US export form: `9/30/2026 8:30 PM`, Los Angeles wall time. */
export function formatSalesforceTime(instant: number): string {
  const p = readWallParts(instant, SALESFORCE_ZONE);
  const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  return `${p.month}/${p.day}/${p.year} ${hour12}:${pad(p.minute)} ${p.hour < 12 ? 'AM' : 'PM'}`;
}

/** The Excel serial number of the Los Angeles wall time (days since 1899-12-30). */
export function toExcelSerial(instant: number): number {
  const minutes = (toNaiveMs(readWallParts(instant, SALESFORCE_ZONE)) - Date.UTC(1899, 11, 30)) / 60_000;
  return Math.floor(minutes / 1440) + (minutes % 1440) / 1440;
}
