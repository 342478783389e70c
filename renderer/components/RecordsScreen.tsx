// The records of one bucket: which bucket, its definition and count, the grid, column choice, export, inspector.
import { useCallback } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Bucket } from '../../shared/reportTypes';
import { describeBucket } from '../model/describeBucket';
import { formatCount } from '../model/formatCount';
import { labelBucket } from '../model/labelBucket';
import { findReconciliation, useBridgeStore } from '../stores/useBridgeStore';
import { useContractStore } from '../stores/useContractStore';
import { useRecordsStore } from '../stores/useRecordsStore';
import { ColumnChooser } from './ColumnChooser';
import { RecordInspector } from './RecordInspector';
import { RecordsGrid } from './RecordsGrid';

const bucketValue = (b: { side: string; kind: string; reason?: string }) => `${b.side}|${b.kind}|${b.reason ?? ''}`;

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
  const buckets = recon.buckets.filter((b) => b.count > 0);
  const total = bucket
    ? buckets.filter((b) => b.side === bucket.side && b.kind === bucket.kind && (bucket.reason === undefined || b.reason === bucket.reason)).reduce((n, b) => n + b.count, 0)
    : 0;
  const pick = (value: string) => {
    const chosen = buckets.find((b: Bucket) => bucketValue(b) === value);
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
            {buckets.map((b) => (
              <option key={bucketValue(b)} value={bucketValue(b)}>
                {b.side === 'left' ? 'Left' : 'Right'} · {labelBucket(b.kind, b.reason)} ({formatCount(b.count)})
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
            {bucket.side === 'left' ? 'Left' : 'Right'} · {labelBucket(bucket.kind, bucket.reason ?? bucket.kind)}{' '}
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
        {records.inspection ? <RecordInspector inspection={records.inspection} inspected={records.inspected} reportingZone={reportingZone} onClose={records.closeInspector} /> : null}
        {records.inspecting && !records.inspection ? <div className="inspector inspector-loading">Loading record {records.inspecting}…</div> : null}
      </div>
    </div>
  );
}
