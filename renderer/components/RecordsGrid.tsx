// The grid of one bucket's records: ag-grid's Infinite Row Model, pages and counts fetched from the engine.
import type { CellKeyDownEvent, ColDef, ICellRendererParams, IDatasource, RowDoubleClickedEvent, ValueFormatterParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useRef } from 'react';
import type { BucketQuery, RowPage } from '../../shared/api';
import { CELL_PADDING_PX, measureLongestText } from '../model/measureLongestText';
import { GRID_FILTER_OPTIONS, toFilterSpecs } from '../model/toFilterSpecs';
import { toSortSpecs } from '../model/toSortSpecs';
import { labelColumns, type ListingContext } from '../../shared/labelColumns';
import { labelKind, labelReason } from '../../shared/labelStep';
import type { ListingKind } from '../../shared/reportTypes';
import { getApi } from '../api/getApi';
import { RECORDS_PAGE_ROWS, takePrefetchedPage } from '../api/prefetchFirstPage';
import { readPagesAhead } from '../api/readPagesAhead';
import { askRowsOnScroll } from './askRowsOnScroll';
import { GRID_ROW_HEIGHT_PX, gridTheme } from './gridTheme';
import { reportError } from '../stores/useErrorStore';
import { RecordDecisionCell } from './review/RecordDecisionCell';
import type { BucketSelection } from '../stores/useRecordsStore';
import { useRecordsStore } from '../stores/useRecordsStore';

type GridRow = Record<string, string | null>;

interface Props {
  bucket: BucketSelection;
  columns: string[];
  hiddenColumns: string[];
  context: ListingContext;
  /** Records of the listing without a filter, as the report counts them (null: the engine counts them). */
  knownCount: number | null;
  /** When the metrics have a value: the listing's `value` column (exact cents text) in the reporting currency. */
  formatValue?(cents: string): string;
  onInspect(recordId: string): void;
}

/** Wide enough for the header, and for an e-mail address in the identity key; ids are fitted to their values once shown. */
function chooseWidth(column: string, header: string): number {
  if (column === 'identity_key') return 240;
  return Math.round(Math.min(290, Math.max(120, header.length * 7.6 + 64)));
}

/** Columns sized to their values when the first rows arrive, so ids, reasons and the file a record is in are shown whole. */
const FITTED_COLUMNS = ['record_id', 'other_record_id', 'identity_key', 'kind', 'reason', 'source_file'];
/** An identity key or a file name may be any text: fitted up to this width, cut with an ellipsis beyond. */
const MAX_KEY_WIDTH_PX = 340;

/** Widths that show the longest id, key, step and reason of a page whole; the grid never makes them narrower than their header. */
function fitColumns(page: RowPage, columns: string[]): Record<string, number> {
  const widths: Record<string, number> = {};
  for (const column of FITTED_COLUMNS) {
    const at = columns.indexOf(column);
    if (at < 0) continue;
    const words = formatWords(column);
    const longest = measureLongestText(page.rows.map((row) => (words ? words({ value: row[at] } as ValueFormatterParams) : (row[at] ?? ''))));
    const width = Math.ceil(longest + CELL_PADDING_PX);
    widths[column] = column === 'identity_key' || column === 'source_file' ? Math.min(MAX_KEY_WIDTH_PX, width) : width;
  }
  return widths;
}

/** Steps and reasons in words; the engine filters and sorts them on the same words. */
function formatWords(column: string): ((params: ValueFormatterParams) => string) | undefined {
  if (column === 'kind') return (params) => (params.value ? labelKind(params.value as ListingKind) : '');
  if (column === 'reason') return (params) => (params.value ? labelReason(String(params.value)) : '');
  return undefined;
}

/**
 * One object for every render: a new one is a changed grid option, on which ag-grid rebuilds and measures every column
 * (some 50 ms when the first rows arrive and the count is set).
 */
const DEFAULT_COLUMN: ColDef<GridRow> = {
  wrapHeaderText: true,
  autoHeaderHeight: true,
  sortable: true,
  resizable: true,
  filter: 'agTextColumnFilter',
  filterParams: { filterOptions: [...GRID_FILTER_OPTIONS], maxNumConditions: 1, buttons: ['reset'] },
};

/** Fields are positions (c0, c1...): column names may hold dots, which ag-grid would read as paths. */
function toGridRows(page: RowPage): GridRow[] {
  return page.rows.map((row) => Object.fromEntries(row.map((value, i) => [`c${i}`, value])));
}

function InspectButton(props: ICellRendererParams<GridRow> & { idField: string; onInspect(recordId: string): void }) {
  const id = props.data?.[props.idField];
  if (!id) return null;
  return (
    <button type="button" className="grid-button" aria-label={`Inspect record ${id}`} onClick={() => props.onInspect(id)}>
      Inspect
    </button>
  );
}

export function RecordsGrid({ bucket, columns, hiddenColumns, context, knownCount, formatValue, onInspect }: Props) {
  const setGridState = useRecordsStore((s) => s.setGridState);
  const grid = useRef<AgGridReact<GridRow>>(null);
  // Widths fitted to the rows shown, kept for when the columns are defined again (a column hidden or shown).
  const widths = useRef<Record<string, number>>({});
  // The width each column's header asks for: a fitted column is never made narrower.
  const headerWidths = useRef<Record<string, number>>({});
  const idField = `c${Math.max(0, columns.indexOf('record_id'))}`;
  // The element around the grid, where its scrolling viewport is found; and how to stop watching its scrolls.
  const frame = useRef<HTMLDivElement>(null);
  const stopWatching = useRef<(() => void) | null>(null);
  useEffect(() => () => stopWatching.current?.(), []);
  // Pages read as a scroll happens (askRowsOnScroll), for the listing as the grid last asked for it (its sort and filter).
  const ahead = useMemo(() => readPagesAhead(), []);
  const shown = useRef<{ query: BucketQuery; key: string; count: number } | null>(null);
  const readRowsInView = (row: number) => {
    const api = grid.current?.api;
    const current = shown.current;
    if (!api || !current || api.isDestroyed() || row >= current.count) return;
    const startRow = Math.floor(row / RECORDS_PAGE_ROWS) * RECORDS_PAGE_ROWS;
    // A block the grid holds, or is reading already, needs nothing.
    const blocks = Object.values(api.getCacheBlockState() as Record<string, { startRow: number; pageStatus: string }>);
    if (blocks.some((b) => b.startRow === startRow && b.pageStatus !== 'needsLoading')) return;
    ahead.want(current.key, startRow, () => getApi().fetchRows(current.query, { offset: startRow, limit: RECORDS_PAGE_ROWS }));
  };

  const datasource = useMemo<IDatasource>(() => {
    let latest = '';
    let counted: { key: string; count: Promise<number> } | null = null;
    return {
      getRows(params) {
        const sort = toSortSpecs(params.sortModel);
        const filter = toFilterSpecs(params.filterModel);
        const query: BucketQuery = { ...bucket, sort, filter };
        const key = JSON.stringify([sort, filter]);
        latest = key;

        // A sort keeps the count; only a filter needs the engine to count again.
        if (counted?.key !== key) counted = { key, count: knownCount !== null && filter.length === 0 ? Promise.resolve(knownCount) : getApi().countRows(query) };
        const count = counted.count;
        const limit = params.endRow - params.startRow;
        const rows = ahead.take(key, params.startRow) ?? takePrefetchedPage(query, params.startRow, limit) ?? getApi().fetchRows(query, { offset: params.startRow, limit });
        Promise.all([rows, count])
          .then(([page, total]) => {
            // An answer for an older sort or filter is dropped: the grid has asked again for the new one.
            if (key !== latest) return;
            params.successCallback(toGridRows(page), total);
            shown.current = { query, key, count: total };
            if (params.startRow === 0) {
              const known = widths.current;
              const wider = Object.entries(fitColumns(page, columns)).filter(([c, w]) => w > (known[c] ?? 0));
              widths.current = { ...known, ...Object.fromEntries(wider) };
              // Through the grid's API, not new column definitions: those rebuild every column (some 50 ms at the
              // first rows of a bucket, before they could be painted).
              const shown = grid.current?.api;
              if (shown && wider.length > 0) shown.setColumnWidths(wider.map(([key, w]) => ({ key, newWidth: Math.max(w, headerWidths.current[key] ?? 0) })));
            }
            setGridState(sort, filter, total);
          })
          .catch((error: unknown) => {
            if (key !== latest) return;
            counted = null;
            params.failCallback();
            reportError(error);
          });
      },
    };
  }, [bucket, columns, knownCount, setGridState, ahead]);

  const columnDefs = useMemo<ColDef<GridRow>[]>(
    () => [
      {
        colId: '__inspect',
        headerName: '',
        width: 86,
        sortable: false,
        filter: false,
        resizable: false,
        cellRenderer: InspectButton,
        cellRendererParams: { idField, onInspect },
      },
      {
        colId: '__decision',
        headerName: 'Decision',
        width: 110,
        sortable: false,
        filter: false,
        cellRenderer: RecordDecisionCell,
        cellRendererParams: { idField, reconciliation: bucket.reconciliation, side: bucket.side },
      },
      ...labelColumns(columns, context).map((header, i): ColDef<GridRow> => {
        const column = columns[i] as string;
        headerWidths.current[column] = chooseWidth(column, header);
        return {
          colId: column,
          field: `c${i}`,
          headerName: header,
          hide: hiddenColumns.includes(column),
          width: Math.max(headerWidths.current[column], widths.current[column] ?? 0),
          ...(column === 'value' && formatValue
            ? { type: 'rightAligned', valueFormatter: (params: ValueFormatterParams<GridRow>) => (params.value ? formatValue(String(params.value)) : 'no amount') }
            : { valueFormatter: formatWords(column) }),
        };
      }),
    ],
    // The context is rebuilt on every render of the screen: its words, not its identity, decide the headers.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [columns, hiddenColumns, JSON.stringify(context), idField, formatValue, onInspect, bucket.reconciliation, bucket.side],
  );

  return (
    <div className="records-grid-frame" ref={frame}>
      <AgGridReact<GridRow>
        ref={grid}
        theme={gridTheme}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={RECORDS_PAGE_ROWS}
        maxBlocksInCache={50}
        columnDefs={columnDefs}
        defaultColDef={DEFAULT_COLUMN}
        onRowDoubleClicked={(event: RowDoubleClickedEvent<GridRow>) => {
          const id = event.data?.[idField];
          if (id) onInspect(id);
        }}
        onCellKeyDown={(event: CellKeyDownEvent<GridRow>) => {
          const id = event.data?.[idField];
          if (id && event.event instanceof KeyboardEvent && event.event.key === 'Enter') onInspect(id);
        }}
        onGridReady={() => {
          stopWatching.current?.();
          stopWatching.current = frame.current ? askRowsOnScroll(frame.current, GRID_ROW_HEIGHT_PX, readRowsInView) : null;
        }}
      />
    </div>
  );
}
