// The Attribution screen: per attribution entry of the contract, the models compared per channel (chart and table), their exact weights, the sourced bridge and the self-reported agreement, every number opening its deals or touches.
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AgreementCell, AttributionList, AttributionReport } from '../../../shared/metricsReportTypes';
import type { AttributionModel, TouchModel } from '../../../shared/revenueContractTypes';
import { MODEL_LABELS } from '../../model/describeModelWeights';
import { formatAmount } from '../../model/formatAmount';
import { locateMetricList } from '../../model/locateMetricList';
import { readContractBlock } from '../../model/readContractBlock';
import { useContractStore } from '../../stores/useContractStore';
import { loadOnFirstUse } from '../loadOnFirstUse';
import { useMetricsStore } from '../../stores/useMetricsStore';
import { AgreementMatrix } from './AgreementMatrix';
import { AttributionTable, type CreditList } from './AttributionTable';
import { BasisMarker } from './BasisMarker';
import { ContractLines } from './ContractLines';
import { MetricListPanel } from './MetricListPanel';
import { ModelWeights } from './ModelWeights';
import { MovedNote } from './MovedNote';
import { SourcedBridge } from './SourcedBridge';

// The charting library is the largest code of the metrics screens: the credit table is drawn without waiting for it.
const chartPending = <div className="attribution-chart chart-pending muted">Drawing the chart…</div>;
const AttributionChart = loadOnFirstUse(async () => (await import('./AttributionChart')).AttributionChart, chartPending);

export function AttributionScreen() {
  // The counts alone: the screen draws no id list, and its drills page through the records.
  const { report, previous, loadSummary, openList } = useMetricsStore(
    useShallow((s) => ({ report: s.summary, previous: s.previous, loadSummary: s.loadSummary, openList: s.openList })),
  );
  const document = useContractStore((s) => s.document);
  const [chosen, setChosen] = useState<string | null>(null);
  // The chart costs more to draw than everything else on the screen (recharts measures, then draws), and the sourced
  // bridge and the agreement matrices (one per model) come next: the credit table is painted first and those a frame
  // later, so the screen's first paint stays cheap.
  const [restShown, setRestShown] = useState(false);
  useEffect(() => {
    if (!report) void loadSummary();
  }, [report, loadSummary]);
  const ready = report !== null && report.attribution.length > 0;
  useEffect(() => {
    if (!ready) return;
    let timer: number | undefined;
    const frame = requestAnimationFrame(() => (timer = window.setTimeout(() => setRestShown(true))));
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [ready]);
  if (!report) return <div className="placeholder">Computing the attribution…</div>;
  if (report.attribution.length === 0) return <div className="placeholder">This contract has no attribution: add an <code>attribution</code> entry to the contract to see one here.</div>;
  const entry = report.attribution.find((a) => a.name === chosen) ?? (report.attribution[0] as AttributionReport);
  const was = previous?.attribution.find((a) => a.name === entry.name);
  const contract = document?.contract ?? null;
  const spec = contract?.revenue?.attribution.find((a) => a.name === entry.name);
  const touchSource = contract?.revenue?.touches?.source ?? 'the touches';
  const currency = report.currency ?? undefined;
  const models = Object.keys(entry.models) as AttributionModel[];
  const deals = locateMetricList(contract, spec?.opportunities ?? '');

  const openCredit = (model: AttributionModel, channel: string, campaign: string | null, list: CreditList) => {
    const line = entry.models[model]?.find((l) => l.channel === channel && l.campaign === campaign);
    const name = `${MODEL_LABELS[model]} · ${campaign === null ? channel : `${channel} · ${campaign}`}`;
    const query = { attribution: entry.name, model, channel, campaign, list };
    if (list === 'opportunities') openList({ query, title: `${name}: the deals giving it credit`, count: line?.opportunities ?? 0, ...deals });
    // Touches are rows of the touch source, which no bridge compares: each opens as its export row.
    else openList({ query, title: `${name}: the touches giving it credit`, count: null, metric: touchSource, source: touchSource, reconciled: null });
  };
  const openSourced = (list: AttributionList, title: string, count: number) => openList({ query: { attribution: entry.name, list }, title, count, ...deals });
  const openAgreement = (model: TouchModel, cell: AgreementCell) =>
    openList({
      query: { attribution: entry.name, agreement: model, reported: cell.reported, touched: cell.touched },
      title: `Said ${cell.reported}, touched ${cell.touched} (${MODEL_LABELS[model]})`,
      count: cell.count,
      ...deals,
    });

  return (
    <div className="metrics-screen attribution-screen">
      <div className="screen-heading">
        <div>
          <h2>{entry.name}</h2>
          <BasisMarker basis={entry.basis} dependsOn={entry.depends_on} />
          <MovedNote shown={previous !== null} />
          <p className="definition">
            Each {spec?.opportunities ?? 'opportunity'} record of the period gives its value ({formatAmount(entry.total, currency)} in all) to the touches of its people before its date;
            each model splits it differently. Click a credit to list the deals giving it, <em>touches</em> to list the touches.
          </p>
        </div>
        {report.attribution.length > 1 ? (
          <label className="field">
            <span>Attribution</span>
            <select value={entry.name} onChange={(e) => {
                setChosen(e.target.value);
                // The list open below belonged to the entry shown before.
                openList(null);
              }}>
              {report.attribution.map((a) => (
                <option key={a.name}>{a.name}</option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <section className="panel attribution-panel" aria-label="Models compared">
        {restShown ? (
          <AttributionChart entry={entry} currency={currency} onOpen={(model, channel) => openCredit(model, channel, null, 'opportunities')} />
        ) : (
          chartPending
        )}
        <div className="attribution-aside">
          <ModelWeights models={models} spec={spec} />
          {spec && document ? <ContractLines lines={readContractBlock(document.text, spec.line)} label="The attribution as written in the contract" /> : null}
        </div>
      </section>
      <section className="panel attribution-numbers" aria-label="Credit by channel">
        <AttributionTable entry={entry} previous={was} currency={currency} onOpen={openCredit} />
      </section>
      {restShown ? (
        <div className="attribution-compare">
          <SourcedBridge entry={entry} previous={was} spec={spec} currency={currency} onOpen={openSourced} />
          <AgreementMatrix entry={entry} previous={was} currency={currency} field={spec?.selfReported?.field} onOpen={openAgreement} />
        </div>
      ) : (
        <div className="attribution-compare chart-pending muted">Drawing the sourced bridge and the agreement…</div>
      )}
      <MetricListPanel currency={currency} />
    </div>
  );
}
