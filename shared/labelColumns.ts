// Headers of a records listing, the same on screen and in exports: the fixed columns in words, dates with their zone.
import type { ListingKind } from './reportTypes';

/** What a listing's headers are worded from: its kind, the metrics of both sides, and the time zones. */
export interface ListingContext {
  kind: ListingKind;
  reportingZone: string;
  /** The listed side's metric and the other side's. */
  metric: string;
  otherMetric: string;
  /** The zones the two sides' files are written in (the contract's source `timezone`), when known. */
  fileZone?: string;
  otherFileZone?: string;
  /** reporting.currency, for the value column's header. */
  currency?: string;
}

/** Columns whose values are dates read in the reporting zone ('YYYY-MM-DD' or 'YYYY-MM-DD HH:MM'). */
export const REPORTING_DATE_COLUMNS: readonly string[] = ['anchor_reporting', 'other_anchor_reporting'];

/**
 * The record in the "other" columns: for a duplicate the survivor on the same side, for matched, timing and
 * excluded_on_other_side the counterpart on the other side; a gross listing holds both kinds of rows.
 */
function nameOther(context: ListingContext): { name: string; zone?: string } {
  if (context.kind === 'duplicate') return { name: 'Survivor', zone: context.fileZone };
  if (context.kind === 'gross') return { name: 'Survivor or counterpart' };
  return { name: `${context.otherMetric} counterpart`, zone: context.otherFileZone };
}

const inZone = (zone: string | undefined) => (zone ? ` (${zone})` : '');

function labelColumn(column: string, context: ListingContext): string {
  const other = nameOther(context);
  switch (column) {
    case 'record_id':
      return 'Record id';
    case 'identity_key':
      return 'Identity key';
    case 'kind':
      return 'Step';
    case 'reason':
      return 'Reason';
    case 'value':
      return `Value${context.currency ? ` (${context.currency})` : ''}`;
    case 'anchor_exported':
      return `${context.metric} date as exported${inZone(context.fileZone)}`;
    case 'anchor_reporting':
      return `${context.metric} date${inZone(context.reportingZone)}`;
    case 'other_record_id':
      return `${other.name} record id`;
    case 'other_anchor_exported':
      return `${other.name} date as exported${inZone(other.zone)}`;
    case 'other_anchor_reporting':
      return `${other.name} date${inZone(context.reportingZone)}`;
    case 'source_file':
      return 'File';
    case 'source_line':
      return 'Line';
    default:
      return column;
  }
}

/** Every header of a listing; a file column that reads like a fixed column's label gets " (file)". */
export function labelColumns(columns: readonly string[], context: ListingContext): string[] {
  const labels = columns.map((c) => labelColumn(c, context));
  const fixed = new Set(labels.filter((label, i) => label !== columns[i]));
  return labels.map((label, i) => (label === columns[i] && fixed.has(label) ? `${label} (file)` : label));
}
