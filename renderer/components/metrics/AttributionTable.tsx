// The channels x models table of one attribution entry: per cell the credit (opening its deals), the deals and share of the total, and its touches; campaign lines open under their channel.
import { Fragment, useState } from 'react';
import type { AttributionReport } from '../../../shared/metricsReportTypes';
import type { AttributionModel } from '../../../shared/revenueContractTypes';
import { buildCreditRows, NO_TOUCH, type CreditCell, type CreditRow } from '../../model/buildCreditRows';
import { MODEL_LABELS } from '../../model/describeModelWeights';
import { formatAmount } from '../../model/formatAmount';
import { formatCount } from '../../model/formatCount';
import { formatShare } from '../../model/formatShare';
import { Moved } from './Moved';

export type CreditList = 'opportunities' | 'touches';

interface Props {
  entry: AttributionReport;
  /** The same entry before the last applied contract edit, when there was one. */
  previous: AttributionReport | undefined;
  currency: string | undefined;
  onOpen(model: AttributionModel, channel: string, campaign: string | null, list: CreditList): void;
}

/** What a model's channel lines add up to, in cents: every model gives out the entry's whole total, give or take each line's rounding. */
function sumChannelLines(entry: AttributionReport, model: AttributionModel): number {
  const cents = (entry.models[model] ?? []).filter((l) => l.campaign === null).reduce((sum, l) => sum + Math.round(l.credit * 100), 0);
  return cents / 100;
}

const deals = (n: number) => `${formatCount(n)} deal${n === 1 ? '' : 's'}`;

/** How a row is named in a control's accessible name: `Webinar` or `Webinar · Q3 launch`. */
const nameOf = (row: CreditRow) => (row.campaign === null ? row.channel : `${row.channel} · ${row.campaign}`);

function CreditCellView({ row, cell, total, money, onOpen }: { row: CreditRow; cell: CreditCell; total: number; money(v: number | null): string; onOpen: Props['onOpen'] }) {
  const { line, model } = cell;
  const label = `${MODEL_LABELS[model]} · ${nameOf(row)}`;
  // Touches give a line its share under the touch models; self-reported answers and `No touch` have none to list.
  const hasTouches = model !== 'self_reported' && row.channel !== NO_TOUCH;
  return (
    <td className="num credit-cell">
      {line ? (
        <button
          type="button"
          className="count-button credit-amount"
          title={`${formatShare(total === 0 ? null : line.credit / total)} of the total`}
          aria-label={`${label}: ${line.opportunities} deal${line.opportunities === 1 ? '' : 's'}`}
          onClick={() => onOpen(model, row.channel, row.campaign, 'opportunities')}
        >
          {money(line.credit)}
        </button>
      ) : (
        <span className="muted">—</span>
      )}
      <Moved before={cell.before} after={line?.credit ?? 0} format={money} />
      {line ? (
        <span className="credit-sub">
          {deals(line.opportunities)}
          {hasTouches ? (
            <>
              {' · '}
              <button type="button" className="link-button credit-touches" aria-label={`${label}: its touches`} onClick={() => onOpen(model, row.channel, row.campaign, 'touches')}>
                touches
              </button>
            </>
          ) : null}
        </span>
      ) : null}
    </td>
  );
}

export function AttributionTable({ entry, previous, currency, onOpen }: Props) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const rows = buildCreditRows(entry, previous);
  const models = Object.keys(entry.models) as AttributionModel[];
  const money = (v: number | null) => (v === null ? '' : formatAmount(v, currency));
  const toggle = (channel: string) =>
    setOpen((shown) => {
      const next = new Set(shown);
      if (!next.delete(channel)) next.add(channel);
      return next;
    });
  const rowOf = (row: CreditRow) => (
    <tr key={`${row.channel}\u0000${row.campaign ?? ''}`} className={row.campaign === null ? (row.channel === NO_TOUCH ? 'no-touch-row' : undefined) : 'campaign-row'}>
      <th scope="row">
        {row.campaigns.length > 0 ? (
          <button type="button" className="campaign-toggle" aria-expanded={open.has(row.channel)} aria-label={`Campaigns of ${row.channel} (${row.campaigns.length})`} onClick={() => toggle(row.channel)}>
            {open.has(row.channel) ? '▾' : '▸'}
          </button>
        ) : (
          <span className="campaign-toggle-space" aria-hidden="true" />
        )}
        {row.campaign ?? row.channel}
      </th>
      {row.cells.map((cell) => (
        <CreditCellView key={cell.model} row={row} cell={cell} total={entry.total} money={money} onOpen={onOpen} />
      ))}
    </tr>
  );
  const rounded = models.filter((m) => sumChannelLines(entry, m) !== entry.total);
  return (
    <>
      <table className="attribution-table" aria-label={`Credit by channel and model: ${entry.name}`}>
        <thead>
          <tr>
            <th scope="col">Channel</th>
            {models.map((m) => (
              <th key={m} scope="col" className="num">
                {MODEL_LABELS[m]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <Fragment key={`${row.channel}\u0000channel`}>
              {rowOf(row)}
              {open.has(row.channel) ? row.campaigns.map(rowOf) : null}
            </Fragment>
          ))}
        </tbody>
        <tfoot>
          <tr className="total-row">
            <th scope="row">Total</th>
            {models.map((m) => {
              const sum = sumChannelLines(entry, m);
              return (
                <td key={m} className="num">
                  {money(sum)}
                  {sum === entry.total ? null : <span aria-hidden="true">*</span>}
                  <Moved before={previous?.models[m] ? sumChannelLines(previous, m) : undefined} after={sum} format={money} />
                </td>
              );
            })}
          </tr>
        </tfoot>
      </table>
      {rounded.length > 0 ? (
        <p className="muted rounding-note">
          * Each line is rounded to cents once: the lines of {rounded.map((m) => MODEL_LABELS[m]).join(', ')} add up to within cents of the exact total, {money(entry.total)}.
        </p>
      ) : null}
    </>
  );
}
