// A money bridge set up without YAML: deal and opportunity presets on real header shapes, the form's money checks, the contract it writes, parsed and run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { NewInvestigation, SourceDraft } from '../../shared/api';
import { checkCurrencyRates } from '../../shared/checkCurrencyRates';
import { buildNewContractText } from '../../electron/engine/newInvestigation/buildNewContractText';
import { checkNewInvestigation } from '../../electron/engine/newInvestigation/checkNewInvestigation';
import { createWorkbench } from '../../electron/engine/createWorkbench';
import { detectExportPreset } from '../../electron/engine/newInvestigation/detectExportPreset';
import { parseContract } from '../../electron/engine/contract/parseContract';
import { previewExport } from '../../electron/engine/newInvestigation/previewExport';
import { datasetPath, findMissingDataset } from './datasetPath';

const root = path.resolve(import.meta.dirname, '../..');
const sampleContract = path.join(root, 'samples/acme-q3-2026.recon.yaml');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-money-form-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

// A HubSpot deals export (default deal properties, plus the custom property holding the Salesforce opportunity id).
const DEALS = [
  'Record ID,Deal Name,Deal Stage,Amount,Currency,Create Date,Close Date,Pipeline,Original Source Type,Salesforce Opportunity ID',
  '1001,Acme renewal,closedwon,"12,500.00",USD,2026-07-05 10:00,2026-08-01,Sales Pipeline,Paid Search,0068c00000AbCdE',
  '1002,Globex expansion,closedlost,1000,EUR,2026-07-06 09:00,2026-08-02,Sales Pipeline,Organic Search,0068c00000AbCdF',
  '1003,Initech pilot,contractsent,300,USD,2026-07-07 11:30,2026-08-03,Sales Pipeline,Direct Traffic,0068c00000AbCdG',
  '1004,Umbrella,closedwon,500,USD,2026-10-07 10:00,2026-11-03,Sales Pipeline,Paid Search,0068c00000XyZ12',
  '1005,Hooli,closedwon,800,USD,2026-08-10 16:00,2026-09-01,Sales Pipeline,Referrals,',
].join('\n');

// A Salesforce opportunity report of a multi-currency org: title lines, Amount Currency beside Amount, footer lines.
const OPPORTUNITIES = [
  '"Sourced pipeline Q3"',
  '"Opportunity Owner: All"',
  '',
  '"Opportunity Owner","Account Name","Opportunity Name","Stage","Amount Currency","Amount","Created Date","Close Date","Lead Source","Opportunity ID"',
  '"Ann Lee","Acme","Acme renewal","Closed Won","USD","11,000.00","7/5/2026","8/1/2026","Web","0068c00000AbCdEAAU"',
  '"Ann Lee","Globex","Globex expansion","Closed Lost","EUR","1,000.00","7/6/2026","8/5/2026","Web","0068c00000AbCdFAAU"',
  '"Bo Chen","Initech","Initech pilot","Negotiation/Review","USD","300.00","7/7/2026","8/3/2026","Partner","0068c00000AbCdGAAU"',
  '"Bo Chen","Stark","Stark deal","Closed Won","USD","50.00","7/8/2026","8/3/2026","Phone Inquiry","0068c00000ZzZ99AAA"',
  '',
  '"Grand Totals (4 records)"',
  '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."',
].join('\n');

function writeExports(name: string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'hubspot-deals.csv'), DEALS);
  fs.writeFileSync(path.join(dir, 'opportunities.csv'), OPPORTUNITIES);
  return dir;
}

function dealsDraft(dir: string): SourceDraft {
  return {
    name: 'hubspot',
    system: 'marketing',
    file: path.join(dir, 'hubspot-deals.csv'),
    timezone: 'America/New_York',
    id: 'Record ID',
    fields: { key: 'Salesforce Opportunity ID', created_date: 'Create Date', amount: 'Amount', currency: 'Currency', stage: 'Deal Stage', sf_opportunity_id: 'Salesforce Opportunity ID' },
    metric: 'HubSpot pipeline',
    dateField: 'created_date',
    value: 'amount',
  };
}

function opportunitiesDraft(dir: string): SourceDraft {
  return {
    name: 'salesforce',
    system: 'sales',
    file: path.join(dir, 'opportunities.csv'),
    timezone: 'America/New_York',
    id: 'Opportunity ID',
    keyIsId: true,
    fields: { created_date: 'Created Date', amount: 'Amount', stage: 'Stage' },
    metric: 'CRM pipeline',
    dateField: 'created_date',
    value: 'amount',
  };
}

function moneySpec(dir: string, patch: Partial<NewInvestigation> = {}): NewInvestigation {
  return {
    title: 'Sourced pipeline Q3',
    contractPath: path.join(dir, 'pipeline.recon.yaml'),
    timezone: 'America/New_York',
    from: '2026-07-01',
    to: '2026-09-30',
    left: dealsDraft(dir),
    right: opportunitiesDraft(dir),
    normalize: ['trim', 'salesforce_id'],
    currency: 'USD',
    rates: { EUR: '1.10' },
    compare: [
      { field: 'value', kind: 'amount', tolerance: '0.01' },
      { field: 'stage', left: 'Deal Stage', right: 'Stage', kind: 'text', map: { closedwon: 'Closed Won', closedlost: 'Closed Lost', contractsent: 'Negotiation/Review' } },
      { field: 'close_date', left: 'Close Date', right: 'Close Date', kind: 'days', tolerance: '0' },
    ],
    ...patch,
  };
}

describe('deal and opportunity presets', () => {
  it('maps a HubSpot deals export: the Salesforce opportunity id is the key, the amount and its currency are suggested', () => {
    const columns = DEALS.split('\n')[0]?.split(',') ?? [];
    const guess = detectExportPreset(columns, ['Create Date', 'Close Date']);
    expect(guess).toMatchObject({ preset: 'hubspot', records: 'deals', system: 'marketing', id: 'Record ID', dateField: 'created_date' });
    expect(guess.fields).toEqual({
      key: 'Salesforce Opportunity ID',
      created_date: 'Create Date',
      close_date: 'Close Date',
      amount: 'Amount',
      currency: 'Currency',
      stage: 'Deal Stage',
      lead_source: 'Original Source Type',
      sf_opportunity_id: 'Salesforce Opportunity ID',
    });
  });

  it('reads a multi-currency Salesforce opportunity report through its title and footer lines', async () => {
    const dir = writeExports('preview');
    const preview = await previewExport(path.join(dir, 'opportunities.csv'));
    expect(preview).toMatchObject({ preset: 'salesforce_report', records: 'opportunities', system: 'sales', id: 'Opportunity ID', rows: 4, dateField: 'created_date' });
    expect(preview.dialect.dropped.map((d) => d.reason)).toEqual(['title_row', 'title_row', 'blank_row', 'report_footer', 'report_footer', 'report_footer']);
    // The ISO code of each row's Amount is in `Amount Currency`; the key is the opportunity's own id.
    expect(preview.fields).toEqual({
      key: 'Opportunity ID',
      created_date: 'Created Date',
      close_date: 'Close Date',
      amount: 'Amount',
      currency: 'Amount Currency',
      stage: 'Stage',
      lead_source: 'Lead Source',
      company: 'Account Name',
    });
    expect(preview.timezoneHint).toMatch(/time zone of the user who ran the report/);
  });

  it('maps a Data Loader Opportunity file (API names, UTC)', async () => {
    const dir = path.join(tmp, 'dataloader');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'Opportunity.csv');
    fs.writeFileSync(
      file,
      [
        '"Id","AccountId","Name","StageName","Amount","CurrencyIsoCode","CloseDate","LeadSource","CreatedDate"',
        '"0068c00000AbCdEAAU","0018c00000Qw1AAA","Acme renewal","Closed Won","11000.0","USD","2026-08-01","Web","2026-07-05T14:00:00.000Z"',
        '"0068c00000AbCdFAAU","0018c00000Qw2AAA","Globex expansion","Closed Lost","1000.0","EUR","2026-08-05","Web","2026-07-06T13:00:00.000Z"',
      ].join('\n'),
    );
    const preview = await previewExport(file);
    expect(preview).toMatchObject({ preset: 'salesforce_data_loader', records: 'opportunities', id: 'Id', timezone: 'UTC', dateField: 'created_date' });
    expect(preview.fields).toEqual({ key: 'Id', created_date: 'CreatedDate', close_date: 'CloseDate', amount: 'Amount', currency: 'CurrencyIsoCode', stage: 'StageName', lead_source: 'LeadSource' });
  });

  it('still maps contact and lead exports as before: no money fields', () => {
    const hubspot = detectExportPreset(['Record ID', 'Email', 'Lifecycle Stage', 'Create Date', 'Amount']);
    expect(hubspot.records).toBeUndefined();
    expect(hubspot.fields).not.toHaveProperty('amount');
  });

  it.skipIf(findMissingDataset('salesforce-apex-recipes'))("reads apex-recipes' Opportunities.csv (a data-import file, no record id) as no preset: its columns are left to the form", () => {
    const [header] = fs.readFileSync(datasetPath('salesforce-apex-recipes', 'Opportunities.csv'), 'utf8').split(/\r?\n/, 1);
    const guess = detectExportPreset((header ?? '').split(',').map((h) => h.replace(/^"|"$/g, '')));
    expect(guess.preset).toBeNull();
    expect(guess.fields).toEqual({ closedate_date: 'closedate' });
  });
});

describe('the money form checks', () => {
  const dir = writeExports('checks');
  const fields = (spec: NewInvestigation) => checkNewInvestigation(spec).map((p) => p.field);

  it('finds nothing wrong with a sound money form', () => {
    expect(checkNewInvestigation(moneySpec(dir))).toEqual([]);
  });

  it('names the field of each money mistake', () => {
    expect(fields(moneySpec(dir, { right: { ...opportunitiesDraft(dir), value: undefined } }))).toEqual(['right.value', 'compare.0']);
    expect(fields(moneySpec(dir, { currency: '' }))).toEqual(['currency']);
    expect(fields(moneySpec(dir, { currency: 'dollars' }))).toEqual(['currency']);
    expect(fields(moneySpec(dir, { rates: { EUR: '-1' } }))).toEqual(['rates.EUR']);
    expect(checkNewInvestigation(moneySpec(dir, { normalize: ['trim', 'lowercase', 'salesforce_id'] }))).toMatchObject([{ field: 'normalize', message: /case sensitive/ }]);
    const compare = moneySpec(dir).compare ?? [];
    expect(fields(moneySpec(dir, { compare: [compare[0], { ...compare[2], tolerance: '1.5' }] as NewInvestigation['compare'] }))).toEqual(['compare.1']);
    expect(fields(moneySpec(dir, { compare: [{ field: 'stage', left: 'Pipeline', right: 'Stage', kind: 'text' }] }))).toEqual(['compare.0']);
    expect(fields(moneySpec(dir, { right: { ...opportunitiesDraft(dir), id: undefined } }))).toEqual(['right.fields.key']);
    // What only the written contract's reader finds is placed at its comparison: two left values one but for case, mapped apart.
    const twice = { field: 'stage', left: 'Deal Stage', right: 'Stage', kind: 'text' as const, map: { closedwon: 'Closed Won', ClosedWon: 'Closed Lost' } };
    expect(checkNewInvestigation(moneySpec(dir, { compare: [twice] }))).toEqual([
      { field: 'compare.0', message: "reconcile[0].compare.stage.map.ClosedWon: 'ClosedWon' repeats a key of the map (keys are compared after trim, ignoring case)" },
    ]);
    // Mapped alike, they are one key of the map.
    expect(checkNewInvestigation(moneySpec(dir, { compare: [{ ...twice, map: { closedwon: 'Closed Won', ClosedWon: 'Closed Won' } }] }))).toEqual([]);
  });

  it('asks a rate for each currency found in the amounts, saying how many amounts carry it', () => {
    const found = { left: [{ value: 'USD', count: 4 }, { value: 'EUR', count: 1 }], right: [{ value: 'USD', count: 3 }, { value: 'EUR', count: 1 }, { value: 'GBP', count: 2 }] };
    expect(checkCurrencyRates({ currency: 'USD', rates: { EUR: '1.10' } }, found)).toEqual([{ field: 'rates.GBP', message: '2 amounts of the right export are in GBP: enter how many USD one GBP is worth' }]);
    expect(checkCurrencyRates({ currency: 'usd', rates: {} }, found).map((p) => p.message)).toEqual([
      '1 amount of the left export and 1 amount of the right export are in EUR: enter how many USD one EUR is worth',
      '2 amounts of the right export are in GBP: enter how many USD one GBP is worth',
    ]);
  });
});

describe('the money contract the form writes', () => {
  it('writes money.md keys in words, parses, and keeps the plain identity of a contact investigation', () => {
    const dir = writeExports('text');
    const spec = moneySpec(dir);
    const text = buildNewContractText(spec, spec.contractPath, '2026-12-01');
    const contract = parseContract(text, 'pipeline.recon.yaml');
    expect(contract.identity).toBeUndefined();
    expect(contract.reporting).toMatchObject({ currency: 'USD', rates: { EUR: '1.1' } });
    expect(contract.metrics.map((m) => [m.name, m.value])).toEqual([
      ['HubSpot pipeline', 'amount'],
      ['CRM pipeline', 'amount'],
    ]);
    expect(contract.sources.map((s) => s.fields)).toEqual([
      { created_date: 'Create Date', amount: 'Amount', currency: 'Currency', stage: 'Deal Stage', sf_opportunity_id: 'Salesforce Opportunity ID', close_date: 'Close Date' },
      { created_date: 'Created Date', amount: 'Amount', stage: 'Stage', close_date: 'Close Date' },
    ]);
    const [bridge] = contract.reconcile;
    expect(bridge?.match).toMatchObject({ left: 'sf_opportunity_id', right: 'id', normalize: ['trim', 'salesforce_id'], fromIdentity: false });
    expect(bridge?.compare.map((c) => ({ ...c, line: 0 }))).toEqual([
      { field: 'value', kind: 'amount', tolerance: { absolute: '0.01' }, line: 0 },
      { field: 'stage', kind: 'text', map: { closedwon: 'Closed Won', closedlost: 'Closed Lost', contractsent: 'Negotiation/Review' }, line: 0 },
      { field: 'close_date', kind: 'date', days: 0, line: 0 },
    ]);
    expect(text).toContain('    match: { left: sf_opportunity_id, right: id, normalize: [ trim, salesforce_id ] }');
    expect(text).toMatch(/# A left record and a right record are the same when the left's sf_opportunity_id \(Salesforce Opportunity ID\) equals the right's record id \(Opportunity ID\) once we:\n\s+# {3}trim: /);
    expect(text).toContain('#   the amounts: equal when at most 0.01 USD apart');
    expect(text).toContain('#   close_date: dates equal when at most 0 days apart');
    // Round trip: the text written is the text read, keys and comments kept.
    expect(buildNewContractText(spec, spec.contractPath, '2026-12-01')).toBe(text);
    // Percent tolerances and text without a map are written as money.md spells them.
    const other = buildNewContractText(moneySpec(dir, { compare: [{ field: 'value', kind: 'percent', tolerance: '1' }, { field: 'stage', left: 'Deal Stage', right: 'Stage', kind: 'text' }] }), spec.contractPath, '2026-12-01');
    expect(parseContract(other, 'x').reconcile[0]?.compare.map((c) => c.kind)).toEqual(['amount', 'text']);
    expect(other).toMatch(/value: \{ tolerance: 1% \}|value: \{ tolerance: "1%" \}/);
    // Both sides on a column named only `key`, no Salesforce ids: the contract's one identity, as before money.
    const leftFields = Object.fromEntries(Object.entries(dealsDraft(dir).fields).filter(([field]) => field !== 'sf_opportunity_id'));
    const plain = moneySpec(dir, {
      left: { ...dealsDraft(dir), fields: leftFields },
      right: { ...opportunitiesDraft(dir), keyIsId: false, fields: { ...opportunitiesDraft(dir).fields, key: 'Opportunity ID' } },
      normalize: ['trim'],
    });
    const identity = parseContract(buildNewContractText(plain, spec.contractPath, '2026-12-01'), 'x');
    expect(identity.identity).toEqual({ key: 'key', normalize: ['trim'] });
    expect(identity.reconcile[0]?.match).toMatchObject({ left: 'key', right: 'key', fromIdentity: true });
  });

  it('creates the investigation and runs the bridge: counts, values and the pairs that differ', async () => {
    const dir = writeExports('run');
    const wb = await createWorkbench({ home: path.join(dir, 'home'), sampleContract });
    try {
      expect(await wb.listAmountCurrencies(dealsDraft(dir), 'USD')).toEqual([
        { value: 'USD', count: 4 },
        { value: 'EUR', count: 1 },
      ]);
      // Salesforce's `Amount Currency` companion is found without being mapped.
      expect(await wb.listAmountCurrencies(opportunitiesDraft(dir), 'usd')).toEqual([
        { value: 'USD', count: 3 },
        { value: 'EUR', count: 1 },
      ]);
      await wb.createInvestigation(moneySpec(dir));
      const report = await wb.getReport();
      const [bridge] = report.reconciliations;
      expect(report.currency).toBe('USD');
      expect(bridge?.left).toMatchObject({ gross: 5, net: 4, gross_value: 15200, net_value: 14700 });
      expect(bridge?.right).toMatchObject({ gross: 4, net: 4, gross_value: 12450, net_value: 12450 });
      const shown = bridge?.buckets.map((b) => [b.side, b.kind, b.reason, b.count, b.value, b.ids.join(' ')]);
      expect(shown).toEqual(
        expect.arrayContaining([
          ['left', 'out_of_period', 'outside_period', 1, 500, '1004'],
          ['left', 'matched', 'value_differs', 1, 12500, '1001'],
          ['left', 'matched', 'close_date_differs', 1, 1100, '1002'],
          ['left', 'matched', 'matched', 1, 300, '1003'],
          ['left', 'unmatched', 'missing_key', 1, 800, '1005'],
          ['right', 'matched', 'value_differs', 1, 11000, '0068c00000AbCdEAAU'],
          ['right', 'unmatched', 'no_counterpart', 1, 50, '0068c00000ZzZ99AAA'],
        ]),
      );
      expect(bridge?.pairs).toEqual([
        { left_id: '1001', right_id: '0068c00000AbCdEAAU', reason: 'value_differs', differs: { value: [12500, 11000] } },
        { left_id: '1002', right_id: '0068c00000AbCdFAAU', reason: 'close_date_differs', differs: { close_date: ['2026-08-02', '2026-08-05'] } },
      ]);
    } finally {
      await wb.close();
    }
  });

  it('lists the currencies written in the amounts themselves, a bare $ only as the reporting currency when that is a dollar', async () => {
    const dir = path.join(tmp, 'symbols');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'invoices.csv');
    fs.writeFileSync(file, ['Invoice,Booked,Total', 'A1,2026-07-01,"$1,200.00"', 'A2,2026-07-02,"EUR 1,234.56"', 'A3,2026-07-03,"12,500.00 €"', 'A4,2026-07-04,', 'A5,2026-07-05,TBD', 'A6,2026-07-06,300'].join('\n'));
    const draft: SourceDraft = { name: 'erp', system: 'finance', file, timezone: 'UTC', id: 'Invoice', fields: { key: 'Invoice', booked_date: 'Booked', amount: 'Total' }, metric: 'Invoiced', dateField: 'booked_date', value: 'amount' };
    const wb = await createWorkbench({ home: path.join(dir, 'home'), sampleContract });
    try {
      // Empty and unreadable amounts carry no currency; a bare number is in the reporting currency. Most rows first, then by code.
      expect(await wb.listAmountCurrencies(draft, 'USD')).toEqual([
        { value: 'EUR', count: 2 },
        { value: 'USD', count: 2 },
      ]);
      expect(await wb.listAmountCurrencies(draft, 'EUR')).toEqual([
        { value: 'EUR', count: 3 },
        { value: '$', count: 1 },
      ]);
      expect(await wb.listAmountCurrencies({ ...draft, value: undefined })).toEqual([]);
      await expect(wb.listAmountCurrencies({ ...draft, fields: { ...draft.fields, currency: 'Currency' } }, 'USD')).rejects.toThrow(/no column 'Currency'/);
    } finally {
      await wb.close();
    }
  });

  it('refuses at Create a currency the rates lack, by field, and writes nothing', async () => {
    const dir = writeExports('no-rate');
    const wb = await createWorkbench({ home: path.join(dir, 'home'), sampleContract });
    try {
      await expect(wb.createInvestigation(moneySpec(dir, { rates: {} }))).rejects.toThrow(
        'cannot create the investigation: rates.EUR: 1 amount of the left export and 1 amount of the right export are in EUR: enter how many USD one EUR is worth',
      );
      expect(fs.existsSync(path.join(dir, 'pipeline.recon.yaml'))).toBe(false);
    } finally {
      await wb.close();
    }
  });
});
