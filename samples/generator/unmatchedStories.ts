// Stories of records with nothing on the other side: never synced, prospected by sales, no address, gmail dots.
import type { Story } from './createStoryKit';
import { missingKey, noCounterpart } from './expectations';

const IN_PERIOD: [string, string] = ['2026-07-06 00:00', '2026-09-20 23:59'];

export const unmatchedStories: Story[] = [
  {
    name: 'never_synced',
    title: 'MQLs never synced to the CRM',
    told: 'Qualified in the quarter, but the sync rejected them (missing required fields): no CRM lead at all.',
    plant(kit) {
      for (let i = 0; i < 15; i++) kit.hubspot(kit.person(), { mqlAt: kit.between(...IN_PERIOD) }, noCounterpart);
    },
  },
  {
    name: 'sales_prospecting',
    title: 'Leads from sales prospecting',
    told: 'Leads sales created from cold calls, outbound sequences and a purchased list; marketing never saw them.',
    plant(kit) {
      for (let i = 0; i < 25; i++) {
        const leadSource = kit.random.pick(['Outbound Prospecting', 'Cold Call', 'Purchased List']);
        kit.salesforce(kit.person(), { createdAt: kit.between(...IN_PERIOD), leadSource }, noCounterpart);
      }
    },
  },
  {
    name: 'no_email',
    title: 'Records without an e-mail address',
    told:
      'Badge scans and phone enquiries with no address, or only white space where it should be. With no identity key they ' +
      'can match nothing, not even each other: one person is in both files without an address and stays ' +
      'unmatched on both sides. Three in HubSpot, four in the CRM.',
    plant(kit) {
      const cases: [email: string, inHubspot: boolean, inSalesforce: boolean][] = [
        ['', true, true],
        ['', true, false],
        ['   ', true, true],
        [' ', false, true],
        ['', false, true],
      ];
      for (const [email, inHubspot, inSalesforce] of cases) {
        const person = kit.person({ email });
        const mqlAt = kit.between(...IN_PERIOD);
        if (inHubspot) kit.hubspot(person, { mqlAt, originalSource: 'Offline Sources' }, missingKey);
        if (inSalesforce) kit.salesforce(person, { createdAt: kit.later(mqlAt, 5, 1440), leadSource: 'Trade Show' }, missingKey);
      }
    },
  },
  {
    name: 'gmail_dots',
    title: 'Gmail dots are not ignored by this contract',
    told:
      'jo.ann.lee@gmail.com and joannlee@gmail.com reach the same Gmail inbox, but the contract does not list ' +
      'the gmail_dots normaliser, so they are two keys and neither side finds a counterpart. Two people.',
    plant(kit) {
      for (let i = 0; i < 2; i++) {
        const person = kit.person({ personal: true, domain: 'gmail.com' });
        const [local, domain] = person.email.split('@');
        const undotted = kit.claim(`${(local ?? '').replaceAll('.', '')}@${domain ?? ''}`);
        const mqlAt = kit.between(...IN_PERIOD);
        kit.hubspot(person, { mqlAt }, noCounterpart);
        kit.salesforce(person, { email: undotted, createdAt: kit.later(mqlAt, 5, 1440) }, noCounterpart);
      }
    },
  },
];
