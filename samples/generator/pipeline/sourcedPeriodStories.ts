// Sourced pipeline stories of dates: created in another quarter on one side, moved by a time zone, missing or no date.
import type { Expectation } from '../expectations';
import { matched, missingDate, outsidePeriod, timing, unreadableDate } from '../expectations';
import { losAngeles, utc } from '../wallTime';
import type { PipelineStory } from './createPipelineKit';
import { notWon } from './pipelineExpectations';

const sourcedOnly = { booked: notWon };

export const sourcedPeriodStories: PipelineStory[] = [
  {
    name: 'sourced_timing',
    title: 'Created in another quarter on the other side',
    told:
      'Deals created in HubSpot in late June that reached Salesforce only in July (sync backlog); deals of September ' +
      '24-28 that Salesforce created on October 1-3; an opportunity sales opened in September whose HubSpot deal ' +
      'marketing created only in October. Each side counts the deal in its own quarter: timing. Five deals of June have ' +
      'no opportunity at all.',
    plant(kit) {
      const cases: [string, string, string, string, Expectation, Expectation][] = [
        ['2026-06-22 09:00', '2026-06-29 18:00', '2026-07-01 09:00', '2026-07-03 17:00', outsidePeriod, timing],
        ['2026-06-22 09:00', '2026-06-29 18:00', '2026-07-01 09:00', '2026-07-03 17:00', outsidePeriod, timing],
        ['2026-09-24 09:00', '2026-09-28 18:00', '2026-10-01 09:00', '2026-10-03 17:00', timing, outsidePeriod],
        ['2026-09-24 09:00', '2026-09-28 18:00', '2026-10-01 09:00', '2026-10-03 17:00', timing, outsidePeriod],
        ['2026-10-01 09:00', '2026-10-02 18:00', '2026-09-21 09:00', '2026-09-25 17:00', outsidePeriod, timing],
      ];
      for (const [dealFrom, dealTo, opportunityFrom, opportunityTo, left, right] of cases) {
        const account = kit.account();
        const opportunity = kit.opportunity(account, { amount: kit.usd(kit.random.int(20, 200) * 250), createdAt: kit.between(opportunityFrom, opportunityTo) }, { sourced: right, ...sourcedOnly });
        kit.deal(account, opportunity, { createdAt: kit.between(dealFrom, dealTo) }, left);
      }
      for (let i = 0; i < 5; i++) kit.deal(kit.account(), null, { createdAt: kit.between('2026-06-01 00:00', '2026-06-29 23:59') }, outsidePeriod);
    },
  },
  {
    name: 'sourced_time_zones',
    title: 'Quarter ends in three time zones',
    told:
      'HubSpot writes UTC, the Salesforce report Los Angeles time, the contract counts New York days. HubSpot ' +
      '2026-07-01 02:00 is June 30 in New York (out) and 04:00 is midnight July 1 (in); 2026-10-01 03:30 is still ' +
      'September 30 (in) and 04:00 is October 1 (out). Salesforce 6/30/2026 9:00 PM is midnight July 1 in New York (in), ' +
      '8:59 PM is still June 30 (out); 9/30/2026 8:59 PM is still September 30 (in), 9:00 PM is October 1 (out).',
    plant(kit) {
      const cases: [string, string, Expectation, Expectation][] = [
        ['2026-07-01 02:00', '2026-07-01 09:00', outsidePeriod, timing],
        ['2026-07-01 04:00', '2026-07-01 09:30', matched, matched],
        ['2026-10-01 03:30', '2026-09-30 15:00', matched, matched],
        ['2026-10-01 04:00', '2026-09-30 16:00', outsidePeriod, timing],
        ['2026-07-01 12:00', '2026-06-30 21:00', matched, matched],
        ['2026-07-01 12:00', '2026-06-30 20:59', timing, outsidePeriod],
        ['2026-09-30 12:00', '2026-09-30 20:59', matched, matched],
        ['2026-09-30 12:00', '2026-09-30 21:00', timing, outsidePeriod],
      ];
      for (const [dealUtc, opportunityLosAngeles, left, right] of cases) {
        const account = kit.account();
        const opportunity = kit.opportunity(account, { amount: kit.usd(kit.random.int(20, 200) * 250), createdAt: losAngeles(opportunityLosAngeles) }, { sourced: right, ...sourcedOnly });
        kit.deal(account, opportunity, { createdAt: utc(dealUtc) }, left);
      }
    },
  },
  {
    name: 'sourced_missing_dates',
    title: 'Deals and opportunities without a created date',
    told:
      'Deals imported into HubSpot from a spreadsheet whose Create Date column was empty, or held TBD and n/a (the ' +
      'source card lists those as unreadable, the bridge says unreadable_date); one of each has an opportunity of the ' +
      'quarter, which is timing. Opportunities loaded by a data migration without a Created Date: missing_date, and ' +
      'the deal of one of them is timing.',
    plant(kit) {
      const inQuarter = () => kit.between('2026-07-06 00:00', '2026-09-20 23:59');
      const cases = [['', missingDate, true], ['', missingDate, false], ['TBD', unreadableDate, true], ['n/a', unreadableDate, false]] as const;
      for (const [createdText, expect, withOpportunity] of cases) {
        const account = kit.account();
        const opportunity = withOpportunity ? kit.opportunity(account, { amount: kit.usd(kit.random.int(20, 200) * 250), createdAt: inQuarter() }, { sourced: timing, ...sourcedOnly }) : null;
        kit.deal(account, opportunity, { createdAt: null, createdText }, expect);
      }
      const account = kit.account();
      const opportunity = kit.opportunity(account, { amount: kit.usd(kit.random.int(20, 200) * 250), createdAt: null, leadSource: 'Data Migration' }, { sourced: missingDate, ...sourcedOnly });
      kit.deal(account, opportunity, { createdAt: inQuarter() }, timing);
      kit.opportunity(kit.account(), { amount: kit.usd(kit.random.int(20, 200) * 250), createdAt: null, leadSource: 'Data Migration' }, { sourced: missingDate, ...sourcedOnly });
    },
  },
];
