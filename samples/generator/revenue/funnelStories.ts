// Stories of MQLs of the quarter followed to revenue: the bulk, and the cases that test the funnel's definitions.
import { COMPANIES } from '../createPeople';
import { toNewYorkDate } from '../pipeline/toNewYorkDate';
import { newYork } from '../wallTime';
import { addDays, daysBetween, EXPORT_DAY, WINDOW_DAYS } from './createRevenueKit';
import type { RevenueKit, RevenueStory } from './createRevenueKit';
import { formatShortDate } from './formatShortDate';
import type { CohortMember, OpportunityRow } from './revenueRecords';

const DAY = 1440;
const OPEN_STAGES = ['Qualification', 'Needs Analysis', 'Proposal/Price Quote', 'Negotiation/Review'];
const BUYER_ROLES = ['Economic Buyer', 'Technical Buyer', 'Evaluator', 'Influencer'];
/** The last day anything can have happened: the day before the exports ran. */
const LAST_DAY = addDays(EXPORT_DAY, -1);

const formatName = (m: { firstName: string; lastName: string }): string => `${m.firstName} ${m.lastName}`;
const formatDay = (instant: number): string => formatShortDate(toNewYorkDate(instant));
const formatDollars = (cents: number): string => `$${(cents / 100).toLocaleString('en-US')}`;

/** A colleague of the member who was never in HubSpot: the buyer sales adds to the deal. */
function addColleague(kit: RevenueKit, member: CohortMember, opportunity: OpportunityRow, primary = false): void {
  // At the employer's domain, even when the member signed up with a personal address.
  const domain = COMPANIES.find((c) => c.name === member.company)?.domain ?? member.email.trim().toLowerCase().split('@')[1];
  const colleague = kit.person({ company: member.company, ...(domain ? { domain } : {}) });
  kit.role(opportunity, colleague, kit.random.pick(BUYER_ROLES), primary);
}

/** An opportunity at the member's company with the member as its primary contact role. */
function openDeal(kit: RevenueKit, member: CohortMember, createdAt: number, closeDate: string, stage: string, fields: Partial<OpportunityRow> = {}): OpportunityRow {
  const opportunity = kit.opportunity({ account: member.company, createdAt, closeDate, stage, ...fields });
  kit.role(opportunity, member, 'Decision Maker', true);
  return opportunity;
}

export const funnelStories: RevenueStory[] = [
  {
    name: 'funnel_bulk',
    title: 'The bulk: MQLs that became SQLs, opportunities and deals',
    plant(kit) {
      const counts = { sql: 0, opportunities: 0, won: 0, lost: 0, open: 0, roles: 0, short: 0, shortConversions: 0 };
      for (let i = 0; i < 110; i++) {
        const member = kit.mql('2026-07-02', '2026-09-12');
        const sqlAt = kit.later(member.at, 6 * 60, 21 * DAY);
        kit.reach(member, 'SQL', kit.sql(member, sqlAt));
        counts.sql += 1;
        // Sales converts the lead when it opens the opportunity, so the CRM lead must exist by then.
        const lead = kit.leadOf(member);
        const from = Math.max(sqlAt, lead.at);
        const room = Math.min(10 * DAY, (newYork(`${LAST_DAY} 12:00`) - from) / 60_000);
        if (!kit.random.chance(0.5) || room < 60) continue;
        const createdAt = kit.later(from, 30, room);
        const created = toNewYorkDate(createdAt);
        const closing = addDays(created, kit.random.int(7, 50));
        const latest = [LAST_DAY, addDays(member.date, WINDOW_DAYS)].sort()[0] ?? LAST_DAY;
        let outcome = kit.random.pick(['won', 'won', 'lost', 'open'] as const);
        if (closing > latest) outcome = 'open';
        const stage = outcome === 'won' ? 'Closed Won' : outcome === 'lost' ? 'Closed Lost' : kit.random.pick(OPEN_STAGES);
        const closeDate = outcome === 'open' ? addDays(EXPORT_DAY, kit.random.int(5, 80)) : closing;
        const opportunity = kit.opportunity({ account: member.company, createdAt, closeDate, stage });
        const short = kit.random.chance(0.2);
        kit.role(opportunity, member, 'Decision Maker', kit.random.chance(0.8), short ? '15' : '18');
        counts.short += short ? 1 : 0;
        const colleagues = kit.random.int(0, 2);
        for (let c = 0; c < colleagues; c++) addColleague(kit, member, opportunity);
        counts.roles += 1 + colleagues;
        const shortConversion = kit.random.chance(0.2);
        kit.convert(lead, opportunity, undefined, shortConversion ? '15' : '18');
        counts.shortConversions += shortConversion ? 1 : 0;
        for (const reached of [member, lead]) {
          kit.reach(reached, 'Opportunity', opportunity);
          if (outcome === 'won') kit.reach(reached, 'Won', opportunity);
        }
        counts.opportunities += 1;
        counts[outcome] += 1;
      }
      return (
        `${counts.sql} MQLs of July 2 to September 12 that sales qualified six hours to three weeks later (HubSpot's ` +
        `"Became a Sales Qualified Lead Date"). ${counts.opportunities} of them got an opportunity within ten days of the SQL, ` +
        `at their company, with them as a contact role and up to two colleagues who never filled a form ` +
        `(${counts.roles} contact roles; ${counts.short} written with the 15-character opportunity id, which the link's ` +
        `salesforce_id normaliser reads as the 18). ${counts.won} closed won and ${counts.lost} closed lost by October 4, ` +
        `all within the funnel's ${WINDOW_DAYS}-day window; ${counts.open} are still open. Each reaches every stage it got to. ` +
        `Sales converted each one's CRM lead into the opportunity as it opened it (${counts.shortConversions} conversions written ` +
        `with the 15-character id), so in the CRM-lead funnel the lead reaches the same opportunity and win.`
      );
    },
  },
  {
    name: 'full_path',
    title: 'One MQL all the way to a won deal',
    plant(kit) {
      const member = kit.mql('2026-08-01', '2026-08-05');
      const sqlAt = kit.later(member.at, 7 * DAY - 120, 7 * DAY + 120);
      const createdAt = kit.later(sqlAt, 5 * DAY - 120, 5 * DAY + 120);
      const opportunity = openDeal(kit, member, createdAt, addDays(member.date, 49), 'Closed Won', { cents: 4_200_000, leadSource: 'Webinar' });
      const lead = kit.leadOf(member);
      kit.convert(lead, opportunity);
      kit.reach(member, 'SQL', kit.sql(member, sqlAt, 'Customer'));
      for (const reached of [member, lead]) {
        kit.reach(reached, 'Opportunity', opportunity);
        kit.reach(reached, 'Won', opportunity);
      }
      const dates = [member.date, toNewYorkDate(sqlAt), toNewYorkDate(createdAt), opportunity.closeDate];
      const gaps = dates.slice(1).map((date, i) => daysBetween(dates[i] ?? date, date));
      return (
        `${formatName(member)} (HubSpot ${member.id}) became an MQL on ${formatShortDate(member.date)} and an SQL on ${formatDay(sqlAt)}; ` +
        `the opportunity "${opportunity.name}" opened on ${formatDay(createdAt)} and closed won on ` +
        `${formatShortDate(opportunity.closeDate)} for ${formatDollars(opportunity.cents)}. The MQL counts at every stage, ` +
        `${gaps.join(', ').replace(/, (\d+)$/, ' and $1')} days apart; the CRM lead, converted into the opportunity, at both of its funnel's.`
      );
    },
  },
  {
    name: 'several_people',
    title: 'Two MQLs on one deal',
    plant(kit) {
      const first = kit.mql('2026-07-10', '2026-07-31');
      const second = kit.mql(first.date, '2026-08-10', (m) => m.company === first.company && m.email.includes(first.email.trim().toLowerCase().split('@')[1] ?? '@'));
      const opportunity = kit.opportunity({ account: first.company, createdAt: kit.later(newYork(`${addDays(second.date, 6)} 09:00`), 0, 480), closeDate: addDays(second.date, 40), stage: 'Closed Won' });
      for (const member of [first, second]) {
        kit.reach(member, 'SQL', kit.sql(member, kit.later(member.at, 2 * DAY, 5 * DAY)));
        kit.reach(member, 'Opportunity', opportunity);
        kit.reach(member, 'Won', opportunity);
      }
      kit.role(opportunity, first, 'Decision Maker', true);
      kit.role(opportunity, second, 'Evaluator', false);
      addColleague(kit, first, opportunity);
      // Only one lead can become the opportunity; the other is converted to a contact of the same account.
      const [firstLead, secondLead] = [kit.leadOf(first), kit.leadOf(second)];
      kit.convert(firstLead, opportunity);
      kit.convert(secondLead, null, toNewYorkDate(opportunity.createdAt));
      kit.reach(firstLead, 'Opportunity', opportunity);
      kit.reach(firstLead, 'Won', opportunity);
      return (
        `${formatName(first)} and ${formatName(second)} of ${first.company} were MQLs on ${formatShortDate(first.date)} and ` +
        `${formatShortDate(second.date)}; both are contact roles of one deal, with a colleague who never filled a form. Both count ` +
        `at every stage, and the deal is one record of the stage's ids (its ${formatDollars(opportunity.cents)} counted once). ` +
        `In the CRM-lead funnel only ${first.firstName}'s lead reaches it: ${second.firstName}'s was converted without an ` +
        `opportunity (an empty Converted Opportunity ID), so it is dropped at Opportunity.`
      );
    },
  },
  {
    name: 'no_primary',
    title: 'A deal whose contact roles have no primary',
    plant(kit) {
      const member = kit.mql('2026-07-15', '2026-08-15');
      const sqlAt = kit.later(member.at, DAY, 4 * DAY);
      const opportunity = kit.opportunity({ account: member.company, createdAt: kit.later(sqlAt, DAY, 3 * DAY), closeDate: addDays(member.date, 30), stage: 'Closed Lost' });
      kit.role(opportunity, member, 'Evaluator', false);
      addColleague(kit, member, opportunity);
      kit.reach(member, 'SQL', kit.sql(member, sqlAt));
      kit.reach(member, 'Opportunity', opportunity);
      return (
        `Nobody on ${member.company}'s deal is marked primary. A funnel stage reached through a link uses every pair, so ` +
        `${formatName(member)} (MQL ${formatShortDate(member.date)}) reaches the opportunity; it closed lost on ${formatShortDate(opportunity.closeDate)}.`
      );
    },
  },
  {
    name: 'role_written_differently',
    title: 'A contact role written as the CRM writes it',
    plant(kit) {
      const member = kit.mql('2026-07-20', '2026-08-20', (m) => m.email === m.email.trim() && !m.email.includes('+'));
      const sqlAt = kit.later(member.at, DAY, 3 * DAY);
      const opportunity = kit.opportunity({ account: member.company, createdAt: kit.later(sqlAt, DAY, 2 * DAY), closeDate: addDays(member.date, 35), stage: 'Closed Won' });
      const written = member.email.replace('@', '+crm@').toUpperCase();
      kit.role(opportunity, { ...member, email: ` ${written}` }, 'Decision Maker', true, '15');
      kit.reach(member, 'SQL', kit.sql(member, sqlAt));
      kit.reach(member, 'Opportunity', opportunity);
      kit.reach(member, 'Won', opportunity);
      return (
        `The contact roles report names ${formatName(member)} as " ${written}" on an opportunity it writes with its 15-character id. ` +
        `The link's normalisers (trim, lowercase, strip_plus_tag on the person; trim, salesforce_id on the opportunity) make ` +
        `them ${member.email} and the opportunity's own 18-character id: the MQL reaches the deal, won on ${formatShortDate(opportunity.closeDate)}.`
      );
    },
  },
  {
    name: 'opportunity_before_sql',
    title: 'The opportunity opened before the SQL date was stamped',
    plant(kit) {
      const member = kit.mql('2026-08-01', '2026-08-31');
      const createdAt = kit.later(newYork(`${addDays(member.date, 2)} 09:00`), 0, 480);
      const sqlAt = kit.later(newYork(`${addDays(member.date, 6)} 09:00`), 0, 480);
      const opportunity = openDeal(kit, member, createdAt, addDays(EXPORT_DAY, 40), 'Proposal/Price Quote');
      kit.reach(member, 'SQL', kit.sql(member, sqlAt));
      kit.reach(member, 'Opportunity', opportunity);
      return (
        `${formatName(member)} became an MQL on ${formatShortDate(member.date)}; sales opened the opportunity on ${formatDay(createdAt)} and ` +
        `stamped the SQL on ${formatDay(sqlAt)}. Both count (each is on or after the MQL date); the days from SQL to opportunity ` +
        `are negative and count as 0 in the stage's median.`
      );
    },
  },
  {
    name: 'sql_before_mql',
    title: 'Sales qualified the contact before marketing did',
    plant(kit) {
      const member = kit.mql('2026-07-25', '2026-08-10');
      const sqlAt = kit.later(newYork(`${addDays(member.date, -8)} 10:00`), 0, 360);
      const createdAt = kit.later(newYork(`${addDays(member.date, 5)} 09:00`), 0, 480);
      const opportunity = openDeal(kit, member, createdAt, addDays(member.date, 45), 'Closed Won');
      kit.sql(member, sqlAt);
      kit.reach(member, 'Opportunity', opportunity);
      kit.reach(member, 'Won', opportunity);
      return (
        `${formatName(member)}'s SQL date (${formatDay(sqlAt)}) is before the MQL date (${formatShortDate(member.date)}): a stage counts ` +
        `only on or after the cohort record's date, so the MQL is dropped at SQL (and the SQL record, which no MQL of the ` +
        `quarter reaches, is outside the cohort), and the opportunity (${formatDay(createdAt)}) and its win ` +
        `(${formatShortDate(opportunity.closeDate)}) list the MQL as skipped.`
      );
    },
  },
  {
    name: 'no_sql',
    title: 'An MQL who went straight to an opportunity',
    plant(kit) {
      const member = kit.mql('2026-07-10', '2026-08-20');
      const createdAt = kit.later(member.at, 3 * DAY, 8 * DAY);
      const opportunity = openDeal(kit, member, createdAt, addDays(EXPORT_DAY, 30), 'Needs Analysis');
      kit.reach(member, 'Opportunity', opportunity);
      return (
        `${formatName(member)} became an MQL on ${formatShortDate(member.date)} and sales opened an opportunity on ${formatDay(createdAt)} ` +
        `without anyone setting the contact to SQL in HubSpot (not in the lifecycle export): dropped at SQL, skipped at Opportunity.`
      );
    },
  },
  {
    name: 'sql_without_date',
    title: 'An SQL without an SQL date',
    plant(kit) {
      const member = kit.mql('2026-07-10', '2026-09-10');
      kit.sql(member, null, 'Sales Qualified Lead');
      return (
        `A workflow set ${formatName(member)} (MQL ${formatShortDate(member.date)}) to Sales Qualified Lead without stamping the ` +
        `date. A stage record with no date never counts: the MQL is dropped at SQL, and the row is in no list of the stage.`
      );
    },
  },
  {
    name: 'window',
    title: 'The 90-day window, both ends included',
    plant(kit) {
      const told: string[] = [];
      for (const days of [WINDOW_DAYS, WINDOW_DAYS + 2]) {
        const member = kit.mql('2026-07-02', '2026-07-03');
        const sqlAt = kit.later(member.at, 2 * DAY, 4 * DAY);
        const opportunity = openDeal(kit, member, kit.later(sqlAt, DAY, 3 * DAY), addDays(member.date, days), 'Closed Won');
        kit.reach(member, 'SQL', kit.sql(member, sqlAt));
        kit.reach(member, 'Opportunity', opportunity);
        if (days <= WINDOW_DAYS) kit.reach(member, 'Won', opportunity);
        const quarter = opportunity.closeDate <= '2026-09-30' ? 'in the quarter\'s win rate' : 'won in October, so not in the quarter\'s win rate';
        told.push(`${formatName(member)}, an MQL of ${formatShortDate(member.date)}, won on ${formatShortDate(opportunity.closeDate)} (day ${days}; ${quarter})`);
      }
      return (
        `${told[0]}: counted, the window includes its last day. ${told[1]}: dropped at Won, and the won deal is outside ` +
        `the cohort (no MQL of the quarter reaches it).`
      );
    },
  },
  {
    name: 'two_opportunities',
    title: 'A second opportunity after a lost one',
    plant(kit) {
      const member = kit.mql('2026-07-06', '2026-07-20');
      const sqlAt = kit.later(member.at, DAY, 3 * DAY);
      const lost = openDeal(kit, member, kit.later(sqlAt, DAY, 2 * DAY), addDays(member.date, 24), 'Closed Lost');
      const won = openDeal(kit, member, kit.later(newYork(`${addDays(member.date, 33)} 09:00`), 0, 480), addDays(member.date, 70), 'Closed Won');
      kit.reach(member, 'SQL', kit.sql(member, sqlAt));
      kit.reach(member, 'Opportunity', lost);
      kit.reach(member, 'Opportunity', won);
      kit.reach(member, 'Won', won);
      const lead = kit.leadOf(member);
      kit.convert(lead, lost);
      kit.reach(lead, 'Opportunity', lost);
      return (
        `${formatName(member)}'s first opportunity closed lost on ${formatShortDate(lost.closeDate)}; a second one opened nine days later ` +
        `and closed won on ${formatShortDate(won.closeDate)}. Both are in the Opportunity stage's ids; the days to the ` +
        `stage count from the earlier one. The second was opened from the contact, not converted from a lead: the ` +
        `CRM-lead funnel sees only the lost one and drops the lead at Won.`
      );
    },
  },
  {
    name: 'renewal',
    title: 'An existing customer\'s upsell is no new business',
    plant(kit) {
      const member = kit.mql('2026-07-15', '2026-08-15');
      const sqlAt = kit.later(member.at, DAY, 3 * DAY);
      const opportunity = openDeal(kit, member, kit.later(sqlAt, DAY, 2 * DAY), addDays(member.date, 25), 'Closed Won', { type: 'Existing Business', leadSource: 'Web' });
      kit.reach(member, 'SQL', kit.sql(member, sqlAt, 'Customer'));
      return (
        `${formatName(member)} works at a customer; the MQL led to an upsell won on ${formatShortDate(opportunity.closeDate)}, an ` +
        `Existing Business opportunity. The renewal rule excludes it from Opportunity, Won and Lost, so it reaches no stage ` +
        `(the MQL is dropped at Opportunity) and is not in the win rate.`
      );
    },
  },
  {
    name: 'crm_says_outbound',
    title: 'A deal the funnel follows but the CRM calls sales-sourced',
    plant(kit) {
      const member = kit.mql('2026-07-06', '2026-07-31');
      const sqlAt = kit.later(member.at, DAY, 4 * DAY);
      const lead = kit.leadOf(member);
      const opportunity = openDeal(kit, member, kit.later(Math.max(sqlAt, lead.at), DAY, 2 * DAY), addDays(member.date, 40), 'Closed Won', { leadSource: 'Outbound Prospecting' });
      kit.convert(lead, opportunity);
      kit.reach(member, 'SQL', kit.sql(member, sqlAt));
      for (const reached of [member, lead]) {
        kit.reach(reached, 'Opportunity', opportunity);
        kit.reach(reached, 'Won', opportunity);
      }
      return (
        `${formatName(member)} was an MQL on ${formatShortDate(member.date)}, but the rep who opened the opportunity set its Lead ` +
        `Source to Outbound Prospecting. The funnel counts the won deal; marketing-sourced revenue under the CRM rule does not.`
      );
    },
  },
];
