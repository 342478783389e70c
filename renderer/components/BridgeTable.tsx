// The bridge as a table: each side's steps from gross to net to how net meets the other side, counts (totals too) as buttons, values beside them.
import { DIFFERS_SUFFIX } from '../../shared/labelStep';
import type { Bucket, BucketKind, ListingKind, ReconciliationReport, Side } from '../../shared/reportTypes';
import type { ReconciliationReview } from '../../shared/reviewTypes';
import { formatAmount } from '../model/formatAmount';
import { formatCount } from '../model/formatCount';
import { labelKind, labelReason } from '../model/labelBucket';
import type { PairFilter } from '../stores/usePairsStore';
import { DecidedLineRows } from './review/DecidedLineRows';

interface Props {
  recon: ReconciliationReport;
  /** The reporting currency, when the contract has one (amounts are plain 2-decimal numbers without). */
  currency: string | undefined;
  /** The reconciliation's decisions; null while the review loads. */
  review: ReconciliationReview | null;
  onOpen(listing: { side: Side; kind: ListingKind; reason?: string }): void;
  onOpenPairs(filter: PairFilter): void;
}

const BEFORE_NET: BucketKind[] = ['excluded', 'duplicate', 'out_of_period'];
const AFTER_NET: BucketKind[] = ['matched', 'timing', 'excluded_on_other_side', 'unmatched'];

function selectSide(buckets: Bucket[], side: Side, kinds: BucketKind[]): Bucket[] {
  return buckets
    .filter((b) => b.side === side && kinds.includes(b.kind) && b.count > 0)
    // Matched reasons keep the report's order (matched, then each compared field's `_differs`); the rest, larger first.
    .sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || (a.kind === 'matched' ? 0 : b.count - a.count));
}

/** The compare field of a matched reason `<field>_differs`, or null. */
function findDiffering(bucket: Bucket): string | null {
  return bucket.kind === 'matched' && bucket.reason.endsWith(DIFFERS_SUFFIX) ? bucket.reason.slice(0, -DIFFERS_SUFFIX.length) : null;
}

/** An amount and, when some records have none, how many: "$12,500.00 · 1 without an amount". */
function ValueCell({ value, missing, currency }: { value: number | undefined; missing: number; currency: string | undefined }) {
  return (
    <td className="num value-cell">
      {formatAmount(value ?? 0, currency)}
      {missing > 0 ? <span className="missing-values">{formatCount(missing)} without an amount</span> : null}
    </td>
  );
}

export function BridgeTable({ recon, currency, review, onOpen, onOpenPairs }: Props) {
  const valued = recon.left.gross_value !== undefined;
  // Step, reason, records, the value when there is one, and the decision.
  const columns = valued ? 5 : 4;
  const compares = recon.pairs !== undefined;
  const renderSide = (side: Side) => {
    const summary = side === 'left' ? recon.left : recon.right;
    const missingOf = (kinds?: readonly BucketKind[]) =>
      recon.buckets.filter((b) => b.side === side && (!kinds || kinds.includes(b.kind))).reduce((n, b) => n + (b.missing_values ?? 0), 0);
    const bucketRow = (b: Bucket) => {
      const field = findDiffering(b);
      const line = { side: b.side, kind: b.kind, reason: b.reason };
      return (
        <DecidedLineRows
          key={`${b.kind}-${b.reason}`}
          reconciliation={recon.name}
          line={line}
          review={review?.lines.find((l) => l.side === b.side && l.kind === b.kind && l.reason === b.reason)}
          className={`row-${b.kind}`}
          columns={columns}
        >
          <td>{labelKind(b.kind)}</td>
          <td>
            {b.reason !== b.kind ? labelReason(b.reason) : compares && b.kind === 'matched' ? 'Compared fields agree' : ''}
            {field ? (
              <button type="button" className="link-button pairs-link" aria-label={`List the pairs whose ${field} differs`} onClick={() => onOpenPairs({ differs: field })}>
                pairs
              </button>
            ) : null}
          </td>
          <td className="num">
            <button type="button" className="count-button" aria-label={`${b.count} records: ${side} ${b.kind}${b.reason === b.kind ? '' : ` ${b.reason}`}`} onClick={() => onOpen(b)}>
              {formatCount(b.count)}
            </button>
          </td>
          {valued ? <ValueCell value={b.value} missing={b.missing_values ?? 0} currency={currency} /> : null}
        </DecidedLineRows>
      );
    };
    const totalRow = (kind: 'gross' | 'net', step: string, reason: string, count: number) => (
      <tr className="total-row">
        <td>{step}</td>
        <td>{reason}</td>
        <td className="num">
          <button type="button" className="count-button" aria-label={`${count} records: ${side} ${kind}`} onClick={() => onOpen({ side, kind })}>
            {formatCount(count)}
          </button>
        </td>
        {valued ? (
          <ValueCell value={kind === 'gross' ? summary.gross_value : summary.net_value} missing={missingOf(kind === 'gross' ? undefined : AFTER_NET)} currency={currency} />
        ) : null}
        <td />
      </tr>
    );
    return (
      <tbody key={side}>
        <tr className="side-row">
          <th colSpan={columns} scope="rowgroup">
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
  const differences = recon.value_differences;
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
          {valued ? (
            <th scope="col" className="num">
              Value
            </th>
          ) : null}
          <th scope="col">Decision</th>
        </tr>
      </thead>
      {renderSide('left')}
      {differences ? (
        <tbody>
          <tr className="side-row">
            <th colSpan={columns} scope="rowgroup">
              Between the matched records
            </th>
          </tr>
          <tr className="row-differences">
            <td>Amounts differ</td>
            <td>right minus left</td>
            <td className="num">
              <button type="button" className="count-button" aria-label={`${differences.count} pairs: amounts differ`} onClick={() => onOpenPairs({ amountChanged: true })}>
                {formatCount(differences.count)}
              </button>
            </td>
            <td className="num value-cell">
              +{formatAmount(differences.increase, currency)} / −{formatAmount(differences.decrease, currency)}
            </td>
            <td />
          </tr>
        </tbody>
      ) : null}
      {renderSide('right')}
    </table>
  );
}
