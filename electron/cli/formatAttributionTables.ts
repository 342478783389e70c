// Renders one attribution entry for `recon metrics`: channels x models credits, No touch, the sourced bridge and influenced.
import type { AttributionReport, CreditLine, ValuedIdCount } from '../../shared/metricsReportTypes';
import { formatMoney, formatRow } from './formatTableCells';

/** Channel lines in the first model's order (then any others), each followed by its campaign lines. */
function listRows(entry: AttributionReport): { channel: string; campaign: string | null }[] {
  const rows: { channel: string; campaign: string | null }[] = [];
  const seen = new Set<string>();
  for (const lines of Object.values(entry.models)) {
    for (const line of lines ?? []) {
      const key = JSON.stringify([line.channel, line.campaign]);
      if (seen.has(key)) continue;
      seen.add(key);
      if (line.campaign === null) rows.push({ channel: line.channel, campaign: null });
    }
  }
  return rows.flatMap((row) => [row, ...[...seen].map((k) => JSON.parse(k) as [string, string | null]).filter(([c, campaign]) => c === row.channel && campaign !== null).map(([channel, campaign]) => ({ channel, campaign }))]);
}

function formatLine(line: ValuedIdCount, currency: string | null): string {
  return `${line.count} (${formatMoney(line.value, currency)})`;
}

export function formatAttribution(entry: AttributionReport, currency: string | null): string[] {
  const models = Object.keys(entry.models);
  const widths = [34, ...models.map(() => 16)];
  const lines = [`Attribution: ${entry.name}  [INTERPRETATION; depends on ${entry.depends_on}]`, formatRow(['channel / campaign', ...models], widths)];
  const find = (model: string, channel: string, campaign: string | null): CreditLine | undefined =>
    (entry.models as Record<string, CreditLine[] | undefined>)[model]?.find((l) => l.channel === channel && l.campaign === campaign);
  for (const row of listRows(entry)) {
    const label = row.campaign === null ? row.channel : `  ${row.campaign}`;
    const credits = models.map((m) => find(m, row.channel, row.campaign)).map((l) => (l ? formatMoney(l.credit, currency) : '-'));
    lines.push(formatRow([label.slice(0, 34), ...credits], widths));
  }
  lines.push(formatRow(['total (every model)', ...models.map(() => formatMoney(entry.total, currency))], widths));
  const s = entry.sourced;
  lines.push(`  sourced (CRM rule x touches): both ${formatLine(s.both, currency)}; CRM only ${formatLine(s.crm_only, currency)}; touches only ${formatLine(s.touches_only, currency)}; neither ${formatLine(s.neither, currency)}`);
  lines.push(`  influenced ${formatLine(entry.influenced, currency)}; no touch ${formatLine(entry.no_touch, currency)}`);
  return lines;
}
