// The records of one listing (a bucket, a side's gross or net): which one, its definition and count, the grid, columns, export, inspector.
import { useCallback } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ExportFormat } from '../../shared/api';
import type { ListingContext } from '../../shared/labelColumns';
import { labelListing } from '../../shared/labelListing';
import type { ReconReport, ReconciliationReport, Side } from '../../shared/reportTypes';
import { countListing } from '../model/countListing';
import { describeBucket } from '../model/describeBucket';
import { formatAmount } from '../model/formatAmount';
import { formatCount } from '../model/formatCount';
import { sumListingValue } from '../model/sumListingValue';
import { findReconciliation, useBridgeStore } from '../stores/useBridgeStore';
import { useContractStore } from '../stores/useContractStore';
import { useRecordsStore, type BucketSelection } from '../stores/useRecordsStore';
import { ColumnChooser } from './ColumnChooser';
import { RecordInspector } from './RecordInspector';
import { RecordsGrid } from './RecordsGrid';

type Listing = Omit<BucketSelection, 'reconciliation'>;

const listingValue = (b: Listing) => `${b.side}|${b.kind}|${b.reason ?? ''}|${b.unreadableColumn ?? ''}`;

/** Every listing the picker offers: each side's gross and net around its buckets, and the one open if it is none of them. */
function listListings(recon: ReconciliationReport, report: ReconReport, open: BucketSelection | null): { listing: Listing; count: number }[] {
  const listings: { listing: Listing; count: number }[] = [];
  for (const side of ['left', 'right'] as const) {
    const totals = side === 'left' ? recon.left : recon.right;
    listings.push({ listing: { side, kind: 'gross' }, count: totals.gross });
    for (const b of recon.buckets) if (b.side === side && b.count > 0) listings.push({ listing: { side: b.side, kind: b.kind, reason: b.reason }, count: b.count });
    listings.push({ listing: { side, kind: 'net' }, count: totals.net });
    listings.push({ listing: { side, kind: 'net_unmatched' }, count: countListing(recon, { side, kind: 'net_unmatched' }) });
  }
  if (open && !listings.some((l) => listingValue(l.listing) === listingValue(open))) listings.unshift({ listing: open, count: countShown(open, recon, report) });
  return listings;
}

/** The records a listing holds without a filter, as the report counts them. */
function countShown(listing: Listing, recon: ReconciliationReport, report: ReconReport): number {
  if (listing.unreadableColumn === undefined) return countListing(recon, listing);
  const source = recon[listing.side].source;
  return report.sources.find((s) => s.name === source)?.unreadable.find((u) => u.column === listing.unreadableColumn)?.count ?? 0;
}

function sideWord(side: Side): string {
  return side === 'left' ? 'Left' : 'Right';
}

/** "Export 413 rows", or "Export 2 filtered rows" while a filter narrows the grid. */
function labelExport(count: number | null, filtered: boolean): string {
  if (count === null) return 'Export rows';
  return `Export ${formatCount(count)}${filtered ? ' filtered' : ''} row${count === 1 ? '' : 's'}`;
}

export function RecordsScreen() {
  const records = useRecordsStore(
    useShallow((s) => ({
      bucket: s.bucket,
      columns: s.columns,
      hiddenColumns: s.hiddenColumns,
      filter: s.filter,
      count: s.count,
      exportFormat: s.exportFormat,
      exporting: s.exporting,
      inspection: s.inspection,
      inspected: s.inspected,
      inspecting: s.inspecting,
      openBucket: s.openBucket,
      toggleColumn: s.toggleColumn,
      showAllColumns: s.showAllColumns,
      chooseExportFormat: s.chooseExportFormat,
      exportShown: s.exportShown,
      inspectRecord: s.inspectRecord,
      closeInspector: s.closeInspector,
    })),
  );
  const { report, reconciliation } = useBridgeStore(useShallow((s) => ({ report: s.report, reconciliation: s.reconciliation })));
  const contract = useContractStore((s) => s.document?.contract ?? null);
  const { bucket, inspectRecord } = records;
  const side = bucket?.side;
  const onInspect = useCallback((recordId: string) => side && void inspectRecord(side, recordId), [side, inspectRecord]);
  const recon = findReconciliation(report, bucket?.reconciliation ?? reconciliation);
  const currency = report?.currency;
  const valued = recon?.left.gross_value !== undefined;
  const formatValue = useCallback((cents: string) => formatAmount(cents, currency), [currency]);
  if (!report || !recon) return <div className="placeholder">Loading the bridge…</div>;
  const reportingZone = report.period.timezone;
  const listings = listListings(recon, report, bucket);
  const pick = (value: string) => {
    const chosen = listings.find((l) => listingValue(l.listing) === value);
    if (chosen) void records.openBucket({ reconciliation: recon.name, ...chosen.listing });
  };
  const own = bucket?.side === 'right' ? recon.right : recon.left;
  const other = bucket?.side === 'right' ? recon.left : recon.right;
  const total = bucket ? countShown(bucket, recon, report) : 0;
  const filtered = records.filter.length > 0;
  // What the listing is worth, as the bridge says it; a filter narrows the rows, not this figure, so it is not shown then.
  const worth = bucket && bucket.unreadableColumn === undefined && !filtered ? sumListingValue(recon, bucket) : null;
  const countText =
    records.count === null ? 'Counting…' : filtered ? `${formatCount(records.count)} of ${formatCount(total)} records` : `${formatCount(records.count)} record${records.count === 1 ? '' : 's'}`;
  const zoneOf = (source: string) => contract?.sources.find((s) => s.name === source)?.timezone;
  const context: ListingContext | null = bucket
    ? { kind: bucket.kind, reportingZone, metric: own.metric, otherMetric: other.metric, fileZone: zoneOf(own.source), otherFileZone: zoneOf(other.source), currency: report.currency }
    : null;
  const definition = !bucket
    ? ''
    : bucket.unreadableColumn !== undefined
      ? `Rows of ${own.source} whose "${bucket.unreadableColumn}" holds a value that could not be read as a date, whatever their step (the Step column says it).`
      : describeBucket(
          bucket.kind === 'gross' || bucket.kind === 'net' ? { side: bucket.side, total: bucket.kind } : { side: bucket.side, kind: bucket.kind, reason: bucket.reason },
          recon,
          report,
          contract,
        );

  return (
    <div className="records-screen">
      <div className="records-toolbar">
        <label className="field bucket-picker">
          <span>Records of</span>
          <select value={bucket ? listingValue(bucket) : ''} onChange={(e) => pick(e.target.value)}>
            {bucket ? null : <option value="">Choose a step of the bridge…</option>}
            {listings.map(({ listing, count }) => {
              const names = listing.side === 'left' ? recon.left : recon.right;
              return (
                <option key={listingValue(listing)} value={listingValue(listing)}>
                  {sideWord(listing.side)} · {labelListing(listing, names)} ({formatCount(count)})
                </option>
              );
            })}
          </select>
        </label>
        {bucket && records.columns && context ? (
          <div className="toolbar-actions">
            <span className="record-count" aria-live="polite">
              {countText}
            </span>
            {worth ? (
              <span className="record-value">
                {formatAmount(worth.value, currency)}
                {worth.missing > 0 ? `, ${formatCount(worth.missing)} without an amount` : ''}
              </span>
            ) : null}
            <ColumnChooser columns={records.columns} hiddenColumns={records.hiddenColumns} context={context} onToggle={records.toggleColumn} onShowAll={records.showAllColumns} />
            <label className="field export-format">
              <span className="visually-hidden">Export format</span>
              <select value={records.exportFormat} onChange={(e) => records.chooseExportFormat(e.target.value as ExportFormat)}>
                <option value="xlsx">Excel (.xlsx)</option>
                <option value="csv">CSV</option>
              </select>
            </label>
            <button type="button" className="primary" disabled={records.exporting !== null || records.count === null || records.count === 0} onClick={() => void records.exportShown()}>
              {records.exporting ? 'Exporting…' : labelExport(records.count, filtered)}
            </button>
          </div>
        ) : null}
      </div>
      {bucket ? (
        <div className="records-heading">
          <h2>
            {sideWord(bucket.side)} · {labelListing(bucket, own)}{' '}
            <span className="muted">
              {own.metric} ({own.source})
            </span>
          </h2>
          <p className="definition">{definition}</p>
        </div>
      ) : null}
      <div className="records-body">
        {bucket && records.columns && context ? (
          <div className="grid-frame">
            <RecordsGrid
              key={listingValue(bucket)}
              bucket={bucket}
              columns={records.columns}
              hiddenColumns={records.hiddenColumns}
              context={context}
              knownCount={bucket.unreadableColumn === undefined ? total : null}
              formatValue={valued ? formatValue : undefined}
              onInspect={onInspect}
            />
          </div>
        ) : (
          <div className="grid-frame placeholder">{bucket ? 'Loading the records…' : 'Click a number on the Bridge, or choose a bucket above, to list its records.'}</div>
        )}
        {records.inspection ? (
          <RecordInspector
            inspection={records.inspection}
            inspected={records.inspected}
            reportingZone={reportingZone}
            currency={report.currency}
            onClose={records.closeInspector}
            onInspect={(s, id) => void inspectRecord(s, id)}
            onOpenBucket={(listing) => void records.openBucket({ reconciliation: recon.name, ...listing })}
          />
        ) : null}
        {records.inspecting && !records.inspection ? <div className="inspector inspector-loading">Loading record {records.inspecting}…</div> : null}
      </div>
    </div>
  );
}
