// A date that could not be read is not a missing date: its own reason, and the source's unreadable values list their records.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BucketQuery } from '../../shared/api';
import { openInvestigation, type Investigation } from '../../electron/engine/openInvestigation';
import { writeReviewInvestigation } from './writeReviewInvestigation';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-unreadable-'));
let inv: Investigation;

beforeAll(async () => {
  inv = await openInvestigation(writeReviewInvestigation(dir));
});

afterAll(() => {
  inv?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const base = { reconciliation: 'MQLs vs CRM leads' } as const;

async function listIds(query: BucketQuery): Promise<{ count: number; ids: string[] }> {
  const count = await inv.countRows(query);
  const page = await inv.fetchRows(query, { offset: 0, limit: 100 });
  return { count, ids: page.rows.map((r) => r[page.columns.indexOf('record_id')] ?? '') };
}

describe('unreadable dates', () => {
  it('puts a survivor whose anchor does not read as a date out of the period as unreadable_date, apart from an empty one', async () => {
    const report = await inv.getReport();
    const buckets = report.reconciliations[0]?.buckets.map((b) => `${b.side} ${b.kind} ${b.reason}: ${b.ids.join(' ')}`);
    expect(buckets).toEqual([
      'left out_of_period outside_period: L6',
      'left out_of_period missing_date: L3',
      'left out_of_period unreadable_date: L2',
      'left matched matched: L1',
      'left timing timing: L4',
      'left unmatched no_counterpart: L5',
      'right out_of_period outside_period: 00QHs00000702P3MAI',
      'right out_of_period unreadable_date: 00QHs00000704P3MAI',
      'right matched matched: 00QHs00000701D3MAI',
      'right timing timing: 00QHs00000703P3MAI',
    ]);
    expect(report.sources.map((s) => s.unreadable.map((u) => `${s.name} ${u.column}: ${u.ids.join(' ')}`))).toEqual([
      ['hubspot Create Date: L5', 'hubspot MQL Date: L2'],
      ['crm Create Date: 00QHs00000704P3MAI'],
    ]);
  });

  it('lists the records of one unreadable column, with a count equal to the rows listed', async () => {
    const report = await inv.getReport();
    for (const [side, source] of [['left', 'hubspot'], ['right', 'crm']] as const) {
      for (const u of report.sources.find((s) => s.name === source)?.unreadable ?? []) {
        const listed = await listIds({ ...base, side, kind: 'gross', unreadableColumn: u.column });
        expect(listed, `${source} ${u.column}`).toEqual({ count: u.count, ids: u.ids });
      }
    }
    // Narrowed further by the bucket and by a filter, count and pages still agree.
    expect(await listIds({ ...base, side: 'left', kind: 'out_of_period', unreadableColumn: 'MQL Date' })).toEqual({ count: 1, ids: ['L2'] });
    expect(await listIds({ ...base, side: 'left', kind: 'out_of_period', unreadableColumn: 'Create Date' })).toEqual({ count: 0, ids: [] });
    const filtered = { ...base, side: 'left' as const, kind: 'gross' as const, unreadableColumn: 'Create Date', filter: [{ column: 'Email', op: 'contains' as const, value: 'EVE' }] };
    expect(await listIds(filtered)).toEqual({ count: 1, ids: ['L5'] });
  });

  it('refuses a column that is not mapped as a date of the side, naming those that are', async () => {
    await expect(inv.countRows({ ...base, side: 'left', kind: 'gross', unreadableColumn: 'Email' })).rejects.toThrow(
      "'Email' is not a column mapped as a date or an amount of the left side's source; its date and amount columns: Create Date, MQL Date",
    );
  });

  it('filters and sorts steps and reasons on the words the grid shows', async () => {
    const query = { ...base, side: 'left' as const, kind: 'gross' as const, filter: [{ column: 'reason', op: 'contains' as const, value: 'unreadable' }] };
    expect(await listIds(query)).toEqual({ count: 1, ids: ['L2'] });
    const sorted = await listIds({ ...base, side: 'left', kind: 'out_of_period', sort: [{ column: 'reason', direction: 'asc' }] });
    // Missing date, Outside the period, Unreadable date.
    expect(sorted.ids).toEqual(['L3', 'L6', 'L2']);
  });
});
