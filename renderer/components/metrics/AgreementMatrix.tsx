// What deals said against what their touches say: self-reported channel x the largest-share touch's channel under a chosen model, each cell opening its deals.
import { useState } from 'react';
import type { AgreementCell, AttributionReport } from '../../../shared/metricsReportTypes';
import type { TouchModel } from '../../../shared/revenueContractTypes';
import { MODEL_LABELS } from '../../model/describeModelWeights';
import { formatAmount } from '../../model/formatAmount';
import { formatCount } from '../../model/formatCount';
import { formatShare } from '../../model/formatShare';
import { Moved } from './Moved';

interface Props {
  entry: AttributionReport;
  previous: AttributionReport | undefined;
  currency: string | undefined;
  /** The field the deals' answers are read from, for the words above the matrix. */
  field: string | undefined;
  onOpen(model: TouchModel, cell: AgreementCell): void;
}

/** Names by the count of deals they hold, most first; `last` (No touch, Not reported) stays at the end. */
function orderNames(cells: AgreementCell[], nameOf: (c: AgreementCell) => string, last: string): string[] {
  const totals = new Map<string, number>();
  for (const c of cells) totals.set(nameOf(c), (totals.get(nameOf(c)) ?? 0) + c.count);
  return [...totals.entries()]
    .sort(([an, a], [bn, b]) => Number(an === last) - Number(bn === last) || b - a || (an < bn ? -1 : an > bn ? 1 : 0))
    .map(([name]) => name);
}

const showCount = (n: number | null) => (n === null ? '' : formatCount(n));

export function AgreementMatrix({ entry, previous, currency, field, onOpen }: Props) {
  const models = Object.keys(entry.agreement ?? {}) as TouchModel[];
  const [chosen, setChosen] = useState<TouchModel | null>(null);
  const model = chosen && models.includes(chosen) ? chosen : models[0];
  if (!entry.agreement || !model) {
    return (
      <section className="panel agreement" aria-label="Self-reported against touches">
        <h3>Said against touched</h3>
        <p className="definition muted">
          Add <code>self_reported</code> to the entry's models (with <code>self_reported: {'{'} field: how_heard {'}'}</code>) to compare what each deal said brought it with what its touches say.
        </p>
      </section>
    );
  }
  const cells = entry.agreement[model] ?? [];
  const was = previous?.agreement?.[model];
  const reported = orderNames(cells, (c) => c.reported, 'Not reported');
  const touched = orderNames(cells, (c) => c.touched, 'No touch');
  const find = (r: string, t: string) => cells.find((c) => c.reported === r && c.touched === t);
  const all = cells.reduce((n, c) => n + c.count, 0);
  const agree = cells.reduce((n, c) => n + (c.reported === c.touched ? c.count : 0), 0);
  return (
    <section className="panel agreement" aria-label="Self-reported against touches">
      <div className="agreement-head">
        <h3>Said against touched</h3>
        {models.length > 1 ? (
          <label className="field">
            <span>Touch model</span>
            <select value={model} onChange={(e) => setChosen(e.target.value as TouchModel)}>
              {models.map((m) => (
                <option key={m} value={m}>
                  {MODEL_LABELS[m]}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <p className="definition muted">
        Rows: the channel each deal's {field ?? 'self-reported'} answer names. Columns: the channel of its touch with the largest share under {MODEL_LABELS[model]}. They agree on{' '}
        <strong>
          {formatCount(agree)} of {formatCount(all)} deals ({formatShare(all === 0 ? null : agree / all)})
        </strong>
        .
      </p>
      <div className="agreement-scroll">
        <table className="agreement-table" aria-label={`Self-reported against ${MODEL_LABELS[model]}`}>
          <thead>
            <tr>
              <th scope="col">Said ↓ · Touched →</th>
              {touched.map((t) => (
                <th key={t} scope="col" className="num">
                  {t}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {reported.map((r) => (
              <tr key={r}>
                <th scope="row">{r}</th>
                {touched.map((t) => {
                  const cell = find(r, t);
                  const before = was ? (was.find((c) => c.reported === r && c.touched === t)?.count ?? 0) : undefined;
                  return (
                    <td key={t} className={`num${r === t ? ' agree-cell' : ''}`}>
                      {cell ? (
                        <button
                          type="button"
                          className="count-button"
                          title={formatAmount(cell.value, currency)}
                          aria-label={`Said ${r}, touched ${t}: ${cell.count} deal${cell.count === 1 ? '' : 's'}`}
                          onClick={() => onOpen(model, cell)}
                        >
                          {formatCount(cell.count)}
                        </button>
                      ) : (
                        <span className="muted">·</span>
                      )}
                      <Moved before={before} after={cell?.count ?? 0} format={showCount} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
