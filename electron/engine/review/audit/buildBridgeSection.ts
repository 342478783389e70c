// One reconciliation's page of the audit PDF: both sides' totals, its sign-off, the bridge chart and the bridge table with each line's decision.
import type { ReconciliationReport } from '../../../../shared/reportTypes';
import type { PdfLayout } from './createPdfLayout';
import { drawBridgeChart } from './drawBridgeChart';
import type { AuditFacts } from './gatherAuditFacts';
import { describeLineTarget } from './readDecisionTargets';

const NUMBER = new Intl.NumberFormat('en-US');
const MONEY = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function describeValue(value: number, currency: string | undefined): string {
  return `${MONEY.format(value)}${currency ? ` ${currency}` : ''}`;
}

export function buildBridgeSection(layout: PdfLayout, facts: AuditFacts, r: ReconciliationReport, signOff: string): void {
  const currency = facts.contract.reporting.currency;
  const valued = r.buckets.some((b) => b.value !== undefined);
  layout.doc.addPage();
  layout.heading(`Bridge: ${r.name}`, 2);
  for (const [word, side] of [['Left', r.left], ['Right', r.right]] as const) {
    const values = side.gross_value === undefined ? '' : `; value gross ${describeValue(side.gross_value, currency)}, net ${describeValue(side.net_value ?? 0, currency)}`;
    layout.paragraph(`${word}: ${side.metric} (source ${side.source}): gross ${NUMBER.format(side.gross)}, net ${NUMBER.format(side.net)}${values}`, { size: 9 });
  }
  layout.paragraph(`Sign-off: ${signOff}`, { size: 9 });
  layout.doc.moveDown(0.6);
  drawBridgeChart(layout, r);
  const lines = r.buckets.filter((b) => b.count > 0);
  let decided = 0;
  const rows = lines.map((b) => {
    const key = describeLineTarget(r.name, b.side, b.kind, b.reason);
    const d = facts.targets.current.get(key);
    const stale = facts.staleLines.get(key);
    if (d && !stale) decided += 1;
    const decision = d ? `${stale ? `STALE (${stale.join('; ')}), was ` : ''}${d.status}${d.note ? `: ${d.note}` : ''} (${d.by})` : '';
    return [b.side, b.kind, b.reason, NUMBER.format(b.count), ...(valued ? [describeValue(b.value ?? 0, currency)] : []), decision];
  });
  layout.table(
    [
      { header: 'side', share: 0.06 },
      { header: 'kind', share: 0.2 },
      { header: 'reason', share: valued ? 0.17 : 0.22 },
      { header: 'count', share: 0.09, align: 'right' },
      ...(valued ? [{ header: 'value', share: 0.15, align: 'right' as const }] : []),
      { header: 'decision', share: valued ? 0.33 : 0.43 },
    ],
    rows,
  );
  layout.paragraph(`${decided} of ${lines.length} non-empty bridge lines decided (a decision made on other counts, values or exports is marked STALE and not counted).`, { size: 8.5, color: '#333333' });
}
