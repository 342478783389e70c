// Renders a metrics report as the readable tables `recon metrics` prints: funnel stages, attribution, SLAs, shared metrics with their basis.
import type { FunnelReport, MetricsReport, SharedMetricReport, SlaReport } from '../../shared/metricsReportTypes';
import { formatAttribution } from './formatAttributionTables';
import { formatMoney, formatNumber, formatRow, formatShare } from './formatTableCells';

function formatFunnel(funnel: FunnelReport, currency: string | null): string[] {
  const widths = [28, 8, 10, 10, 8, 8, 16, 8, 8, 8];
  const header = ['stage', 'reached', 'from prev', 'of cohort', 'median d', 'p90 d', 'value', 'dropped', 'skipped', 'outside'];
  const lines = [`Funnel: ${funnel.name}  [${funnel.basis}; depends on ${funnel.depends_on}]`, formatRow(header, widths)];
  lines.push(formatRow([`cohort: ${funnel.cohort.metric}`, funnel.cohort.count.toLocaleString('en-US')], widths));
  funnel.stages.forEach((stage, i) => {
    lines.push(
      formatRow(
        [
          `${i + 1}. ${stage.metric}`,
          stage.reached.toLocaleString('en-US'),
          formatShare(stage.conversion_from_previous),
          formatShare(stage.conversion_from_cohort),
          formatNumber(stage.median_days),
          formatNumber(stage.p90_days),
          stage.value === null ? '-' : formatMoney(stage.value, currency),
          String(stage.dropped.length),
          String(stage.skipped.length),
          String(stage.outside_cohort.length),
        ],
        widths,
      ),
    );
  });
  return lines;
}

function formatSla(sla: SlaReport): string[] {
  const minutes = (value: number | null) => (value === null ? '-' : `${formatNumber(value)} min`);
  return [
    `SLA: ${sla.name}  [${sla.basis}; depends on ${sla.depends_on}]`,
    `  met ${sla.met.count}, breached ${sla.breached.count}, never ${sla.never.count}; met share ${formatShare(sla.met_share)}; median ${minutes(sla.median_minutes)}, p90 ${minutes(sla.p90_minutes)}`,
  ];
}

/** Rates as percentages, money in the reporting currency; velocity is money per day. */
function formatSharedValue(metric: SharedMetricReport, currency: string | null): string {
  if (metric.value === null) return '-';
  if (metric.name === 'win_rate') return `${formatShare(metric.value)} (value ${formatShare(metric.value_rate ?? null)})`;
  if (metric.name === 'lead_to_revenue') return formatShare(metric.value);
  return `${formatMoney(metric.value, currency)}${metric.name === 'pipeline_velocity' ? '/day' : ''}`;
}

function formatShared(metrics: SharedMetricReport[], currency: string | null): string[] {
  const widths = [26, 22, 24, 14, 0];
  const row = (cells: string[]) => formatRow(cells, widths, 2, [3, 4]);
  const lines = ['Shared metrics  [fact: records counted under the contract; INTERPRETATION: depends on a model or an estimate]'];
  lines.push(row(['metric', 'by', 'value', 'basis', 'depends on']));
  for (const m of metrics) {
    const basis = m.basis === 'fact' ? 'fact' : 'INTERPRETATION';
    lines.push(row([m.name, m.by ?? '(all)', formatSharedValue(m, currency), basis, m.depends_on]));
    if (m.inputs) {
      const i = m.inputs;
      const average = i.average_won_value === null ? '-' : formatMoney(i.average_won_value, currency);
      lines.push(`      inputs: ${i.opportunities} opportunities x win rate ${formatShare(i.win_rate)} x average won ${average} / ${formatNumber(i.average_days)} days`);
    }
  }
  return lines;
}

export function formatMetricsTables(report: MetricsReport): string {
  const sections: string[][] = [[`${report.contract.title} (version ${report.contract.version})`]];
  for (const funnel of report.funnels) sections.push(formatFunnel(funnel, report.currency));
  for (const entry of report.attribution) sections.push(formatAttribution(entry, report.currency));
  for (const sla of report.sla) sections.push(formatSla(sla));
  if (report.shared_metrics.length) sections.push(formatShared(report.shared_metrics, report.currency));
  if (sections.length === 1) sections.push(['The contract has no funnels, attribution, shared metrics or SLAs (revenue.md).']);
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
