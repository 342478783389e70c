// Time zones a person probably means by what they typed: `Sao Paulo` -> America/Sao_Paulo, `new york` -> America/New_York.
import { listTimeZones } from './listTimeZones';
import { measureEditDistance } from './suggestNearest';

/** Lowercase, accents dropped, spaces and hyphens as IANA's underscores: `São Paulo` and `sao-paulo` read `sao_paulo`. */
function simplify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** Lower is nearer; undefined when the zone is not a plausible reading of `typed`. */
function rankZone(typed: string, zone: string): number | undefined {
  const full = simplify(zone);
  const city = full.slice(full.lastIndexOf('/') + 1);
  if (full === typed) return 0;
  if (city === typed) return 1;
  if (city.startsWith(typed) || full.startsWith(typed)) return 2;
  if (typed.length >= 3 && full.includes(typed)) return 3;
  // Typos: compared with the city, which is what people type, and with the whole name.
  const limit = Math.max(1, Math.floor(typed.length * 0.3));
  const distance = Math.min(measureEditDistance(typed, city), measureEditDistance(typed, full));
  return distance <= limit ? 4 + distance : undefined;
}

/** Up to `limit` IANA names, the likeliest first; none for empty input. */
export function suggestTimeZones(typed: string, limit = 5): string[] {
  const wanted = simplify(typed);
  if (wanted === '') return [];
  const ranked: { zone: string; rank: number }[] = [];
  for (const zone of listTimeZones()) {
    const rank = rankZone(wanted, zone);
    if (rank !== undefined) ranked.push({ zone, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.zone.length - b.zone.length || a.zone.localeCompare(b.zone));
  return ranked.slice(0, limit).map((r) => r.zone);
}
