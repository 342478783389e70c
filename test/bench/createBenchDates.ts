// Random date values in each bench export's own form, inside, outside and at the edges of the period.

/**
 * Date values in each export's own form. The period is 2026-07-01..2026-09-30 in New York (UTC-4 all
 * summer); HubSpot writes UTC `2026-09-30 23:45`, Salesforce writes Los Angeles `9/30/2026 8:30 PM`.
 */
export function createBenchDates(random: () => number) {
  const days: { iso: string; us: string }[] = [];
  for (let t = Date.UTC(2026, 2, 1); t <= Date.UTC(2026, 11, 31); t += 86_400_000) {
    const d = new Date(t);
    const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
    days.push({ iso: `${y}-${pad(m)}-${pad(day)}`, us: `${m}/${day}/${y}` });
  }
  const dayIndex = (iso: string) => days.findIndex((d) => d.iso === iso);
  const apr1 = dayIndex('2026-04-01');
  const jun29 = dayIndex('2026-06-29');
  const jul1 = dayIndex('2026-07-01');
  const sep30 = dayIndex('2026-09-30');
  const oct2 = dayIndex('2026-10-02');
  const nov30 = dayIndex('2026-11-30');
  const between = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
  const day = (from: number, to: number) => days[between(from, to)] as { iso: string; us: string };
  const outDay = () => (random() < 0.5 ? day(apr1, jun29) : day(oct2, nov30));
  const iso = (d: { iso: string }, hour: number) => `${d.iso} ${pad(hour)}:${pad(between(0, 59))}`;
  const us = (d: { us: string }, hour: number) => `${d.us} ${hour % 12 === 0 ? 12 : hour % 12}:${pad(between(0, 59))} ${hour < 12 ? 'AM' : 'PM'}`;
  return {
    // UTC 04:00-23:59 is the same calendar day in New York.
    leftIn: () => iso(day(jul1, sep30), between(4, 23)),
    leftOut: () => iso(outDay(), between(0, 23)),
    leftCreated: () => iso(day(apr1, jun29), between(0, 23)),
    leftBeforeMidnightInReportingZone: () => iso(days[jul1] as { iso: string }, between(0, 3)),
    // Los Angeles 00:00-20:59 is the same calendar day in New York.
    rightIn: () => us(day(jul1, sep30), between(0, 20)),
    rightOut: () => us(outDay(), between(0, 23)),
    rightAfterMidnightInReportingZone: () => us(days[sep30] as { us: string }, between(21, 23)),
  };
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
