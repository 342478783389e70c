// The records of one move between two contracts: ag-grid's Infinite Row Model over fetchMovedRows, in report.md's id order.
import type { CellKeyDownEvent, ColDef, ICellRendererParams, IDatasource, RowDoubleClickedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo, useState } from 'react';
import type { RowPage } from '../../../shared/api';
import { getApi } from '../../api/getApi';
import { CELL_PADDING_PX, measureLongestText } from '../../model/measureLongestText';
import { reportError } from '../../stores/useErrorStore';
import type { OpenMove } from '../../stores/useCompareStore';
import { gridTheme } from '../gridTheme';

type GridRow = Record<string, string | null>;

interface Props {
  move: OpenMove;
  /** The record id first, then the export's columns (from a first page). */
  columns: string[];
  onInspect(recordId: string): void;
}

const PAGE_SIZE = 100;

/** Fields are positions (c0, c1...): export columns may hold dots, which ag-grid would read as paths. */
function toGridRows(page: RowPage): GridRow[] {
  return page.rows.map((row) => Object.fromEntries(row.map((value, i) => [`c${i}`, value])));
}

function InspectButton(props: ICellRendererParams<GridRow> & { onInspect(recordId: string): void }) {
  const id = props.data?.c0;
  if (!id) return null;
  return (
    <button type="button" className="grid-button" aria-label={`Inspect record ${id}`} onClick={() => props.onInspect(id)}>
      Inspect
    </button>
  );
}

export function MovedRecordsGrid({ move, columns, onInspect }: Props) {
  // Record ids are shown whole: the id column is fitted to the first page's ids.
  const [idWidth, setIdWidth] = useState(130);
  const datasource = useMemo<IDatasource>(
    () => ({
      getRows(params) {
        getApi()
          .fetchMovedRows(move.query, { offset: params.startRow, limit: params.endRow - params.startRow })
          .then((page) => {
            // The comparison counted the move: that count is the row count, no counting query needed.
            params.successCallback(toGridRows(page), move.count);
            if (params.startRow === 0) setIdWidth((known) => Math.max(known, Math.ceil(measureLongestText(page.rows.map((r) => r[0] ?? '')) + CELL_PADDING_PX)));
          })
          .catch((error: unknown) => {
            params.failCallback();
            reportError(error);
          });
      },
    }),
    [move],
  );
  const columnDefs = useMemo<ColDef<GridRow>[]>(
    () => [
      { colId: '__inspect', headerName: '', width: 86, resizable: false, cellRenderer: InspectButton, cellRendererParams: { onInspect } },
      ...columns.map((column, i): ColDef<GridRow> => ({ colId: column, field: `c${i}`, headerName: i === 0 ? 'Record id' : column, width: i === 0 ? idWidth : 160 })),
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
      // The engine lists a move's records in report.md's id order; the grid keeps it.
      defaultColDef={{ wrapHeaderText: true, autoHeaderHeight: true, sortable: false, resizable: true, filter: false }}
      onRowDoubleClicked={(event: RowDoubleClickedEvent<GridRow>) => {
        if (event.data?.c0) onInspect(event.data.c0);
      }}
      onCellKeyDown={(event: CellKeyDownEvent<GridRow>) => {
        if (event.data?.c0 && event.event instanceof KeyboardEvent && event.event.key === 'Enter') onInspect(event.data.c0);
      }}
    />
  );
}
