// The pipeline sample set up through the new-investigation form: its exports recognised, and the contract the form writes gives the sample's bridge.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { NewInvestigation } from '../../shared/api';
import { checkNewInvestigation } from '../../electron/engine/newInvestigation/checkNewInvestigation';
import { createWorkbench } from '../../electron/engine/createWorkbench';
import { previewExport } from '../../electron/engine/newInvestigation/previewExport';
import { draftFromPreview } from '../../renderer/model/draftFromPreview';

const root = path.resolve(import.meta.dirname, '../..');
const sampleContract = path.join(root, 'samples/acme-q3-2026.recon.yaml');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-pipeline-form-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the pipeline sample, set up through the form', () => {
  const pipeline = path.join(root, 'samples/pipeline');

  it("recognises the sample's HubSpot deals and Salesforce opportunity exports and proposes its keys, amounts and currency column", async () => {
    const deals = await previewExport(path.join(pipeline, 'exports/hubspot_deals.csv'));
    expect(deals).toMatchObject({ preset: 'hubspot', records: 'deals', id: 'Record ID', dateField: 'created_date' });
    expect(deals.fields).toMatchObject({ key: 'Salesforce Opportunity ID', sf_opportunity_id: 'Salesforce Opportunity ID', amount: 'Amount', stage: 'Deal Stage', lead_source: 'Original Source', close_date: 'Close Date' });
    const opportunities = await previewExport(path.join(pipeline, 'exports/salesforce_opportunities.csv'));
    expect(opportunities).toMatchObject({ preset: 'salesforce_report', records: 'opportunities', id: 'Opportunity ID', dateField: 'created_date' });
    expect(opportunities.fields).toMatchObject({ key: 'Opportunity ID', amount: 'Amount', currency: 'Amount Currency', stage: 'Stage', lead_source: 'Lead Source' });
  });

  it("writes a contract whose bridge is the sample's Sourced pipeline, bucket for bucket and pair for pair", async () => {
    const dir = path.join(tmp, 'pipeline-form');
    const wb = await createWorkbench({ home: path.join(dir, 'home'), sampleContract });
    try {
      const read = async (file: string, side: string) => draftFromPreview(await previewExport(path.join(pipeline, 'exports', file)), side, null);
      const deals = await read('hubspot_deals.csv', 'left');
      const opportunities = await read('salesforce_opportunities.csv', 'right');
      // What the form's drafts hold before anyone touches them: the key by Salesforce id, amounts as the value.
      expect([deals.keyIsId, deals.value, opportunities.keyIsId, opportunities.value, opportunities.timezone]).toEqual([undefined, 'amount', true, 'amount', '']);
      const spec: NewInvestigation = {
        title: 'Pipeline through the form',
        contractPath: path.join(dir, 'pipeline.recon.yaml'),
        timezone: 'America/New_York',
        from: '2026-07-01',
        to: '2026-09-30',
        left: {
          ...deals,
          timezone: 'UTC',
          exclude: [
            { name: 'test_deal', expression: `lower("Deal Name") LIKE 'test%'` },
            { name: 'offline', expression: `lead_source = 'Offline Sources'` },
          ],
        },
        right: {
          ...opportunities,
          timezone: 'America/Los_Angeles',
          exclude: [
            { name: 'renewal', expression: `"Type" = 'Renewal'` },
            { name: 'partner', expression: `lead_source = 'Partner Referral'` },
          ],
        },
        normalize: ['trim', 'salesforce_id'],
        currency: 'USD',
        rates: { EUR: '1.085' },
        compare: [
          { field: 'value', kind: 'amount', tolerance: '0.01' },
          {
            field: 'stage',
            left: 'Deal Stage',
            right: 'Stage',
            kind: 'text',
            map: {
              appointmentscheduled: 'Qualification',
              qualifiedtobuy: 'Needs Analysis',
              presentationscheduled: 'Proposal/Price Quote',
              decisionmakerboughtin: 'Id. Decision Makers',
              contractsent: 'Negotiation/Review',
              closedwon: 'Closed Won',
              closedlost: 'Closed Lost',
            },
          },
          { field: 'close_date', left: 'Close Date', right: 'Close Date', kind: 'days', tolerance: '0' },
        ],
      };
      expect(checkNewInvestigation(spec)).toEqual([]);
      await wb.createInvestigation(spec);
      const mine = (await wb.getReport()).reconciliations[0];
      await wb.openContract(path.join(pipeline, 'acme-pipeline-q3-2026.recon.yaml'));
      const sample = (await wb.getReport()).reconciliations.find((r) => r.name === 'Sourced pipeline');
      const shape = (recon: typeof mine) => ({
        left: { ...recon?.left, metric: undefined, source: undefined },
        right: { ...recon?.right, metric: undefined, source: undefined },
        buckets: recon?.buckets.map((b) => ({ ...b, ids: [...b.ids].sort() })),
        pairs: recon?.pairs,
      });
      expect(sample).toBeDefined();
      expect(shape(mine)).toEqual(shape(sample));
    } finally {
      await wb.close();
    }
  });
});
