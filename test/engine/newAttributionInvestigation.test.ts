// Touches and attribution in the new-investigation flow: the touch presets on headers as each system writes them, the contract the form writes, its problems placed on their controls, and an investigation created from a campaign-member export whose credits are planned here.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AttributionDraft, ExtraSourceDraft, NewInvestigation, RevenueDraft } from '../../shared/api';
import type { CreditLine } from '../../shared/metricsReportTypes';
import { buildNewContractText } from '../../electron/engine/newInvestigation/buildNewContractText';
import { checkNewInvestigation } from '../../electron/engine/newInvestigation/checkNewInvestigation';
import { createInvestigation } from '../../electron/engine/newInvestigation/createInvestigation';
import { detectExportPreset } from '../../electron/engine/newInvestigation/detectExportPreset';
import { openInvestigation } from '../../electron/engine/openInvestigation';
import { parseContract } from '../../electron/engine/contract/parseContract';
import { previewExport } from '../../electron/engine/newInvestigation/previewExport';
import { checkInvestigationForm } from '../../shared/checkInvestigationForm';
import { draftExtraSource } from '../../renderer/model/draftExtraSource';
import { proposeRevenueDeclarations } from '../../renderer/model/proposeRevenueDeclarations';

const root = path.resolve(import.meta.dirname, '../..');
const exports = path.join(root, 'samples/exports');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-attribution-form-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A CSV written as Salesforce and HubSpot write theirs: every cell quoted. */
function writeCsv(name: string, rows: string[][]): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, `${rows.map((row) => row.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(',')).join('\r\n')}\r\n`);
  return file;
}

describe('touch presets, on headers as each system writes them', () => {
  it('a Salesforce "Campaigns with Campaign Members" report: the responded date, the campaign type as channel, the campaign name', () => {
    const header = ['Campaign Name', 'Campaign Type', 'Member Type', 'Member Status', 'Responded', 'First Responded Date', 'First Name', 'Last Name', 'Company / Account', 'Email', 'Lead/Contact ID'];
    const guess = detectExportPreset(header, ['First Responded Date']);
    expect(guess).toMatchObject({ preset: 'salesforce_report', kind: 'touches', system: 'marketing', dateField: 'touched_at' });
    expect(guess.fields).toMatchObject({ key: 'Email', touched_at: 'First Responded Date', channel: 'Campaign Type', campaign: 'Campaign Name', member_status: 'Member Status', lead_or_contact_id: 'Lead/Contact ID' });
  });

  it('a Data Loader CampaignMember file with its campaign read through the relationship (Campaign.Name, Campaign.Type)', () => {
    const header = ['Id', 'CampaignId', 'LeadId', 'ContactId', 'Status', 'HasResponded', 'FirstRespondedDate', 'CreatedDate', 'Email', 'Campaign.Name', 'Campaign.Type'];
    const guess = detectExportPreset(header, ['FirstRespondedDate', 'CreatedDate']);
    expect(guess).toMatchObject({ preset: 'salesforce_data_loader', kind: 'touches', id: 'Id', dateField: 'touched_at' });
    expect(guess.fields).toMatchObject({ key: 'Email', touched_at: 'FirstRespondedDate', channel: 'Campaign.Type', campaign: 'Campaign.Name', member_status: 'Status', lead_id: 'LeadId', contact_id: 'ContactId' });
  });

  it('HubSpot form submissions (credited to the conversion page when they carry no source) and a contacts export with its conversion and source properties', () => {
    const submissions = detectExportPreset(['Conversion Date', 'Conversion Page', 'Page URL', 'Email', 'First Name', 'Last Name'], ['Conversion Date']);
    expect(submissions).toMatchObject({ preset: 'hubspot', kind: 'touches', system: 'marketing', dateField: 'touched_at' });
    expect(submissions.fields).toMatchObject({ key: 'Email', touched_at: 'Conversion Date', channel: 'Conversion Page' });
    const contacts = detectExportPreset(
      ['Record ID', 'First Name', 'Email', 'First Conversion', 'First Conversion Date', 'Recent Conversion', 'Recent Conversion Date', 'Original Source', 'Latest Source', 'Latest Source Date'],
      ['First Conversion Date', 'Recent Conversion Date', 'Latest Source Date'],
    );
    expect(contacts).toMatchObject({ preset: 'hubspot', kind: 'touches', id: 'Record ID' });
    expect(contacts.fields).toMatchObject({ key: 'Email', touched_at: 'Recent Conversion Date', channel: 'Latest Source', campaign: 'Recent Conversion' });
  });

  it('Marketo Measure Buyer Touchpoints, as a Salesforce report and by their API names', () => {
    const report = detectExportPreset(
      ['Buyer Touchpoint Name', 'Touchpoint Date', 'Touchpoint Position', 'Marketing Channel', 'Marketing Channel - Path', 'Touchpoint Source', 'Medium', 'Ad Campaign Name', 'Email'],
      ['Touchpoint Date'],
    );
    expect(report).toMatchObject({ preset: 'marketo_measure', kind: 'touches', id: 'Buyer Touchpoint Name', dateField: 'touched_at' });
    expect(report.fields).toMatchObject({ key: 'Email', touched_at: 'Touchpoint Date', channel: 'Marketing Channel', channel_path: 'Marketing Channel - Path', position: 'Touchpoint Position', campaign: 'Ad Campaign Name' });
    const api = detectExportPreset(
      ['Id', 'bizible2__Touchpoint_Date__c', 'bizible2__Marketing_Channel__c', 'bizible2__Marketing_Channel_Path__c', 'bizible2__Touchpoint_Position__c', 'bizible2__Ad_Campaign_Name__c', 'bizible2__Contact__c', 'bizible2__Lead__c'],
      ['bizible2__Touchpoint_Date__c'],
    );
    expect(api).toMatchObject({ preset: 'salesforce_data_loader', kind: 'touches', id: 'Id', dateField: 'touched_at' });
    expect(api.fields).toMatchObject({ touched_at: 'bizible2__Touchpoint_Date__c', channel: 'bizible2__Marketing_Channel__c', contact_id: 'bizible2__Contact__c', lead_id: 'bizible2__Lead__c' });
  });

  it('keeps the bridge presets: a HubSpot contacts export with a lifecycle stage is a bridge side, not touches', () => {
    expect(detectExportPreset(['Record ID', 'Email', 'Lifecycle Stage', 'Recent Conversion Date', 'Latest Source']).kind).toBeUndefined();
    expect(detectExportPreset(['Opportunity Name', 'Stage', 'Campaign Name', 'Amount']).records).toBe('opportunities');
  });
});

// The touches planned for the credits below (the sample's contact roles name these people on these deals):
// A (11,250.00, created 2026-08-22 08:39 Los Angeles) Webinar by its primary contact, then Paid Search by another;
// B (29,500.00, created 2026-09-08 12:38) Email; a Webinar after B was created and an Events touch 600 days before it count for nothing.
const A = '006Hs00000900BfIAI';
const B = '006Hs00000900FZIAY';
const TOUCH_ROWS = [
  ['Campaign Name', 'Campaign Type', 'Member Type', 'Member Status', 'Responded', 'First Responded Date', 'First Name', 'Last Name', 'Email', 'Lead/Contact ID'],
  ['Data Summit 2026', 'Webinar', 'Contact', 'Attended', '1', '5/10/2026', 'Diego', "O'Neill", 'diego.oneill@kestrelparts.com', '0035g00000A1'],
  ['Brand search Q3', 'Paid Search', 'Contact', 'Responded', '1', '8/1/2026', 'Tomas', 'Sato', 'tomas.sato@kestrelparts.com', '0035g00000A2'],
  ['September newsletter', 'Email', 'Contact', 'Clicked', '1', '8/30/2026', 'Samuel', 'Dunn', 'samuel.dunn@brightwave.io', '0035g00000A3'],
  ['Autumn webinar', 'Webinar', 'Contact', 'Attended', '1', '9/20/2026', 'Samuel', 'Dunn', 'samuel.dunn@brightwave.io', '0035g00000A3'],
  ['Trade fair 2025', 'Events', 'Contact', 'Attended', '1', '1/15/2025', 'Ines', 'Park', 'ines.park@brightwave.io', '0035g00000A4'],
  ['Data Summit 2026', 'Webinar', 'Lead', 'Sent', '0', '', 'Nobody', 'Responded', 'nobody@example.org', '00Q5g00000A5'],
];

/** The bridge of the sample (MQLs against CRM leads) with the opportunities, contact roles and campaign members beside it. */
function baseSpec(dir: string, revenue: RevenueDraft): NewInvestigation {
  return {
    title: 'Acme Q3 attribution from the form',
    contractPath: path.join(dir, 'attribution.recon.yaml'),
    timezone: 'America/New_York',
    from: '2026-07-01',
    to: '2026-09-30',
    left: { name: 'hubspot', system: 'marketing', file: path.join(exports, 'hubspot_contacts.csv'), timezone: 'UTC', id: 'Record ID', fields: { key: 'Email', mql_at: 'Became a Marketing Qualified Lead Date' }, metric: 'MQL', dateField: 'mql_at' },
    right: { name: 'salesforce', system: 'sales', file: path.join(exports, 'salesforce_leads.csv'), timezone: 'America/Los_Angeles', id: 'Lead ID', fields: { key: 'Email', created_at: 'Create Date' }, metric: 'CRM Lead', dateField: 'created_at' },
    revenue,
  };
}

function sourceOf(name: string, file: string, fields: Record<string, string>, extra: Partial<ExtraSourceDraft> = {}): ExtraSourceDraft {
  return { name, system: 'sales', file, timezone: 'America/Los_Angeles', fields, ...extra };
}

const ALL_MODELS: AttributionDraft = {
  name: 'Q3 pipeline by channel',
  opportunities: 'Opportunity',
  via: 'opportunity_people',
  people: 'all',
  lookback: { amount: '365', unit: 'days' },
  models: ['first_touch', 'last_touch', 'linear', 'u_shaped', 'w_shaped', 'time_decay', 'self_reported'],
  halfLife: { amount: '7', unit: 'days' },
  milestone: 'MQL',
  selfReportedField: 'lead_source',
  selfReportedMap: { Web: 'Organic Search', 'Trade Show': 'Events' },
  sourcedCrm: "lead_source IN ('Web', 'Webinar')",
  sourcedTouches: 'first_touch',
};

function revenueWith(touchesFile: string, attribution: AttributionDraft[] = [ALL_MODELS]): RevenueDraft {
  return {
    sources: [
      sourceOf('opportunities', path.join(exports, 'salesforce_opportunities.csv'), { opportunity_type: 'Type', lead_source: 'Lead Source', amount: 'Amount', created_at: 'Created Date' }, { id: 'Opportunity ID' }),
      sourceOf('contact_roles', path.join(exports, 'salesforce_contact_roles.csv'), { opportunity_id: 'Opportunity ID', key: 'Email', is_primary: 'Primary' }, { kind: 'contact_roles', timezone: 'UTC' }),
      sourceOf('campaign_members', touchesFile, { key: 'Email', touched_at: 'First Responded Date', channel: 'Campaign Type', campaign: 'Campaign Name' }, { kind: 'touches', system: 'marketing' }),
    ],
    metrics: [{ name: 'Opportunity', source: 'opportunities', date: 'created_at', value: 'amount', exclude: [{ name: 'renewal', expression: "opportunity_type = 'Existing Business'" }] }],
    links: [{ name: 'opportunity_people', source: 'contact_roles', from: 'opportunity_id', to: 'key', salesforceIds: true, primary: "is_primary = '1'" }],
    funnels: [],
    sla: [],
    opportunityMetric: 'Opportunity',
    touches: { source: 'campaign_members', key: 'key', date: 'touched_at', channel: 'channel', campaign: 'campaign', marketingChannels: ['Webinar', 'Paid Search', 'Email'] },
    attribution,
  };
}

describe('the contract the form writes for touches and attribution', () => {
  const touchesFile = writeCsv('campaign_members.csv', TOUCH_ROWS);

  it('parses into the touches and the entry as declared, each model with its settings, and says what each does', () => {
    const spec = baseSpec(tmp, revenueWith(touchesFile));
    const text = buildNewContractText(spec, spec.contractPath, '2026-12-01');
    const contract = parseContract(text, 'attribution.recon.yaml');
    expect(contract.revenue?.touches).toMatchObject({ source: 'campaign_members', key: 'key', date: 'touched_at', channel: 'channel', campaign: 'campaign', marketingChannels: ['Webinar', 'Paid Search', 'Email'] });
    expect(contract.revenue?.attribution).toEqual([
      expect.objectContaining({
        name: 'Q3 pipeline by channel',
        opportunities: 'Opportunity',
        via: 'opportunity_people',
        people: 'all',
        lookback: { text: '365 days', hours: 8760 },
        models: ALL_MODELS.models,
        halfLife: { text: '7 days', hours: 168 },
        milestone: 'MQL',
        // Keys are kept trimmed and lowercased, as answers are looked up.
        selfReported: { field: 'lead_source', map: { web: 'Organic Search', 'trade show': 'Events' } },
        sourced: expect.objectContaining({ crm: "lead_source IN ('Web', 'Webinar')", touches: 'first_touch' }),
      }),
    ]);
    expect(text).toContain('models: [ first_touch, last_touch, linear, u_shaped, w_shaped, time_decay, self_reported ]');
    expect(text).toContain('# Touches: the rows of campaign_members with a channel, each the touch of the person its key names, at its touched_at.');
    expect(text).toContain('#   u_shaped: 40% to the first touch, 40% to the last, 20% split over those between (one touch: 100%; two: 50% each)');
    expect(text).toContain(' Marketing touches (campaign responses, form submissions, touchpoints): attribution credits their channels.');
  });

  it('writes only the settings of the models in use, and leaves out a lookback left empty (365 days)', () => {
    const plain: AttributionDraft = { ...ALL_MODELS, models: ['linear'], lookback: { amount: '', unit: 'days' }, sourcedCrm: '', sourcedTouches: undefined };
    const text = buildNewContractText(baseSpec(tmp, revenueWith(touchesFile, [plain])), path.join(tmp, 'plain.recon.yaml'), '2026-12-01');
    const [entry] = parseContract(text, 'plain.recon.yaml').revenue?.attribution ?? [];
    expect(entry).toMatchObject({ models: ['linear'], lookback: { text: '365 days', hours: 8760 } });
    expect(entry).not.toHaveProperty('halfLife');
    expect(entry).not.toHaveProperty('sourced');
    expect(text).not.toMatch(/time_decay|w_shaped|self_reported|sourced:|lookback:/);
    // sourced.touches names a model not listed: its settings are written all the same, as the parser needs them.
    const decided = buildNewContractText(baseSpec(tmp, revenueWith(touchesFile, [{ ...plain, sourcedTouches: 'time_decay' }])), path.join(tmp, 'decided.recon.yaml'), '2026-12-01');
    expect(parseContract(decided, 'decided.recon.yaml').revenue?.attribution[0]).toMatchObject({ models: ['linear'], halfLife: { text: '7 days' }, sourced: { touches: 'time_decay' } });
  });

  it("puts each problem on the control that fixes it: the form's own, then the contract's", () => {
    const form = (entry: Partial<AttributionDraft>, revenue: Partial<RevenueDraft> = {}) =>
      checkInvestigationForm(baseSpec(tmp, { ...revenueWith(touchesFile, [{ ...ALL_MODELS, ...entry }]), ...revenue })).filter((p) => p.field.startsWith('revenue.'));
    expect(form({ lookback: { amount: 'a year', unit: 'days' }, halfLife: { amount: '0', unit: 'hours' }, milestone: undefined, selfReportedField: undefined, models: ALL_MODELS.models })).toEqual([
      { field: 'revenue.attribution.0.lookback', message: "the lookback is a whole number of days, not 'a year'" },
      { field: 'revenue.attribution.0.halfLife', message: 'the half-life must be more than 0 hours' },
      { field: 'revenue.attribution.0.milestone', message: 'W-shaped needs its milestone: choose the metric dating it (MQL, SQL...)' },
      { field: 'revenue.attribution.0.selfReported', message: "self-reported needs the opportunities' field holding the answer (how did you hear about us)" },
    ]);
    expect(form({ name: ' ', models: [], via: undefined, people: 'primary' })).toEqual([
      { field: 'revenue.attribution.0.name', message: 'name this attribution' },
      { field: 'revenue.attribution.0.people', message: "'primary' picks the primary pairs of a link: choose the link, or all people" },
      { field: 'revenue.attribution.0.models', message: 'check at least one model' },
    ]);
    expect(form({}, { touches: undefined })).toEqual([{ field: 'revenue.touches', message: 'attribution credits touches: choose the export holding them' }]);
    expect(form({}, { touches: { source: 'campaign_members', key: '', date: 'touched_at', channel: '', marketingChannels: [] } })).toEqual([
      { field: 'revenue.touches', message: "choose the touches' key, channel (who was touched, when, and the channel credit goes to)" },
    ]);

    // What only the contract knows: a field the opportunities lack, a link with no primary rule, a rule over an unknown field.
    const engine = (entry: Partial<AttributionDraft>, revenue: Partial<RevenueDraft> = {}) =>
      checkNewInvestigation(baseSpec(path.join(tmp, 'checked'), { ...revenueWith(touchesFile, [{ ...ALL_MODELS, ...entry }]), ...revenue }));
    expect(engine({ selfReportedField: 'how_heard' })).toEqual([
      { field: 'revenue.attribution.0.selfReported', message: expect.stringMatching(/^attribution\[0\]\.self_reported\.field: 'how_heard' is not a field of source 'opportunities'/) },
    ]);
    const noPrimary = revenueWith(touchesFile).links.map((link) => ({ ...link, primary: '' }));
    expect(engine({ people: 'primary' }, { links: noPrimary })).toEqual([
      { field: 'revenue.attribution.0.people', message: "attribution[0].people: 'primary' picks the primary pairs of link 'opportunity_people', but the link has no 'primary' rule" },
    ]);
    expect(engine({ milestone: 'Opportunity' })).toEqual([{ field: 'revenue.attribution.0.milestone', message: expect.stringMatching(/^attribution\[0\]\.w_shaped\.milestone: metric 'Opportunity' dates each person's milestone/) }]);
    expect(engine({}, { touches: { source: 'campaign_members', key: 'key', date: 'touched_at', channel: 'campaign_type', marketingChannels: [] } })).toEqual([
      { field: 'revenue.touches', message: expect.stringMatching(/^touches\.channel: 'campaign_type' is not a field of source 'campaign_members'/) },
    ]);
    expect(engine({})).toEqual([]);
  });

  it('proposes the touches and a first attribution when a campaign-member report is read beside opportunities and contact roles', async () => {
    const preview = await previewExport(touchesFile);
    expect(preview).toMatchObject({ preset: 'salesforce_report', kind: 'touches', system: 'marketing', dateField: 'touched_at' });
    const revenue = revenueWith(touchesFile);
    const before: RevenueDraft = { ...revenue, sources: revenue.sources.slice(0, 2), touches: undefined, attribution: undefined };
    const source = draftExtraSource(preview, ['hubspot', 'salesforce', 'opportunities', 'contact_roles']);
    expect(source).toMatchObject({ name: 'touches', kind: 'touches', system: 'marketing' });
    const next = proposeRevenueDeclarations({ ...before, sources: [...before.sources, source] }, source, preview, 'MQL');
    expect(next.touches).toEqual({ source: 'touches', key: 'key', date: 'touched_at', channel: 'channel', campaign: 'campaign', marketingChannels: [] });
    expect(next.attribution).toEqual([
      { name: 'Opportunity by channel', opportunities: 'Opportunity', via: 'opportunity_people', people: 'all', lookback: { amount: '365', unit: 'days' }, models: ['first_touch', 'last_touch', 'linear'], halfLife: { amount: '7', unit: 'days' } },
    ]);
    expect(checkNewInvestigation(baseSpec(path.join(tmp, 'proposed'), next))).toEqual([]);
  });

  it('offers the person key of a touch export that has no e-mail, and reads its touches by contact id meanwhile', async () => {
    const file = writeCsv('bizible_touchpoints.csv', [
      ['Id', 'bizible2__Touchpoint_Date__c', 'bizible2__Marketing_Channel__c', 'bizible2__Ad_Campaign_Name__c', 'bizible2__Contact__c'],
      ['a0B5g000001AbCdEAK', '2026-08-01T10:00:00.000Z', 'Paid Search', 'Brand Q3', '0035g00000XyZaBAA1'],
    ]);
    const preview = await previewExport(file);
    expect(preview).toMatchObject({ preset: 'salesforce_data_loader', kind: 'touches', timezone: 'UTC' });
    const source = draftExtraSource(preview, []);
    // The key row is there to be chosen (a column both systems name people by), empty until then and not written.
    expect(source.fields).toMatchObject({ key: '', touched_at: 'bizible2__Touchpoint_Date__c', channel: 'bizible2__Marketing_Channel__c', contact_id: 'bizible2__Contact__c' });
    const next = proposeRevenueDeclarations({ sources: [source], metrics: [], links: [], funnels: [], sla: [] }, source, preview, 'MQL');
    expect(next.touches).toMatchObject({ source: 'touches', key: 'contact_id', channel: 'channel', campaign: 'campaign' });
    // No opportunities declared yet: no attribution proposed.
    expect(next.attribution).toBeUndefined();
  });

  it('opens: the credits of the planned touches, every model adding up to the total, the sourced bridge', async () => {
    const dir = path.join(tmp, 'run');
    const spec = baseSpec(dir, revenueWith(touchesFile));
    await createInvestigation(spec, async (contractPath) => {
      const inv = await openInvestigation(contractPath);
      inv.close();
      return { contractPath } as never;
    });
    const inv = await openInvestigation(spec.contractPath);
    try {
      const [entry] = (await inv.getMetricsReport()).attribution;
      if (!entry) throw new Error('no attribution in the report');
      const channels = (model: keyof typeof entry.models) => (entry.models[model] ?? []).filter((line: CreditLine) => line.campaign === null).map((line) => [line.channel, line.credit, line.ids]);
      const noTouch = entry.total - 11250 - 29500;
      expect(entry.no_touch.value).toBeCloseTo(noTouch, 2);
      expect(entry.no_touch.ids).not.toContain(A);
      expect(channels('first_touch')).toEqual([
        ['Email', 29500, [B]],
        ['Webinar', 11250, [A]],
        ['No touch', noTouch, entry.no_touch.ids],
      ].sort((x, y) => Number(y[1]) - Number(x[1])));
      expect(channels('last_touch')).toContainEqual(['Paid Search', 11250, [A]]);
      expect(channels('linear')).toEqual(expect.arrayContaining([['Email', 29500, [B]], ['Webinar', 5625, [A]], ['Paid Search', 5625, [A]]]));
      // Two touches: U-shaped gives half to each. W-shaped: Diego became an MQL on 2026-08-17, so the milestone is the last
      // touch before that, Paid Search (last and milestone: 60%), Webinar first (30%), the 10% left split over both: 35% and 65%.
      expect(channels('u_shaped')).toEqual(expect.arrayContaining([['Webinar', 5625, [A]], ['Paid Search', 5625, [A]]]));
      expect(channels('w_shaped')).toEqual(expect.arrayContaining([['Webinar', 3937.5, [A]], ['Paid Search', 7312.5, [A]]]));
      for (const [model, lines] of Object.entries(entry.models)) {
        const sum = (lines ?? []).filter((line) => line.campaign === null).reduce((total, line) => total + line.credit, 0);
        expect(sum, model).toBeCloseTo(entry.total, 2);
      }
      // Campaign lines: the planned campaigns, the touch after B's creation and the one outside the lookback nowhere.
      expect((entry.models.first_touch ?? []).filter((l) => l.campaign !== null).map((l) => [l.channel, l.campaign])).toEqual([
        ['Email', 'September newsletter'],
        ['Webinar', 'Data Summit 2026'],
      ]);
      expect(channels('linear').map(([channel]) => channel)).not.toContain('Events');
      // Sourced: both deals' first touch is a marketing channel; neither's lead source is Web or Webinar.
      expect([...entry.sourced.touches_only.ids].sort()).toEqual([A, B].sort());
      expect(entry.sourced.both.count).toBe(0);
      expect([...entry.influenced.ids].sort()).toEqual([A, B].sort());
      expect(entry.depends_on).toMatch(/^lookback 365 days/);
    } finally {
      inv.close();
    }
  });
});
