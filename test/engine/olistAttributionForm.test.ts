// Attribution set up through the new-investigation form on real data: Olist's MQLs (their origin a channel, their landing page a campaign) as the touches of its closed deals, checked against a plain reading of the two files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewInvestigation } from '../../shared/api';
import type { AttributionReport } from '../../shared/metricsReportTypes';
import { checkNewInvestigation } from '../../electron/engine/newInvestigation/checkNewInvestigation';
import { createInvestigation } from '../../electron/engine/newInvestigation/createInvestigation';
import { previewExport } from '../../electron/engine/newInvestigation/previewExport';
import { openInvestigation } from '../../electron/engine/openInvestigation';
import { draftFromPreview } from '../../renderer/model/draftFromPreview';
import { datasetPath, findMissingDataset } from './datasetPath';
import { readZoneOffset } from './revenueReference/readInstant';

const dir = datasetPath('olist-marketing-funnel');
const ZONE = 'America/Sao_Paulo';
const PERIOD = { from: '2018-01-01', to: '2018-06-30' };
const DAY_MS = 86_400_000;
const MARKETING = ['paid_search', 'social', 'email', 'display', 'organic_search', 'referral', 'other_publicities'];

/** The first `columns` fields of each line, split on commas: no quoted field comes before them in these files. */
function readSimpleCsv(file: string, columns: number): Record<string, string>[] {
  const [header, ...lines] = fs.readFileSync(path.join(dir, file), 'utf8').trim().split(/\r?\n/);
  const names = (header ?? '').split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').slice(0, columns).map((v, i) => [names[i], v])));
}

/** A wall-clock time of Sao Paulo as an instant (ms). */
function readWall(date: string, time: string): number {
  const wall = Date.parse(`${date}T${time}Z`);
  return wall - readZoneOffset(wall - readZoneOffset(wall, ZONE), ZONE);
}

/**
 * revenue.md read plainly: the deals won in the period (each mql_id closes once), each touched by its own MQL when the
 * MQL has an origin and its date (a date: the end of that day) is within 365 days before the win, not after it.
 * Each deal counts 1 (no value): every touch model gives it whole to its one touch's origin, or to No touch.
 */
function planCredits(): { total: number; byOrigin: Map<string, string[]>; noTouch: string[] } {
  const mqls = new Map(readSimpleCsv('olist_marketing_qualified_leads_dataset.csv', 4).map((m) => [m.mql_id ?? '', m]));
  const byOrigin = new Map<string, string[]>();
  const noTouch: string[] = [];
  let total = 0;
  for (const deal of readSimpleCsv('olist_closed_deals_dataset.csv', 5)) {
    const [date = '', time = ''] = (deal.won_date ?? '').split(' ');
    if (date < PERIOD.from || date > PERIOD.to) continue;
    total += 1;
    const id = deal.mql_id ?? '';
    const won = readWall(date, time);
    const mql = mqls.get(id);
    const origin = mql?.origin?.trim() ?? '';
    const touched = mql ? readWall(mql.first_contact_date ?? '', '00:00:00') + DAY_MS : Number.NaN;
    if (origin !== '' && touched <= won && touched >= won - 365 * DAY_MS) byOrigin.set(origin, [...(byOrigin.get(origin) ?? []), id]);
    else noTouch.push(id);
  }
  return { total, byOrigin, noTouch };
}

describe.skipIf(findMissingDataset('olist-marketing-funnel'))("Olist's MQLs as the touches of its deals, set up in the form", () => {
  let work: string;
  let entry: AttributionReport;
  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-olist-attribution-'));
    // The two exports as the form reads them; the analyst names mql_id the key on both sides and carries the landing page.
    const mqls = draftFromPreview(await previewExport(path.join(dir, 'olist_marketing_qualified_leads_dataset.csv')), 'left', null);
    const deals = draftFromPreview(await previewExport(path.join(dir, 'olist_closed_deals_dataset.csv')), 'right', null);
    const spec: NewInvestigation = {
      title: 'Olist deals by origin',
      contractPath: path.join(work, 'olist-attribution.recon.yaml'),
      timezone: ZONE,
      ...PERIOD,
      left: { ...mqls, name: 'mqls', metric: 'MQL', timezone: ZONE, fields: { ...mqls.fields, key: 'mql_id', landing_page: 'landing_page_id' } },
      right: { ...deals, name: 'deals', metric: 'Won', timezone: ZONE, fields: { ...deals.fields, key: 'mql_id' } },
      revenue: {
        sources: [],
        metrics: [],
        links: [],
        funnels: [],
        sla: [],
        touches: { source: 'mqls', key: 'key', date: 'first_contact_date', channel: 'source', campaign: 'landing_page', marketingChannels: MARKETING },
        attribution: [
          {
            name: 'Deals won by origin',
            opportunities: 'Won',
            people: 'all',
            lookback: { amount: '365', unit: 'days' },
            models: ['first_touch', 'last_touch', 'linear', 'u_shaped', 'w_shaped', 'time_decay'],
            halfLife: { amount: '30', unit: 'days' },
            milestone: 'MQL',
            sourcedTouches: 'first_touch',
          },
        ],
      },
    };
    expect(checkNewInvestigation(spec)).toEqual([]);
    await createInvestigation(spec, async (contractPath) => {
      const inv = await openInvestigation(contractPath);
      inv.close();
      return { contractPath } as never;
    });
    const inv = await openInvestigation(spec.contractPath);
    try {
      const [first] = (await inv.getMetricsReport()).attribution;
      if (!first) throw new Error('no attribution in the report');
      entry = first;
    } finally {
      inv.close();
    }
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('credits each won deal to its MQL origin under every touch model, the rest to No touch, as the files say', () => {
    const plan = planCredits();
    expect(entry.total).toBe(plan.total);
    expect([...entry.no_touch.ids].sort()).toEqual([...plan.noTouch].sort());
    const wanted = [...plan.byOrigin].map(([origin, ids]) => [origin, ids.length, [...ids].sort()]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    for (const [model, lines] of Object.entries(entry.models)) {
      const channels = (lines ?? []).filter((l) => l.campaign === null && l.channel !== 'No touch');
      const got = channels.map((l) => [l.channel, l.credit, [...l.ids].sort()]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
      expect(got, model).toEqual(wanted);
    }
  });

  it('says which deals marketing sourced and influenced: an origin among the marketing channels', () => {
    const plan = planCredits();
    const marketing = [...plan.byOrigin].filter(([origin]) => MARKETING.includes(origin)).flatMap(([, ids]) => ids);
    expect([...entry.influenced.ids].sort()).toEqual([...marketing].sort());
    expect([...entry.sourced.touches_only.ids].sort()).toEqual([...marketing].sort());
    expect(entry.sourced.crm_only.count + entry.sourced.both.count).toBe(0);
  });
});
