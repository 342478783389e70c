// Text the PDF's standard fonts can show: they hold Windows-1252's characters only, so any other is written legibly instead of as a blank glyph.

/** Characters of Windows-1252 outside Latin-1 (€, curly quotes, dashes, ...): the standard fonts have them. */
const WIN_ANSI_EXTRA = new Set([
  0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
  0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e, 0x0178,
]);

/** Letters with a stroke or without a dot, which Unicode does not decompose into a base letter and a mark. */
const BASE_LETTERS: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŧ: 'T', ŧ: 't' };

function canShow(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return ch === '\n' || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || WIN_ANSI_EXTRA.has(cp);
}

/**
 * A character the fonts lack becomes its letters without accents when it has them (`ő` -> `o`, `ﬁ` -> `fi`),
 * else its code point in brackets (`中` -> `[U+4E2D]`), so a reader sees something is there and what. Tabs are spaces.
 */
export function toPdfText(text: string): string {
  return Array.from(text.replace(/\r\n?/g, '\n').normalize('NFC'))
    .map((ch) => {
      if (ch === '\t') return ' ';
      if (canShow(ch)) return ch;
      if (BASE_LETTERS[ch] !== undefined) return BASE_LETTERS[ch];
      const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      if (base && Array.from(base).every(canShow)) return base;
      return `[U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`;
    })
    .join('');
}
