// Stories of records an exclude rule removes, on its own side and (seen from the other side) on the other.
import type { Story } from './createStoryKit';
import { excludedBy, excludedOnOtherSide } from './expectations';

const IN_PERIOD: [string, string] = ['2026-07-06 00:00', '2026-09-20 23:59'];

export const exclusionStories: Story[] = [
  {
    name: 'acme_staff',
    title: 'Acme staff trying the forms',
    told:
      'Employees with @acmecorp.com addresses who filled in webinar and demo forms; three of them also reached ' +
      'the CRM. The internal rule removes them on both sides.',
    plant(kit) {
      for (let i = 0; i < 5; i++) {
        const person = kit.person({ domain: 'acmecorp.com', company: 'Acme Corp' });
        const mqlAt = kit.between(...IN_PERIOD);
        kit.hubspot(person, { mqlAt }, excludedBy('internal'));
        if (i < 3) kit.salesforce(person, { createdAt: kit.later(mqlAt, 5, 1440) }, excludedBy('internal'));
      }
    },
  },
  {
    name: 'test_submissions',
    title: 'Test submissions',
    told:
      'Form tests with test… or @example.* addresses. The MQL metric excludes them (rule test); the CRM ' +
      'metric has no such rule, so the three that synced are CRM leads whose MQL was excluded.',
    plant(kit) {
      const tests = [
        ['test@example.com', 'Test', 'Submission', 'Example Inc'],
        ['test.form+q3@quillfeather.dev', 'Test', 'Form', 'Quillfeather Software'],
        ['qa.bot@example.org', 'QA', 'Bot', 'Example Inc'],
        ['testing123@gmail.com', 'Testing', 'Onetwothree', ''],
        ['marketing.ops@example.com', 'Marketing', 'Ops', 'Test Company'],
      ];
      tests.forEach(([email, firstName, lastName, company], i) => {
        const person = { ...kit.person({ email, company }), firstName: firstName ?? '', lastName: lastName ?? '' };
        const mqlAt = kit.between(...IN_PERIOD);
        kit.hubspot(person, { mqlAt, lifecycleStage: 'Marketing Qualified Lead' }, excludedBy('test'));
        if (i < 3) kit.salesforce(person, { createdAt: kit.later(mqlAt, 5, 1440), leadSource: 'Web' }, excludedOnOtherSide('test'));
      });
    },
  },
  {
    name: 'never_mql',
    title: 'Contacts that never were MQLs',
    told:
      'Subscribers, plain leads and others; five were stamped with an MQL date and later set back to Lead. All ' +
      'are removed by not_mql. Sales prospected five more of them into the CRM, where they are ordinary leads.',
    plant(kit) {
      for (let i = 0; i < 27; i++) {
        const person = kit.person();
        const reverted = i < 5;
        const lifecycleStage = reverted ? 'Lead' : kit.random.pick(['Subscriber', 'Subscriber', 'Lead', 'Other']);
        const mqlAt = reverted ? kit.between(...IN_PERIOD) : null;
        kit.hubspot(person, { mqlAt, lifecycleStage, leadStatus: kit.random.pick(['New', '', 'Unqualified']) }, excludedBy('not_mql'));
        if (i >= 22) {
          const createdAt = kit.between(...IN_PERIOD);
          kit.salesforce(person, { createdAt, leadSource: 'Outbound Prospecting' }, excludedOnOtherSide('not_mql'));
        }
      }
    },
  },
  {
    name: 'disqualified',
    title: 'Leads sales disqualified',
    told:
      'Eight MQLs whose CRM lead sales marked Disqualified (one of them created in October: the rule removes it ' +
      'before any date is looked at), and five disqualified leads marketing never had.',
    plant(kit) {
      for (let i = 0; i < 13; i++) {
        const person = kit.person();
        const mqlAt = kit.between(...IN_PERIOD);
        if (i < 8) kit.hubspot(person, { mqlAt }, excludedOnOtherSide('disqualified'));
        const createdAt = i === 0 ? kit.between('2026-10-02 09:00', '2026-10-02 17:00') : kit.later(mqlAt, 5, 2 * 1440);
        kit.salesforce(person, { createdAt, leadStatus: 'Disqualified' }, excludedBy('disqualified'));
      }
    },
  },
  {
    name: 'partner',
    title: 'Partner-sourced leads',
    told:
      'Leads a partner brought; sales does not count them as its own. Four were MQLs too, four were not in ' +
      'HubSpot at all.',
    plant(kit) {
      for (let i = 0; i < 8; i++) {
        const person = kit.person();
        const mqlAt = kit.between(...IN_PERIOD);
        if (i < 4) kit.hubspot(person, { mqlAt }, excludedOnOtherSide('partner'));
        kit.salesforce(person, { createdAt: kit.later(mqlAt, 5, 2 * 1440), leadSource: 'Partner Referral' }, excludedBy('partner'));
      }
    },
  },
  {
    name: 'staff_personal_address',
    title: 'Staff who used a personal address',
    told:
      "Employees who signed up with a personal address and no company. HubSpot's internal rule cannot see " +
      "them; the CRM's can, because sales ops set the lead's company to Acme Corp.",
    plant(kit) {
      for (let i = 0; i < 3; i++) {
        const person = kit.person({ personal: true, company: 'Acme Corp' });
        const mqlAt = kit.between(...IN_PERIOD);
        kit.hubspot(person, { mqlAt, company: '' }, excludedOnOtherSide('internal'));
        kit.salesforce(person, { createdAt: kit.later(mqlAt, 5, 2 * 1440) }, excludedBy('internal'));
      }
    },
  },
  {
    name: 'joined_acme',
    title: 'Prospects who joined Acme',
    told:
      'People who have since joined Acme: HubSpot enrichment updated their company to Acme Corp, so the MQL ' +
      'metric calls them internal; the CRM lead still shows their former employer.',
    plant(kit) {
      for (let i = 0; i < 3; i++) {
        const person = kit.person({ personal: true });
        const mqlAt = kit.between(...IN_PERIOD);
        kit.hubspot(person, { mqlAt, company: 'Acme Corp' }, excludedBy('internal'));
        kit.salesforce(person, { createdAt: kit.later(mqlAt, 5, 2 * 1440) }, excludedOnOtherSide('internal'));
      }
    },
  },
];
