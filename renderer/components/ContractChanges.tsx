// What the last Apply changed: each bucket's count before and after, with the difference.
import type { BucketChange } from '../../shared/api';
import { formatCount } from '../model/formatCount';
import { labelBucket } from '../model/labelBucket';

export function ContractChanges({ changes }: { changes: BucketChange[] }) {
  const changed = changes.filter((c) => c.before !== c.after);
  const unchanged = changes.length - changed.length;
  return (
    <section className="changes" aria-label="Changes against the previous run">
      <h3>Changes against the previous run</h3>
      {changed.length === 0 ? (
        <p>Applied and saved. No count of the bridge changed.</p>
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
            </tr>
          </thead>
          <tbody>
            {changed.map((c) => {
              const delta = c.after - c.before;
              return (
                <tr key={`${c.reconciliation}-${c.side}-${c.kind}-${c.reason}`}>
                  <td>{c.side === 'left' ? 'Left' : 'Right'}</td>
                  <td>{labelBucket(c.kind, c.reason)}</td>
                  <td className="num">{formatCount(c.before)}</td>
                  <td className="num">{formatCount(c.after)}</td>
                  <td className={`num ${delta > 0 ? 'delta-up' : 'delta-down'}`}>
                    {delta > 0 ? '+' : '−'}
                    {formatCount(Math.abs(delta))}
                  </td>
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
