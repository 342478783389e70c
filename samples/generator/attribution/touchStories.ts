// The touch stories: each deal's campaign responses, the cases that test attribution's definitions, and the survey answers.
import { addDays, EXPORT_DAY } from '../revenue/createRevenueKit';
import { formatShortDate } from '../revenue/formatShortDate';
import type { OpportunityRow } from '../revenue/revenueRecords';
import { findCampaign, toCreatedDay } from './createTouchKit';
import type { DealPerson, TouchKit, TouchStory } from './createTouchKit';
import { CAMPAIGNS, HOW_HEARD_MAP, LOOKBACK_DAYS, MARKETING_CHANNELS } from './touchRecords';

/** The last day anyone can have responded: the day before the exports ran. */
const LAST_DAY = addDays(EXPORT_DAY, -1);
/** Answers the map does not name: each is its own channel. */
const UNMAPPED_ANSWERS = ['Podcast', 'G2 review'];
/** The revenue stories whose deals the bulk gives random touch histories. */
const BULK_DEAL_STORIES = ['funnel_bulk', 'no_primary', 'role_written_differently', 'opportunity_before_sql', 'sql_before_mql', 'no_sql', 'window'];

const formatName = (p: { firstName: string; lastName: string }): string => `${p.firstName} ${p.lastName}`;
const before = (deal: OpportunityRow, days: number): string => addDays(toCreatedDay(deal), -days);
/** The stories about the pipeline's lookback take deals the revenue entry does not read. */
const isOpenOrLost = (deal: OpportunityRow): boolean => deal.stage !== 'Closed Won';

/** The answer as people type it: any case, stray spaces. */
function writeLoosely(kit: TouchKit, text: string): string {
  return kit.random.pick([text, text.toLowerCase(), text.toUpperCase(), ` ${text}`, `${text} `]);
}

/** A map answer naming the channel, if the survey offers one. */
function findAnswer(channel: string): string | undefined {
  return HOW_HEARD_MAP.find(([, mapped]) => mapped === channel)?.[0];
}

function pickCampaign(kit: TouchKit): string {
  const roll = kit.random.next();
  const channel = roll < 0.1 ? 'Sales Outreach' : roll < 0.14 ? 'Partner' : kit.random.pick(MARKETING_CHANNELS);
  return kit.random.pick(CAMPAIGNS.filter((c) => c.channel === channel)).name;
}

/** The deal's first person (its MQL, usually the primary contact) most of the time, else anyone on it. */
function pickPerson(kit: TouchKit, people: DealPerson[]): DealPerson | undefined {
  return kit.random.chance(0.7) ? people[0] : kit.random.pick(people);
}

function requirePerson(people: DealPerson[], index: number, deal: OpportunityRow): DealPerson {
  const person = people[index];
  if (!person) throw new Error(`deal ${deal.name} has no contact role ${index + 1}`);
  return person;
}

export const touchStories: TouchStory[] = [
  {
    name: 'touch_full_path',
    title: 'One deal under every model',
    plant(kit) {
      const deal = kit.deal('full_path');
      const person = requirePerson(kit.people(deal), 0, deal);
      const mqlEve = addDays(kit.mqlOf(person)?.date ?? before(deal, 12), -1);
      // The deal closes about five weeks after it opens: the revenue entry's lookback starts after the ad click.
      kit.touch(person, 'Report - State of attribution 2026', before(deal, 120), []);
      kit.touch(person, 'Google Ads - Reconciliation keywords', before(deal, 75), [deal]);
      kit.touch(person, 'Ebook - The RevOps playbook', before(deal, 40), [deal], [deal]);
      kit.touch(person, 'Webinar - Closing the MQL gap', mqlEve, [deal], [deal]);
      kit.touch(person, 'Nurture - Data quality', before(deal, 5), [deal], [deal]);
      kit.touch(person, 'Webinar - Pipeline math', addDays(toCreatedDay(deal), 6), [], [deal]);
      kit.answer(deal, 'Webinar');
      return (
        `${formatName(person)}'s deal "${deal.name}" (created ${formatShortDate(toCreatedDay(deal))}) has six campaign responses. ` +
        `The report of ${formatShortDate(before(deal, 120))} is older than the ${LOOKBACK_DAYS}-day lookback and the webinar of ` +
        `${formatShortDate(addDays(toCreatedDay(deal), 6))} came after the deal opened: neither counts. The four that count are a Google ` +
        `ad click (${formatShortDate(before(deal, 75))}), an ebook (${formatShortDate(before(deal, 40))}), a webinar the day before ` +
        `the MQL (${formatShortDate(mqlEve)}: the W-shaped milestone) and a nurture e-mail (${formatShortDate(before(deal, 5))}). ` +
        'First touch gives the deal to Paid Search, last touch to Email, linear a quarter each, U-shaped 40/10/10/40, ' +
        'W-shaped 30/10/30/30 (the ebook holds no position and takes the remaining tenth), time decay two thirds to ' +
        "the e-mail and most of the rest to the webinar. Asked how they heard of Acme, the buyer answered \"Webinar\": the self-reported model and the CRM's Lead Source say Webinar. " +
        `The revenue entry reads the ${LOOKBACK_DAYS} days before the close (${formatShortDate(deal.closeDate)}): the ad click is too old for it, and the second webinar counts.`
      );
    },
  },
  {
    name: 'touch_lookback_edge',
    title: 'The lookback\'s first day counts, the day before it does not',
    plant(kit) {
      const deal = kit.deal('funnel_bulk', isOpenOrLost);
      const person = requirePerson(kit.people(deal), 0, deal);
      kit.touch(person, 'LinkedIn - RevOps leaders', before(deal, LOOKBACK_DAYS + 1), []);
      kit.touch(person, 'SaaStr Annual 2026', before(deal, LOOKBACK_DAYS), [deal]);
      kit.answer(deal, writeLoosely(kit, 'Conference'));
      return (
        `${formatName(person)} clicked a LinkedIn ad on ${formatShortDate(before(deal, LOOKBACK_DAYS + 1))} and visited the booth at ` +
        `SaaStr Annual on ${formatShortDate(before(deal, LOOKBACK_DAYS))}; the deal opened ${LOOKBACK_DAYS} days after the booth visit. ` +
        'A response date with no time stands for the end of its day, so the booth visit is inside the lookback and the ad ' +
        'click a day outside it: a single-touch deal, all of it to Events under every touch model.'
      );
    },
  },
  {
    name: 'touch_same_day',
    title: 'A response on the day the deal opened comes after it',
    plant(kit) {
      const deal = kit.deal('funnel_bulk', isOpenOrLost);
      const person = requirePerson(kit.people(deal), 0, deal);
      kit.touch(person, 'LinkedIn - Retargeting', before(deal, 20), [deal]);
      kit.touch(person, 'Website - Demo request', before(deal, 3), [deal]);
      kit.touch(person, 'Webinar - Pipeline math', toCreatedDay(deal), []);
      kit.answer(deal, writeLoosely(kit, 'LinkedIn'));
      return (
        `${formatName(person)} clicked a LinkedIn ad (${formatShortDate(before(deal, 20))}), requested a demo on the website ` +
        `(${formatShortDate(before(deal, 3))}) and attended a webinar on ${formatShortDate(toCreatedDay(deal))}, the day sales opened the deal. ` +
        'The webinar\'s date stands for the end of that day, after the deal was created: a two-touch deal, half to Paid Social ' +
        'and half to Organic Search under linear, U-shaped and W-shaped.'
      );
    },
  },
  {
    name: 'touch_ties',
    title: 'Two responses on one day: the report\'s row order decides',
    plant(kit) {
      const first = kit.deal('funnel_bulk', (d) => isOpenOrLost(d) && kit.people(d).length >= 2);
      const second = kit.deal('funnel_bulk', isOpenOrLost);
      const [a, b] = [requirePerson(kit.people(first), 0, first), requirePerson(kit.people(first), 1, first)];
      kit.touch(a, 'SDR sequence - Q3 outbound', before(first, 30), [first]);
      kit.touch(b, 'RevOps Summit NYC 2026', before(first, 30), [first]);
      kit.touch(a, 'Newsletter - Q3 2026', before(first, 10), [first]);
      kit.answer(first, '');
      const c = requirePerson(kit.people(second), 0, second);
      kit.touch(c, 'Ebook - The RevOps playbook', before(second, 26), [second]);
      kit.touch(c, 'Webinar - Pipeline math', before(second, 2), [second]);
      kit.touch(c, 'Google Ads - Brand', before(second, 2), [second]);
      kit.answer(second, writeLoosely(kit, 'Google'));
      return (
        `On ${formatShortDate(before(first, 30))} ${formatName(a)} replied to an SDR sequence and ${formatName(b)}, a colleague on the same ` +
        `deal, visited the RevOps Summit booth. Touches on one day are ordered by their row in the report, which lists ` +
        'campaigns by name: the summit comes first, so the first touch is Events (marketing: the deal is touch-sourced) and ' +
        `the SDR reply is the middle one. On the other deal, ${formatName(c)}'s last day has a Google ad click and a webinar; ` +
        'the webinar\'s row comes later, so the last touch is Webinar, and time decay splits the two equally.'
      );
    },
  },
  {
    name: 'touch_non_primary',
    title: 'A deal touched only through a contact who is not primary',
    plant(kit) {
      const deal = kit.deal('several_people');
      const people = kit.people(deal);
      // The second MQL, an Evaluator: the roles were planted primary first, then the Evaluator, then a colleague.
      const evaluator = requirePerson(people, 1, deal);
      kit.touch(evaluator, 'LinkedIn - RevOps leaders', before(deal, 25), [deal]);
      kit.touch(evaluator, 'Webinar - Closing the MQL gap', before(deal, 12), [deal]);
      kit.answer(deal, writeLoosely(kit, 'A friend'));
      return (
        `Only ${formatName(evaluator)}, an Evaluator on ${deal.account}'s deal and not its primary contact, responded to campaigns ` +
        '(a LinkedIn ad, then a webinar). The entry pools the touches of every contact role (`people: all`), so the deal is ' +
        'credited to Paid Social and Webinar. The revenue entry reads primary contacts only (`people: primary`): there the ' +
        'won deal has no touch. The buyer said "a friend" told them: Referral, which no touch says.'
      );
    },
  },
  {
    name: 'touch_outbound',
    title: 'The CRM says outbound, the touches say Paid Search',
    plant(kit) {
      const deal = kit.deal('crm_says_outbound');
      const person = requirePerson(kit.people(deal), 0, deal);
      kit.touch(person, 'Google Ads - Brand', before(deal, 35), [deal], [deal]);
      kit.touch(person, 'SDR sequence - Q3 outbound', before(deal, 6), [deal], [deal]);
      kit.answer(deal, writeLoosely(kit, 'Google'));
      return (
        `${formatName(person)} clicked a Google ad ${formatShortDate(before(deal, 35))} and replied to an SDR sequence ` +
        `${formatShortDate(before(deal, 6))}. The rep set Lead Source to Outbound Prospecting, so the CRM rule does not call the deal ` +
        'marketing-sourced, but its first touch is Paid Search: sourced by touches only.'
      );
    },
  },
  {
    name: 'touch_no_milestone',
    title: 'W-shaped without a milestone',
    plant(kit) {
      const deal = kit.deal('role_not_mql');
      const person = requirePerson(kit.people(deal), 0, deal);
      kit.touch(person, 'Website - Pricing page', before(deal, 40), [deal], [deal]);
      kit.touch(person, 'Report - State of attribution 2026', before(deal, 20), [deal], [deal]);
      kit.touch(person, 'Newsletter - Q3 2026', before(deal, 8), [deal], [deal]);
      kit.answer(deal, writeLoosely(kit, 'Search engine'));
      return (
        `${formatName(person)} was never an MQL, so the W-shaped model has no milestone on this deal: its 30% is split between ` +
        'the first touch (Organic Search) and the last (Email), 45% each, and the report in the middle takes the remaining 10%.'
      );
    },
  },
  {
    name: 'touch_two_deals',
    title: 'One touch, two deals',
    plant(kit) {
      const [lost, won] = kit.deals('two_opportunities').sort((a, b) => a.createdAt - b.createdAt);
      if (!lost || !won) throw new Error('touch_two_deals: two deals are needed');
      const person = requirePerson(kit.people(lost), 0, lost);
      kit.touch(person, 'Google Ads - Reconciliation keywords', before(lost, 15), [lost, won], [won]);
      kit.touch(person, 'Webinar - Pipeline math', addDays(toCreatedDay(lost), 10), [won], [won]);
      kit.answer(lost, writeLoosely(kit, 'Google'));
      kit.answer(won, writeLoosely(kit, 'Webinar'));
      return (
        `${formatName(person)} clicked a Google ad before the first deal and attended a webinar ten days after it opened. The ad ` +
        'is in both deals\' lookbacks and counts for each; the webinar only for the second.'
      );
    },
  },
  {
    name: 'touch_no_roles',
    title: 'Touches nobody on the deal made',
    plant(kit) {
      const deal = kit.deal('no_roles');
      const lead = kit.leadConvertedInto(deal);
      if (!lead) throw new Error('touch_no_roles: the deal was converted from a lead');
      kit.touch(lead, 'Google Ads - Brand', before(deal, 9), [], [], 'Lead');
      kit.touch(lead, 'Website - Demo request', before(deal, 2), [], [], 'Lead');
      kit.answer(deal, writeLoosely(kit, 'Google'));
      return (
        `${formatName(lead)} clicked a Google ad and requested a demo before sales converted the lead into ${deal.account}'s deal, ` +
        'but the deal has no contact role: the link names nobody, so the deal reaches none of those touches and gives its ' +
        'whole value to No touch under every touch model. Self-reported, it is Paid Search ("Google").'
      );
    },
  },
  {
    name: 'touch_sales_sourced',
    title: 'Sales-sourced deals: no touch, or only sales\' own',
    plant(kit) {
      const deals = kit.deals('sales_sourced');
      const [sdr, sdr2, partner, noChannel, sent] = deals;
      if (!sdr || !sdr2 || !partner || !noChannel || !sent) throw new Error('touch_sales_sourced: five deals are needed');
      const on = (deal: OpportunityRow): DealPerson => requirePerson(kit.people(deal), 0, deal);
      // The first three were won, weeks after these touches: they count for the revenue entry too.
      kit.touch(on(sdr), 'SDR sequence - Q3 outbound', before(sdr, 4), [sdr], [sdr], 'Lead');
      kit.touch(on(sdr2), 'SDR sequence - Q3 outbound', before(sdr2, 9), [sdr2], [sdr2], 'Lead');
      kit.touch(on(partner), 'Partner referrals - Northwind', before(partner, 14), [partner], [partner], 'Lead');
      kit.answer(partner, writeLoosely(kit, 'Partner'));
      kit.touch(on(noChannel), 'Customer advisory dinner', before(noChannel, 7), [], [], 'Lead');
      kit.touch(on(sent), 'Newsletter - Q3 2026', null, [], [], 'Lead');
      for (const deal of deals) if (deal !== partner) kit.answer(deal, kit.random.chance(0.5) ? '' : writeLoosely(kit, 'Colleague'));
      return (
        `Of the ${deals.length} deals sales found on its own, two had a reply to an SDR sequence and one a partner's referral: ` +
        'counted touches on channels that are not marketing\'s, so credit goes to Sales Outreach and Partner but the deals are ' +
        'neither influenced nor sourced. One person attended a dinner whose campaign has no Channel and one was sent the ' +
        'newsletter without responding (no First Responded Date): neither row is a touch, and with the rest they give their ' +
        'value to No touch.'
      );
    },
  },
  {
    name: 'touch_earlier_cohort',
    title: 'Deals of last quarter, won in this one',
    plant(kit) {
      const deals = kit.deals('earlier_cohort');
      const won = deals.filter((d) => d.stage === 'Closed Won');
      const [paid, events, outbound] = won;
      if (!paid || !events || !outbound) throw new Error('touch_earlier_cohort: three won deals are needed');
      const on = (deal: OpportunityRow): DealPerson => requirePerson(kit.people(deal), 0, deal);
      const touch = (deal: OpportunityRow, campaign: string, date: string, counts: OpportunityRow[]): void => {
        kit.touch(on(deal), campaign, date, counts, kit.countForRevenue(deal, on(deal), date));
      };
      touch(paid, 'Google Ads - Brand', before(paid, 50), [paid]);
      touch(paid, 'Webinar - Closing the MQL gap', before(paid, 21), [paid]);
      touch(events, 'RevOps Summit NYC 2026', before(events, 33), [events]);
      touch(outbound, 'SDR sequence - Q3 outbound', before(outbound, 11), [outbound]);
      // A week before each won deal closed, a newsletter click: after the deal opened, so only the revenue entry reads it.
      for (const deal of won) touch(deal, 'Newsletter - Q3 2026', addDays(deal.closeDate, -7), []);
      for (const deal of deals) kit.answer(deal, '');
      return (
        'The three deals opened in April to June and won in the quarter are not the quarter\'s pipeline, but their sourced ' +
        'status is computed all the same: two are touch-sourced (first touches Paid Search and Events), one began with an SDR ' +
        'sequence. Marketing-sourced revenue by touches counts the first two; the CAC by channel divides Paid Search\'s and ' +
        'Events\' spend by them. Each clicked the newsletter a week before it closed: a touch for the revenue entry, whose ' +
        'lookback ends at the close, and too late for the pipeline entry.'
      );
    },
  },
  {
    name: 'touch_bulk',
    title: 'The bulk: every other deal\'s campaign history',
    plant(kit) {
      const counts = { deals: 0, counted: 0, none: 0, after: 0, outside: 0 };
      for (const deal of BULK_DEAL_STORIES.flatMap((story) => kit.deals(story))) {
        counts.deals += 1;
        const people = kit.people(deal);
        const n = people.length === 0 ? 0 : kit.random.pick([0, 1, 2, 3, 3, 4, 4, 5, 6]);
        const dated: { date: string; channel: string }[] = [];
        for (let i = 0; i < n; i++) {
          const person = pickPerson(kit, people);
          if (!person) continue;
          const campaign = pickCampaign(kit);
          const date = before(deal, kit.random.int(1, 80));
          kit.touch(person, campaign, date, [deal], kit.countForRevenue(deal, person, date));
          dated.push({ date, channel: findCampaign(campaign).channel });
        }
        counts.counted += dated.length;
        counts.none += dated.length === 0 ? 1 : 0;
        const someone = pickPerson(kit, people);
        const after = addDays(toCreatedDay(deal), kit.random.int(0, 12));
        if (someone && kit.random.chance(0.25) && after <= LAST_DAY) {
          kit.touch(someone, pickCampaign(kit), after, [], kit.countForRevenue(deal, someone, after));
          counts.after += 1;
        }
        if (someone && kit.random.chance(0.15)) {
          const old = before(deal, kit.random.int(LOOKBACK_DAYS + 5, 150));
          kit.touch(someone, pickCampaign(kit), old, [], kit.countForRevenue(deal, someone, old));
          counts.outside += 1;
        }
        const firstChannel = [...dated].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0))[0]?.channel ?? '';
        const roll = kit.random.next();
        const agreeing = findAnswer(firstChannel);
        const answer =
          roll < 0.55 && agreeing ? agreeing
          : roll < 0.72 ? kit.random.pick(HOW_HEARD_MAP.filter(([, channel]) => channel !== firstChannel).map(([text]) => text))
          : roll < 0.9 ? ''
          : null;
        // An answer the map does not know is its own channel, case kept: it is only trimmed.
        if (answer === null) kit.answer(deal, kit.random.pick(UNMAPPED_ANSWERS.flatMap((text) => [text, `${text} `])));
        else kit.answer(deal, answer === '' ? '' : writeLoosely(kit, answer));
      }
      return (
        `The other ${counts.deals} deals of the quarter: ${counts.counted} campaign responses of their contact roles within the ` +
        `${LOOKBACK_DAYS} days before each deal opened (mostly the MQL's own, some a colleague's), across every channel; ` +
        `${counts.none} deals have none. ${counts.after} responses came after their deal opened and ${counts.outside} before its ` +
        'lookback: they count for nothing. The survey answer mostly names the first touch\'s channel, in any case and spacing; ' +
        'some name another channel, some are empty (Not reported), some are answers the map does not know (their own channel).'
      );
    },
  },
  {
    name: 'touch_no_deal',
    title: 'Campaign members who have no deal',
    plant(kit) {
      let rows = 0;
      for (let i = 0; i < 40; i++) {
        const member = kit.mqlWithoutDeal();
        const who = { ...member };
        const responses = kit.random.int(1, 3);
        for (let r = 0; r < responses; r++) {
          const sentOnly = kit.random.chance(0.15);
          const campaign = sentOnly ? 'Newsletter - Q3 2026' : pickCampaign(kit);
          kit.touch(who, campaign, sentOnly ? null : addDays(member.date, -kit.random.int(0, 60)), [], [], 'Lead');
          rows += 1;
        }
      }
      return `${rows} rows for 40 MQLs of the quarter that no deal names: they are in the report, as in any real one, and count for no opportunity.`;
    },
  },
];
