// The workbench computes funnels, attribution and shared metrics ahead, on a second connection to the session's file: the bridge answers meanwhile, and every later reading equals the CLI's.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MetricListQuery } from '../../shared/metricsReportTypes';
import { createWorkbench } from '../../electron/engine/createWorkbench';
import { openInvestigation } from '../../electron/engine/openInvestigation';

const root = path.resolve(import.meta.dirname, '../..');
const sampleContract = path.join(root, 'samples/acme-q3-2026.recon.yaml');
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-metrics-ahead-'));
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

/** The CLI's reading of a contract text (one connection for everything), written beside the sample's exports. */
async function readWithCli(text: string) {
  const file = path.join(home, 'sample', `cli-${Math.random().toString(36).slice(2)}.recon.yaml`);
  fs.writeFileSync(file, text);
  const inv = await openInvestigation(file);
  try {
    const report = await inv.getMetricsReport();
    const sla = report.sla[0]?.name ?? '';
    const entry = report.attribution[0]?.name ?? '';
    const breached: MetricListQuery = { sla, list: 'breached' };
    const page = await inv.fetchMetricRecords(breached, { offset: 0, limit: 500 });
    const deal = report.attribution[0]?.sourced.both.ids[0] ?? '';
    return { report, breached, page, entry, deal, touches: await inv.traceDealTouches(entry, deal) };
  } finally {
    inv.close();
  }
}

describe('metrics computed ahead', () => {
  it('answers the bridge while they are computed; the report, its lists and a deal’s touches equal the CLI’s', async () => {
    const wb = await createWorkbench({ home, sampleContract });
    await wb.openSample();
    const order: string[] = [];
    const metrics = wb.getMetricsReport().then((r) => (order.push('metrics'), r));
    const page = wb.fetchRows({ reconciliation: 'MQLs vs CRM leads', side: 'left', kind: 'matched' }, { offset: 0, limit: 100 }).then((p) => (order.push('bridge page'), p));
    const [report, rows] = await Promise.all([metrics, page]);
    // The metrics were already under way on their own connection: the bridge's page did not queue behind them.
    expect(order).toEqual(['bridge page', 'metrics']);
    expect(rows.rows.length).toBeGreaterThan(0);

    const cli = await readWithCli((await wb.getContract()).text);
    expect(report.funnels.length * report.attribution.length * report.shared_metrics.length * report.sla.length).toBeGreaterThan(0);
    expect(report).toEqual({ ...cli.report, contract: report.contract });
    expect(cli.page.rows.length).toBeGreaterThan(0);
    expect(await wb.fetchMetricRecords(cli.breached, { offset: 0, limit: 500 })).toEqual(cli.page);
    expect(await wb.traceDealTouches(cli.entry, cli.deal)).toEqual(cli.touches);
    await wb.close();
  });

  it('lets a contract edit applied while they are computed go through, and computes the edited ones', async () => {
    const wb = await createWorkbench({ home, sampleContract });
    await wb.openSample();
    const text = (await wb.getContract()).text;
    const edited = text.replace('lookback: 90 days', 'lookback: 30 days');
    expect(edited).not.toBe(text);
    const result = await wb.applyContract(edited);
    expect(result.issues).toEqual([]);
    const cli = await readWithCli(edited);
    expect((await wb.getMetricsReport()).attribution).toEqual(cli.report.attribution);
    await wb.close();
  });

  it('closes while they are computed, and the investigation reopens with the same numbers', async () => {
    const first = await createWorkbench({ home, sampleContract });
    const info = await first.openSample();
    await first.close();
    const second = await createWorkbench({ home, sampleContract });
    await second.openContract(info.contractPath);
    const cli = await readWithCli((await second.getContract()).text);
    expect((await second.getMetricsReport()).funnels).toEqual(cli.report.funnels);
    await second.close();
  });
});
