// The Funnel screen: per funnel of the contract, the funnel as a chart and a table, its definition as written, and the records of any bar or list.
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { FunnelList, FunnelReport } from '../../../shared/metricsReportTypes';
import { countStageList } from '../../model/countStageList';
import { locateMetricList } from '../../model/locateMetricList';
import { readContractBlock } from '../../model/readContractBlock';
import { useContractStore } from '../../stores/useContractStore';
import { loadOnFirstUse } from '../loadOnFirstUse';
import { useMetricsStore } from '../../stores/useMetricsStore';
import { BasisMarker } from './BasisMarker';
import { ContractLines } from './ContractLines';
import { FunnelTable } from './FunnelTable';
import { MetricListPanel } from './MetricListPanel';
import { MovedNote } from './MovedNote';

/** What a list of a funnel is, in a sentence, and its length. */
function describeList(funnel: FunnelReport, stage: number, list: FunnelList): { title: string; count: number; metric: string } {
  const cohort = funnel.cohort.metric;
  const s = funnel.stages[stage - 1];
  if (list === 'cohort' || !s) return { title: `The cohort: every net ${cohort} record of the period`, count: funnel.cohort.count, metric: cohort };
  const previous = stage === 1 ? `the cohort` : (funnel.stages[stage - 2]?.metric ?? '');
  const titles: Record<Exclude<FunnelList, 'cohort'>, [string, string]> = {
    reached: [`${cohort} records that reached ${s.metric}`, cohort],
    ids: [`${s.metric} records the counted ${cohort} records reach`, s.metric],
    dropped: [`Dropped: counted at ${previous}, never reached ${s.metric} within the window`, cohort],
    skipped: [`Skipped: reached ${s.metric} without being counted at ${previous}`, cohort],
    outside_cohort: [`Outside the cohort: ${s.metric} records no ${cohort} record of the cohort reaches`, s.metric],
  };
  const [title, metric] = titles[list];
  return { title, count: countStageList(s, list), metric };
}

// The charting library loads apart from the screen: its numbers are drawn without waiting for it.
const chartPending = <div className="chart-pending muted">Drawing the chart…</div>;
const FunnelChart = loadOnFirstUse(async () => (await import('./FunnelChart')).FunnelChart, chartPending);

export function FunnelScreen() {
  // The counts alone (the report without its id lists): every list is paged through fetchMetricRecords.
  const { report, previous, loadSummary, openList } = useMetricsStore(
    useShallow((s) => ({ report: s.summary, previous: s.previous, loadSummary: s.loadSummary, openList: s.openList })),
  );
  const document = useContractStore((s) => s.document);
  const [chosen, setChosen] = useState<string | null>(null);
  useEffect(() => {
    if (!report) void loadSummary();
  }, [report, loadSummary]);
  if (!report) return <div className="placeholder">Computing the funnels…</div>;
  if (report.funnels.length === 0) return <div className="placeholder">This contract has no funnels: add a <code>funnels</code> entry to the contract to see one here.</div>;
  const funnel = report.funnels.find((f) => f.name === chosen) ?? (report.funnels[0] as FunnelReport);
  const currency = report.currency ?? undefined;
  const spec = document?.contract?.revenue?.funnels.find((f) => f.name === funnel.name);
  const open = (stage: number, list: FunnelList) => {
    const { title, count, metric } = describeList(funnel, stage, list);
    const query = list === 'cohort' ? { funnel: funnel.name, list } : { funnel: funnel.name, stage, list };
    openList({ query, title, count, ...locateMetricList(document?.contract ?? null, metric) });
  };
  return (
    <div className="metrics-screen funnel-screen">
      <div className="screen-heading">
        <div>
          <h2>{funnel.name}</h2>
          <BasisMarker basis={funnel.basis} dependsOn={funnel.depends_on} />
          <MovedNote shown={previous !== null} />
          <p className="definition">
            Each {funnel.cohort.metric} record of the period reaches a stage when a record of that stage, linked to the same person, is dated on or after its own date and at
            most the window later; each stage counts only those counted at the stage before. Click a bar or a count to list its records.
          </p>
        </div>
        {report.funnels.length > 1 ? (
          <label className="field">
            <span>Funnel</span>
            <select value={funnel.name} onChange={(e) => {
                setChosen(e.target.value);
                // The list open below belonged to the funnel shown before.
                openList(null);
              }}>
              {report.funnels.map((f) => (
                <option key={f.name}>{f.name}</option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <div className="funnel-body">
        <section className="panel funnel-panel" aria-label="Funnel chart">
          <FunnelChart funnel={funnel} onOpenBar={(i) => open(i, i === 0 ? 'cohort' : 'reached')} />
          {spec && document ? <ContractLines lines={readContractBlock(document.text, spec.line)} label={`The funnel as written in the contract`} /> : null}
        </section>
        <section className="panel funnel-numbers" aria-label="Funnel numbers">
          <FunnelTable funnel={funnel} previous={previous?.funnels.find((f) => f.name === funnel.name)} currency={currency} onOpen={open} />
          <p className="muted funnel-lists-note">
            <strong>Dropped</strong>: counted at the stage before, not at this one. <strong>Skipped</strong>: reached this stage without being counted at the one before.{' '}
            <strong>Outside the cohort</strong>: this stage's dated records that no cohort record reaches (other quarters, sales-sourced, missing links).
          </p>
        </section>
      </div>
      <MetricListPanel currency={currency} />
    </div>
  );
}
