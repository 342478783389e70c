// What the last Apply changed: each bucket's count before and after, with the difference, and its value when the metrics have one.
import type { BucketChange } from '../../shared/api';
import { formatAmount, formatChange } from '../model/formatAmount';
import { formatCount } from '../model/formatCount';
import { labelBucket } from '../model/labelBucket';

const cents = (value: number | undefined) => Math.round((value ?? 0) * 100);

export function ContractChanges({ changes, currency }: { changes: BucketChange[]; currency: string | undefined }) {
  const valued = changes.some((c) => c.valueBefore !== undefined || c.valueAfter !== undefined);
  // A bucket whose records stay but whose amounts moved (a rate, a dedupe.values) changed too.
  const changed = changes.filter((c) => c.before !== c.after || (valued && cents(c.valueBefore) !== cents(c.valueAfter)));
  const unchanged = changes.length - changed.length;
  return (
    <section className="changes" aria-label="Changes against the previous run">
      <h3>Changes against the previous run</h3>
      {changed.length === 0 ? (
        <p>Applied and saved. No {valued ? 'count or value' : 'count'} of the bridge changed.</p>
      ) : (
        <table className="changes-table">
          <thead>
            <tr>
              <th scope="col">Side</th>
              <th scope="col">Step</th>
              <th scope="col" className="num">
                Before
              </th>
              <th scope="col" className="num">
                After
              </th>
              <th scope="col" className="num">
                Change
              </th>
              {valued ? (
                <>
                  <th scope="col" className="num">
                    Value before
                  </th>
                  <th scope="col" className="num">
                    Value after
                  </th>
                  <th scope="col" className="num">
                    Value change
                  </th>
                </>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {changed.map((c) => {
              const delta = c.after - c.before;
              const valueDelta = (cents(c.valueAfter) - cents(c.valueBefore)) / 100;
              return (
                <tr key={`${c.reconciliation}-${c.side}-${c.kind}-${c.reason}`}>
                  <td>{c.side === 'left' ? 'Left' : 'Right'}</td>
                  <td>{labelBucket(c.kind, c.reason)}</td>
                  <td className="num">{formatCount(c.before)}</td>
                  <td className="num">{formatCount(c.after)}</td>
                  <td className={`num ${delta > 0 ? 'delta-up' : delta < 0 ? 'delta-down' : ''}`}>
                    {delta === 0 ? '0' : `${delta > 0 ? '+' : '−'}${formatCount(Math.abs(delta))}`}
                  </td>
                  {valued ? (
                    <>
                      <td className="num">{formatAmount(c.valueBefore ?? 0, currency)}</td>
                      <td className="num">{formatAmount(c.valueAfter ?? 0, currency)}</td>
                      <td className={`num ${valueDelta > 0 ? 'delta-up' : valueDelta < 0 ? 'delta-down' : ''}`}>
                        {valueDelta === 0 ? formatAmount(0, currency) : formatChange(valueDelta, currency)}
                      </td>
                    </>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {unchanged > 0 && changed.length > 0 ? <p className="muted">{unchanged} other buckets unchanged.</p> : null}
    </section>
  );
}
