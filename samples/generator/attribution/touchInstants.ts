// The instants attribution compares: a deal's Created Date, and a response date as the end of its day in New York.
import { addDays } from '../revenue/createRevenueKit';
import { newYork } from '../wallTime';
import { LOOKBACK_DAYS } from './touchRecords';
import type { TouchRow } from './touchRecords';

const HOUR = 3_600_000;

/** A calendar date stands for the instant it ends in the reporting zone (revenue.md, "Instants and dates"). */
export function toTouchInstant(touch: TouchRow): number | null {
  return touch.date === null ? null : newYork(`${addDays(touch.date, 1)} 00:00`);
}

/** Whether a touch instant lies in the lookback of a deal created at `dealInstant`, both ends included. */
export function isInLookback(touchInstant: number, dealInstant: number): boolean {
  return touchInstant <= dealInstant && touchInstant >= dealInstant - LOOKBACK_DAYS * 24 * HOUR;
}
