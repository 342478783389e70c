// The Attribution table's rows: every channel any model credits, its campaigns under it, the lines that are no channel last, and each cell's credit before the last edit.
import { describe, expect, it } from 'vitest';
import type { AttributionReport, CreditLine } from '../../shared/metricsReportTypes';
import { buildCreditRows, type CreditRow } from '../../renderer/model/buildCreditRows';

const line = (channel: string, campaign: string | null, credit: number, opportunities = 1): CreditLine => ({ channel, campaign, credit, opportunities, ids: [] });
const empty = { count: 0, value: 0, ids: [] };

function makeEntry(models: AttributionReport['models']): AttributionReport {
  return {
    name: 'Q3 pipeline',
    basis: 'interpretation',
    depends_on: 'lookback 365 days',
    total: 1000,
    no_touch: empty,
    models,
    sourced: { both: empty, crm_only: empty, touches_only: empty, neither: empty },
    influenced: empty,
  };
}

const now = makeEntry({
  first_touch: [line('Webinar', null, 300), line('Webinar', 'Q3 series', 200), line('Webinar', '(no campaign)', 100), line('Email', null, 500), line('No touch', null, 200)],
  linear: [line('Email', null, 350), line('Webinar', null, 450), line('No touch', null, 200)],
  self_reported: [line('Not reported', null, 600), line('Referral', null, 400)],
});

const names = (rows: CreditRow[]) => rows.map((r) => r.campaign ?? r.channel);
const credits = (row: CreditRow | undefined) => row?.cells.map((c) => c.line?.credit ?? null);

describe('buildCreditRows', () => {
  it('orders channels by the first model\'s credit, then the largest under another; channels only answers name follow; Not reported and No touch end the table', () => {
    const rows = buildCreditRows(now, undefined);
    expect(names(rows)).toEqual(['Email', 'Webinar', 'Referral', 'Not reported', 'No touch']);
    // A cell per model of the entry, empty where the model gives the channel nothing.
    expect(credits(rows[1])).toEqual([300, 450, null]);
    expect(credits(rows[2])).toEqual([null, null, 400]);
  });

  it('puts a channel\'s campaign lines under it, by credit', () => {
    const webinar = buildCreditRows(now, undefined).find((r) => r.channel === 'Webinar');
    expect(names(webinar?.campaigns ?? [])).toEqual(['Q3 series', '(no campaign)']);
    expect(credits(webinar?.campaigns[0])).toEqual([200, null, null]);
    expect(webinar?.campaigns.every((c) => c.campaigns.length === 0)).toBe(true);
  });

  it('gives each cell its credit before the last edit: 0 for a line that did not exist, nothing for a model that was not asked', () => {
    const before = makeEntry({
      first_touch: [line('Webinar', null, 700), line('Paid Search', null, 100), line('No touch', null, 200)],
      self_reported: [line('Not reported', null, 1000)],
    });
    const rows = buildCreditRows(now, before);
    const cell = (channel: string, i: number) => rows.find((r) => r.channel === channel && r.campaign === null)?.cells[i];
    expect(cell('Webinar', 0)).toMatchObject({ model: 'first_touch', before: 700 });
    expect(cell('Email', 0)?.before).toBe(0);
    expect(cell('Email', 1)?.before).toBeUndefined();
    expect(cell('Referral', 2)?.before).toBe(0);
    // A channel only the report before credited keeps its row, so its fall to nothing shows.
    expect(cell('Paid Search', 0)).toMatchObject({ line: null, before: 100 });
  });
});
