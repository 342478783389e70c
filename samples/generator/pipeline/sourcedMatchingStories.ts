// Sourced pipeline stories of deals Salesforce also has: the bulk, and every way a matched pair can disagree.
import { duplicate, matched, noCounterpart } from '../expectations';
import { utc } from '../wallTime';
import type { PipelineStory } from './createPipelineKit';
import { matchedBut, notWon } from './pipelineExpectations';

const sourcedOnly = { booked: notWon };

export const sourcedMatchingStories: PipelineStory[] = [
  {
    name: 'sourced_bulk',
    title: 'The bulk: deals marketing sourced that Salesforce has as opportunities',
    told:
      'Deals created in HubSpot between July 2 and September 24 (New York time) and synced to Salesforce minutes to two ' +
      'days later, still open. One in five is a EUR opportunity; HubSpot holds its USD value at the contract rate, so ' +
      'the amounts agree to the cent. HubSpot amounts are written as HubSpot exports them (12500) or as typed ($12,500.00, USD 12,500.00).',
    plant(kit) {
      for (let i = 0; i < 36; i++) {
        const account = kit.account();
        const createdAt = kit.between('2026-07-02 00:00', '2026-09-24 23:59');
        const amount = kit.random.chance(0.2) ? kit.eur(kit.random.int(8, 160) * 250) : kit.usd(kit.random.int(20, 400) * 250);
        const opportunity = kit.opportunity(account, { amount, createdAt: kit.later(createdAt, 5, 2 * 1440) }, { sourced: matched, ...sourcedOnly });
        kit.deal(account, opportunity, { createdAt }, matched);
      }
    },
  },
  {
    name: 'amounts_disagree',
    title: 'Amounts that disagree, and the tolerance',
    told:
      'HubSpot says $12,500 where Salesforce says $11,000; $48,000 in Contract sent against $45,000 Closed Lost (the ' +
      'amount is compared first, so the pair says value_differs and lists both fields); an empty amount and a "TBD" ' +
      'against real ones; a EUR 40,000 opportunity HubSpot converted at an old rate. A $0.01 difference is within the ' +
      "contract's tolerance (matched), $0.02 is not. Where neither side has an amount (n/a and empty) the pair agrees.",
    plant(kit) {
      const cases: [number | string, number | string, string, string, ReturnType<typeof matchedBut> | typeof matched][] = [
        [12500, 11000, 'contractsent', 'Negotiation/Review', matchedBut('value')],
        [48000, 45000, 'contractsent', 'Closed Lost', matchedBut('value')],
        ['', 8000, 'qualifiedtobuy', 'Needs Analysis', matchedBut('value')],
        ['TBD', 15000, 'qualifiedtobuy', 'Needs Analysis', matchedBut('value')],
        [20000.01, 20000, 'presentationscheduled', 'Proposal/Price Quote', matched],
        [20000.02, 20000, 'presentationscheduled', 'Proposal/Price Quote', matchedBut('value')],
        ['n/a', '', 'appointmentscheduled', 'Qualification', matched],
      ];
      for (const [hubspot, salesforce, hubspotStage, stage, expect] of cases) {
        const account = kit.account();
        const createdAt = kit.between('2026-07-06 00:00', '2026-09-18 23:59');
        const amount = typeof salesforce === 'number' ? kit.usd(salesforce) : { text: salesforce };
        const opportunity = kit.opportunity(account, { amount, stage, createdAt: kit.later(createdAt, 30, 600) }, { sourced: expect, ...sourcedOnly });
        kit.deal(account, opportunity, { createdAt, stage: hubspotStage, amount: typeof hubspot === 'number' ? kit.usd(hubspot, 'symbol') : { text: hubspot } }, expect);
      }
      const account = kit.account();
      const createdAt = kit.between('2026-07-06 00:00', '2026-09-18 23:59');
      const opportunity = kit.opportunity(account, { amount: kit.eur(40000), createdAt: kit.later(createdAt, 30, 600) }, { sourced: matchedBut('value'), ...sourcedOnly });
      kit.deal(account, opportunity, { createdAt, amount: kit.usd(44000, 'code') }, matchedBut('value'));
    },
  },
  {
    name: 'stages_disagree',
    title: 'Stages that disagree',
    told:
      "HubSpot writes its internal stage ids (contractsent); the contract maps them to Salesforce's stage names. A deal " +
      'still in Contract sent that Salesforce closed as lost, and one HubSpot moved back to Qualified to buy while ' +
      'Salesforce has a price quote out: same amount, so the pair says stage_differs.',
    plant(kit) {
      for (const [hubspotStage, stage] of [['contractsent', 'Closed Lost'], ['qualifiedtobuy', 'Proposal/Price Quote']] as const) {
        const account = kit.account();
        const createdAt = kit.between('2026-07-06 00:00', '2026-09-18 23:59');
        const opportunity = kit.opportunity(account, { amount: kit.usd(kit.random.int(20, 200) * 250), stage, createdAt: kit.later(createdAt, 30, 600) }, { sourced: matchedBut('stage'), ...sourcedOnly });
        kit.deal(account, opportunity, { createdAt, stage: hubspotStage }, matchedBut('stage'));
      }
    },
  },
  {
    name: 'close_dates_disagree',
    title: 'Close dates that disagree, and the one a time zone reconciles',
    told:
      'HubSpot expects the deal to close on October 15, Salesforce on November 30: close_date_differs. HubSpot stores ' +
      'close dates as UTC moments: 2026-10-01 02:00 UTC is September 30 in New York, the same day as Salesforce\'s ' +
      '9/30/2026 (matched); 2026-10-01 04:30 UTC is already October 1 (close_date_differs).',
    plant(kit) {
      const cases: [string, number, ReturnType<typeof matchedBut> | typeof matched][] = [
        ['2026-11-30', utc('2026-10-15 16:00'), matchedBut('close_date')],
        ['2026-09-30', utc('2026-10-01 02:00'), matched],
        ['2026-09-30', utc('2026-10-01 04:30'), matchedBut('close_date')],
      ];
      for (const [closeDate, closeAt, expect] of cases) {
        const account = kit.account();
        const createdAt = kit.between('2026-07-06 00:00', '2026-08-31 23:59');
        const opportunity = kit.opportunity(account, { amount: kit.usd(kit.random.int(20, 200) * 250), stage: 'Negotiation/Review', closeDate, createdAt: kit.later(createdAt, 30, 600) }, { sourced: expect, ...sourcedOnly });
        kit.deal(account, opportunity, { createdAt, closeAt }, expect);
      }
    },
  },
  {
    name: 'id_forms',
    title: 'Opportunity ids written differently',
    told:
      'The HubSpot property "Salesforce Opportunity ID" was filled by hand for older deals: a 15-character id copied ' +
      'from a Salesforce URL, and an 18-character one with spaces around it. trim and salesforce_id make both the ' +
      "opportunity's 15-character id, so they match.",
    plant(kit) {
      for (const form of ['15', '15', 'padded'] as const) {
        const account = kit.account();
        const createdAt = kit.between('2026-07-06 00:00', '2026-09-18 23:59');
        const opportunity = kit.opportunity(account, { amount: kit.usd(kit.random.int(20, 200) * 250), createdAt: kit.later(createdAt, 30, 600) }, { sourced: matched, ...sourcedOnly });
        kit.deal(account, opportunity, { createdAt, ref: { opportunity, form } }, matched);
      }
    },
  },
  {
    name: 'id_case',
    title: 'Ids that differ only by case',
    told:
      'Fifteen-character Salesforce ids are case-sensitive. Two opportunities whose 15-character ids differ only in ' +
      'the case of one letter each match their own deal and not each other; a deal whose id someone retyped with one ' +
      'letter in the wrong case matches nothing, and its opportunity has no counterpart either.',
    plant(kit) {
      const twins = [kit.account(), kit.account()];
      const createdAt = kit.between('2026-07-06 00:00', '2026-09-18 23:59');
      const [first, second] = twins.map((account, i) =>
        kit.opportunity(account, { amount: kit.usd(kit.random.int(20, 200) * 250), createdAt: kit.later(createdAt, 30 + i, 30 + i) }, { sourced: matched, ...sourcedOnly }),
      );
      if (!first || !second) throw new Error('two twins');
      second.caseTwinOf = first;
      twins.forEach((account, i) => {
        const opportunity = i === 0 ? first : second;
        kit.deal(account, opportunity, { createdAt: kit.later(createdAt, 0, 20), ref: { opportunity, form: '15' } }, matched);
      });
      const account = kit.account();
      const retyped = kit.opportunity(account, { amount: kit.usd(kit.random.int(20, 200) * 250), createdAt: kit.later(createdAt, 60, 600) }, { sourced: noCounterpart, ...sourcedOnly });
      kit.deal(account, retyped, { createdAt: kit.later(createdAt, 0, 50), ref: { opportunity: retyped, form: 'case_flipped' } }, noCounterpart);
    },
  },
  {
    name: 'duplicate_deals',
    title: 'Deals created twice',
    told:
      'Two opportunities each have two HubSpot deals: a rep re-created the deal a few days later (once with the ' +
      '15-character id, once with a different amount). The earliest deal counts and matches; the other is a ' +
      'duplicate and keeps its own amount in the duplicate step.',
    plant(kit) {
      for (const second of ['15', 'amount'] as const) {
        const account = kit.account();
        const createdAt = kit.between('2026-07-06 00:00', '2026-09-10 23:59');
        const opportunity = kit.opportunity(account, { amount: kit.usd(kit.random.int(20, 200) * 250), createdAt: kit.later(createdAt, 30, 600) }, { sourced: matched, ...sourcedOnly });
        kit.deal(account, opportunity, { createdAt }, matched);
        const again = second === '15' ? { ref: { opportunity, form: '15' as const } } : { amount: kit.usd(kit.random.int(20, 200) * 250 + 125) };
        kit.deal(account, opportunity, { createdAt: kit.later(createdAt, 3 * 1440, 6 * 1440), ...again }, duplicate);
      }
    },
  },
];
