// The bridge as a table: each side's steps from gross to net to how net meets the other side, counts (totals too) as buttons.
import type { Bucket, BucketKind, ListingKind, ReconciliationReport, Side } from '../../shared/reportTypes';
import { formatCount } from '../model/formatCount';
import { labelKind, labelReason } from '../model/labelBucket';

interface Props {
  recon: ReconciliationReport;
  onOpen(listing: { side: Side; kind: ListingKind; reason?: string }): void;
}

const BEFORE_NET: BucketKind[] = ['excluded', 'duplicate', 'out_of_period'];
const AFTER_NET: BucketKind[] = ['matched', 'timing', 'excluded_on_other_side', 'unmatched'];

function selectSide(buckets: Bucket[], side: Side, kinds: BucketKind[]): Bucket[] {
  return buckets
    .filter((b) => b.side === side && kinds.includes(b.kind) && b.count > 0)
    .sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || b.count - a.count);
}

export function BridgeTable({ recon, onOpen }: Props) {
  const renderSide = (side: Side) => {
    const summary = side === 'left' ? recon.left : recon.right;
    const bucketRow = (b: Bucket) => (
      <tr key={`${b.kind}-${b.reason}`} className={`row-${b.kind}`}>
        <td>{labelKind(b.kind)}</td>
        <td>{b.reason === b.kind ? '' : labelReason(b.reason)}</td>
        <td className="num">
          <button type="button" className="count-button" aria-label={`${b.count} records: ${side} ${b.kind}${b.reason === b.kind ? '' : ` ${b.reason}`}`} onClick={() => onOpen(b)}>
            {formatCount(b.count)}
          </button>
        </td>
      </tr>
    );
    const totalRow = (kind: 'gross' | 'net', step: string, reason: string, count: number) => (
      <tr className="total-row">
        <td>{step}</td>
        <td>{reason}</td>
        <td className="num">
          <button type="button" className="count-button" aria-label={`${count} records: ${side} ${kind}`} onClick={() => onOpen({ side, kind })}>
            {formatCount(count)}
          </button>
        </td>
      </tr>
    );
    return (
      <tbody key={side}>
        <tr className="side-row">
          <th colSpan={3} scope="rowgroup">
            {side === 'left' ? 'Left' : 'Right'}: {summary.metric} <span className="muted">({summary.source})</span>
          </th>
        </tr>
        {totalRow('gross', 'Gross', 'every row of the export', summary.gross)}
        {selectSide(recon.buckets, side, BEFORE_NET).map(bucketRow)}
        {totalRow('net', 'Net', `counted as ${summary.metric}`, summary.net)}
        {selectSide(recon.buckets, side, AFTER_NET).map(bucketRow)}
      </tbody>
    );
  };
  return (
    <table className="bridge-table">
      <caption>The bridge as a table</caption>
      <thead>
        <tr>
          <th scope="col">Step</th>
          <th scope="col">Reason</th>
          <th scope="col" className="num">
            Records
          </th>
        </tr>
      </thead>
      {renderSide('left')}
      {renderSide('right')}
    </table>
  );
}
