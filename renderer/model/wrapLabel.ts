// Breaks a label into at most a few lines of a width at word boundaries; the last line is cut with an ellipsis if need be.
import { fitLabel } from './fitLabel';

export function wrapLabel(text: string, maxWidth: number, measure: (text: string) => number, maxLines: number): string[] {
  const lines: string[] = [];
  let rest = text.trim();
  while (rest !== '' && lines.length < maxLines - 1 && measure(rest) > maxWidth) {
    const words = rest.split(' ');
    let kept = 0;
    while (kept < words.length && measure(words.slice(0, kept + 1).join(' ')) <= maxWidth) kept += 1;
    // A first word wider than the room is cut on the last line rather than left alone on a line of its own.
    if (kept === 0) break;
    lines.push(words.slice(0, kept).join(' '));
    rest = words.slice(kept).join(' ');
  }
  if (rest !== '') lines.push(fitLabel(rest, maxWidth, measure));
  return lines;
}
