// From Olist's real exports to the form's drafts: ids found unique, dates named after their columns, the key left to the person.
import { describe, expect, it } from 'vitest';
import { previewDates } from '../../electron/engine/newInvestigation/previewDates';
import { previewExport } from '../../electron/engine/newInvestigation/previewExport';
import { chooseDateColumn } from '../../renderer/model/chooseDateColumn';
import { draftFromPreview } from '../../renderer/model/draftFromPreview';
import { describeUnreadableDates } from '../../shared/describeUnreadableDates';
import { datasetPath, findMissingDataset } from './datasetPath';

const mqlsFile = datasetPath('olist-marketing-funnel', 'olist_marketing_qualified_leads_dataset.csv');
const dealsFile = datasetPath('olist-marketing-funnel', 'olist_closed_deals_dataset.csv');

describe.skipIf(findMissingDataset('olist-marketing-funnel'))('Olist exports mapped by the form', () => {
  it('proposes mql_id as each side’s record id and names each date after its column, never after mql_id', async () => {
    const mqls = await previewExport(mqlsFile);
    expect(mqls.uniqueColumns).toContain('mql_id');
    expect(mqls.id).toBe('mql_id');
    expect(mqls.dateColumns).toEqual(['first_contact_date']);
    const left = draftFromPreview(mqls, 'left', null);
    expect(left.fields).toEqual({ key: '', first_contact_date: 'first_contact_date', source: 'origin' });
    expect(left.dateField).toBe('first_contact_date');

    const deals = await previewExport(dealsFile);
    expect(deals.id).toBe('mql_id');
    expect(deals.dateColumns).toEqual(['won_date']);
    const right = draftFromPreview(deals, 'right', null);
    expect(right.fields).toEqual({ key: '', won_date: 'won_date' });
    expect(right.dateField).toBe('won_date');
  });

  it('flags mql_id chosen as a date, and takes won_date back without a field left behind', async () => {
    const deals = await previewExport(dealsFile);
    const draft = draftFromPreview(deals, 'right', null);
    const wrong = chooseDateColumn(draft, 'mql_id');
    expect(wrong.fields).toEqual({ key: '', mql_id_date: 'mql_id' });
    const dates = await previewDates(dealsFile, null, 'mql_id', 'America/Sao_Paulo');
    expect(dates.unreadable).toBe(dates.nonEmpty);
    expect(describeUnreadableDates(dates)).toMatch(new RegExp(`^${dates.nonEmpty} of ${dates.nonEmpty} values of 'mql_id' do not read as dates: '[0-9a-f]{32}'`));
    const right = chooseDateColumn(wrong, 'won_date');
    expect(right.fields).toEqual({ key: '', won_date: 'won_date' });
    expect(describeUnreadableDates(await previewDates(dealsFile, null, 'won_date', 'America/Sao_Paulo'))).toBeUndefined();
  });
});
