// The metrics bench's two halves agree on a small data set: the engine's `recon metrics` report and the hand-written SQL floor, list by list.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openInvestigation } from '../../electron/engine/openInvestigation';
import type { MetricsReport } from '../../shared/metricsReportTypes';
import { compareMetricsReports } from './compareMetricsReports';
import { generateMetricsBenchExports } from './generateMetricsBenchExports';
import { runMetricsFloor } from './measureMetricsFloor';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-metrics-bench-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('metrics bench', () => {
  it('plants every funnel list, SLA outcome, win-rate group and sourced line, and the floor computes the engine report exactly', async () => {
    const dataset = await generateMetricsBenchExports(dir, 5000, 7);
    const floorPath = path.join(dir, 'floor-metrics.json');
    await runMetricsFloor(dataset.files, floorPath, path.join(dir, 'floor-figures.json'));
    const investigation = await openInvestigation(dataset.contractPath);
    const enginePath = path.join(dir, 'engine-metrics.json');
    fs.writeFileSync(enginePath, JSON.stringify(await investigation.getMetricsReport()));
    investigation.close();

    expect(compareMetricsReports(floorPath, enginePath)).toEqual([]);
    // The comparison finds a difference when there is one.
    const floor = JSON.parse(fs.readFileSync(floorPath, 'utf8')) as MetricsReport;
    const changed = structuredClone(floor);
    changed.funnels[0]?.stages[2]?.ids.pop();
    fs.writeFileSync(floorPath, JSON.stringify(changed));
    expect(compareMetricsReports(floorPath, enginePath)).toHaveLength(1);

    const [sql, opportunity, won] = floor.funnels[0]?.stages ?? [];
    expect(sql?.dropped.length).toBeGreaterThan(0);
    expect(sql?.outside_cohort.length).toBeGreaterThan(0);
    for (const stage of [opportunity, won]) {
      for (const list of ['reached_ids', 'ids', 'dropped', 'skipped', 'outside_cohort'] as const) expect(stage?.[list].length).toBeGreaterThan(0);
    }
    const sla = floor.sla[0];
    for (const outcome of ['met', 'breached', 'never'] as const) expect(sla?.[outcome].count).toBeGreaterThan(0);
    const groups = floor.shared_metrics.filter((m) => m.name === 'win_rate').map((m) => m.by);
    expect(groups).toEqual([null, '(empty)', 'Outbound', 'Paid Search', 'Partner', 'Trade Show', 'Web', 'Webinar']);
    expect(floor.shared_metrics.find((m) => m.name === 'cac')?.value).toBeGreaterThan(0);
    const sourced = floor.attribution[0]?.sourced;
    for (const line of ['both', 'crm_only', 'touches_only', 'neither'] as const) expect(sourced?.[line].count).toBeGreaterThan(0);
  });
});
