// The records of one list of the metrics report: ag-grid's Infinite Row Model over fetchMetricRecords, in the list's own order.
import type { CellKeyDownEvent, ColDef, ICellRendererParams, IDatasource, RowDoubleClickedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo, useState } from 'react';
import type { RowPage } from '../../../shared/api';
import { getApi } from '../../api/getApi';
import { CELL_PADDING_PX, measureLongestText } from '../../model/measureLongestText';
import { reportError } from '../../stores/useErrorStore';
import type { InspectedRow, OpenMetricList } from '../../stores/useMetricsStore';
import { gridTheme } from '../gridTheme';

type GridRow = Record<string, string | null>;

interface Props {
  list: OpenMetricList;
  /** record_id, then the export's columns (from a first page). */
  columns: string[];
  onInspect(row: InspectedRow): void;
  /** A list of unknown length (count null): how many rows the pages read so far hold, and whether the last page was read. */
  onRead?(rows: number, complete: boolean): void;
}

const PAGE_SIZE = 100;

/** Fields are positions (c0, c1...): export columns may hold dots, which ag-grid would read as paths. */
function toGridRows(page: RowPage): GridRow[] {
  return page.rows.map((row) => Object.fromEntries(row.map((value, i) => [`c${i}`, value])));
}

function toInspected(row: GridRow, columns: string[]): InspectedRow {
  const values = columns.map((_, i) => row[`c${i}`] ?? null);
  return { recordId: values[0] ?? '', columns, values };
}

function InspectButton(props: ICellRendererParams<GridRow> & { columns: string[]; onInspect(row: InspectedRow): void }) {
  const row = props.data;
  if (!row?.c0) return null;
  return (
    <button type="button" className="grid-button" aria-label={`Inspect record ${row.c0}`} onClick={() => props.onInspect(toInspected(row, props.columns))}>
      Inspect
    </button>
  );
}

export function MetricRecordsGrid({ list, columns, onInspect, onRead }: Props) {
  // Record ids are shown whole: the id column is fitted to the first page's ids.
  const [idWidth, setIdWidth] = useState(130);
  const datasource = useMemo<IDatasource>(
    () => ({
      getRows(params) {
        getApi()
          .fetchMetricRecords(list.query, { offset: params.startRow, limit: params.endRow - params.startRow })
          // The report's list is complete: its length is the row count, no counting query needed. A list the report does not
          // hold ends at its first short page.
          .then((page) => {
            const complete = page.rows.length < params.endRow - params.startRow;
            const read = params.startRow + page.rows.length;
            params.successCallback(toGridRows(page), list.count ?? (complete ? read : undefined));
            if (list.count === null) onRead?.(read, complete);
            if (params.startRow === 0) setIdWidth((known) => Math.max(known, Math.ceil(measureLongestText(page.rows.map((r) => r[0] ?? '')) + CELL_PADDING_PX)));
          })
          .catch((error: unknown) => {
            params.failCallback();
            reportError(error);
          });
      },
    }),
    [list, onRead],
  );
  const columnDefs = useMemo<ColDef<GridRow>[]>(
    () => [
      { colId: '__inspect', headerName: '', width: 86, resizable: false, cellRenderer: InspectButton, cellRendererParams: { columns, onInspect } },
      ...columns.map((column, i): ColDef<GridRow> => ({ colId: column, field: `c${i}`, headerName: column === 'record_id' ? 'Record id' : column, width: i === 0 ? idWidth : 160 })),
    ],
    [columns, onInspect, idWidth],
  );
  return (
    <AgGridReact<GridRow>
      theme={gridTheme}
      rowModelType="infinite"
      datasource={datasource}
      cacheBlockSize={PAGE_SIZE}
      maxBlocksInCache={50}
      columnDefs={columnDefs}
      // The engine orders each list by record id; the grid keeps that order.
      defaultColDef={{ wrapHeaderText: true, autoHeaderHeight: true, sortable: false, resizable: true, filter: false }}
      onRowDoubleClicked={(event: RowDoubleClickedEvent<GridRow>) => {
        if (event.data?.c0) onInspect(toInspected(event.data, columns));
      }}
      onCellKeyDown={(event: CellKeyDownEvent<GridRow>) => {
        if (event.data?.c0 && event.event instanceof KeyboardEvent && event.event.key === 'Enter') onInspect(toInspected(event.data, columns));
      }}
    />
  );
}
