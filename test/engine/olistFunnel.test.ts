// The funnel on real data: Olist's marketing-qualified leads to its closed deals on mql_id, against the reference reading of revenue.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openInvestigation } from '../../electron/engine/openInvestigation';
import type { MetricsReport } from '../../shared/metricsReportTypes';
import { checkMetricsInvariants } from './checkMetricsInvariants';
import { compareMetricsReport } from './compareMetricsReport';
import { datasetPath, findMissingDataset } from './datasetPath';
import { computeMetricsReport } from './revenueReference/computeMetricsReport';
import { readZoneOffset } from './revenueReference/readInstant';
import type { RevenueInput, When } from './revenueReference/RevenueInput';
import { stepMetric } from './revenueReference/stepMetric';

const dir = datasetPath('olist-marketing-funnel');
const ZONE = 'America/Sao_Paulo';
const PERIOD = { from: '2017-06-01', to: '2018-05-31' };

/**
 * Plain comma split of the first `columns` fields: in these files quoted fields come only after them
 * (checked below), so this is a reading independent of the engine's CSV import.
 */
function readSimpleCsv(file: string, columns: number): Record<string, string>[] {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const names = (header ?? '').split(',');
  return lines.map((line) => {
    const fields = line.split(',').slice(0, columns);
    expect(fields.join(',')).not.toContain('"');
    return Object.fromEntries(fields.map((v, i) => [names[i], v]));
  });
}

/** won_date is a timestamp without offset, read on Sao Paulo's wall clock (the reporting zone, the source's default). */
function readWallTime(text: string): When | null {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(text.trim());
  if (!m) return /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? { date: text.trim() } : null;
  const wall = Date.parse(`${m[1]}T${m[2]}Z`);
  return { instant: wall - readZoneOffset(wall - readZoneOffset(wall, ZONE), ZONE) };
}

function readOlist(): RevenueInput {
  const mqls = readSimpleCsv('olist_marketing_qualified_leads_dataset.csv', 4);
  const deals = readSimpleCsv('olist_closed_deals_dataset.csv', 5);
  const steps = { period: PERIOD, timezone: ZONE, keep: 'earliest' as const, dedupe: true };
  const key = (id: string | undefined) => (id ?? '').trim().toLowerCase() || null;
  return {
    title: 'Olist MQLs to won deals',
    version: '1',
    currency: null,
    timezone: ZONE,
    period: PERIOD,
    metrics: [
      {
        name: 'MQL',
        source: 'mqls',
        hasValue: false,
        records: stepMetric(
          mqls.map((m) => ({ id: m.mql_id ?? '', key: key(m.mql_id), linkId: m.mql_id ?? '', when: readWallTime(m.first_contact_date ?? ''), cents: null, fields: {}, excluded: !m.origin || m.origin === 'unknown' })),
          steps,
        ),
      },
      { name: 'Won deal', source: 'deals', hasValue: false, records: stepMetric(deals.map((d) => ({ id: d.mql_id ?? '', key: key(d.mql_id), linkId: d.mql_id ?? '', when: readWallTime(d.won_date ?? ''), cents: null, fields: {}, excluded: false })), steps) },
    ],
    links: [],
    funnels: [
      { name: 'MQLs to won deals', cohort: 'MQL', stages: [{ metric: 'Won deal' }], windowDays: 365, windowText: '365 days' },
      { name: 'Won within 30 days', cohort: 'MQL', stages: [{ metric: 'Won deal' }], windowDays: 30, windowText: '30 days' },
    ],
    sla: [],
    shared: { periodMetric: 'Won deal' },
  };
}

describe.skipIf(findMissingDataset('olist-marketing-funnel'))('the Olist marketing funnel', () => {
  let work: string;
  let report: MetricsReport;
  let input: RevenueInput;
  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-olist-funnel-'));
    const contract = path.join(work, 'olist-funnel.recon.yaml');
    fs.writeFileSync(
      contract,
      `contract: Olist MQLs to won deals
version: 1
reporting:
  timezone: ${ZONE}
  period: { from: ${PERIOD.from}, to: ${PERIOD.to} }
sources:
  mqls:
    system: marketing
    file: ${path.join(dir, 'olist_marketing_qualified_leads_dataset.csv')}
    id: mql_id
    fields: { mql_id: mql_id, first_contact_date: first_contact_date, origin: origin }
  deals:
    system: sales
    file: ${path.join(dir, 'olist_closed_deals_dataset.csv')}
    id: mql_id
    fields: { mql_id: mql_id, won_date: won_date }
identity:
  key: mql_id
metrics:
  MQL:
    source: mqls
    date: first_contact_date
    exclude:
      unknown_origin: "origin IS NULL OR origin = 'unknown'"
  Won deal:
    source: deals
    date: won_date
funnels:
  - name: MQLs to won deals
    cohort: MQL
    key: mql_id
    stages:
      - { metric: Won deal }
  - name: Won within 30 days
    cohort: MQL
    key: mql_id
    stages:
      - { metric: Won deal }
    window: 30 days
shared_metrics:
  period_metric: Won deal
reconcile: []
`,
    );
    const inv = await openInvestigation(contract);
    try {
      report = await inv.getMetricsReport();
    } finally {
      inv.close();
    }
    input = readOlist();
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('reports the funnels of the reference reading, read from the same files, with the invariants', () => {
    checkMetricsInvariants(report);
    const expected = computeMetricsReport(input);
    compareMetricsReport(report, expected);
    // The figures themselves, so that a reading that lost rows on both sides cannot pass: SOURCE.md's 8000 MQLs and 842 deals.
    expect(input.metrics.map((m) => m.records.length)).toEqual([8000, 842]);
    const [all, month] = report.funnels;
    expect(all?.cohort.count).toBe(input.metrics[0]?.records.filter((r) => r.step === 'net').length);
    expect(month?.stages[0]?.reached).toBeLessThan(all?.stages[0]?.reached ?? 0);
  });

  it('shows the deal won before its MQL date outside the cohort, and its MQL dropped: it never vanishes', () => {
    const mqlDay = new Map(readSimpleCsv('olist_marketing_qualified_leads_dataset.csv', 4).map((m) => [m.mql_id, m.first_contact_date ?? '']));
    const early = readSimpleCsv('olist_closed_deals_dataset.csv', 5).filter((d) => (d.won_date ?? '').slice(0, 10) < (mqlDay.get(d.mql_id) ?? ''));
    expect(early).toHaveLength(1);
    const id = early[0]?.mql_id ?? '';
    for (const funnel of report.funnels) {
      const stage = funnel.stages[0];
      expect(funnel.cohort.ids, `${funnel.name}: its MQL is in the cohort`).toContain(id);
      expect(stage?.outside_cohort, `${funnel.name}: the deal is outside the cohort`).toContain(id);
      expect(stage?.dropped, `${funnel.name}: its MQL is dropped`).toContain(id);
      expect(stage?.ids).not.toContain(id);
      // Every dated deal is either reached or outside the cohort: none vanishes.
      expect(new Set([...(stage?.ids ?? []), ...(stage?.outside_cohort ?? [])]).size, `${funnel.name}: every deal is listed`).toBe(842);
    }
  });
});
