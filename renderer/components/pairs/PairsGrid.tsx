// The grid of a reconciliation's matched pairs: ag-grid's Infinite Row Model over fetchPairs, both sides' compared values side by side.
import type { CellKeyDownEvent, ColDef, ICellRendererParams, IDatasource, RowDoubleClickedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo, useState } from 'react';
import type { PairPage, PairQuery } from '../../../shared/api';
import { labelField, labelReason } from '../../../shared/labelStep';
import { getApi } from '../../api/getApi';
import { formatAmount, formatChange } from '../../model/formatAmount';
import { CELL_PADDING_PX, measureLongestText } from '../../model/measureLongestText';
import { reportError } from '../../stores/useErrorStore';
import { gridTheme } from '../gridTheme';

interface PairGridRow {
  leftId: string;
  rightId: string;
  reason: string;
  delta: string | null;
  differs: string[];
  /** Compare field i's two values at `l${i}` and `r${i}` (fields are positions: names may hold dots). */
  [value: `${'l' | 'r'}${number}`]: string | null;
}

interface Props {
  query: PairQuery;
  /** The compare fields in contract order. */
  fields: string[];
  /** Compare field -> how it is compared (amounts are shown in the reporting currency); `value` is always an amount. */
  kinds: Record<string, 'amount' | 'date' | 'text'>;
  currency: string | undefined;
  /** Whether the metrics have a value: the difference column is shown. */
  valued: boolean;
  leftName: string;
  rightName: string;
  onInspect(leftId: string): void;
}

const PAGE_SIZE = 100;

function toGridRows(page: PairPage): PairGridRow[] {
  return page.rows.map((pair) => {
    const row: PairGridRow = { leftId: pair.leftId, rightId: pair.rightId, reason: pair.reason, delta: pair.valueDelta, differs: pair.differs };
    page.fields.forEach((field, i) => {
      const [left, right] = pair.values[field] ?? [null, null];
      row[`l${i}`] = left;
      row[`r${i}`] = right;
    });
    return row;
  });
}

/** An amount in the reporting currency to the cent, a date or a text as the report shows it; an empty value said so. */
function formatValue(value: unknown, amount: boolean, currency: string | undefined): string {
  if (value === null || value === undefined) return amount ? 'no amount' : 'empty';
  return amount ? formatAmount(String(value), currency) : String(value);
}

function formatDelta(value: unknown, currency: string | undefined): string {
  if (value === null || value === undefined) return '';
  return Number(value) === 0 ? formatAmount(0, currency) : formatChange(String(value), currency);
}

function InspectButton(props: ICellRendererParams<PairGridRow> & { onInspect(leftId: string): void }) {
  const pair = props.data;
  if (!pair) return null;
  return (
    <button type="button" className="grid-button" aria-label={`Inspect pair ${pair.leftId} and ${pair.rightId}`} onClick={() => props.onInspect(pair.leftId)}>
      Inspect
    </button>
  );
}

export function PairsGrid({ query, fields, kinds, currency, valued, leftName, rightName, onInspect }: Props) {
  // Record ids are shown whole: both id columns are fitted to the first page's ids.
  const [idWidths, setIdWidths] = useState({ left: 110, right: 190 });
  const datasource = useMemo<IDatasource>(() => {
    const count = getApi().countPairs(query);
    return {
      getRows(params) {
        Promise.all([getApi().fetchPairs(query, { offset: params.startRow, limit: params.endRow - params.startRow }), count])
          .then(([page, total]) => {
            params.successCallback(toGridRows(page), total);
            if (params.startRow !== 0) return;
            const fit = (ids: string[], known: number) => Math.max(known, Math.ceil(measureLongestText(ids) + CELL_PADDING_PX));
            setIdWidths((known) => ({ left: fit(page.rows.map((r) => r.leftId), known.left), right: fit(page.rows.map((r) => r.rightId), known.right) }));
          })
          .catch((error: unknown) => {
            params.failCallback();
            reportError(error);
          });
      },
    };
  }, [query]);

  const columnDefs = useMemo<ColDef<PairGridRow>[]>(() => {
    const difference: ColDef<PairGridRow> = {
      colId: 'difference',
      field: 'delta',
      headerName: 'Difference (right − left)',
      width: 120,
      type: 'rightAligned',
      valueFormatter: (params) => formatDelta(params.value, currency),
    };
    const fieldColumns = fields.flatMap((field, i): ColDef<PairGridRow>[] => {
      const amount = field === 'value' || kinds[field] === 'amount';
      const side = (which: 'l' | 'r', name: string): ColDef<PairGridRow> => ({
        colId: `${field}:${which === 'l' ? 'left' : 'right'}`,
        field: `${which}${i}`,
        headerName: `${labelField(field)} · ${name}`,
        // Amounts and dates are never cut; text values (stage names) share the room that is left.
        ...(amount ? { width: 130 } : kinds[field] === 'date' ? { width: 115 } : { minWidth: 150, flex: 1 }),
        type: amount ? 'rightAligned' : undefined,
        valueFormatter: (params) => formatValue(params.value, amount, currency),
        cellClassRules: { 'cell-differs': (params) => params.data?.differs.includes(field) ?? false, 'cell-empty': (params) => params.value === null },
      });
      // The amount difference sits beside the two amounts it is the difference of.
      return [side('l', leftName), side('r', rightName), ...(field === 'value' && valued ? [difference] : [])];
    });
    return [
      { colId: '__inspect', headerName: '', width: 90, resizable: false, cellRenderer: InspectButton, cellRendererParams: { onInspect } },
      { colId: 'left_id', field: 'leftId', headerName: `${leftName} record id`, width: idWidths.left },
      { colId: 'right_id', field: 'rightId', headerName: `${rightName} record id`, width: idWidths.right },
      { colId: 'reason', field: 'reason', headerName: 'Reason', width: 145, valueFormatter: (params) => (params.value ? labelReason(String(params.value)) : '') },
      ...fieldColumns,
      ...(valued && !fields.includes('value') ? [difference] : []),
    ];
  }, [fields, kinds, currency, valued, leftName, rightName, idWidths, onInspect]);

  return (
    <AgGridReact<PairGridRow>
      theme={gridTheme}
      rowModelType="infinite"
      datasource={datasource}
      cacheBlockSize={PAGE_SIZE}
      maxBlocksInCache={50}
      columnDefs={columnDefs}
      // The engine orders pairs by the size of the difference: the grid keeps that order.
      defaultColDef={{ wrapHeaderText: true, autoHeaderHeight: true, sortable: false, resizable: true, filter: false }}
      onRowDoubleClicked={(event: RowDoubleClickedEvent<PairGridRow>) => {
        if (event.data) onInspect(event.data.leftId);
      }}
      onCellKeyDown={(event: CellKeyDownEvent<PairGridRow>) => {
        if (event.data && event.event instanceof KeyboardEvent && event.event.key === 'Enter') onInspect(event.data.leftId);
      }}
    />
  );
}
