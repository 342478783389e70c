// One reconciliation's bridge lines under contract A and contract B: counts (and values), the delta signed and coloured.
import type { Side } from '../../../shared/reportTypes';
import type { ComparedLine } from '../../../shared/reviewTypes';
import { formatAmount, formatChange } from '../../model/formatAmount';
import { formatCount } from '../../model/formatCount';
import { formatDelta } from '../../model/formatDelta';
import { labelBucket } from '../../model/labelBucket';

interface Props {
  name: string;
  lines: ComparedLine[];
  aLabel: string;
  bLabel: string;
  currency: string | undefined;
}

const sideWord = (side: Side) => (side === 'left' ? 'Left' : 'Right');

/** Up, down or none: the colour of a delta, and the word a screen reader says instead. */
function classify(delta: number): string {
  return delta > 0 ? 'delta delta-up' : delta < 0 ? 'delta delta-down' : 'delta delta-none';
}

export function ComparedLinesTable({ name, lines, aLabel, bLabel, currency }: Props) {
  // A value column appears when either contract's metrics have a value (review.md: `value` only when they do).
  const valued = lines.some((l) => l.a.value !== undefined || l.b.value !== undefined);
  return (
    <table className="compare-table" aria-label={`Bridge lines of ${name} under A and B`}>
      <thead>
        <tr>
          <th scope="col">Side</th>
          <th scope="col">Bridge line</th>
          <th scope="col" className="num" title={aLabel}>
            A
          </th>
          <th scope="col" className="num" title={bLabel}>
            B
          </th>
          <th scope="col" className="num">
            B − A
          </th>
          {valued ? (
            <>
              <th scope="col" className="num">
                Value A
              </th>
              <th scope="col" className="num">
                Value B
              </th>
              <th scope="col" className="num">
                Value B − A
              </th>
            </>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => {
          const delta = line.b.count - line.a.count;
          // A line's worth can change while its count does not (a record's amount): such a line is not greyed as unchanged.
          // Rounded to the cent: two sums of cents read as floating-point numbers must not differ by a rounding residue.
          const valueDelta = Math.round(((line.b.value ?? 0) - (line.a.value ?? 0)) * 100) / 100;
          const label = labelBucket(line.kind, line.reason);
          return (
            <tr key={`${line.side}|${line.kind}|${line.reason}`} className={delta === 0 && valueDelta === 0 ? 'unchanged' : 'changed'}>
              <td>{sideWord(line.side)}</td>
              <td>{label}</td>
              <td className="num">{formatCount(line.a.count)}</td>
              <td className="num">{formatCount(line.b.count)}</td>
              <td className={`num ${classify(delta)}`}>{formatDelta(delta)}</td>
              {valued ? (
                <>
                  <td className="num">{line.a.value === undefined ? '' : formatAmount(line.a.value, currency)}</td>
                  <td className="num">{line.b.value === undefined ? '' : formatAmount(line.b.value, currency)}</td>
                  <td className={`num ${classify(valueDelta)}`}>{valueDelta === 0 ? formatAmount(0, currency) : formatChange(valueDelta, currency)}</td>
                </>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
