// detectExportPreset on the headers of real exports: canonical names follow what each column means, never an id read as a date.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectExportPreset } from '../../electron/engine/newInvestigation/detectExportPreset';
import { nameDateField } from '../../shared/nameDateField';
import { datasetPath, findMissingDataset } from './datasetPath';

function readHeader(...parts: string[]): string[] | null {
  const file = datasetPath(...parts);
  if (!fs.existsSync(file)) return null;
  const [line] = fs.readFileSync(file, 'utf8').split(/\r?\n/, 1);
  return (line ?? '').split(',').map((h) => h.replace(/^"|"$/g, ''));
}

const olistMqls = readHeader('olist-marketing-funnel', 'olist_marketing_qualified_leads_dataset.csv');
const olistDeals = readHeader('olist-marketing-funnel', 'olist_closed_deals_dataset.csv');
const maven = readHeader('maven-crm-sales-opportunities', 'sales_pipeline.csv');

describe('detectExportPreset', () => {
  it('names dates after their meaning', () => {
    expect(nameDateField('Became a Marketing Qualified Lead Date')).toBe('mql_date');
    expect(nameDateField('Create Date')).toBe('created_date');
    expect(nameDateField('CreatedDate')).toBe('created_date');
    expect(nameDateField('won_date')).toBe('won_date');
    expect(nameDateField('first_contact_date')).toBe('first_contact_date');
    expect(nameDateField('Close Date')).toBe('close_date');
    expect(nameDateField('LastModifiedDate')).toBe('last_modified_date');
    expect(nameDateField('Signed up at')).toBe('signed_up_date');
  });

  it('maps a HubSpot export: e-mail as the key, the MQL date as the date that counts', () => {
    const columns = ['Record ID', 'First Name', 'Email', 'Lifecycle Stage', 'Lead Status', 'Create Date', 'Became a Marketing Qualified Lead Date'];
    const guess = detectExportPreset(columns);
    expect(guess.preset).toBe('hubspot');
    expect(guess.id).toBe('Record ID');
    expect(guess.dateField).toBe('mql_date');
    expect(guess.fields).toEqual({
      key: 'Email',
      mql_date: 'Became a Marketing Qualified Lead Date',
      created_date: 'Create Date',
      lifecycle_stage: 'Lifecycle Stage',
      status: 'Lead Status',
    });
  });

  it.skipIf(findMissingDataset('olist-marketing-funnel'))("reads Olist's headers without taking mql_id for an MQL date", () => {
    const mqls = detectExportPreset(olistMqls ?? []);
    expect(mqls.fields).toEqual({ first_contact_date: 'first_contact_date', source: 'origin' });
    expect(mqls.dateField).toBe('first_contact_date');
    const deals = detectExportPreset(olistDeals ?? []);
    expect(deals.fields).toEqual({ won_date: 'won_date' });
    expect(deals.dateField).toBe('won_date');
    for (const guess of [mqls, deals]) expect(Object.values(guess.fields)).not.toContain('mql_id');
  });

  it.skipIf(findMissingDataset('maven-crm-sales-opportunities'))("reads Maven's pipeline header: its first date is the one proposed", () => {
    const guess = detectExportPreset(maven ?? []);
    expect(guess.preset).toBeNull();
    expect(guess.fields).toEqual({ engage_date: 'engage_date' });
    expect(guess.dateField).toBe('engage_date');
    // With the values read, only the columns holding dates may be dates.
    expect(detectExportPreset(maven ?? [], ['close_date']).fields).toEqual({ close_date: 'close_date' });
  });
});
