// review.md's `at`: an ISO time with the machine's own offset (2026-12-01T14:03:00+01:00), so a reader sees the reviewer's wall clock.

const pad = (n: number) => String(n).padStart(2, '0');

export function formatLocalTime(date: Date): string {
  // getTimezoneOffset is minutes behind UTC: -60 in Paris in winter, so its sign is flipped.
  const offset = -date.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${day}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}${zone}`;
}
