// Test support: checks the invariants of spec/report.md on an open investigation, drill-downs included.
import { expect } from 'vitest';
import type { BucketQuery } from '../../shared/api';
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
          // A plain bucket is paged by rowid range (findBucketRun); a filter keeping every row goes by query: same rows, same order.
          const middle = Math.floor(b.count / 2);
          const everyRow = { ...query, filter: [{ column: 'record_id', op: 'notBlank' as const }] };
          for (const at of [0, middle, Math.max(0, b.count - 3)]) {
            const ranged = await inv.fetchRows(query, { offset: at, limit: 7 });
            const queried = await inv.fetchRows(everyRow, { offset: at, limit: 7 });
            expect(ranged.rows, `${side} ${b.kind}/${b.reason}: the page at ${at} by range equals the page by query`).toEqual(queried.rows);
          }
          await checkOwnColumnSort(inv, query, b.count);
        }
      }
    }
    const matched = (side: Side) => r.buckets.filter((b) => b.side === side && b.kind === 'matched').reduce((n, b) => n + b.count, 0);
    expect(matched('left'), `${r.name}: matched is the same on both sides`).toBe(matched('right'));
  }
  return report;
}

/**
 * A sort on a column of the record itself reads the side's own-record view, without the joins to the other
 * record: its order must be the whole listing's (row order) sorted by that column, empty values last.
 */
async function checkOwnColumnSort(inv: Investigation, query: BucketQuery, count: number): Promise<void> {
  if (count < 2 || count > 10_000) return;
  const all = await inv.fetchRows(query, { offset: 0, limit: count });
  const fileColumn = all.columns.find((c) => !LISTING_COLUMN_NAMES.includes(c));
  // The anchor in the reporting zone is sorted on its typed reading: it must still sort as the text shown.
  for (const column of [fileColumn, 'anchor_reporting']) {
    if (!column) continue;
    const at = all.columns.indexOf(column);
    const id = all.columns.indexOf('record_id');
    for (const direction of ['asc', 'desc'] as const) {
      const sign = direction === 'asc' ? 1 : -1;
      const expected = [...all.rows].sort((x, y) => compareCells(x[at] ?? null, y[at] ?? null, sign)).map((row) => row[id]);
      const sorted = await inv.fetchRows({ ...query, sort: [{ column, direction }] }, { offset: 0, limit: count });
      expect(sorted.rows.map((row) => row[id]), `${query.side} ${query.kind}/${query.reason}: sorted by ${column} ${direction}`).toEqual(expected);
    }
  }
}

const LISTING_COLUMN_NAMES = ['record_id', 'identity_key', 'kind', 'reason', 'value', 'anchor_exported', 'anchor_reporting', 'other_record_id', 'other_anchor_exported', 'other_anchor_reporting'];

/** DuckDB's order of text (bytes, which is code points) with NULL last either way; Array.sort is stable, so ties keep row order. */
function compareCells(x: string | null, y: string | null, sign: number): number {
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  const a = [...x].map((c) => c.codePointAt(0) ?? 0);
  const b = [...y].map((c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return sign * ((a[i] ?? 0) - (b[i] ?? 0));
  return sign * (a.length - b.length);
}
