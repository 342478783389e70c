// Reference support: the calendar date of a date or an instant in the reporting zone (revenue.md, "Instants and dates").
import type { When } from './RevenueInput';

const formats = new Map<string, Intl.DateTimeFormat>();

/** A date stands for itself; an instant is read on the zone's wall clock. */
export function readCalendarDate(when: When, zone: string): string {
  if ('date' in when) return when.date;
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(zone, format);
  }
  return format.format(new Date(when.instant));
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function countCalendarDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The date `days` calendar days after `date`. */
export function addCalendarDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
