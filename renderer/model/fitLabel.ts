// Shortens a label to a width with an ellipsis, so a long rule name never runs into its bar.
const ELLIPSIS = '…';

/** The longest start of `text` (whole when it fits) that, with an ellipsis, measures at most `maxWidth`. */
export function fitLabel(text: string, maxWidth: number, measure: (text: string) => number): string {
  if (measure(text) <= maxWidth) return text;
  // Binary search on the number of characters kept: measuring is the costly part.
  let low = 0;
  let high = text.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(`${text.slice(0, mid).trimEnd()}${ELLIPSIS}`) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return `${text.slice(0, low).trimEnd()}${ELLIPSIS}`;
}
