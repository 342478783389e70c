// Stories of dates: outside the quarter, missing, counted in another quarter by the other side, moved by a time zone.
import type { Story } from './createStoryKit';
import { excludedBy, matched, missingDate, outsidePeriod, timing, unreadableDate } from './expectations';
import type { Expectation } from './expectations';
import { losAngeles, newYork, utc } from './wallTime';

export const periodStories: Story[] = [
  {
    name: 'mql_outside_quarter',
    title: 'MQLs from June and October',
    told: 'Five contacts qualified in June (last quarter) and five in early October (next quarter); none is in the CRM.',
    plant(kit) {
      for (let i = 0; i < 10; i++) {
        const mqlAt = i < 5 ? kit.between('2026-06-01 00:00', '2026-06-29 23:59') : kit.between('2026-10-01 06:00', '2026-10-04 23:59');
        kit.hubspot(kit.person(), { mqlAt }, outsidePeriod);
      }
    },
  },
  {
    name: 'mql_date_missing',
    title: 'MQLs without an MQL date',
    told:
      'Lifecycle stage says MQL but the "Became a Marketing Qualified Lead Date" is blank (stage set by an ' +
      'import). Two of them are CRM leads of the quarter, which the bridge calls timing.',
    plant(kit) {
      for (let i = 0; i < 6; i++) {
        const person = kit.person();
        kit.hubspot(person, { mqlAt: null, lifecycleStage: 'Marketing Qualified Lead' }, missingDate);
        if (i >= 4) kit.salesforce(person, { createdAt: kit.between('2026-07-06 00:00', '2026-09-20 23:59') }, timing);
      }
    },
  },
  {
    name: 'mql_date_unreadable',
    title: 'MQLs whose MQL date is no date',
    told:
      'A list import typed placeholders into "Became a Marketing Qualified Lead Date" (TBD, n/a, Q3). The ' +
      'rows stay, the source card lists the values that could not be read, and the bridge says unreadable_date, not missing_date.',
    plant(kit) {
      for (const mqlText of ['TBD', 'n/a', 'Q3']) {
        kit.hubspot(kit.person(), { mqlAt: null, mqlText, lifecycleStage: 'Marketing Qualified Lead' }, unreadableDate);
      }
    },
  },
  {
    name: 'crm_date_missing',
    title: 'CRM leads without a Create Date',
    told:
      'Leads loaded by a data migration that left Create Date blank. Two are MQLs of the quarter, which the ' +
      'bridge calls timing.',
    plant(kit) {
      for (let i = 0; i < 5; i++) {
        const person = kit.person();
        if (i >= 3) kit.hubspot(person, { mqlAt: kit.between('2026-07-06 00:00', '2026-09-20 23:59') }, timing);
        kit.salesforce(person, { createdAt: null, leadSource: 'Data Migration' }, missingDate);
      }
    },
  },
  {
    name: 'crm_next_quarter',
    title: 'MQLs of late September the CRM created in October',
    told: 'Sync lag at quarter end: qualified September 22-29, lead created October 1-3. Marketing counts them in Q3, sales in Q4.',
    plant(kit) {
      for (let i = 0; i < 6; i++) {
        const person = kit.person();
        kit.hubspot(person, { mqlAt: kit.between('2026-09-22 00:00', '2026-09-29 23:59') }, timing);
        kit.salesforce(person, { createdAt: kit.between('2026-10-01 09:00', '2026-10-03 18:00') }, outsidePeriod);
      }
    },
  },
  {
    name: 'crm_last_quarter',
    title: 'CRM leads from June that qualified in July',
    told: 'Trade-show badge scans sales loaded in June; marketing qualified the same people in July.',
    plant(kit) {
      for (let i = 0; i < 3; i++) {
        const person = kit.person();
        kit.hubspot(person, { mqlAt: kit.between('2026-07-06 00:00', '2026-07-31 23:59') }, timing);
        kit.salesforce(person, { createdAt: kit.between('2026-06-10 09:00', '2026-06-26 18:00'), leadSource: 'Trade Show' }, outsidePeriod);
      }
    },
  },
  {
    name: 'mql_next_quarter',
    title: 'CRM leads of September that qualified in October',
    told: 'Sales created the lead first; marketing qualified the contact only in October, so it is a Q4 MQL.',
    plant(kit) {
      for (let i = 0; i < 4; i++) {
        const person = kit.person();
        kit.hubspot(person, { mqlAt: kit.between('2026-10-01 08:00', '2026-10-04 20:00') }, outsidePeriod);
        kit.salesforce(person, { createdAt: kit.between('2026-09-01 00:00', '2026-09-25 23:59') }, timing);
      }
    },
  },
  {
    name: 'mql_last_quarter',
    title: 'CRM leads of July that qualified in June',
    told: 'Marketing qualified them in June (a Q2 MQL); the CRM lead was only created in July.',
    plant(kit) {
      for (let i = 0; i < 3; i++) {
        const person = kit.person();
        kit.hubspot(person, { mqlAt: kit.between('2026-06-05 00:00', '2026-06-28 23:59') }, outsidePeriod);
        kit.salesforce(person, { createdAt: kit.between('2026-07-06 00:00', '2026-07-31 23:59') }, timing);
      }
    },
  },
  {
    name: 'time_zone_hubspot',
    title: 'HubSpot times are UTC',
    told:
      'HubSpot writes UTC. 2026-10-01 02:30 and 03:59 are still September 30 in New York (in the quarter); ' +
      '2026-10-01 04:00 is midnight October 1 (out). 2026-07-01 03:30 is June 30 in New York (out); ' +
      '04:00 is midnight July 1 (in). Their CRM leads were all created within the quarter.',
    plant(kit) {
      const cases: [string, string, Expectation, Expectation][] = [
        ['2026-10-01 02:30', '2026-09-30 19:40', matched, matched],
        ['2026-10-01 03:59', '2026-09-30 20:45', matched, matched],
        ['2026-10-01 04:00', '2026-09-30 20:50', outsidePeriod, timing],
        ['2026-07-01 03:30', '2026-07-01 08:15', outsidePeriod, timing],
        ['2026-07-01 04:00', '2026-07-01 06:10', matched, matched],
      ];
      for (const [mqlUtc, createdLosAngeles, left, right] of cases) {
        const person = kit.person();
        kit.hubspot(person, { mqlAt: utc(mqlUtc) }, left);
        kit.salesforce(person, { createdAt: losAngeles(createdLosAngeles) }, right);
      }
    },
  },
  {
    name: 'time_zone_salesforce',
    title: 'CRM times are Los Angeles time',
    told:
      'The CRM report shows Pacific time. 9/30/2026 9:05 PM, 9:30 PM and 11:50 PM are already October 1 in ' +
      'New York, so those leads are out of the quarter and their September MQLs are timing; 8:59 PM is still ' +
      'September 30. 6/30/2026 9:00 PM is midnight July 1 in New York (in), 8:59 PM is still June 30 (out).',
    plant(kit) {
      const cases: [string, string, Expectation, Expectation][] = [
        ['2026-09-30 21:05', '2026-09-30 15:00', timing, outsidePeriod],
        ['2026-09-30 21:30', '2026-09-30 17:45', timing, outsidePeriod],
        ['2026-09-30 23:50', '2026-09-30 20:10', timing, outsidePeriod],
        ['2026-09-30 20:59', '2026-09-30 18:00', matched, matched],
        ['2026-06-30 21:00', '2026-07-01 09:00', matched, matched],
        ['2026-06-30 20:59', '2026-07-01 08:30', timing, outsidePeriod],
      ];
      for (const [createdLosAngeles, mqlNewYork, left, right] of cases) {
        const person = kit.person();
        kit.hubspot(person, { mqlAt: newYork(mqlNewYork) }, left);
        kit.salesforce(person, { createdAt: losAngeles(createdLosAngeles) }, right);
      }
    },
  },
  {
    name: 'excluded_out_of_period',
    title: 'Excluded records are excluded whatever their date',
    told: 'An internal contact qualified in June and a Disqualified lead without a Create Date: the rule comes first.',
    plant(kit) {
      kit.hubspot(kit.person({ domain: 'acmecorp.com', company: 'Acme Corp' }), { mqlAt: newYork('2026-06-15 11:00') }, excludedBy('internal'));
      kit.salesforce(kit.person(), { createdAt: null, leadStatus: 'Disqualified' }, excludedBy('disqualified'));
    },
  },
];
