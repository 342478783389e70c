// The two bridges the engine must produce on the pipeline sample, collected from what each story declared and planned.
import { BUCKET_KINDS, NET_KINDS } from '../../../shared/reportTypes';
import type { Bucket, Pair, ReconciliationReport, Side, UnreadableColumn } from '../../../shared/reportTypes';
import type { Expectation } from '../expectations';
import { comparePair } from './comparePair';
import type { PairSide, Tolerance } from './comparePair';
import { convertToCents, toReportNumber } from './convertToCents';
import type { PlacedPipeline } from './pipelineRecords';
import type { PipelineRule } from './pipelineExpectations';
import { toNewYorkDate } from './toNewYorkDate';

/** Where the records one story planted land in one bucket of one bridge (for the README). */
export interface StoryLanding {
  story: string;
  reconciliation: string;
  side: Side;
  kind: Bucket['kind'];
  reason: string;
  count: number;
  /** USD cents. */
  value: number;
}

export interface PipelineBridge {
  /** What expected-bridge.json holds. */
  report: PipelineExpectedReport;
  landings: StoryLanding[];
}

export interface PipelineExpectedReport {
  currency: 'USD';
  sources: { name: string; unreadable: UnreadableColumn[] }[];
  reconciliations: Required<Pick<ReconciliationReport, 'name' | 'left' | 'right' | 'buckets' | 'pairs' | 'value_differences'>>[];
}

/** One record of a bridge side as the plan knows it. */
interface SideRecord {
  id: string;
  story: string;
  expect: Expectation;
  /** Its own amount in USD cents; null when the cell holds none. */
  own: number | null;
  /** The 15-character id of the opportunity it is keyed to; null when its key matches no planned opportunity or is empty. */
  key: string | null;
  pair: Omit<PairSide, 'value'>;
  /** The metric's anchor (null: none) and the row in the file: dedupe keeps the earliest anchor, ties to the earlier row. */
  anchor: number | string | null;
  row: number;
}

interface BridgeSide {
  metric: string;
  source: string;
  rules: PipelineRule[];
  records: SideRecord[];
  /** dedupe.values of the metric. */
  values: 'survivor' | 'sum';
}

interface Valued extends SideRecord {
  /** What the record adds to its bucket, and whether it has no value to compare (money.md). */
  value: number;
  empty: boolean;
}

const FIXED_REASONS = ['outside_period', 'missing_date', 'unreadable_date', 'no_counterpart', 'missing_key', 'duplicate', 'combined', 'matched'];

/** report.md: numeric ids by value first, then the others as text. */
function compareIds(a: string, b: string): number {
  const numeric = (id: string) => /^\d+$/.test(id);
  if (numeric(a) && numeric(b)) return Number(a) - Number(b);
  if (numeric(a) !== numeric(b)) return numeric(a) ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Ascending, an empty anchor last (dedupe keep: earliest). */
function compareAnchors(a: number | string | null, b: number | string | null): number {
  if (a === b) return 0;
  if (a === null || b === null) return a === null ? 1 : -1;
  return a < b ? -1 : 1;
}

/** Gives each record its bridge value, checking that every group of one key has the one survivor its stories declared. */
function valueRecords(side: BridgeSide): Valued[] {
  const groups = new Map<string, SideRecord[]>();
  for (const r of side.records) if (r.key !== null && r.expect.kind !== 'excluded') groups.set(r.key, [...(groups.get(r.key) ?? []), r]);
  const valued = new Map<SideRecord, { value: number; empty: boolean }>();
  for (const [key, group] of groups) {
    const survivors = group.filter((r) => r.expect.kind !== 'duplicate');
    if (survivors.length !== 1) throw new Error(`${side.source}: key ${key} has ${survivors.length} records declared as its survivor`);
    const earliest = [...group].sort((a, b) => compareAnchors(a.anchor, b.anchor) || a.row - b.row)[0];
    if (earliest !== survivors[0]) throw new Error(`${side.source}: key ${key} declares ${survivors[0]?.id} its survivor, but ${earliest?.id} comes first`);
    const owns = group.map((r) => r.own).filter((own): own is number => own !== null);
    for (const r of group) {
      if (r.expect.kind === 'duplicate' && r.expect.reason !== (side.values === 'sum' ? 'combined' : 'duplicate')) throw new Error(`${side.source} ${r.id}: duplicate reason ${r.expect.reason}`);
      if (side.values === 'sum') valued.set(r, r === survivors[0] ? { value: owns.reduce((a, b) => a + b, 0), empty: owns.length === 0 } : { value: 0, empty: r.own === null });
    }
  }
  return side.records.map((r) => ({ ...r, ...(valued.get(r) ?? { value: r.own ?? 0, empty: r.own === null }) }));
}

function rankReason(kind: string, reason: string, own: BridgeSide, other: BridgeSide, compared: string[]): number {
  if (kind === 'excluded') return own.rules.indexOf(reason as PipelineRule);
  if (kind === 'excluded_on_other_side') return other.rules.indexOf(reason as PipelineRule);
  if (kind === 'matched' && reason !== 'matched') return FIXED_REASONS.length + compared.indexOf(reason.replace(/_differs$/, ''));
  return FIXED_REASONS.indexOf(reason);
}

function collectBuckets(sideName: Side, records: Valued[], own: BridgeSide, other: BridgeSide, compared: string[]): Bucket[] {
  const byBucket = new Map<string, Bucket>();
  for (const r of records) {
    const id = `${r.expect.kind}\u0000${r.expect.reason}`;
    const bucket = byBucket.get(id) ?? { side: sideName, kind: r.expect.kind, reason: r.expect.reason, count: 0, value: 0, missing_values: 0, ids: [] };
    bucket.count += 1;
    bucket.value = (bucket.value ?? 0) + r.value;
    bucket.missing_values = (bucket.missing_values ?? 0) + (r.own === null ? 1 : 0);
    bucket.ids.push(r.id);
    byBucket.set(id, bucket);
  }
  return [...byBucket.values()]
    .sort((a, b) => BUCKET_KINDS.indexOf(a.kind) - BUCKET_KINDS.indexOf(b.kind) || rankReason(a.kind, a.reason, own, other, compared) - rankReason(b.kind, b.reason, own, other, compared))
    .map((b) => ({ ...b, value: toReportNumber(b.value ?? 0), ids: [...b.ids].sort(compareIds) }));
}

function summarise(side: BridgeSide, records: Valued[]) {
  const net = records.filter((r) => NET_KINDS.includes(r.expect.kind));
  const sum = (rs: Valued[]) => toReportNumber(rs.reduce((total, r) => total + r.value, 0));
  return { metric: side.metric, source: side.source, gross: records.length, net: net.length, gross_value: sum(records), net_value: sum(net) };
}

function buildReconciliation(name: string, left: BridgeSide, right: BridgeSide, compared: string[], tolerance: Tolerance): { report: PipelineExpectedReport['reconciliations'][number]; landings: StoryLanding[] } {
  const l = valueRecords(left);
  const r = valueRecords(right);
  const pairs: Pair[] = [];
  const differences = { count: 0, increase: 0, decrease: 0 };
  const rightMatched = r.filter((x) => x.expect.kind === 'matched');
  for (const a of l.filter((x) => x.expect.kind === 'matched')) {
    const partners = rightMatched.filter((b) => b.key !== null && b.key === a.key);
    const b = partners[0];
    if (partners.length !== 1 || !b) throw new Error(`${name}: left ${a.id} is declared matched but has ${partners.length} matched partners`);
    const comparison = comparePair({ value: a.empty ? null : a.value, ...a.pair }, { value: b.empty ? null : b.value, ...b.pair }, tolerance);
    if (comparison.reason !== a.expect.reason || comparison.reason !== b.expect.reason) {
      throw new Error(`${name}: pair ${a.id} / ${b.id} is declared ${a.expect.reason} / ${b.expect.reason} but its plan gives ${comparison.reason}`);
    }
    if (comparison.reason !== 'matched') pairs.push({ left_id: a.id, right_id: b.id, reason: comparison.reason, differs: comparison.differs });
    const delta = b.value - a.value;
    if (delta !== 0) differences.count += 1;
    if (delta > 0) differences.increase += delta;
    if (delta < 0) differences.decrease -= delta;
  }
  if (rightMatched.length !== l.filter((x) => x.expect.kind === 'matched').length) throw new Error(`${name}: matched counts differ between the sides`);
  pairs.sort((x, y) => compareIds(x.left_id, y.left_id) || compareIds(x.right_id, y.right_id));
  return {
    report: {
      name,
      left: summarise(left, l),
      right: summarise(right, r),
      buckets: [...collectBuckets('left', l, left, right, compared), ...collectBuckets('right', r, right, left, compared)],
      pairs,
      value_differences: { count: differences.count, increase: toReportNumber(differences.increase), decrease: toReportNumber(differences.decrease) },
    },
    landings: [...collectLandings(name, 'left', l), ...collectLandings(name, 'right', r)],
  };
}

function collectLandings(reconciliation: string, side: Side, records: Valued[]): StoryLanding[] {
  const byBucket = new Map<string, StoryLanding>();
  for (const r of records) {
    const id = [r.story, r.expect.kind, r.expect.reason].join('\u0000');
    const landing = byBucket.get(id) ?? { story: r.story, reconciliation, side, kind: r.expect.kind, reason: r.expect.reason, count: 0, value: 0 };
    landing.count += 1;
    landing.value += r.value;
    byBucket.set(id, landing);
  }
  return [...byBucket.values()];
}

/** The ids whose cell holds something that reads as no amount / no date, per column (report.md `unreadable`). */
function listUnreadable(columns: [string, { id: string; text: string | null }[]][]): UnreadableColumn[] {
  return columns.flatMap(([column, cells]) => {
    const ids = cells.filter((c) => c.text !== null && c.text.trim() !== '').map((c) => c.id).sort(compareIds);
    return ids.length ? [{ column, count: ids.length, ids }] : [];
  });
}

export function buildPipelineBridge(placed: PlacedPipeline): PipelineBridge {
  const keyOf = (record: { ref: PlacedPipeline['deals'][number]['ref'] }): string | null =>
    record.ref !== null && 'opportunity' in record.ref && record.ref.form !== 'case_flipped' ? (placed.idOf.get(record.ref.opportunity) ?? '').slice(0, 15) : null;
  const textOf = (money: { text: string } | object): string | null => ('text' in money ? money.text : null);
  const deals: SideRecord[] = placed.deals.map((d, row) => ({ id: d.id, story: d.story, expect: d.expect, own: convertToCents(d.amount), key: keyOf(d), pair: { stage: d.stage, closeDate: toNewYorkDate(d.closeAt) }, anchor: d.createdAt, row }));
  const opportunities = (bridge: 'sourced' | 'booked'): SideRecord[] =>
    placed.opportunities.map((o, row) => ({ id: o.id, story: o.story, expect: o.expect[bridge], own: convertToCents(o.amount), key: o.id.slice(0, 15),
      // The booked bridge compares the value only.
      pair: bridge === 'sourced' ? { stage: o.stage, closeDate: o.closeDate } : {}, anchor: bridge === 'sourced' ? o.createdAt : o.closeDate, row }));
  const lines: SideRecord[] = placed.lines.map((x, row) => ({ id: x.id, story: x.story, expect: x.expect, own: convertToCents(x.amount), key: keyOf(x), pair: {}, anchor: x.invoiceDate, row }));
  const sourcedLeft: BridgeSide = { metric: 'HubSpot sourced pipeline', source: 'hubspot_deals', rules: ['test_deal', 'offline'], records: deals, values: 'survivor' };
  const sourcedRight: BridgeSide = { metric: 'CRM pipeline', source: 'salesforce_opportunities', rules: ['renewal', 'partner'], records: opportunities('sourced'), values: 'survivor' };
  const bookedLeft: BridgeSide = { metric: 'CRM booked revenue', source: 'salesforce_opportunities', rules: ['not_won'], records: opportunities('booked'), values: 'survivor' };
  const bookedRight: BridgeSide = { metric: 'Invoiced revenue', source: 'finance_invoice_lines', rules: ['vat', 'intercompany'], records: lines, values: 'sum' };
  const sourced = buildReconciliation('Sourced pipeline', sourcedLeft, sourcedRight, ['value', 'stage', 'close_date'], { cents: 1 });
  const booked = buildReconciliation('Booked revenue', bookedLeft, bookedRight, ['value'], { percent: 1 });
  const report: PipelineExpectedReport = {
    currency: 'USD',
    sources: [
      { name: 'hubspot_deals', unreadable: listUnreadable([['Amount', placed.deals.map((d) => ({ id: d.id, text: textOf(d.amount) }))], ['Create Date', placed.deals.map((d) => ({ id: d.id, text: d.createdText ?? null }))]]) },
      { name: 'salesforce_opportunities', unreadable: listUnreadable([['Amount', placed.opportunities.map((o) => ({ id: o.id, text: textOf(o.amount) }))]]) },
      {
        name: 'finance_invoice_lines',
        unreadable: listUnreadable([['Invoice Date', placed.lines.map((x) => ({ id: x.id, text: x.invoiceDateText ?? null }))], ['Amount', placed.lines.map((x) => ({ id: x.id, text: textOf(x.amount) }))]]),
      },
    ],
    reconciliations: [sourced.report, booked.report],
  };
  return { report, landings: [...sourced.landings, ...booked.landings] };
}
