// One small grid built out of sight once the page is idle, then removed: the first bucket opened no longer pays for ag-grid's first start in the page (its theme's styles added to the document, its code compiled), about half of that click's time at 1M rows.
import type { ColDef, IDatasource } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useState } from 'react';
import { gridTheme } from './gridTheme';

const NO_ROWS: IDatasource = { getRows: (params) => params.successCallback([], 0) };
const COLUMNS: ColDef[] = [{ field: 'a', filter: 'agTextColumnFilter', sortable: true }, { field: 'b' }];
/** Once per page: a screen shown again later finds the grid's start already paid. */
let warmed = false;

export function GridWarmUp() {
  const [phase, setPhase] = useState<'waiting' | 'building' | 'done'>(warmed ? 'done' : 'waiting');
  useEffect(() => {
    if (phase !== 'waiting') return;
    // After the screen's own first paint and requests, when the page has nothing else to do.
    const id = requestIdleCallback(() => setPhase('building'), { timeout: 3000 });
    return () => cancelIdleCallback(id);
  }, [phase]);
  if (phase !== 'building') return null;
  return (
    <div className="grid-warm-up" aria-hidden="true">
      <AgGridReact
        theme={gridTheme}
        rowModelType="infinite"
        datasource={NO_ROWS}
        columnDefs={COLUMNS}
        onGridReady={() => {
          warmed = true;
          // Removed in a later task: the grid finishes its first layout before it goes.
          window.setTimeout(() => setPhase('done'), 0);
        }}
      />
    </div>
  );
}
