// ag-grid's sort model as the API's SortSpec list (column ids are the listed column names).
import type { SortModelItem } from 'ag-grid-community';
import type { SortSpec } from '../../shared/api';

export function toSortSpecs(sortModel: SortModelItem[]): SortSpec[] {
  return sortModel.map((item) => ({ column: item.colId, direction: item.sort === 'desc' ? 'desc' : 'asc' }));
}
