// Sourced by the CRM rule, by touches, by both or neither, deal by deal, and influenced: each count opening its deals.
import type { AttributionList, AttributionReport, SourcedLine, ValuedIdCount } from '../../../shared/metricsReportTypes';
import type { AttributionSpec } from '../../../shared/revenueContractTypes';
import { MODEL_LABELS } from '../../model/describeModelWeights';
import { formatAmount } from '../../model/formatAmount';
import { formatCount } from '../../model/formatCount';
import { Moved } from './Moved';

interface Props {
  entry: AttributionReport;
  previous: AttributionReport | undefined;
  spec: AttributionSpec | undefined;
  currency: string | undefined;
  onOpen(list: AttributionList, title: string, count: number): void;
}

/** What each list holds, in words: the list's title in the grid below and the row's name here. */
export function describeSourcedList(list: AttributionList, spec: AttributionSpec | undefined): string {
  const model = MODEL_LABELS[spec?.sourced?.touches ?? 'first_touch'];
  const words: Record<AttributionList, string> = {
    both: 'Sourced by the CRM rule and by touches',
    crm_only: 'Sourced by the CRM rule only',
    touches_only: `Sourced by touches only (${model})`,
    neither: 'Sourced by neither',
    influenced: 'Influenced: a touch on a marketing channel',
    no_touch: 'No touch: deals without a counted touch',
  };
  return words[list];
}

const LINES: SourcedLine[] = ['both', 'crm_only', 'touches_only', 'neither'];
const showCount = (n: number | null) => (n === null ? '' : formatCount(n));

export function SourcedBridge({ entry, previous, spec, currency, onOpen }: Props) {
  const money = (v: number | null) => (v === null ? '' : formatAmount(v, currency));
  const sourced = spec?.sourced;
  const byCrm = entry.sourced.both.count + entry.sourced.crm_only.count;
  const byTouches = entry.sourced.both.count + entry.sourced.touches_only.count;
  const all = LINES.reduce((n, l) => n + entry.sourced[l].count, 0);
  const parts: [AttributionList, ValuedIdCount, ValuedIdCount | undefined][] = [
    ...LINES.map((l): [AttributionList, ValuedIdCount, ValuedIdCount | undefined] => [l, entry.sourced[l], previous?.sourced[l]]),
    ['influenced', entry.influenced, previous?.influenced],
  ];
  return (
    <section className="panel sourced-bridge" aria-label="Sourced and influenced">
      <h3>Sourced, deal by deal</h3>
      {sourced ? (
        <p className="definition muted">
          {sourced.crm ? (
            <>
              The CRM rule <code>{sourced.crm}</code> calls {formatCount(byCrm)} of {formatCount(all)} deals marketing-sourced;
            </>
          ) : (
            <>No CRM rule is written, so the CRM calls none sourced;</>
          )}{' '}
          the touch history ({MODEL_LABELS[sourced.touches ?? 'first_touch']}: the touch with the largest share is on a marketing channel) calls {formatCount(byTouches)} sourced.
        </p>
      ) : (
        <p className="definition muted">
          This entry has no <code>sourced</code>: add <code>sourced: {'{'} crm: RULE, touches: first_touch {'}'}</code> to compare the CRM's Lead Source with the touch history.
        </p>
      )}
      <table className="sourced-table" aria-label="Sourced bridge">
        <thead>
          <tr>
            <td />
            {parts.map(([list]) => (
              <th key={list} scope="col" className={`num sourced-${list}`}>
                {describeSourcedList(list, spec)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Deals</th>
            {parts.map(([list, part, was]) => {
              const title = describeSourcedList(list, spec);
              return (
                <td key={list} className={`num sourced-${list}`}>
                  <button type="button" className="count-button" aria-label={`${title}: ${part.count} deal${part.count === 1 ? '' : 's'}`} onClick={() => onOpen(list, title, part.count)}>
                    {formatCount(part.count)}
                  </button>
                  <Moved before={was?.count} after={part.count} format={showCount} />
                </td>
              );
            })}
          </tr>
          <tr>
            <th scope="row">Value</th>
            {parts.map(([list, part, was]) => (
              <td key={list} className={`num sourced-${list}`}>
                {money(part.value)}
                <Moved before={was?.value} after={part.value} format={money} />
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </section>
  );
}
