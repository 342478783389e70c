// The records of one bucket: which bucket, its definition and count, the grid, column choice, export, inspector.
import { useCallback } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ListingKind, Side } from '../../shared/reportTypes';
import { countListing } from '../model/countListing';
import { describeBucket } from '../model/describeBucket';
import { formatCount } from '../model/formatCount';
import { labelListing } from '../model/labelBucket';
import { findReconciliation, useBridgeStore } from '../stores/useBridgeStore';
import { useContractStore } from '../stores/useContractStore';
import { useRecordsStore } from '../stores/useRecordsStore';
import { ColumnChooser } from './ColumnChooser';
import { RecordInspector } from './RecordInspector';
import { RecordsGrid } from './RecordsGrid';

const bucketValue = (b: { side: string; kind: string; reason?: string }) => `${b.side}|${b.kind}|${b.reason ?? ''}`;

/** A side's totals, listed in the picker before its buckets. */
const SIDE_TOTALS: ListingKind[] = ['gross', 'net', 'net_unmatched'];

export function RecordsScreen() {
  const records = useRecordsStore(
    useShallow((s) => ({
      bucket: s.bucket,
      columns: s.columns,
      hiddenColumns: s.hiddenColumns,
      filter: s.filter,
      count: s.count,
      exporting: s.exporting,
      inspection: s.inspection,
      inspected: s.inspected,
      inspecting: s.inspecting,
      openBucket: s.openBucket,
      toggleColumn: s.toggleColumn,
      showAllColumns: s.showAllColumns,
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
  if (!report || !recon) return <div className="placeholder">Loading the bridge…</div>;
  const reportingZone = report.period.timezone;
  const listings = (['left', 'right'] as const).flatMap((s: Side) => [
    ...SIDE_TOTALS.map((kind) => ({ side: s, kind, reason: undefined, count: countListing(recon, { side: s, kind }) })),
    ...recon.buckets.filter((b) => b.side === s && b.count > 0),
  ]);
  const total = bucket ? countListing(recon, bucket) : 0;
  const pick = (value: string) => {
    const chosen = listings.find((b) => bucketValue(b) === value);
    if (chosen) void records.openBucket({ reconciliation: recon.name, side: chosen.side, kind: chosen.kind, reason: chosen.reason });
  };
  const own = bucket?.side === 'right' ? recon.right : recon.left;
  const countText = records.count === null ? 'Counting…' : records.filter.length > 0 ? `${formatCount(records.count)} of ${formatCount(total)} records` : `${formatCount(records.count)} records`;

  return (
    <div className="records-screen">
      <div className="records-toolbar">
        <label className="field bucket-picker">
          <span>Bucket</span>
          <select value={bucket ? bucketValue(bucket) : ''} onChange={(e) => pick(e.target.value)}>
            {bucket ? null : <option value="">Choose a step of the bridge…</option>}
            {listings.map((b) => (
              <option key={bucketValue(b)} value={bucketValue(b)}>
                {b.side === 'left' ? 'Left' : 'Right'} · {labelListing(b.kind, b.reason ?? b.kind, recon[b.side])} ({formatCount(b.count)})
              </option>
            ))}
          </select>
        </label>
        {bucket && records.columns ? (
          <div className="toolbar-actions">
            <span className="record-count" aria-live="polite">
              {countText}
            </span>
            <ColumnChooser
              columns={records.columns}
              hiddenColumns={records.hiddenColumns}
              kind={bucket.kind}
              reportingZone={reportingZone}
              onToggle={records.toggleColumn}
              onShowAll={records.showAllColumns}
            />
            <button type="button" disabled={records.exporting !== null} onClick={() => void records.exportShown('csv')}>
              {records.exporting === 'csv' ? 'Exporting…' : 'Export CSV'}
            </button>
            <button type="button" disabled={records.exporting !== null} onClick={() => void records.exportShown('xlsx')}>
              {records.exporting === 'xlsx' ? 'Exporting…' : 'Export Excel'}
            </button>
          </div>
        ) : null}
      </div>
      {bucket ? (
        <div className="records-heading">
          <h2>
            {bucket.side === 'left' ? 'Left' : 'Right'} · {labelListing(bucket.kind, bucket.reason ?? bucket.kind, own)}{' '}
            <span className="muted">
              {own.metric} ({own.source})
            </span>
          </h2>
          <p className="definition">{describeBucket(bucket, recon, report, contract)}</p>
        </div>
      ) : null}
      <div className="records-body">
        {bucket && records.columns ? (
          <div className="grid-frame">
            <RecordsGrid
              key={bucketValue(bucket)}
              bucket={bucket}
              columns={records.columns}
              hiddenColumns={records.hiddenColumns}
              reportingZone={reportingZone}
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
