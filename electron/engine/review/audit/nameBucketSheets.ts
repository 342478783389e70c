// The bucket sheets' names (review.md): `L`/`R`, the kind's short word, the reason; 31 characters; continuations and clashes numbered.
import type { BucketKind, Side } from '../../../../shared/reportTypes';

export const KIND_SHORT_WORDS: Record<BucketKind, string> = {
  excluded: 'excl',
  duplicate: 'dup',
  out_of_period: 'oop',
  matched: 'matched',
  timing: 'timing',
  excluded_on_other_side: 'other',
  unmatched: 'unm',
};

/** Excel's longest sheet name. */
const MAX_SHEET_NAME = 31;

/** Cuts to `max` UTF-16 units (Excel's count) without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}

/** Excel refuses `: \ / ? * [ ]`, control characters, and an apostrophe at either end of a name. */
function replaceRefused(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are refused in sheet names
  return name.replace(/[:\\/?*[\]\u0000-\u001f\u007f]/g, '_').replace(/^'|'$/g, '_');
}

/**
 * Hands out sheet names in the order sheets are added: a bucket's first sheet is its plain name when free; its
 * continuations and any name already taken (ignoring case, as Excel does) get ` (2)`, ` (3)`... the first number free.
 */
export function createSheetNamer(reserved: readonly string[]): (side: Side, kind: BucketKind, reason: string, part: number) => string {
  const taken = new Set(reserved.map((n) => n.toLowerCase()));
  const claim = (name: string) => {
    taken.add(name.toLowerCase());
    return name;
  };
  return (side, kind, reason, part) => {
    const base = `${side === 'left' ? 'L' : 'R'} ${KIND_SHORT_WORDS[kind]} ${reason}`;
    const plain = replaceRefused(cut(base, MAX_SHEET_NAME));
    if (part === 1 && !taken.has(plain.toLowerCase())) return claim(plain);
    for (let n = Math.max(part, 2); ; n++) {
      const suffix = ` (${n})`;
      const name = replaceRefused(cut(base, MAX_SHEET_NAME - suffix.length)) + suffix;
      if (!taken.has(name.toLowerCase())) return claim(name);
    }
  };
}
