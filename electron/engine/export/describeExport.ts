// The "About" of an export: which contract, period, reconciliation, side, bucket, filter and sort its rows come from.
import type { BucketQuery, FilterSpec } from '../../../shared/api';
import { labelColumns, type ListingContext } from '../../../shared/labelColumns';
import { labelListing } from '../../../shared/labelListing';
import type { Investigation } from '../bindInvestigation';
import { UserError } from '../UserError';

export interface ExportDescription {
  /** The listing's headers worded as on screen. */
  context: ListingContext;
  /** Label and value, in the order a reader wants them. */
  about: [string, string][];
}

const FILTER_WORDS: Record<FilterSpec['op'], string> = {
  contains: 'contains',
  equals: 'is',
  notEquals: 'is not',
  startsWith: 'starts with',
  endsWith: 'ends with',
  blank: 'is blank',
  notBlank: 'is not blank',
};

function describeFilter(filter: FilterSpec, label: string): string {
  const valued = filter.op !== 'blank' && filter.op !== 'notBlank';
  return `${label} ${FILTER_WORDS[filter.op]}${valued ? ` "${filter.value ?? ''}"` : ''}`;
}

export function describeExport(inv: Investigation, query: BucketQuery, rows: number, exportedAt: Date): ExportDescription {
  const listing = inv.listingOf(query);
  const r = inv.model.reconciles.find((c) => c.spec.name === query.reconciliation);
  if (!r) throw new UserError(`unknown reconciliation '${query.reconciliation}'`);
  const [own, other] = query.side === 'left' ? [r.left, r.right] : [r.right, r.left];
  const { reporting } = inv.contract;
  const context: ListingContext = {
    kind: query.kind,
    reportingZone: reporting.timezone,
    metric: own.spec.name,
    otherMetric: other.spec.name,
    fileZone: own.source.spec.timezone,
    otherFileZone: other.source.spec.timezone,
    ...(reporting.currency ? { currency: reporting.currency } : {}),
  };
  const labels = labelColumns(listing.columns, context);
  const labelOf = (column: string) => labels[listing.columns.indexOf(column)] ?? column;
  const filters = (query.filter ?? []).map((f) => describeFilter(f, labelOf(f.column)));
  const sorts = (query.sort ?? []).map((s) => `${labelOf(s.column)} ${s.direction === 'desc' ? 'descending' : 'ascending'}`);
  return {
    context,
    about: [
      ['Contract', inv.contract.title],
      ['Version', inv.contract.version],
      ['Period', `${reporting.from} to ${reporting.to}`],
      ['Time zone', reporting.timezone],
      ['Reconciliation', r.spec.name],
      ['Side', `${query.side === 'left' ? 'Left' : 'Right'}: ${own.spec.name} (source ${own.source.spec.name}, ${own.source.spec.file})`],
      ['Bucket', labelListing(query, { metric: own.spec.name, source: own.source.spec.name })],
      ['Filter', filters.length ? filters.join('; ') : 'none'],
      ['Sort', sorts.length ? sorts.join(', ') : 'the file order'],
      ['Rows', String(rows)],
      ['Exported at', `${exportedAt.toISOString().slice(0, 19)}Z`],
    ],
  };
}
