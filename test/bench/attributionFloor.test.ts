// The attribution bench's two halves agree on a small data set: the engine's attribution report and the hand-written SQL floor, line by line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { openInvestigation } from '../../electron/engine/openInvestigation';
import type { MetricsReport } from '../../shared/metricsReportTypes';
import { buildAttributionFloorSql } from './buildAttributionFloorSql';
import { compareMetricsReports } from './compareMetricsReports';
import { generateAttributionBenchExports, type AttributionBenchDataset } from './generateAttributionBenchExports';
import { runAttributionFloor } from './measureAttributionFloor';
import { ATTRIBUTION_BENCH_NAMES } from './writeAttributionBenchContract';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-attribution-bench-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** How many deals of the floor's own tables show each edge the generator plants. */
async function countPlants(files: AttributionBenchDataset['files']): Promise<Record<string, number>> {
  const sql = buildAttributionFloorSql(files);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  for (const statement of [...sql.load, ...sql.compute]) await connection.run(statement);
  const lookback = `${ATTRIBUTION_BENCH_NAMES.lookbackDays} * 86400000000`;
  const reader = await connection.runAndReadAll(`SELECT
      (SELECT count(*) FROM counted WHERE moment = opp_at) AS at_the_deal,
      (SELECT count(*) FROM counted WHERE moment = opp_at - ${lookback}) AS at_the_lookback,
      (SELECT count(*) FROM (SELECT opp, moment FROM counted GROUP BY ALL HAVING count(*) > 1)) AS ties,
      (SELECT count(DISTINCT opp) FROM counted WHERE n = 1) AS one_touch,
      (SELECT count(DISTINCT opp) FROM counted WHERE n = 2) AS two_touches,
      (SELECT count(DISTINCT opp) FROM counted WHERE n >= 5) AS five_or_more,
      (SELECT count(DISTINCT opp) FROM counted WHERE opp NOT IN (SELECT opp FROM milestones)) AS no_milestone,
      (SELECT count(*) FROM milestones m JOIN (SELECT DISTINCT opp, n FROM counted) c USING (opp) WHERE mpos = n) AS milestone_last,
      (SELECT count(*) FROM milestones m JOIN (SELECT DISTINCT opp, n FROM counted) c USING (opp) WHERE mpos > 1 AND mpos < n) AS milestone_middle,
      (SELECT count(DISTINCT opp) FROM counted WHERE v = 0) AS touched_without_value`);
  const [row] = reader.getRowObjects();
  connection.closeSync();
  instance.closeSync();
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]));
}

describe('attribution bench', () => {
  it('plants every edge of the readings, and the floor computes the engine report exactly (time decay within a cent)', async () => {
    const dataset = await generateAttributionBenchExports(dir, 5000, 7);
    const floorPath = path.join(dir, 'floor-metrics.json');
    await runAttributionFloor(dataset.files, floorPath, path.join(dir, 'floor-figures.json'));
    const investigation = await openInvestigation(dataset.contractPath);
    const enginePath = path.join(dir, 'engine-metrics.json');
    fs.writeFileSync(enginePath, JSON.stringify(await investigation.getMetricsReport()));
    investigation.close();

    expect(compareMetricsReports(floorPath, enginePath)).toEqual([]);
    // The comparison finds a difference when there is one, and lets a time-decay credit be off by a cent, no more.
    const floor = JSON.parse(fs.readFileSync(floorPath, 'utf8')) as MetricsReport;
    const entry = floor.attribution[0];
    if (!entry) throw new Error('the floor report has no attribution entry');
    const changed = structuredClone(floor);
    const [changedEntry] = changed.attribution;
    changedEntry?.models.w_shaped?.[3]?.ids.pop();
    const decay = changedEntry?.models.time_decay?.[0];
    if (!decay) throw new Error('no time-decay line');
    decay.credit = Math.round((decay.credit + 0.01) * 100) / 100;
    fs.writeFileSync(floorPath, JSON.stringify(changed));
    expect(compareMetricsReports(floorPath, enginePath)).toHaveLength(1);
    decay.credit = Math.round((decay.credit + 0.01) * 100) / 100;
    fs.writeFileSync(floorPath, JSON.stringify(changed));
    expect(compareMetricsReports(floorPath, enginePath)).toHaveLength(2);

    expect(Object.keys(entry.models)).toEqual(ATTRIBUTION_BENCH_NAMES.models);
    for (const [model, lines] of Object.entries(entry.models)) {
      const channels = lines.filter((l) => l.campaign === null).map((l) => l.channel);
      if (model === 'self_reported') expect(channels).toEqual(expect.arrayContaining(['Not reported', 'Referral', 'Podcast', 'Paid Search']));
      else {
        expect(channels).toEqual(expect.arrayContaining(['No touch', 'Sales Outreach', 'Partner', 'Paid Search']));
        expect(lines.some((l) => l.campaign === '(no campaign)')).toBe(true);
      }
    }
    for (const line of ['both', 'crm_only', 'touches_only', 'neither'] as const) expect(entry.sourced[line].count).toBeGreaterThan(0);
    expect(entry.no_touch.count).toBeGreaterThan(0);
    expect(entry.influenced.count).toBeLessThan(entry.sourced.both.count + entry.sourced.crm_only.count + entry.sourced.touches_only.count + entry.sourced.neither.count - entry.no_touch.count);
    expect(Object.keys(entry.agreement ?? {})).toHaveLength(6);

    const plants = await countPlants(dataset.files);
    expect(Object.keys(plants)).toHaveLength(10);
    for (const [plant, count] of Object.entries(plants)) expect(count, plant).toBeGreaterThan(0);
  });
});
