// The rows of the Attribution screen's channels x models table: every channel any model credits, its campaign lines, `No touch` last.
import type { AttributionReport, CreditLine } from '../../shared/metricsReportTypes';
import type { AttributionModel } from '../../shared/revenueContractTypes';

export const NO_TOUCH = 'No touch';
export const NOT_REPORTED = 'Not reported';

/** One model's line of a row: null when the model gives the row nothing; the credit before the last applied edit beside it. */
export interface CreditCell {
  model: AttributionModel;
  line: CreditLine | null;
  /** undefined: nothing was applied (or the model is new); 0 when the line did not exist before. */
  before: number | undefined;
}

export interface CreditRow {
  channel: string;
  campaign: string | null;
  /** One per model of the entry, in the entry's order. */
  cells: CreditCell[];
  /** A channel row's campaign lines (when touches.campaign is mapped); empty on campaign rows. */
  campaigns: CreditRow[];
}

const keyOf = (channel: string, campaign: string | null) => `${channel}\u0000${campaign ?? ''}\u0000${campaign === null ? 'channel' : 'campaign'}`;

function indexLines(entry: AttributionReport | undefined, model: AttributionModel): Map<string, CreditLine> | undefined {
  const lines = entry?.models[model];
  return lines ? new Map(lines.map((l) => [keyOf(l.channel, l.campaign), l])) : undefined;
}

const firstCredit = (row: CreditRow) => row.cells[0]?.line?.credit ?? 0;
const largest = (row: CreditRow) => Math.max(0, ...row.cells.map((c) => c.line?.credit ?? 0));

/**
 * By the credit of the entry's first model (its lines' own order), then the largest under any other, then by name: channels
 * only the self-reported answers name come after the touched ones.
 */
function compareRows(a: CreditRow, b: CreditRow): number {
  const d = firstCredit(b) - firstCredit(a) || largest(b) - largest(a);
  if (d !== 0) return d;
  const an = a.campaign ?? a.channel;
  const bn = b.campaign ?? b.channel;
  return an < bn ? -1 : an > bn ? 1 : 0;
}

/** Lines that are no channel of the data stay at the end, in this order: unanswered, then untouched. */
const LAST = [NOT_REPORTED, NO_TOUCH];

/**
 * `previous`: the same entry before the last applied contract edit. A line that existed only before still gets its row,
 * so a channel a shorter lookback removed shows how its credit fell to nothing.
 */
export function buildCreditRows(entry: AttributionReport, previous: AttributionReport | undefined): CreditRow[] {
  const models = Object.keys(entry.models) as AttributionModel[];
  const now = models.map((m) => indexLines(entry, m) ?? new Map<string, CreditLine>());
  const before = models.map((m) => indexLines(previous, m));
  const named = new Map<string, { channel: string; campaign: string | null }>();
  for (const index of [...now, ...before]) for (const l of index?.values() ?? []) named.set(keyOf(l.channel, l.campaign), { channel: l.channel, campaign: l.campaign });
  const rowOf = ({ channel, campaign }: { channel: string; campaign: string | null }): CreditRow => {
    const key = keyOf(channel, campaign);
    const cells = models.map((model, i) => {
      const was = before[i];
      return { model, line: now[i]?.get(key) ?? null, before: was ? (was.get(key)?.credit ?? 0) : undefined };
    });
    return { channel, campaign, cells, campaigns: [] };
  };
  const channels = new Map<string, CreditRow>();
  for (const name of named.values()) if (name.campaign === null) channels.set(name.channel, rowOf(name));
  for (const name of named.values()) {
    if (name.campaign === null) continue;
    // A campaign line always has its channel's line; the row is made should a report ever lack it.
    let parent = channels.get(name.channel);
    if (!parent) {
      parent = rowOf({ channel: name.channel, campaign: null });
      channels.set(name.channel, parent);
    }
    parent.campaigns.push(rowOf(name));
  }
  const rows = [...channels.values()];
  for (const row of rows) row.campaigns.sort(compareRows);
  return [...rows.filter((r) => !LAST.includes(r.channel)).sort(compareRows), ...LAST.flatMap((name) => rows.filter((r) => r.channel === name))];
}
