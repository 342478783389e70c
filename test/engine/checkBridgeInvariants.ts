// Test support: checks the invariants of spec/report.md on an open investigation, drill-downs included.
import { expect } from 'vitest';
import type { ReconReport, Side } from '../../shared/reportTypes';
import type { Investigation } from '../../electron/engine/openInvestigation';

const STEP_KINDS = ['excluded', 'duplicate', 'out_of_period'];
const NET_KINDS = ['matched', 'timing', 'excluded_on_other_side', 'unmatched'];

export async function checkBridgeInvariants(inv: Investigation, options: { drillAll?: boolean } = {}): Promise<ReconReport> {
  const report = await inv.getReport();
  for (const r of report.reconciliations) {
    for (const side of ['left', 'right'] as Side[]) {
      const summary = r[side];
      const buckets = r.buckets.filter((b) => b.side === side);
      const sum = (kinds: string[]) => buckets.filter((b) => kinds.includes(b.kind)).reduce((n, b) => n + b.count, 0);
      expect(summary.gross, `${r.name} ${side}: gross = net + excluded + duplicate + out_of_period`).toBe(summary.net + sum(STEP_KINDS));
      expect(summary.net, `${r.name} ${side}: net = matched + timing + excluded_on_other_side + unmatched`).toBe(sum(NET_KINDS));
      const source = report.sources.find((s) => s.name === summary.source);
      expect(summary.gross, `${r.name} ${side}: gross is every loaded row of ${summary.source}`).toBe(source?.rows);
      const ids = buckets.flatMap((b) => b.ids);
      expect(new Set(ids).size, `${r.name} ${side}: every row in exactly one bucket`).toBe(summary.gross);
      for (const b of buckets) {
        expect(b.ids.length, `${side} ${b.kind}/${b.reason}: ids complete`).toBe(b.count);
        const query = { reconciliation: r.name, side, kind: b.kind, reason: b.reason };
        expect(await inv.countRows(query), `${side} ${b.kind}/${b.reason}: count of the drill-down`).toBe(b.count);
        if (options.drillAll !== false) {
          const listed: (string | null)[] = [];
          for (let offset = 0; offset < b.count + 1; offset += 10_000) {
            const page = await inv.fetchRows(query, { offset, limit: 10_000 });
            listed.push(...page.rows.map((row) => row[page.columns.indexOf('record_id')] ?? null));
          }
          expect([...listed].sort(), `${side} ${b.kind}/${b.reason}: drill-down lists exactly the bucket's ids`).toEqual([...b.ids].sort());
        }
      }
    }
    const matched = (side: Side) => r.buckets.filter((b) => b.side === side && b.kind === 'matched').reduce((n, b) => n + b.count, 0);
    expect(matched('left'), `${r.name}: matched is the same on both sides`).toBe(matched('right'));
  }
  return report;
}
