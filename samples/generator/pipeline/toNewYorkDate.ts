// The calendar date of an instant in the reporting zone: the date the engine places a timestamp by.
import { REPORTING_ZONE } from '../wallTime';

// en-CA writes dates as YYYY-MM-DD.
const formatter = new Intl.DateTimeFormat('en-CA', { timeZone: REPORTING_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

export function toNewYorkDate(instant: number): string {
  return formatter.format(instant);
}
