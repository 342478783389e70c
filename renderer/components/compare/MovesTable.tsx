// The records that moved between two contracts: per side, from its bucket under A to its bucket under B, each count a button to the records.
import type { Side } from '../../../shared/reportTypes';
import type { BucketRef, Move, MovedQuery } from '../../../shared/reviewTypes';
import { formatCount } from '../../model/formatCount';
import { labelBucket } from '../../model/labelBucket';

interface Props {
  reconciliation: string;
  /** null: the reconciliation is in one contract only, nothing can have moved. */
  moves: Move[] | null;
  /** The move whose records are listed below, marked as such. */
  open: MovedQuery | null;
  onOpen(query: MovedQuery, count: number): void;
}

const sideWord = (side: Side) => (side === 'left' ? 'Left' : 'Right');

/** "left excluded spam" as the accessible names of the bridge say a bucket. */
function spell(side: Side, bucket: BucketRef): string {
  return `${side} ${bucket.kind}${bucket.reason === bucket.kind ? '' : ` ${bucket.reason}`}`;
}

function isOpen(open: MovedQuery | null, reconciliation: string, move: Move): boolean {
  return (
    open !== null &&
    open.reconciliation === reconciliation &&
    open.side === move.side &&
    open.from.kind === move.from.kind &&
    open.from.reason === move.from.reason &&
    open.to.kind === move.to.kind &&
    open.to.reason === move.to.reason
  );
}

export function MovesTable({ reconciliation, moves, open, onOpen }: Props) {
  if (moves === null) return <p className="muted">This reconciliation is in one of the two contracts only: no record can have moved.</p>;
  if (moves.length === 0) return <p className="muted">No record moved: every record is in the same bridge line under A and B.</p>;
  const total = moves.reduce((n, m) => n + m.count, 0);
  return (
    <table className="compare-table moves-table" aria-label={`Records that moved in ${reconciliation}`}>
      <caption>
        {formatCount(total)} record{total === 1 ? '' : 's'} moved from one bridge line to another
      </caption>
      <thead>
        <tr>
          <th scope="col">Side</th>
          <th scope="col">Under A</th>
          <th scope="col" aria-hidden="true" />
          <th scope="col">Under B</th>
          <th scope="col" className="num">
            Records
          </th>
        </tr>
      </thead>
      <tbody>
        {moves.map((move) => {
          const query: MovedQuery = { reconciliation, side: move.side, from: move.from, to: move.to };
          const shown = isOpen(open, reconciliation, move);
          return (
            <tr key={`${move.side}|${move.from.kind}|${move.from.reason}|${move.to.kind}|${move.to.reason}`} className={shown ? 'move-open' : undefined}>
              <td>{sideWord(move.side)}</td>
              <td className={`step-${move.from.kind}`}>{labelBucket(move.from.kind, move.from.reason)}</td>
              <td aria-hidden="true" className="move-arrow">
                →
              </td>
              <td className={`step-${move.to.kind}`}>{labelBucket(move.to.kind, move.to.reason)}</td>
              <td className="num">
                <button
                  type="button"
                  className="count-button"
                  aria-pressed={shown}
                  aria-label={`${move.count} records moved: ${spell(move.side, move.from)} to ${spell(move.side, move.to)}`}
                  onClick={() => onOpen(query, move.count)}
                >
                  {formatCount(move.count)}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
