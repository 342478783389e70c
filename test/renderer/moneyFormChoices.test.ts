// The money form's own proposals: a compared pair's canonical name, and the key normalisers proposed from what both keys hold.
import { describe, expect, it } from 'vitest';
import type { ExportPreview, SourceDraft } from '../../shared/api';
import { nameCompareField } from '../../renderer/model/nameCompareField';
import { suggestNormalizers } from '../../renderer/model/suggestNormalizers';

const deals: SourceDraft = {
  name: 'hubspot',
  system: 'marketing',
  file: '/x/deals.csv',
  timezone: 'UTC',
  id: 'Record ID',
  fields: { key: 'Salesforce Opportunity ID', created_date: 'Create Date', amount: 'Amount', stage: 'Deal Stage' },
  metric: 'Marketing pipeline',
  dateField: 'created_date',
  value: 'amount',
};
const opportunities: SourceDraft = { ...deals, name: 'sf', id: 'Opportunity ID', keyIsId: true, fields: { created_date: 'Created Date', amount: 'Amount', stage: 'Stage' } };

function preview(columns: string[], rows: string[][]): ExportPreview {
  return { file: '/x/f.csv', rows: rows.length, dialect: { encoding: 'utf-8', dropped: [] }, columns, uniqueColumns: [], sampleRows: rows, preset: null, system: 'other', fields: {} };
}

describe('nameCompareField', () => {
  it('uses the name both sides already give the columns, else one made from the left column', () => {
    expect(nameCompareField(deals, opportunities, 'Deal Stage', 'Stage')).toBe('stage');
    expect(nameCompareField(deals, opportunities, 'Close Date', 'Close Date')).toBe('close_date');
    expect(nameCompareField(deals, opportunities, 'CloseDate', 'Close Date')).toBe('close_date');
  });

  it('never takes a name another column holds on either side, nor value, id or key', () => {
    // `stage` is Deal Stage on the left: Pipeline vs Stage cannot be `stage`.
    expect(nameCompareField(deals, opportunities, 'Pipeline', 'Stage')).toBe('pipeline');
    expect(nameCompareField({ ...deals, fields: { ...deals.fields, pipeline: 'Deal Stage' } }, opportunities, 'Pipeline', 'Stage')).toBe('pipeline_2');
    expect(nameCompareField(deals, opportunities, 'Value', 'Amount')).toBe('value_2');
    expect(nameCompareField(deals, opportunities, '2nd owner', 'Owner')).toBe('f_2nd_owner');
  });
});

describe('suggestNormalizers', () => {
  const left = preview(['Record ID', 'Salesforce Opportunity ID'], [['1', '0068c00000AbCdE'], ['2', ''], ['3', '0068c00000AbCdF']]);
  const right = preview(['Opportunity ID'], [['0068c00000AbCdEAAU'], ['0068c00000AbCdFAAU']]);

  it('proposes Salesforce ids, case kept, when both keys hold them', () => {
    expect(suggestNormalizers({ left: deals, right: opportunities }, { left, right })).toEqual(['trim', 'salesforce_id']);
  });

  it('keeps the e-mail defaults otherwise', () => {
    const emails = preview(['Opportunity ID'], [['jo@x.com'], ['0068c00000AbCdFAAU']]);
    expect(suggestNormalizers({ left: deals, right: opportunities }, { left, right: emails })).toEqual(['trim', 'lowercase']);
    // Fifteen letters without a digit are a word, not an id.
    const words = preview(['Opportunity ID'], [['abcdefghijklmno']]);
    expect(suggestNormalizers({ left: deals, right: opportunities }, { left, right: words })).toEqual(['trim', 'lowercase']);
    expect(suggestNormalizers({ left: deals, right: null }, { left, right })).toEqual(['trim', 'lowercase']);
  });
});
