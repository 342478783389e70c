// Attribution without YAML, in real Chromium: a Salesforce campaign-member report read beside the sample's opportunities and contact roles, the touches and an attribution entry proposed, all seven models with their settings chosen in the form, the investigation created and its credits read.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { MetricsReport } from '../../shared/metricsReportTypes';
import { openInvestigation } from '../../electron/engine/openInvestigation';
import { makeRunHome } from './makeRunHome';
import { saveShot } from './saveShot';
import { projectRoot, startServer, type RunningServer } from './startServer';
import { readAnother, readSide } from './readFormExports';

const home = makeRunHome('new-attribution');
const workspace = path.join(home, 'workspace');
const exportsDir = path.join(home, 'exports');
let server: RunningServer | null = null;
let page: Page;

const FILES = ['hubspot_contacts.csv', 'salesforce_leads.csv', 'salesforce_opportunities.csv', 'salesforce_contact_roles.csv'];

// Campaign members of two deals the sample's contact roles name: Kestrel's (11,250.00, created 2026-08-22) touched by a
// webinar and then paid search; Brightwave's (29,500.00, created 2026-09-08) by an e-mail and a sales outreach, then by a
// webinar after it was created. A Salesforce report ends with its title and copyright lines.
const CAMPAIGN_MEMBERS = [
  '"Campaign Name","Campaign Type","Member Type","Member Status","Responded","First Responded Date","First Name","Last Name","Email"',
  '"Data Summit 2026","Webinar","Contact","Attended","1","5/10/2026","Diego","O\'Neill","diego.oneill@kestrelparts.com"',
  '"Brand search Q3","Paid Search","Contact","Responded","1","8/1/2026","Tomas","Sato","tomas.sato@kestrelparts.com"',
  '"September newsletter","Email","Contact","Clicked","1","8/30/2026","Samuel","Dunn","samuel.dunn@brightwave.io"',
  '"Autumn webinar","Webinar","Contact","Attended","1","9/20/2026","Samuel","Dunn","samuel.dunn@brightwave.io"',
  '"Sales outreach","Sales Outreach","Contact","Responded","1","9/1/2026","Ines","Park","ines.park@brightwave.io"',
  '',
  '',
  '"Campaigns with Campaign Members"',
  '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."',
].join('\r\n');

test.beforeAll(async ({ browser }) => {
  mkdirSync(exportsDir, { recursive: true });
  for (const file of FILES) copyFileSync(path.join(projectRoot, 'samples/exports', file), path.join(exportsDir, file));
  writeFileSync(path.join(exportsDir, 'campaign_members.csv'), CAMPAIGN_MEMBERS);
  server = await startServer({ home });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Investigations' }).click();
  await expect(page.getByRole('heading', { name: 'New investigation' })).toBeVisible();
});

test.afterAll(async () => {
  await page?.close();
  await server?.stop();
});

const select = (name: string) => page.getByRole('combobox', { name, exact: true });
const textbox = (name: string) => page.getByRole('textbox', { name, exact: true });
const checkbox = (name: string) => page.getByRole('checkbox', { name, exact: true });


test('touches and all seven models declared in the form; the investigation opens with the credits of the touches read', async () => {
  await readSide(page, 'Left', path.join(exportsDir, 'hubspot_contacts.csv'));
  await readSide(page, 'Right', path.join(exportsDir, 'salesforce_leads.csv'));
  await page.getByRole('combobox', { name: 'Left time zone of the file', exact: true }).fill('UTC');
  await page.getByRole('combobox', { name: 'Right time zone of the file', exact: true }).fill('America/Los_Angeles');
  await textbox('Title').fill('Acme Q3 attribution');
  await page.getByLabel('Period from').fill('2026-07-01');
  await page.getByLabel('Period to').fill('2026-09-30');
  await textbox('Reporting time zone').fill('America/New_York');

  await readAnother(page, path.join(exportsDir, 'salesforce_opportunities.csv'), 1);
  await textbox('Export 1 time zone of the file').fill('America/Los_Angeles');
  await readAnother(page, path.join(exportsDir, 'salesforce_contact_roles.csv'), 2);
  await expect(textbox('Link 1 name')).toHaveValue('opportunity_people');

  // The campaign members: recognised, the touches read from them and a first attribution proposed.
  const members = await readAnother(page, path.join(exportsDir, 'campaign_members.csv'), 3);
  await expect(members).toContainText('Recognised: Salesforce report export of touches (who, when, which channel)');
  await textbox('Export 3 time zone of the file').fill('America/Los_Angeles');
  await expect(select('Touches source')).toHaveValue('touches');
  await expect(select('Touches key')).toHaveValue('key');
  await expect(select('Touches date')).toHaveValue('touched_at');
  await expect(select('Touches channel')).toHaveValue('channel');
  await expect(select('Touches campaign')).toHaveValue('campaign');
  await expect(textbox('Attribution 1 name')).toHaveValue('Opportunity by channel');
  await expect(select('Attribution 1 opportunities metric')).toHaveValue('Opportunity');
  await expect(select('Attribution 1 people through')).toHaveValue('opportunity_people');
  await expect(textbox('Attribution 1 lookback')).toHaveValue('365');
  for (const model of ['First touch', 'Last touch', 'Linear']) await expect(checkbox(`Attribution 1: ${model}`)).toBeChecked();
  await expect(checkbox('Attribution 1: U-shaped')).toHaveAccessibleDescription('40% to the first touch, 40% to the last, 20% split over those between (one touch: 100%; two: 50% each)');

  // Sales outreach is no marketing channel: unchecked, the others stay marketing.
  await checkbox('Marketing channel Sales Outreach').uncheck();
  await expect(checkbox('Marketing channel Webinar')).toBeChecked();

  // Renewals are no marketing's: left out of the opportunities, as the sample's contract does.
  await page.getByRole('combobox', { name: 'Export 1: carry another column' }).selectOption('Type');
  await textbox('Metric 1 leave out rows where').fill("type = 'Existing Business'");

  // Every model: each setting appears with its model, and a missing one is said next to its control.
  await textbox('Attribution 1 name').fill('Q3 pipeline by channel');
  for (const model of ['U-shaped', 'W-shaped', 'Time decay', 'Self-reported']) await checkbox(`Attribution 1: ${model}`).check();
  await expect(page.locator('#revenue-attribution-0-milestone-problem')).toContainText('W-shaped needs its milestone');
  await expect(page.locator('#revenue-attribution-0-selfReported-problem')).toContainText("self-reported needs the opportunities' field");
  await textbox('Attribution 1 half-life').fill('0');
  await expect(page.locator('#revenue-attribution-0-halfLife-problem')).toContainText('the half-life must be more than 0 days');
  await textbox('Attribution 1 half-life').fill('7');
  await select('Attribution 1 milestone metric').selectOption('MQL');
  await select('Attribution 1 self-reported field').selectOption('lead_source');
  await textbox('Attribution 1: channel for the answer Trade Show').fill('Events');
  await textbox('Attribution 1: channel for the answer Web').fill('Organic Search');
  // The CRM rule is counted on the opportunities as typed: a misspelt field is said under it.
  await textbox('Attribution 1 sourced by CRM rule').fill("lead_sorce IN ('Web')");
  await expect(page.locator('#revenue-attribution-0-sourcedCrm-problem')).toContainText('lead_sorce');
  await textbox('Attribution 1 sourced by CRM rule').fill("lead_source IN ('Web', 'Webinar', 'Paid Search', 'Email')");
  await expect(page.getByText('holds on 46 of the 78 rows of opportunities')).toBeVisible();
  await select('Attribution 1 sourced by touches model').selectOption('last_touch');
  // A lookback in words is said at once, next to it.
  await textbox('Attribution 1 lookback').fill('a year');
  await expect(page.locator('#revenue-attribution-0-lookback-problem')).toHaveText("the lookback is a whole number of days, not 'a year'");
  await textbox('Attribution 1 lookback').fill('365');
  await expect(page.getByRole('group', { name: /^From lead to revenue/ }).getByRole('alert')).toHaveCount(0);
  await saveShot('new-attribution-form', page);
  await saveShot('new-attribution-part', page.getByRole('group', { name: 'Attribution 1' }));

  await page.getByRole('button', { name: 'Create investigation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Acme Q3 attribution' })).toBeVisible();
  const contractPath = path.join(workspace, 'acme-q3-attribution.recon.yaml');
  const text = readFileSync(contractPath, 'utf8');
  expect(text).toMatch(/marketing_channels: \[ [^\]]*\]/);
  const marketing = /marketing_channels: \[ ([^\]]*) \]/.exec(text)?.[1]?.split(', ').sort();
  expect(marketing).toEqual(['Email', 'Paid Search', 'Webinar']);
  expect(text).toContain('models: [ first_touch, last_touch, linear, u_shaped, w_shaped, time_decay, self_reported ]');
  expect(text).toContain('time_decay: { half_life: 7 days }');
  expect(text).toContain('self_reported: { field: lead_source, map: { Trade Show: Events, Web: Organic Search } }');

  const inv = await openInvestigation(contractPath);
  let report: MetricsReport;
  try {
    report = await inv.getMetricsReport();
  } finally {
    inv.close();
  }
  const [entry] = report.attribution;
  expect(entry?.name).toBe('Q3 pipeline by channel');
  expect(Object.keys(entry?.models ?? {})).toEqual(['first_touch', 'last_touch', 'linear', 'u_shaped', 'w_shaped', 'time_decay', 'self_reported']);
  const line = (model: 'first_touch' | 'last_touch', channel: string) => entry?.models[model]?.find((l) => l.channel === channel && l.campaign === null);
  // Kestrel's first touch is the webinar, its last paid search; Brightwave's only counted touch the e-mail (the webinar came after the deal).
  expect(line('first_touch', 'Webinar')).toMatchObject({ credit: 11250, ids: ['006Hs00000900BfIAI'] });
  expect(line('last_touch', 'Paid Search')).toMatchObject({ credit: 11250, ids: ['006Hs00000900BfIAI'] });
  expect(line('first_touch', 'Email')).toMatchObject({ credit: 29500, ids: ['006Hs00000900FZIAY'] });
  // Ines Park's sales outreach is Brightwave's last touch: credited under last touch, but no marketing channel, so under
  // sourced.touches (last touch) only Kestrel is touch-sourced; both are influenced (a marketing touch each).
  expect(line('last_touch', 'Sales Outreach')).toMatchObject({ credit: 29500, ids: ['006Hs00000900FZIAY'] });
  expect(entry?.sourced.touches_only.ids).toContain('006Hs00000900BfIAI');
  expect(entry?.sourced.touches_only.ids).not.toContain('006Hs00000900FZIAY');
  expect(entry?.influenced.ids).toEqual(expect.arrayContaining(['006Hs00000900BfIAI', '006Hs00000900FZIAY']));
});
