// Reference support: the instant of a date or an instant; a date stands for the end of that day in the reporting zone.
import { addCalendarDays } from './readCalendarDate';
import type { When } from './RevenueInput';

const formats = new Map<string, Intl.DateTimeFormat>();

/** How far the zone's wall clock is ahead of UTC at `ms`, in ms. */
export function readZoneOffset(ms: number, zone: string): number {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formats.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, Number(p.value)]));
  const wall = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The instant the zone's wall clock shows midnight starting `date`. */
export function readMidnight(date: string, zone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`);
  // Twice: the first guess may sit on the other side of a daylight-saving change.
  const guess = wall - readZoneOffset(wall, zone);
  return wall - readZoneOffset(guess, zone);
}

/** An instant as it is; a date as 00:00 of the next day in the zone (revenue.md: "the instant that calendar day ends"). */
export function readInstant(when: When, zone: string): number {
  if ('instant' in when) return when.instant;
  return readMidnight(addCalendarDays(when.date, 1), zone);
}
