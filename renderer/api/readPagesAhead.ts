// Pages of the records grid read as a scroll happens, before the grid asks for them: its datasource takes them when it does.
import type { RowPage } from '../../shared/api';

export interface PagesAhead {
  /** Starts reading the page at `startRow` of the listing shown as `key` (its sort and filter), unless it is read already. */
  want(key: string, startRow: number, read: () => Promise<RowPage>): void;
  /** The page read ahead for this key and first row, handed over once; null when there is none. */
  take(key: string, startRow: number): Promise<RowPage> | null;
}

/** Pages read ahead and not taken are dropped beyond this many (a fast scroll passes pages the grid never asks for). */
const KEPT = 4;

/**
 * One page is read ahead at a time: a scroll that wants another while one is on its way remembers the last one wanted
 * and reads it next, so a dragged scrollbar adds at most one request to the grid's own.
 */
export function readPagesAhead(): PagesAhead {
  const pages = new Map<string, Promise<RowPage>>();
  let reading = false;
  let next: { key: string; startRow: number; read: () => Promise<RowPage> } | null = null;
  const idOf = (key: string, startRow: number) => `${startRow}\u0000${key}`;
  const start = (key: string, startRow: number, read: () => Promise<RowPage>) => {
    const page = read();
    pages.set(idOf(key, startRow), page);
    while (pages.size > KEPT) pages.delete(pages.keys().next().value as string);
    reading = true;
    // The grid reports a failure when it asks; a page it never asks for fails unseen.
    void page
      .catch(() => undefined)
      .finally(() => {
        reading = false;
        const wanted = next;
        next = null;
        if (wanted && !pages.has(idOf(wanted.key, wanted.startRow))) start(wanted.key, wanted.startRow, wanted.read);
      });
  };
  return {
    want(key, startRow, read) {
      if (pages.has(idOf(key, startRow))) return;
      if (reading) next = { key, startRow, read };
      else start(key, startRow, read);
    },
    take(key, startRow) {
      const id = idOf(key, startRow);
      const page = pages.get(id) ?? null;
      pages.delete(id);
      return page;
    },
  };
}
