// The inspector's timeline on the sample: one story person's dated path (samples/README.md, "One MQL all the way to a won deal").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openInvestigation, type Investigation } from '../../electron/engine/openInvestigation';
import { sampleContractFile } from './readExpectedBridge';

describe('tracePersonTimeline on the sample', () => {
  let inv: Investigation | undefined;
  beforeAll(async () => {
    inv = await openInvestigation(sampleContractFile);
  });
  afterAll(() => inv?.close());

  it('dates Chloe Ferreira\'s MQL, SQL, opportunity, won deal and first call in New York days, with how each is reached', async () => {
    const timeline = await inv?.tracePersonTimeline('Q3 MQLs to revenue', '3766');
    // HubSpot 2026-08-03 06:47 UTC is Aug 3 in New York; the CRM's 8/14/2026 9:54 PM (Los Angeles) is Aug 15 in New York.
    expect(timeline).toEqual({
      funnel: 'Q3 MQLs to revenue',
      cohort: { metric: 'MQL', id: '3766', date: '2026-08-03' },
      stages: [
        { metric: 'SQL', how: 'directly by email', records: [{ id: '3766', date: '2026-08-10', value: null }] },
        { metric: 'Opportunity', how: 'via opportunity_people', records: [{ id: '006Hs000009008kIAA', date: '2026-08-15', value: 42000 }] },
        { metric: 'Won', how: 'via opportunity_people', records: [{ id: '006Hs000009008kIAA', date: '2026-09-21', value: 42000 }] },
      ],
      // The intro e-mail of 8/3/2026 3:32 PM in Los Angeles is 18:32 in New York, 945 minutes after the MQL's 02:47.
      sla: [{ name: 'Speed to lead', outcome: 'met', task: { id: '00THs00003000lhMAA', instant: '2026-08-03 18:32', minutes: 945 } }],
    });
  });

  it('names the funnel or the record it cannot trace', async () => {
    await expect(inv?.tracePersonTimeline('Q4 funnel', '3766')).rejects.toThrow(/unknown funnel 'Q4 funnel'; the contract has: Q3 MQLs to revenue, Q3 CRM leads to revenue/);
    await expect(inv?.tracePersonTimeline('Q3 MQLs to revenue', '006Hs000009008kIAA')).rejects.toThrow(/record '006Hs000009008kIAA' is not in the cohort \(MQL\) of funnel 'Q3 MQLs to revenue'/);
  });
});
