// "Did you mean" for typos in keys, names, columns and time zones (Levenshtein distance).
export function measureEditDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The candidate closest to `word` (ignoring case), if it is close enough to be a plausible typo. */
export function findNearest(word: string, candidates: Iterable<string>): string | undefined {
  const target = word.toLowerCase();
  const limit = Math.max(2, Math.ceil(target.length * 0.4));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    // A cut-short word ('lower' for 'lowercase') is a likelier typo than an equally distant other word.
    const isPrefix = Math.min(target.length, lower.length) >= 3 && (lower.startsWith(target) || target.startsWith(lower));
    const distance = isPrefix ? 1 : measureEditDistance(target, lower);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** `, did you mean 'x'?` when a near candidate exists, else ''. */
export function suggestNearest(word: string, candidates: Iterable<string>): string {
  const nearest = findNearest(word, candidates);
  return nearest === undefined ? '' : `, did you mean '${nearest}'?`;
}
