// Calls back with the first row a scroll of a grid brings into view, as the scroll happens.
/**
 * ag-grid's infinite row model asks its datasource for a block only once it has drawn the block's placeholder rows,
 * and then in a timer: a jump to the middle of a 700k-row bucket sent its request 45-70 ms after the scroll (measured
 * in Chromium). The scroll event comes first: the caller can start reading the rows there (readPagesAhead).
 * The listener is on `root`, an element around the grid, and catches the viewport's scroll on its way down (capture):
 * ag-grid's own listener on the viewport draws the placeholder rows at once and asks for the block itself.
 * Returns the function that stops listening.
 */
export function askRowsOnScroll(root: HTMLElement, rowHeightPx: number, onFirstRow: (row: number) => void): () => void {
  const onScroll = (event: Event) => {
    // The grid's viewport is made after the grid is ready: known by its class when it scrolls.
    const viewport = event.target;
    if (viewport instanceof HTMLElement && viewport.classList.contains('ag-grid-viewport')) onFirstRow(Math.floor(viewport.scrollTop / rowHeightPx));
  };
  root.addEventListener('scroll', onScroll, { capture: true, passive: true });
  return () => root.removeEventListener('scroll', onScroll, { capture: true });
}
