// Stories of stage records no MQL of the quarter leads to: sales-sourced deals, earlier cohorts, roles of people who are no MQL.
import { toNewYorkDate } from '../pipeline/toNewYorkDate';
import { newYork } from '../wallTime';
import { addDays, EXPORT_DAY } from './createRevenueKit';
import type { RevenueStory } from './createRevenueKit';
import { formatShortDate } from './formatShortDate';

const DAY = 1440;

export const outsideCohortStories: RevenueStory[] = [
  {
    name: 'sales_sourced',
    title: 'Deals sales found on its own',
    plant(kit) {
      const outcomes = ['Closed Won', 'Closed Won', 'Closed Won', 'Closed Lost', 'Closed Lost', 'Negotiation/Review', 'Qualification', 'Closed Won'];
      const sources = ['Outbound Prospecting', 'Cold Call', 'Outbound Prospecting', 'Cold Call', 'Outbound Prospecting', 'Cold Call', 'Outbound Prospecting', ''];
      outcomes.forEach((stage, i) => {
        const lead = kit.lead('sales_prospecting', (l) => l.date <= '2026-08-10');
        const createdAt = kit.later(lead.at, DAY, 12 * DAY);
        const closeDate = stage.startsWith('Closed') ? addDays(toNewYorkDate(createdAt), kit.random.int(15, 35)) : addDays(EXPORT_DAY, kit.random.int(10, 60));
        const opportunity = kit.opportunity({ account: lead.company, createdAt, closeDate, stage, leadSource: sources[i] ?? '' });
        kit.role(opportunity, lead, 'Decision Maker', true);
        kit.task(lead, { at: kit.later(lead.at, 10, 600) }, 'Call', 'Cold call');
        // The last one was opened from an account sales already had: no lead was converted into it.
        if (i === outcomes.length - 1) return;
        kit.convert(lead, opportunity);
        kit.reach(lead, 'Opportunity', opportunity);
        if (stage === 'Closed Won') kit.reach(lead, 'Won', opportunity);
      });
      return (
        'Eight opportunities of July and August from cold calls and outbound sequences, for people who never were in HubSpot: ' +
        'four won and two lost in the quarter, two open. The MQL funnel lists them as outside the cohort. Seven were converted ' +
        'from leads sales prospected (bridge story "Leads from sales prospecting"), which are CRM leads of the quarter: the ' +
        'CRM-lead funnel counts them. The win rate counts the six closed ones under their lead source, the one sales left ' +
        'without a lead source under (empty). None is marketing-sourced revenue under the CRM rule.'
      );
    },
  },
  {
    name: 'earlier_cohort',
    title: 'Deals of last quarter\'s MQLs that closed in this one',
    plant(kit) {
      const outcomes = ['Closed Won', 'Closed Won', 'Closed Won', 'Closed Lost', 'Closed Lost'];
      for (const stage of outcomes) {
        const person = kit.person();
        const createdAt = kit.between('2026-04-06 09:00', '2026-06-26 17:00');
        const closeDate = toNewYorkDate(kit.between('2026-07-06 09:00', '2026-09-25 17:00'));
        const opportunity = kit.opportunity({ account: person.company, createdAt, closeDate, stage });
        kit.role(opportunity, person, 'Decision Maker', kit.random.chance(0.5));
      }
      return (
        'Five opportunities opened in April to June for people who qualified before the quarter (they are not in this ' +
        'quarter\'s contacts export), three won and two lost in the quarter. Outside the cohort at both stages; they count in ' +
        'the win rate, the CAC and the average days to win, but not in the quarter\'s opportunities of pipeline velocity.'
      );
    },
  },
  {
    name: 'role_not_mql',
    title: 'A contact role whose person is no MQL',
    plant(kit) {
      const contact = kit.contactOf('never_mql', (c) => c.lifecycleStage !== 'Marketing Qualified Lead');
      const createdAt = kit.between('2026-08-03 09:00', '2026-08-14 17:00');
      const opportunity = kit.opportunity({ account: contact.company, createdAt, closeDate: addDays(toNewYorkDate(createdAt), 28), stage: 'Closed Won', leadSource: 'Web' });
      kit.role(opportunity, contact, 'Decision Maker', true);
      return (
        `${contact.firstName} ${contact.lastName} is in HubSpot with lifecycle stage ${contact.lifecycleStage}, never an MQL, and is ` +
        `the only contact role of a deal won on ${formatShortDate(opportunity.closeDate)}. No MQL of the quarter reaches it: ` +
        'outside the cohort at Opportunity and Won, yet marketing-sourced under the CRM rule (its lead source is Web).'
      );
    },
  },
  {
    name: 'no_roles',
    title: 'An opportunity nobody was added to',
    plant(kit) {
      const member = kit.mql('2026-07-15', '2026-08-15');
      const lead = kit.leadOf(member);
      const createdAt = kit.later(Math.max(member.at, lead.at), 2 * DAY, 10 * DAY);
      const opportunity = kit.opportunity({ account: member.company, createdAt, closeDate: addDays(toNewYorkDate(createdAt), 21), stage: 'Closed Lost', leadSource: 'Trade Show' });
      kit.convert(lead, opportunity);
      kit.reach(lead, 'Opportunity', opportunity);
      return (
        `Sales converted ${member.firstName} ${member.lastName}'s lead (MQL ${formatShortDate(member.date)}) into an opportunity on ` +
        `${formatShortDate(toNewYorkDate(createdAt))} but added no contact role: the MQL funnel's link names nobody, so the ` +
        'opportunity is outside its cohort and the MQL is dropped at SQL; the CRM-lead funnel reaches it through the conversion. ' +
        'It closed lost.'
      );
    },
  },
  {
    name: 'sql_not_cohort',
    title: 'SQLs who were no MQL of the quarter',
    plant(kit) {
      const contacts = [0, 1].map(() => kit.contactOf('mql_outside_quarter', (c) => c.mqlAt !== null && c.mqlAt < newYork('2026-07-01 00:00')));
      for (const contact of contacts) kit.sql(contact, kit.between('2026-07-06 09:00', '2026-07-24 17:00'));
      return (
        'Two contacts qualified as MQLs in June (last quarter) became SQLs in July. They are not in the cohort, so their ' +
        'SQL records are outside it.'
      );
    },
  },
];
