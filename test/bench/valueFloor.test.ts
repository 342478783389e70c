// The value bench's two halves agree on a small data set: the engine's money bridge and the hand-written SQL floor, record by record.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openInvestigation } from '../../electron/engine/openInvestigation';
import type { ReconReport } from '../../shared/reportTypes';
import { compareReports } from './compareReports';
import { generateValueBenchExports } from './generateValueBenchExports';
import { runFloor } from './measureFloor';
import { VALUE_FLOOR_NAMES } from './writeValueBenchContract';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-value-bench-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('value bench', () => {
  it('plants every bucket and every _differs reason, and the floor computes the engine report exactly', async () => {
    const dataset = await generateValueBenchExports(dir, 5000, 7);
    const floorPath = path.join(dir, 'floor-report.json');
    await runFloor('value', dataset.leftPath, dataset.rightPath, floorPath, path.join(dir, 'floor-figures.json'));
    const investigation = await openInvestigation(dataset.contractPath);
    const enginePath = path.join(dir, 'engine-report.json');
    fs.writeFileSync(enginePath, JSON.stringify(await investigation.getReport()));
    investigation.close();

    expect(compareReports(floorPath, enginePath, VALUE_FLOOR_NAMES.reconciliation)).toEqual([]);
    const floor = (JSON.parse(fs.readFileSync(floorPath, 'utf8')) as ReconReport).reconciliations[0];
    const kinds = new Set(floor?.buckets.map((b) => `${b.side} ${b.kind}/${b.reason}`));
    for (const side of ['left', 'right']) {
      for (const reason of ['matched', 'value_differs', 'stage_differs', 'close_date_differs']) expect(kinds).toContain(`${side} matched/${reason}`);
      for (const bucket of ['out_of_period/outside_period', 'out_of_period/missing_date', 'out_of_period/unreadable_date', 'timing/timing', 'unmatched/no_counterpart']) {
        expect(kinds).toContain(`${side} ${bucket}`);
      }
    }
    for (const bucket of ['excluded/test_deal', 'excluded/partner_pipeline', 'duplicate/duplicate', 'unmatched/missing_key', 'excluded_on_other_side/renewal', 'excluded_on_other_side/internal']) {
      expect(kinds).toContain(`left ${bucket}`);
    }
    for (const bucket of ['excluded/renewal', 'excluded/internal', 'excluded_on_other_side/test_deal', 'excluded_on_other_side/partner_pipeline']) expect(kinds).toContain(`right ${bucket}`);
    // Missing values on both sides, pairs with an empty amount, with several differing fields, amounts a cent apart counted as agreeing.
    expect(floor?.buckets.filter((b) => b.side === 'left').reduce((n, b) => n + (b.missing_values ?? 0), 0)).toBeGreaterThan(0);
    expect(floor?.buckets.filter((b) => b.side === 'right').reduce((n, b) => n + (b.missing_values ?? 0), 0)).toBeGreaterThan(0);
    expect(floor?.pairs?.some((p) => p.differs.value?.includes(null))).toBe(true);
    expect(floor?.pairs?.some((p) => Object.keys(p.differs).length === 3)).toBe(true);
    const agreeing = floor?.buckets.filter((b) => b.kind === 'matched' && b.reason === 'matched');
    expect(agreeing?.[0]?.value).not.toBe(agreeing?.[1]?.value);
  });
});
