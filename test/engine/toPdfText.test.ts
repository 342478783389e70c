// What the PDF's standard fonts cannot show is written legibly: letters without their accents, else the code point.
import { describe, expect, it } from 'vitest';
import { toPdfText } from '../../electron/engine/review/audit/toPdfText';

describe('toPdfText', () => {
  it('keeps Windows-1252 characters: accents of Western languages, €, curly quotes, dashes', () => {
    const text = 'Café € “quoted” – — … ß Ø ñ œ Š ™';
    expect(toPdfText(text)).toBe(text);
  });

  it('writes other letters without their accents, ligatures as their letters', () => {
    expect(toPdfText('Łódź Őrség ﬁle Đakovo')).toBe('Lódz Orség file Dakovo');
  });

  it('writes characters with no such reading as their code point', () => {
    expect(toPdfText('中文 😀 ₹')).toBe('[U+4E2D][U+6587] [U+1F600] [U+20B9]');
  });

  it('turns tabs into spaces, CR LF and CR into line breaks, other control characters into code points', () => {
    expect(toPdfText('a\tb\r\nc\rd\u0001')).toBe('a b\nc\nd[U+0001]');
  });
});
