// The saved contract as one readable page: sources and their fields, identity, metrics with rules, period.
import type { Contract } from '../../shared/contractTypes';

export function ContractSummary({ contract }: { contract: Contract }) {
  return (
    <div className="contract-summary">
      <section>
        <h3>Agreement</h3>
        <dl className="pairs">
          <dt>Contract</dt>
          <dd>{contract.title}</dd>
          <dt>Version</dt>
          <dd>{contract.version}</dd>
          {contract.owner ? (
            <>
              <dt>Owner</dt>
              <dd>{contract.owner}</dd>
            </>
          ) : null}
          {contract.signedOffBy?.length ? (
            <>
              <dt>Signed off by</dt>
              <dd>{contract.signedOffBy.join(', ')}</dd>
            </>
          ) : null}
          <dt>Period</dt>
          <dd>
            {contract.reporting.from} to {contract.reporting.to}, calendar dates in {contract.reporting.timezone}
          </dd>
          {contract.identity ? (
            <>
              <dt>Same record when</dt>
              <dd>
                <code>{contract.identity.key}</code> is equal after {contract.identity.normalize.join(', ')}
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      <section>
        <h3>Sources</h3>
        {contract.sources.map((source) => (
          <div key={source.name} className="summary-block">
            <h4>
              {source.name} <span className="muted">({source.system})</span>
            </h4>
            <dl className="pairs">
              <dt>File</dt>
              <dd className="file">
                {source.file}
                {source.sheet !== undefined ? `, sheet ${source.sheet}` : ''}
              </dd>
              <dt>Time zone</dt>
              <dd>{source.timezone}</dd>
              <dt>Record id</dt>
              <dd>{source.id ?? 'row number'}</dd>
            </dl>
            <table className="field-list">
              <caption className="visually-hidden">Fields of {source.name}</caption>
              <tbody>
                {Object.entries(source.fields).map(([field, column]) => (
                  <tr key={field}>
                    <th scope="row">
                      <code>{field}</code>
                    </th>
                    <td>{column}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </section>
      <section>
        <h3>Metrics</h3>
        {contract.metrics.map((metric) => (
          <div key={metric.name} className="summary-block">
            <h4>
              {metric.name} <span className="muted">from {metric.source}</span>
            </h4>
            <p>
              Counted in the period of <code>{metric.date}</code>; of rows with the same key, the {metric.dedupe.replace('_', ' ')} one counts.
            </p>
            {metric.exclude.length > 0 ? (
              <ol className="rules">
                {metric.exclude.map((rule) => (
                  <li key={rule.name}>
                    <strong>{rule.name}</strong> <code>{rule.expression}</code>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="muted">No exclusion rules.</p>
            )}
          </div>
        ))}
      </section>
      <section>
        <h3>Bridges</h3>
        <ul className="plain-list">
          {contract.reconcile.map((r) => (
            <li key={r.name}>
              {r.name}: {r.left} (left) against {r.right} (right)
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
