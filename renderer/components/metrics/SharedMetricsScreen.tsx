// The Shared metrics screen: one card per shared metric and per SLA, each with its value, fact or interpretation, the contract lines it comes from, and a drill to its records.
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Contract } from '../../../shared/contractTypes';
import type { MetricListQuery, MetricsReport, SharedMetricReport, SlaList, SlaReport } from '../../../shared/metricsReportTypes';
import { formatAmount } from '../../model/formatAmount';
import { formatCount } from '../../model/formatCount';
import { formatDays } from '../../model/formatDays';
import { formatMinutes } from '../../model/formatMinutes';
import { formatShare } from '../../model/formatShare';
import { locateMetricList } from '../../model/locateMetricList';
import { readContractBlock, type ContractLine } from '../../model/readContractBlock';
import { useContractStore } from '../../stores/useContractStore';
import { loadOnFirstUse } from '../loadOnFirstUse';
import { useMetricsStore } from '../../stores/useMetricsStore';
import { DrillButton } from './DrillButton';
import { MetricCard } from './MetricCard';
import { MetricListPanel } from './MetricListPanel';
import { Moved } from './Moved';
import { MovedNote } from './MovedNote';

/** Where each entry's definition is written: the lines of `shared_metrics` keys it reads, or a whole block (a funnel, an SLA). */
function findDefinition(entry: SharedMetricReport, contract: Contract | null, text: string): ContractLine[] {
  const lines = listDefinitionLines(entry, contract, text);
  // In the contract's order, each line once: a rule written above shared_metrics comes first.
  return lines.filter((l, i) => lines.findIndex((o) => o.line === l.line) === i).sort((a, b) => a.line - b.line);
}

function listDefinitionLines(entry: SharedMetricReport, contract: Contract | null, text: string): ContractLine[] {
  const revenue = contract?.revenue;
  const shared = revenue?.sharedMetrics;
  if (!revenue || !shared) return [];
  const keysOf = (keys: string[]) => readContractBlock(text, shared.line).filter((l, i) => i === 0 || keys.some((k) => l.text.trimStart().startsWith(`${k}:`)));
  switch (entry.name) {
    case 'lead_to_revenue': {
      const funnel = revenue.funnels.find((f) => f.name === entry.by);
      return funnel ? readContractBlock(text, funnel.line) : [];
    }
    case 'marketing_sourced_revenue': {
      const by = revenue.attribution.find((a) => a.name === shared.sourcedBy) ?? revenue.attribution[0];
      const rule = entry.by === 'crm' ? by?.sourced?.crmLine : undefined;
      const entryLines = by ? readContractBlock(text, by.line) : [];
      // The attribution entry's name line and its CRM rule; the whole entry when the number is by touches.
      const ruleLines = rule ? [...entryLines.slice(0, 1), ...readContractBlock(text, rule)] : entryLines;
      return [...keysOf(['period_metric', 'sourced_by']), ...ruleLines];
    }
    case 'win_rate':
      return keysOf(['period_metric', 'lost', 'win_rate_by']);
    case 'pipeline_velocity':
      return keysOf(['period_metric', 'lost', 'opportunities']);
    case 'cac':
      return keysOf(['period_metric', 'spend']);
  }
}

/** Whose records a shared metric's drill lists (the engine's choice: revenue.md's ids of each entry). */
function metricOfEntry(entry: SharedMetricReport, report: MetricsReport, contract: Contract | null): string {
  const shared = contract?.revenue?.sharedMetrics;
  if (entry.name === 'lead_to_revenue') return report.funnels.find((f) => f.name === entry.by)?.cohort.metric ?? '';
  if (entry.name === 'pipeline_velocity') return shared?.opportunities ?? '';
  return shared?.periodMetric ?? '';
}

const TITLES: Record<SharedMetricReport['name'], string> = {
  marketing_sourced_revenue: 'Marketing-sourced revenue',
  lead_to_revenue: 'Lead-to-revenue conversion',
  win_rate: 'Win rate',
  pipeline_velocity: 'Pipeline velocity',
  cac: 'Customer acquisition cost',
};

/** How many records the entry's drill lists: its ids are left out of the report the screens draw from, their number kept in `count`. */
function countIds(entry: SharedMetricReport): number {
  if (entry.count === undefined) throw new Error(`the shared metric ${entry.name} has no count: the metrics screens draw from getMetricsReport({ ids: false })`);
  return entry.count;
}

function titleOf(entry: SharedMetricReport): string {
  if (entry.name === 'marketing_sourced_revenue') return `${TITLES[entry.name]} (${entry.by === 'crm' ? 'CRM rule' : 'touches'})`;
  if (entry.name === 'lead_to_revenue') return `${TITLES[entry.name]} · ${entry.by ?? ''}`;
  if (entry.name === 'cac' && entry.by !== null) return `${TITLES[entry.name]} · ${entry.by}`;
  return TITLES[entry.name];
}

// The charting library loads apart from the screen: its numbers are drawn without waiting for it.
const chartPending = <div className="chart-pending muted">Drawing the chart…</div>;
const SlaBar = loadOnFirstUse(async () => (await import('./SlaBar')).SlaBar, chartPending);
const WinRateChart = loadOnFirstUse(async () => (await import('./WinRateChart')).WinRateChart, chartPending);

export function SharedMetricsScreen() {
  // The counts alone (the report without its id lists): every drill pages through fetchMetricRecords.
  const { report, previous, loadSummary, openList } = useMetricsStore(
    useShallow((s) => ({ report: s.summary, previous: s.previous, loadSummary: s.loadSummary, openList: s.openList })),
  );
  const document = useContractStore((s) => s.document);
  useEffect(() => {
    if (!report) void loadSummary();
  }, [report, loadSummary]);
  if (!report) return <div className="placeholder">Computing the shared metrics…</div>;
  const contract = document?.contract ?? null;
  const text = document?.text ?? '';
  const currency = report.currency ?? undefined;
  const money = (v: number | null) => (v === null ? 'none (nothing won)' : formatAmount(v, currency));
  const before = (entry: SharedMetricReport) => previous?.shared_metrics.find((p) => p.name === entry.name && p.by === entry.by);
  const drill = (entry: SharedMetricReport, title: string) =>
    openList({ query: { shared: entry.name, by: entry.by }, title, count: countIds(entry), ...locateMetricList(contract, metricOfEntry(entry, report, contract)) });
  const openSla = (sla: SlaReport, list: SlaList) => {
    const from = contract?.revenue?.sharedMetrics?.sla.find((s) => s.name === sla.name)?.from ?? '';
    const words = { met: 'touched within the SLA', breached: 'touched later than the SLA', never: 'never touched' }[list];
    const query: MetricListQuery = { sla: sla.name, list };
    openList({ query, title: `${sla.name}: ${from} records ${words}`, count: sla[list].count, ...locateMetricList(contract, from) });
  };

  const entries = report.shared_metrics;
  const winRates = entries.filter((e) => e.name === 'win_rate');
  const overallWin = winRates.find((e) => e.by === null);
  const groups = winRates.filter((e) => e.by !== null);
  const cards = entries.filter((e) => e.name !== 'win_rate');

  return (
    <div className="metrics-screen shared-screen">
      <div className="screen-heading">
        <div>
          <h2>Shared metrics</h2>
          <p className="definition">
            The numbers both teams own, each computed from the contract as written below it. <strong>Fact</strong>: records the contract's rules select.{' '}
            <strong>Interpretation</strong>: an estimate or a model. Every count lists its records.
          </p>
          <MovedNote shown={previous !== null} />
        </div>
      </div>
      <div className="metric-cards">
        {cards.map((entry) => {
          const title = titleOf(entry);
          const rate = entry.name === 'lead_to_revenue';
          const unit = entry.name === 'pipeline_velocity' ? ' per day' : entry.name === 'cac' ? ' per won deal' : '';
          const show = (v: number | null) => (rate ? formatShare(v) : `${money(v)}${v === null ? '' : unit}`);
          return (
            <MetricCard
              key={`${entry.name}|${entry.by ?? ''}`}
              title={title}
              value={show(entry.value)}
              moved={<Moved before={before(entry)?.value} after={entry.value} format={show} />}
              basis={entry.basis}
              dependsOn={entry.depends_on}
              definition={findDefinition(entry, contract, text)}
            >
              {entry.inputs ? (
                <dl className="velocity-inputs" aria-label="The four inputs of pipeline velocity">
                  <dt>Opportunities</dt>
                  <dd>{formatCount(entry.inputs.opportunities)}</dd>
                  <dt>× Win rate</dt>
                  <dd>{formatShare(entry.inputs.win_rate)}</dd>
                  <dt>× Average won value</dt>
                  <dd>{money(entry.inputs.average_won_value)}</dd>
                  <dt>÷ Average days to win</dt>
                  <dd>{formatDays(entry.inputs.average_days)}</dd>
                </dl>
              ) : null}
              <DrillButton label={entry.name === 'pipeline_velocity' ? 'The opportunities' : entry.name === 'lead_to_revenue' ? 'The cohort records that won' : 'The won deals'} count={countIds(entry)} onClick={() => drill(entry, title)} />
            </MetricCard>
          );
        })}
        {overallWin ? (
          <MetricCard
            title="Win rate"
            value={`${formatShare(overallWin.value)} of deals · ${formatShare(overallWin.value_rate ?? null)} of value`}
            moved={<Moved before={before(overallWin)?.value} after={overallWin.value} format={formatShare} />}
            basis={overallWin.basis}
            dependsOn={overallWin.depends_on}
            definition={findDefinition(overallWin, contract, text)}
          >
            <DrillButton label="Won and lost deals" count={countIds(overallWin)} onClick={() => drill(overallWin, 'Win rate: the won and lost deals of the period')} />
            {groups.length > 0 ? (
              <>
                <WinRateChart groups={groups} onOpen={(g) => drill(g, `Win rate · ${g.by ?? ''}: won and lost deals`)} />
                <table className="win-rate-table" aria-label="Win rate by group">
                  <thead>
                    <tr>
                      <th scope="col">Group</th>
                      <th scope="col" className="num">Deals</th>
                      <th scope="col" className="num">Value</th>
                      <th scope="col" className="num">Won and lost</th>
                    </tr>
                  </thead>
                  <tbody>
                    {groups.map((g) => (
                      <tr key={g.by}>
                        <th scope="row">{g.by}</th>
                        <td className="num">
                          {formatShare(g.value)}
                          <Moved before={before(g)?.value} after={g.value} format={formatShare} />
                        </td>
                        <td className="num">{formatShare(g.value_rate ?? null)}</td>
                        <td className="num">
                          <button type="button" className="count-button" aria-label={`Win rate ${g.by ?? ''}: ${countIds(g)} records`} onClick={() => drill(g, `Win rate · ${g.by ?? ''}: won and lost deals`)}>
                            {formatCount(countIds(g))}
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            ) : null}
          </MetricCard>
        ) : null}
        {report.sla.map((sla) => {
          const was = previous?.sla.find((p) => p.name === sla.name);
          const spec = contract?.revenue?.sharedMetrics?.sla.find((s) => s.name === sla.name);
          return (
            <MetricCard
              key={sla.name}
              title={`SLA · ${sla.name}`}
              value={`${formatShare(sla.met_share)} met`}
              moved={<Moved before={was?.met_share} after={sla.met_share} format={formatShare} />}
              basis={sla.basis}
              dependsOn={sla.depends_on}
              definition={spec ? readContractBlock(text, spec.line) : []}
            >
              <p className="sla-times">
                Median <strong>{formatMinutes(sla.median_minutes)}</strong>
                <Moved before={was?.median_minutes} after={sla.median_minutes} format={formatMinutes} />, p90 <strong>{formatMinutes(sla.p90_minutes)}</strong>
                <Moved before={was?.p90_minutes} after={sla.p90_minutes} format={formatMinutes} /> (over the touched)
              </p>
              <SlaBar sla={sla} onOpen={(list) => openSla(sla, list)} />
              <div className="drills">
                {(['met', 'breached', 'never'] as const).map((list) => (
                  <span key={list}>
                    <DrillButton label={{ met: 'Met', breached: 'Breached', never: 'Never touched' }[list]} count={sla[list].count} onClick={() => openSla(sla, list)} />
                    <Moved before={was?.[list].count} after={sla[list].count} format={(n) => (n === null ? '' : formatCount(n))} />
                  </span>
                ))}
              </div>
            </MetricCard>
          );
        })}
      </div>
      <MetricListPanel currency={currency} />
    </div>
  );
}
