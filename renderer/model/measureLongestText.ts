// How wide the longest of some texts is drawn in the grids' font, so id columns can be fitted to their values.

/** Both sides' padding of a grid cell, and a little room so a measured text is never cut by rounding. */
export const CELL_PADDING_PX = 40;

/** The drawn width of texts in the grid's font (13px, the page's family), measured on a canvas. */
export function measureLongestText(texts: string[]): number {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return Math.max(0, ...texts.map((t) => t.length * 8));
  context.font = `13px ${getComputedStyle(document.body).fontFamily}`;
  return Math.max(0, ...texts.map((t) => context.measureText(t).width));
}
