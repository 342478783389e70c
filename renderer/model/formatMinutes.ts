// How SLA durations are shown: hours and minutes (an SLA is agreed in hours), rounded to the minute.
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return 'none';
  const whole = Math.round(minutes);
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
