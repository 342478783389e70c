// The listing whose records are shown (a bucket, a side's gross or net, its unreadable values), the grid's sort/filter/columns, export, the record under inspection.
import { create } from 'zustand';
import type { BucketQuery, ExportFormat, FilterSpec, SortSpec } from '../../shared/api';
import type { ListingKind, Side } from '../../shared/reportTypes';
import { getApi } from '../api/getApi';
import { prefetchFirstPage } from '../api/prefetchFirstPage';
import { downloadExportedFile } from '../model/downloadExportedFile';
import { createInspectorSlice, NO_INSPECTION, type InspectorState } from './createInspectorSlice';
import { reportError } from './useErrorStore';

export interface BucketSelection {
  reconciliation: string;
  side: Side;
  kind: ListingKind;
  reason?: string;
  /** Only records whose value in this date column could not be read (the source card's "Unreadable values"). */
  unreadableColumn?: string;
}

/** A bucket's step is its own, named in the heading: shown only on request. A side's totals mix steps: shown. */
function chooseHidden(kind: ListingKind): string[] {
  return kind === 'gross' || kind === 'net' || kind === 'net_unmatched' ? [] : ['kind'];
}

interface RecordsState extends InspectorState {
  bucket: BucketSelection | null;
  /** Listed columns of the bucket's side, learned from the engine; null while loading. */
  columns: string[] | null;
  hiddenColumns: string[];
  sort: SortSpec[];
  filter: FilterSpec[];
  /** Records matching the bucket with the current filter (what the grid scrolls through). */
  count: number | null;
  exportFormat: ExportFormat;
  exporting: ExportFormat | null;
  openBucket(bucket: BucketSelection): Promise<void>;
  setGridState(sort: SortSpec[], filter: FilterSpec[], count: number): void;
  toggleColumn(column: string): void;
  showAllColumns(): void;
  chooseExportFormat(format: ExportFormat): void;
  exportShown(): Promise<void>;
  reset(): void;
}

// Listed columns per reconciliation side, learned once per report: the grid needs them before it mounts.
const listedColumns = new Map<string, Promise<string[]>>();

function learnColumns(bucket: BucketSelection): Promise<string[]> {
  const key = `${bucket.reconciliation}|${bucket.side}`;
  const known = listedColumns.get(key);
  if (known) return known;
  // A one-row page tells the listing's columns.
  const learning = getApi().fetchRows(bucket, { offset: 0, limit: 1 }).then((page) => page.columns);
  listedColumns.set(key, learning);
  learning.catch(() => listedColumns.delete(key));
  return learning;
}

/** Asks for both sides' columns while the bridge is on screen, so a click on a bar goes straight to rows. */
export function prefetchColumns(buckets: BucketSelection[]): void {
  listedColumns.clear();
  for (const side of ['left', 'right'] as const) {
    const first = buckets.find((b) => b.side === side);
    if (first) learnColumns(first).catch(() => undefined);
  }
}

/** The API query of what the grid shows now. */
function buildShownQuery(state: Pick<RecordsState, 'bucket' | 'sort' | 'filter'>): BucketQuery | null {
  if (!state.bucket) return null;
  return { ...state.bucket, sort: state.sort, filter: state.filter };
}

export const useRecordsStore = create<RecordsState>()((set, get) => ({
  bucket: null,
  columns: null,
  hiddenColumns: chooseHidden('matched'),
  sort: [],
  filter: [],
  count: null,
  exportFormat: 'xlsx',
  exporting: null,
  ...createInspectorSlice(set, get, () => get().bucket?.reconciliation ?? null),
  async openBucket(bucket) {
    const sameSide = get().bucket?.side === bucket.side && get().bucket?.reconciliation === bucket.reconciliation;
    // Columns hidden by hand stay hidden on the same side; the step column follows the listing's kind.
    const kept = sameSide ? get().hiddenColumns.filter((c) => c !== 'kind') : [];
    // Asked before the state changes: the screens it re-renders would otherwise hold the request back.
    const firstPage = prefetchFirstPage(bucket);
    set({ bucket, sort: [], filter: [], count: null, inspection: null, hiddenColumns: [...kept, ...chooseHidden(bucket.kind)], ...(sameSide ? {} : { columns: null }) });
    if (sameSide && get().columns) return;
    try {
      // Columns learned on the bridge are there at once; otherwise the first page tells them.
      const key = `${bucket.reconciliation}|${bucket.side}`;
      const columns = await (listedColumns.get(key) ?? firstPage.then((page) => page.columns));
      if (get().bucket === bucket) set({ columns });
    } catch (error) {
      reportError(error);
    }
  },
  setGridState(sort, filter, count) {
    set({ sort, filter, count });
  },
  toggleColumn(column) {
    set((state) => ({
      hiddenColumns: state.hiddenColumns.includes(column) ? state.hiddenColumns.filter((c) => c !== column) : [...state.hiddenColumns, column],
    }));
  },
  showAllColumns() {
    set({ hiddenColumns: [] });
  },
  chooseExportFormat(format) {
    set({ exportFormat: format });
  },
  async exportShown() {
    const state = get();
    const query = buildShownQuery(state);
    if (!query || !state.columns) return;
    const format = state.exportFormat;
    set({ exporting: format });
    try {
      const visible = state.columns.filter((c) => !state.hiddenColumns.includes(c));
      downloadExportedFile(await getApi().exportRows(query, format, visible));
    } catch (error) {
      reportError(error);
    } finally {
      set({ exporting: null });
    }
  },
  reset() {
    set({ bucket: null, columns: null, hiddenColumns: chooseHidden('matched'), sort: [], filter: [], count: null, ...NO_INSPECTION });
  },
}));
