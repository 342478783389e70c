// A matched record's `<field>_differs` reason in words ("Close date differs"): the grid shows labelReason's words and the engine filters on the same.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BucketQuery } from '../../shared/api';
import { labelReason } from '../../shared/labelStep';
import { openInvestigation, type Investigation } from '../../electron/engine/openInvestigation';
import { PAIRS, writeMoneyInvestigation } from '../e2e/writeMoneyInvestigation';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-differs-'));
let inv: Investigation;

beforeAll(async () => {
  inv = await openInvestigation(writeMoneyInvestigation(dir));
});

afterAll(() => {
  inv?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const matched: BucketQuery = { reconciliation: 'Sourced pipeline', side: 'left', kind: 'matched' };

async function listReasons(query: BucketQuery): Promise<{ id: string; reason: string }[]> {
  const page = await inv.fetchRows(query, { offset: 0, limit: 100 });
  const at = (column: string) => page.columns.indexOf(column);
  return page.rows.map((row) => ({ id: row[at('record_id')] ?? '', reason: row[at('reason')] ?? '' }));
}

describe('the words of a matched reason', () => {
  it('words each field that differs the way the grid shows it', () => {
    expect(labelReason('value_differs')).toBe('Value differs');
    expect(labelReason('close_date_differs')).toBe('Close date differs');
    expect(labelReason('matched')).toBe('Matched');
    // A rule's own name stays as written.
    expect(labelReason('test_deal')).toBe('test_deal');
  });

  it('filters a matched bucket on those words, for every reason the bucket holds', async () => {
    const all = await listReasons(matched);
    const reasons = [...new Set(all.map((r) => r.reason))];
    expect(reasons.sort()).toEqual(['close_date_differs', 'matched', 'stage_differs', 'value_differs']);
    for (const reason of reasons) {
      const query = { ...matched, filter: [{ column: 'reason', op: 'equals' as const, value: labelReason(reason) }] };
      const expected = all.filter((r) => r.reason === reason).map((r) => r.id);
      expect(await inv.countRows(query), labelReason(reason)).toBe(expected.length);
      expect((await listReasons(query)).map((r) => r.id).sort(), labelReason(reason)).toEqual(expected.sort());
    }
    const planned = PAIRS.filter((p) => p.differs[0] === 'close_date').map((p) => p.left);
    expect((await listReasons({ ...matched, filter: [{ column: 'reason', op: 'contains', value: 'close DATE' }] })).map((r) => r.id)).toEqual(planned);
  });
});
