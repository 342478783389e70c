// Readable headers for the fixed columns of a bucket listing; the export's own columns keep their names.
import type { ListingKind } from '../../shared/reportTypes';

export function labelColumn(column: string, kind: ListingKind | undefined, reportingZone: string): string {
  // For a duplicate, "other" is the survivor on the same side, not the other export.
  const other = kind === 'duplicate' ? 'Survivor' : 'Other side';
  switch (column) {
    case 'record_id':
      return 'Record';
    case 'identity_key':
      return 'Identity key';
    case 'kind':
      return 'Step';
    case 'reason':
      return 'Reason';
    case 'anchor_exported':
      return 'Date as exported';
    case 'anchor_reporting':
      return `Date in ${reportingZone}`;
    case 'other_record_id':
      return `${other} record`;
    case 'other_anchor_exported':
      return `${other}: date as exported`;
    case 'other_anchor_reporting':
      return `${other}: date in ${reportingZone}`;
    default:
      return column;
  }
}
