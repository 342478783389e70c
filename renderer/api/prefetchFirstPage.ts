// The first page of a listing asked for on the click that opens it, so the rows travel while the grid is being built.
import type { BucketQuery, RowPage } from '../../shared/api';
import { getApi } from './getApi';

/** Rows per page of the records grid (its cache block), and of the page asked for ahead. */
export const RECORDS_PAGE_ROWS = 100;

let ahead: { key: string; page: Promise<RowPage> } | null = null;

const keyOf = (query: BucketQuery) => JSON.stringify([query.reconciliation, query.side, query.kind, query.reason ?? null, query.unreadableColumn ?? null]);

/** Starts reading the listing's first page, unsorted and unfiltered, as the grid will first ask for it. */
export function prefetchFirstPage(query: BucketQuery): Promise<RowPage> {
  const page = getApi().fetchRows({ ...query, sort: [], filter: [] }, { offset: 0, limit: RECORDS_PAGE_ROWS });
  ahead = { key: keyOf(query), page };
  // The grid reports a failure when it asks; an unused page's failure is nobody's concern.
  page.catch(() => undefined);
  return page;
}

/** The page read ahead when it is the one asked for (used once), else null: the caller asks the engine. */
export function takePrefetchedPage(query: BucketQuery, offset: number, limit: number): Promise<RowPage> | null {
  const plain = (query.sort ?? []).length === 0 && (query.filter ?? []).length === 0;
  if (!ahead || !plain || offset !== 0 || limit !== RECORDS_PAGE_ROWS || ahead.key !== keyOf(query)) return null;
  const { page } = ahead;
  ahead = null;
  return page;
}
