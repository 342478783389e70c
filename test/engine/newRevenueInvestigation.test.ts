// revenue.md's exports in the new-investigation flow: the presets on their headers, and the contract the form writes (parsed, read back, run against the sample's expected metrics).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExtraSourceDraft, NewInvestigation, RevenueDraft } from '../../shared/api';
import type { MetricsReport } from '../../shared/metricsReportTypes';
import { buildNewContractText } from '../../electron/engine/newInvestigation/buildNewContractText';
import { checkNewInvestigation } from '../../electron/engine/newInvestigation/checkNewInvestigation';
import { createInvestigation } from '../../electron/engine/newInvestigation/createInvestigation';
import { detectExportPreset } from '../../electron/engine/newInvestigation/detectExportPreset';
import { openInvestigation } from '../../electron/engine/openInvestigation';
import { parseContract } from '../../electron/engine/contract/parseContract';
import { previewExport } from '../../electron/engine/newInvestigation/previewExport';
import { draftExtraSource } from '../../renderer/model/draftExtraSource';
import { proposeRevenueDeclarations } from '../../renderer/model/proposeRevenueDeclarations';
import { datasetPath, findMissingDataset } from './datasetPath';

const root = path.resolve(import.meta.dirname, '../..');
const exports = path.join(root, 'samples/exports');
const expected = JSON.parse(fs.readFileSync(path.join(root, 'samples/expected-metrics.json'), 'utf8')) as MetricsReport;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-revenue-form-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function readHeader(file: string): string[] {
  const [line] = fs.readFileSync(file, 'utf8').split(/\r?\n/, 1);
  return (line ?? '').split(',').map((h) => h.replace(/^"|"$/g, ''));
}

describe('revenue presets', () => {
  it('recognises a Salesforce "Opportunities with Contact Roles" report: the opportunity id, the e-mail as key, primary and role', () => {
    const guess = detectExportPreset(['Opportunity Owner', 'Opportunity Name', 'Opportunity ID', 'Stage', 'Amount', 'First Name', 'Last Name', 'Email', 'Contact Role', 'Primary']);
    expect(guess).toMatchObject({ preset: 'salesforce_report', kind: 'contact_roles', system: 'sales' });
    expect(guess.records).toBeUndefined();
    expect(guess.fields).toMatchObject({ key: 'Email', opportunity_id: 'Opportunity ID', is_primary: 'Primary', role: 'Contact Role' });
  });

  it('recognises an OpportunityContactRole Data Loader file: people by contact id, no e-mail', () => {
    const guess = detectExportPreset(['Id', 'OpportunityId', 'ContactId', 'Role', 'IsPrimary', 'CreatedDate', 'IsDeleted'], ['CreatedDate']);
    expect(guess).toMatchObject({ preset: 'salesforce_data_loader', kind: 'contact_roles', id: 'Id' });
    expect(guess.fields).toMatchObject({ opportunity_id: 'OpportunityId', contact_id: 'ContactId', is_primary: 'IsPrimary', role: 'Role' });
    expect(guess.fields.key).toBeUndefined();
  });

  it('recognises Lead exports with conversion fields, report and Data Loader, read by their conversion date', () => {
    const report = detectExportPreset(['Lead ID', 'First Name', 'Email', 'Lead Source', 'Create Date', 'Converted', 'Converted Date', 'Converted Opportunity ID'], ['Create Date', 'Converted Date']);
    expect(report).toMatchObject({ preset: 'salesforce_report', kind: 'lead_conversions', id: 'Lead ID', dateField: 'converted_date' });
    expect(report.fields).toMatchObject({ key: 'Email', converted: 'Converted', converted_date: 'Converted Date', converted_opportunity_id: 'Converted Opportunity ID', created_date: 'Create Date', source: 'Lead Source' });
    const loader = detectExportPreset(['Id', 'Email', 'Status', 'IsConverted', 'ConvertedDate', 'ConvertedOpportunityId', 'ConvertedContactId', 'CreatedDate'], ['ConvertedDate', 'CreatedDate']);
    expect(loader).toMatchObject({ preset: 'salesforce_data_loader', kind: 'lead_conversions', id: 'Id', dateField: 'converted_date' });
    expect(loader.fields).toMatchObject({ key: 'Email', converted: 'IsConverted', converted_date: 'ConvertedDate', converted_opportunity_id: 'ConvertedOpportunityId', converted_contact_id: 'ConvertedContactId' });
  });

  it('recognises Task and activity exports (Salesforce report, Data Loader Task, HubSpot activities), read by when the task was done', () => {
    const report = detectExportPreset(readHeader(path.join(exports, 'salesforce_tasks.csv')), ['Date']);
    expect(report).toMatchObject({ preset: 'salesforce_report', kind: 'tasks', id: 'Activity ID', dateField: 'done_at' });
    expect(report.fields).toMatchObject({ key: 'Email', done_at: 'Date', type: 'Type', subject: 'Subject' });
    const loader = detectExportPreset(['Id', 'WhoId', 'WhatId', 'Subject', 'ActivityDate', 'Status', 'Type', 'TaskSubtype', 'CompletedDateTime', 'CreatedDate'], ['ActivityDate', 'CompletedDateTime', 'CreatedDate']);
    expect(loader).toMatchObject({ preset: 'salesforce_data_loader', kind: 'tasks', id: 'Id', dateField: 'done_at' });
    expect(loader.fields).toMatchObject({ done_at: 'CompletedDateTime', type: 'Type', who_id: 'WhoId' });
    const hubspot = detectExportPreset(['Activity ID', 'Activity date', 'Activity type', 'Activity assigned to', 'Associated Contact', 'Associated Contact Email'], ['Activity date']);
    expect(hubspot).toMatchObject({ preset: 'hubspot', kind: 'tasks', id: 'Activity ID', dateField: 'done_at' });
    expect(hubspot.fields).toMatchObject({ done_at: 'Activity date', type: 'Activity type' });
  });

  it('recognises a plain spend sheet by its columns, whatever wrote it', () => {
    const guess = detectExportPreset(readHeader(path.join(exports, 'marketing_spend.csv')));
    expect(guess).toMatchObject({ preset: 'spend_sheet', kind: 'spend', system: 'finance', dateField: 'month' });
    expect(guess.fields).toEqual({ month: 'Month', channel: 'Channel', amount: 'Amount' });
    expect(detectExportPreset(['Period', 'Marketing Channel', 'Spend']).fields).toEqual({ month: 'Period', channel: 'Marketing Channel', amount: 'Spend' });
    // Amounts with no channel, or a wide sheet, are something else.
    expect(detectExportPreset(['Month', 'Amount']).kind).toBeUndefined();
    expect(detectExportPreset(['Month', 'Channel', 'Amount', 'Owner', 'Region', 'Campaign', 'Notes']).kind).toBeUndefined();
  });

  it('keeps the bridge presets of the exports the revenue ones resemble', () => {
    expect(detectExportPreset(readHeader(path.join(exports, 'salesforce_opportunities.csv')))).toMatchObject({ preset: 'salesforce_report', records: 'opportunities' });
    expect(detectExportPreset(readHeader(path.join(exports, 'salesforce_leads.csv'))).kind).toBeUndefined();
    expect(detectExportPreset(readHeader(path.join(exports, 'hubspot_contacts.csv')))).toMatchObject({ preset: 'hubspot' });
    expect(detectExportPreset(readHeader(path.join(exports, 'hubspot_contacts.csv'))).kind).toBeUndefined();
  });

  it.skipIf(findMissingDataset('salesforce-apex-recipes'))('reads none of the real Salesforce sample objects as a revenue export', () => {
    for (const file of ['Campaigns.csv', 'Opportunities.csv', 'Contacts.csv', 'Accounts.csv']) {
      expect(detectExportPreset(readHeader(datasetPath('salesforce-apex-recipes', file))).kind, file).toBeUndefined();
    }
  });

  it.skipIf(findMissingDataset('maven-crm-sales-opportunities'))("reads Maven's pipeline as no revenue export (it has no people and no channel)", () => {
    expect(detectExportPreset(readHeader(datasetPath('maven-crm-sales-opportunities', 'sales_pipeline.csv'))).kind).toBeUndefined();
  });

  it.skipIf(findMissingDataset('salesforce-kittycorn'))("reads kittycorn's Contact object as no lead-conversion export (it has LeadSource, no conversion)", () => {
    expect(detectExportPreset(readHeader(datasetPath('salesforce-kittycorn', 'Contact.csv'))).kind).toBeUndefined();
  });

  it('previews the sample contact roles, tasks and spend files with their kind', async () => {
    const roles = await previewExport(path.join(exports, 'salesforce_contact_roles.csv'));
    expect(roles).toMatchObject({ preset: 'salesforce_report', kind: 'contact_roles', system: 'sales' });
    expect(roles.fields).toMatchObject({ key: 'Email', opportunity_id: 'Opportunity ID', is_primary: 'Primary' });
    const tasks = await previewExport(path.join(exports, 'salesforce_tasks.csv'));
    expect(tasks).toMatchObject({ kind: 'tasks', id: 'Activity ID', dateField: 'done_at' });
    const spend = await previewExport(path.join(exports, 'marketing_spend.csv'));
    expect(spend).toMatchObject({ preset: 'spend_sheet', kind: 'spend', system: 'finance', dateField: 'month' });
    // Its amounts happen to be unique: no record id for all that.
    expect(spend.uniqueColumns).toContain('Amount');
    expect(spend.id).toBeUndefined();
  });
});

/** The sample's own revenue declarations, as the form would send them for the sample's exports. */
function sampleRevenue(): RevenueDraft {
  const source = (name: string, file: string, fields: Record<string, string>, extra: Partial<ExtraSourceDraft> = {}): ExtraSourceDraft => ({
    name,
    system: 'sales',
    file: path.join(exports, file),
    timezone: 'America/Los_Angeles',
    fields,
    ...extra,
  });
  const opportunityRules = [{ name: 'renewal', expression: "opportunity_type = 'Existing Business'" }];
  return {
    sources: [
      source('hubspot_lifecycle', 'hubspot_contact_lifecycle.csv', { key: 'Email', sql_at: 'Became a Sales Qualified Lead Date' }, { system: 'marketing', timezone: 'UTC', id: 'Record ID' }),
      source('opportunities', 'salesforce_opportunities.csv', { opportunity_type: 'Type', lead_source: 'Lead Source', stage: 'Stage', amount: 'Amount', created_at: 'Created Date', close_date: 'Close Date' }, { id: 'Opportunity ID' }),
      source('contact_roles', 'salesforce_contact_roles.csv', { opportunity_id: 'Opportunity ID', key: 'Email', is_primary: 'Primary' }, { kind: 'contact_roles', timezone: 'UTC' }),
      source('tasks', 'salesforce_tasks.csv', { key: 'Email', type: 'Type', done_at: 'Date' }, { kind: 'tasks', id: 'Activity ID' }),
      source('spend', 'marketing_spend.csv', { month: 'Month', channel: 'Channel', amount: 'Amount' }, { kind: 'spend', system: 'finance', timezone: 'UTC' }),
    ],
    metrics: [
      { name: 'SQL', source: 'hubspot_lifecycle', date: 'sql_at' },
      { name: 'Opportunity', source: 'opportunities', date: 'created_at', value: 'amount', exclude: opportunityRules },
      { name: 'Won', source: 'opportunities', date: 'close_date', value: 'amount', exclude: [...opportunityRules, { name: 'not_won', expression: "stage <> 'Closed Won'" }] },
      { name: 'Lost', source: 'opportunities', date: 'close_date', value: 'amount', exclude: [...opportunityRules, { name: 'not_lost', expression: "stage <> 'Closed Lost'" }] },
    ],
    links: [{ name: 'opportunity_people', source: 'contact_roles', from: 'opportunity_id', to: 'key', salesforceIds: true, primary: "is_primary = '1'" }],
    funnels: [
      {
        name: 'Q3 MQLs to revenue',
        cohort: 'MQL',
        key: 'key',
        stages: [{ metric: 'SQL' }, { metric: 'Opportunity', via: 'opportunity_people' }, { metric: 'Won', via: 'opportunity_people' }],
        window: '90',
      },
    ],
    sla: [{ name: 'Speed to lead', from: 'MQL', source: 'tasks', key: 'key', date: 'done_at', where: "type IN ('Call', 'Email')", within: '24', unit: 'hours' }],
    spend: { source: 'spend', date: 'month', value: 'amount', channel: 'channel' },
    wonMetric: 'Won',
    lostMetric: 'Lost',
    opportunityMetric: 'Opportunity',
    winRateBy: 'lead_source',
  };
}

/** The sample's bridge (MQLs against CRM leads, with its exclusion rules) and its revenue part, through the form. */
function sampleSpec(dir: string, revenue: RevenueDraft = sampleRevenue()): NewInvestigation {
  const internal = (company: string) => ({ name: 'internal', expression: `lower(trim(key)) LIKE '%@acmecorp.com' OR ${company} = 'Acme Corp'` });
  return {
    title: 'Acme Q3 from the form',
    contractPath: path.join(dir, 'acme.recon.yaml'),
    timezone: 'America/New_York',
    from: '2026-07-01',
    to: '2026-09-30',
    normalize: ['trim', 'lowercase', 'strip_plus_tag'],
    left: {
      name: 'hubspot',
      system: 'marketing',
      file: path.join(exports, 'hubspot_contacts.csv'),
      timezone: 'UTC',
      id: 'Record ID',
      fields: { key: 'Email', mql_at: 'Became a Marketing Qualified Lead Date', company: 'Company Name', lifecycle_stage: 'Lifecycle Stage' },
      metric: 'MQL',
      dateField: 'mql_at',
      exclude: [
        internal('company'),
        { name: 'test', expression: "lower(trim(key)) LIKE 'test%@%' OR lower(trim(key)) LIKE '%@example.%'" },
        { name: 'not_mql', expression: "lifecycle_stage NOT IN ('Marketing Qualified Lead', 'Sales Qualified Lead', 'Opportunity', 'Customer')" },
      ],
    },
    right: {
      name: 'salesforce',
      system: 'sales',
      file: path.join(exports, 'salesforce_leads.csv'),
      timezone: 'America/Los_Angeles',
      id: 'Lead ID',
      fields: { key: 'Email', created_at: 'Create Date' },
      metric: 'CRM Lead',
      dateField: 'created_at',
    },
    revenue,
  };
}

describe('the contract the form writes for revenue.md', () => {
  it('parses, and reads back the declared sources, metrics, link, funnel, SLA and spend', () => {
    const spec = sampleSpec(tmp);
    const text = buildNewContractText(spec, spec.contractPath, '2026-12-01');
    const contract = parseContract(text, 'acme.recon.yaml');
    expect(contract.sources.map((s) => s.name)).toEqual(['hubspot', 'salesforce', 'hubspot_lifecycle', 'opportunities', 'contact_roles', 'tasks', 'spend']);
    expect(contract.sources.find((s) => s.name === 'contact_roles')?.file).toBe(path.relative(tmp, path.join(exports, 'salesforce_contact_roles.csv')));
    expect(contract.metrics.map((m) => m.name)).toEqual(['MQL', 'CRM Lead', 'SQL', 'Opportunity', 'Won', 'Lost']);
    expect(contract.metrics.find((m) => m.name === 'Won')?.exclude.map((rule) => rule.name)).toEqual(['renewal', 'not_won']);
    const revenue = contract.revenue;
    expect(revenue?.links).toEqual([
      expect.objectContaining({ name: 'opportunity_people', source: 'contact_roles', from: 'opportunity_id', to: 'key', normalizeFrom: ['trim', 'salesforce_id'], primary: "is_primary = '1'" }),
    ]);
    expect(revenue?.funnels.map(({ name, cohort, key, stages, windowDays }) => ({ name, cohort, key, stages: stages.map((s) => [s.metric, s.via]), windowDays }))).toEqual([
      { name: 'Q3 MQLs to revenue', cohort: 'MQL', key: 'key', stages: [['SQL', undefined], ['Opportunity', 'opportunity_people'], ['Won', 'opportunity_people']], windowDays: 90 },
    ]);
    expect(revenue?.sharedMetrics).toMatchObject({ periodMetric: 'Won', lost: 'Lost', opportunities: 'Opportunity', spend: { source: 'spend', date: 'month', value: 'amount', channel: 'channel' } });
    expect(revenue?.sharedMetrics?.sla).toEqual([
      expect.objectContaining({ name: 'Speed to lead', from: 'MQL', to: expect.objectContaining({ source: 'tasks', key: 'key', date: 'done_at', where: "type IN ('Call', 'Email')" }), within: { text: '24 hours', hours: 24 } }),
    ]);
    // Readable: each declaration says what it does in a comment, lists written on one line.
    expect(text).toContain('# Who is on which deal: one row per person on an opportunity (contact roles).');
    expect(text).toContain("# Of the period's MQL records, who reached SQL, then Opportunity (through opportunity_people), then Won (through opportunity_people), each within 90 days of the MQL date (same key).");
    expect(text).toContain("# Each MQL record's first tasks row where type IN ('Call', 'Email') (same key) after it: met within 24 hours.");
    expect(text).toContain('- { metric: Opportunity, via: opportunity_people }');
    expect(text).toContain('normalize: { from: [ trim, salesforce_id ] }');
  });

  it('names the block of the form a problem of the revenue part belongs to', () => {
    const revenue = sampleRevenue();
    const misnamed = { ...revenue, funnels: [{ ...revenue.funnels[0]!, stages: [{ metric: 'SQLs' }] }], sla: [{ ...revenue.sla[0]!, key: 'e_mail' }] };
    const problems = checkNewInvestigation(sampleSpec(path.join(tmp, 'misnamed'), misnamed));
    expect(problems.find((p) => p.field === 'revenue.funnels.0')?.message).toMatch(/SQLs.*SQL/);
    expect(problems.find((p) => p.field === 'revenue.sla.0')?.message).toMatch(/e_mail/);
    const unnamed = checkNewInvestigation(sampleSpec(tmp, { ...revenue, sources: [...revenue.sources, { ...revenue.sources[4]!, name: 'tasks' }], wonMetric: undefined }));
    expect(unnamed).toEqual(
      expect.arrayContaining([
        { field: 'revenue.sources.5', message: "another source is already named 'tasks': rename this one" },
        { field: 'revenue.wonMetric', message: 'SLAs and spend belong to the shared metrics: choose the metric of the won deals of the period' },
      ]),
    );
    const missing = checkNewInvestigation(sampleSpec(tmp, { ...revenue, sources: [{ ...revenue.sources[2]!, file: path.join(tmp, 'nowhere.csv') }, ...revenue.sources.slice(3)] }));
    expect(missing).toContainEqual({ field: 'revenue.sources.0', message: `file not found: ${path.join(tmp, 'nowhere.csv')}` });
  });

  it('opens: the funnel and the SLA are the sample\'s expected figures, record by record', async () => {
    const dir = path.join(tmp, 'run');
    const spec = sampleSpec(dir);
    await createInvestigation(spec, async (contractPath) => {
      const inv = await openInvestigation(contractPath);
      inv.close();
      return { contractPath } as never;
    });
    const inv = await openInvestigation(spec.contractPath);
    try {
      const report = await inv.getMetricsReport();
      const [funnel] = report.funnels;
      const [wanted] = expected.funnels;
      expect(funnel?.cohort.count).toBe(wanted?.cohort.count);
      expect(funnel?.stages.map((s) => [s.metric, s.reached, [...s.reached_ids].sort()])).toEqual(wanted?.stages.map((s) => [s.metric, s.reached, [...s.reached_ids].sort()]));
      const [sla] = report.sla;
      const [wantedSla] = expected.sla;
      for (const outcome of ['met', 'breached', 'never'] as const) expect([...(sla?.[outcome].ids ?? [])].sort(), outcome).toEqual([...(wantedSla?.[outcome].ids ?? [])].sort());
      const cac = report.shared_metrics.find((m) => m.name === 'cac' && m.by === null);
      expect(cac?.value).toBe(expected.shared_metrics.find((m) => m.name === 'cac' && m.by === null)?.value);
    } finally {
      inv.close();
    }
  });
});

describe('what the form proposes for each export read', () => {
  const EMPTY: RevenueDraft = { sources: [], metrics: [], links: [], funnels: [], sla: [] };

  it('a Data Loader lead file with conversions: a link from the converted opportunity to the lead\'s e-mail, written and parsed', async () => {
    const file = path.join(tmp, 'Lead.csv');
    fs.writeFileSync(
      file,
      [
        'Id,Email,Status,LeadSource,IsConverted,ConvertedDate,ConvertedOpportunityId,ConvertedContactId,CreatedDate',
        '00Q5g00000AbCdEEA1,ann@x.com,Closed - Converted,Web,true,2026-07-09,0065g00000QrStUAA1,0035g00000XyZaBAA1,2026-07-01T10:00:00.000Z',
        '00Q5g00000AbCdFEA1,bo@x.com,Working,Email,false,,,,2026-07-02T10:00:00.000Z',
      ].join('\n'),
    );
    const preview = await previewExport(file);
    expect(preview).toMatchObject({ preset: 'salesforce_data_loader', kind: 'lead_conversions', timezone: 'UTC', dateField: 'converted_date' });
    const source = draftExtraSource(preview, ['hubspot', 'salesforce']);
    expect(source).toMatchObject({ name: 'lead_conversions', system: 'sales', id: 'Id', kind: 'lead_conversions', timezone: 'UTC' });
    const revenue = proposeRevenueDeclarations({ ...EMPTY, sources: [source] }, source, preview, 'MQL');
    expect(revenue.links).toEqual([{ name: 'lead_conversions', source: 'lead_conversions', from: 'converted_opportunity_id', to: 'key', salesforceIds: true }]);
    expect(revenue.sla).toEqual([]);
    const contract = parseContract(buildNewContractText(sampleSpec(tmp, revenue), path.join(tmp, 'leads.recon.yaml'), '2026-12-01'), 'leads.recon.yaml');
    expect(contract.revenue?.links[0]).toMatchObject({ source: 'lead_conversions', from: 'converted_opportunity_id', to: 'key', normalizeFrom: ['trim', 'salesforce_id'] });
  });

  it('an OpportunityContactRole file names people by contact id: the link goes to it; a second contact-roles file gets a link of its own', async () => {
    const file = path.join(tmp, 'OpportunityContactRole.csv');
    fs.writeFileSync(file, ['Id,OpportunityId,ContactId,Role,IsPrimary,CreatedDate', '00K5g000001AbCdEAK,0065g00000QrStUAA1,0035g00000XyZaBAA1,Decision Maker,true,2026-07-03T09:00:00.000Z'].join('\n'));
    const preview = await previewExport(file);
    const source = draftExtraSource(preview, []);
    const first = proposeRevenueDeclarations({ ...EMPTY, sources: [source] }, source, preview, 'MQL');
    expect(first.links).toEqual([{ name: 'opportunity_people', source: 'contact_roles', from: 'opportunity_id', to: 'contact_id', salesforceIds: true, primary: "lower(is_primary) IN ('1', 'true')" }]);
    const again = draftExtraSource(preview, ['contact_roles']);
    expect(again.name).toBe('contact_roles_2');
    const second = proposeRevenueDeclarations({ ...first, sources: [source, again] }, again, preview, 'MQL');
    expect(second.links.map((l) => [l.name, l.source])).toEqual([
      ['opportunity_people', 'contact_roles'],
      ['opportunity_people_2', 'contact_roles_2'],
    ]);
  });
});
