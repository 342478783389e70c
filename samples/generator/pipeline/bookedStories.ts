// Booked revenue stories: closed-won opportunities against the invoice lines finance billed for them.
import type { Expectation } from '../expectations';
import { matched, outsidePeriod } from '../expectations';
import type { Account, PipelineKit, PipelineStory } from './createPipelineKit';
import { matchedBut } from './pipelineExpectations';
import type { Money, Opportunity } from './pipelineRecords';
import { plantInvoice, splitAmount } from './plantInvoice';

/** An opportunity created last quarter (so the sourced bridge counts it out of period), closed won (or in `stage`) on `closeDate`. */
export function plantWonEarlier(kit: PipelineKit, account: Account, amount: Money, closeDate: string, booked: Expectation, stage = 'Closed Won'): Opportunity {
  const createdAt = kit.between('2026-03-02 00:00', '2026-06-19 23:59');
  return kit.opportunity(account, { amount, createdAt, closeDate, stage }, { sourced: outsidePeriod, booked });
}

const usdOrEur = (kit: PipelineKit): Money => (kit.random.chance(0.3) ? kit.eur(kit.random.int(8, 160) * 250) : kit.usd(kit.random.int(20, 400) * 250));

function plantSplitInvoice(kit: PipelineKit, account: Account, opportunity: Opportunity, firstDate: string, first: Expectation): void {
  if ('text' in opportunity.amount) throw new Error('a won opportunity has an amount');
  const parts = kit.random.int(1, 3);
  const dates = [firstDate];
  while (dates.length < parts) dates.push(kit.addDays(dates[dates.length - 1] ?? firstDate, kit.random.int(0, 20)));
  plantInvoice(kit, account, opportunity, { amounts: splitAmount(kit, opportunity.amount.currency, opportunity.amount.cents, parts), dates, first });
}

export const bookedStories: PipelineStory[] = [
  {
    name: 'won_this_quarter',
    title: 'Sourced this quarter, won and invoiced this quarter',
    told:
      'Deals marketing sourced in July and August that closed won within weeks and were billed in one to three ' +
      'invoices (a later instalment may fall in October: finance sums every line of the order into its first one). ' +
      'They match in both bridges.',
    plant(kit) {
      for (let i = 0; i < 10; i++) {
        const account = kit.account();
        const createdAt = kit.between('2026-07-02 00:00', '2026-08-10 23:59');
        const opportunityCreated = kit.later(createdAt, 5, 2 * 1440);
        const closeDate = kit.daysAfter(opportunityCreated, kit.random.int(15, 40));
        const opportunity = kit.opportunity(account, { amount: usdOrEur(kit), createdAt: opportunityCreated, closeDate, stage: 'Closed Won' }, { sourced: matched, booked: matched });
        kit.deal(account, opportunity, { createdAt }, matched);
        plantSplitInvoice(kit, account, opportunity, kit.addDays(closeDate, kit.random.int(0, 3)), matched);
      }
    },
  },
  {
    name: 'booked_bulk',
    title: 'Won this quarter, invoiced this quarter',
    told:
      'Opportunities opened last quarter (so the sourced bridge counts them out of period), closed won between July 2 ' +
      'and September 25 and billed within days, in USD or EUR (`EUR 1.234,56`, `12 500,00 €`). One EUR 24,690.00 ' +
      'order was billed as two lines of EUR 12,345.00: each converts to $13,394.325 and rounds to $13,394.33, so finance ' +
      'shows one cent more than the opportunity\'s $26,788.65, within the 1% tolerance.',
    plant(kit) {
      for (let i = 0; i < 14; i++) {
        const account = kit.account();
        const closeDate = kit.daysAfter(kit.between('2026-07-02 00:00', '2026-09-20 23:59'), 0);
        const opportunity = plantWonEarlier(kit, account, usdOrEur(kit), closeDate, matched);
        plantSplitInvoice(kit, account, opportunity, kit.addDays(closeDate, kit.random.int(0, 4)), matched);
      }
      const account = kit.account();
      const opportunity = plantWonEarlier(kit, account, kit.eur(24690), '2026-08-27', matched);
      plantInvoice(kit, account, opportunity, { amounts: [kit.eur(12345, 'code'), kit.eur(12345, 'suffix')], dates: ['2026-08-28', '2026-08-28'], first: matched, form: '15' });
    },
  },
  {
    name: 'invoices_disagree',
    title: 'Invoiced amounts that disagree, credit notes, and the 1% tolerance',
    told:
      'Credit notes are negative lines, written as accountants do, `(3.000,00)` or `-1.200,00`, and summed into the ' +
      'order: $30,000 won but $27,000 billed, $12,000 won but $10,800 billed, EUR 18,000 won and EUR 1,800 credited. ' +
      'An order billed $19,900 for $20,000 won is within 1% (matched). An order whose two lines have no amount ' +
      '(empty, n/a) has no value to compare (value_differs against an empty value); one empty line beside a full one ' +
      'changes nothing. A EUR 37,035.00 order billed EUR 49,380.00 and credited EUR 12,345.00: the credit converts to ' +
      '-$13,394.325 and rounds away from zero to -$13,394.33, the order to $40,182.98, the lines add up to $40,182.97 (within 1%).',
    plant(kit) {
      const cases: [Money, Money[], Expectation][] = [
        [kit.usd(30000), [kit.usd(30000), kit.usd(-3000, 'parentheses')], matchedBut('value')],
        [kit.usd(12000), [kit.usd(12000), kit.usd(-1200)], matchedBut('value')],
        [kit.eur(18000), [kit.eur(18000, 'code'), kit.eur(-1800, 'parentheses')], matchedBut('value')],
        [kit.usd(20000), [kit.usd(19900)], matched],
        [kit.usd(16500), [{ text: '' }, { text: 'n/a' }], matchedBut('value')],
        [kit.usd(10000), [kit.usd(10000), { text: '' }], matched],
        [kit.eur(37035), [kit.eur(49380, 'code'), kit.eur(-12345, 'parentheses')], matched],
      ];
      for (const [won, amounts, expect] of cases) {
        const account = kit.account();
        const closeDate = kit.daysAfter(kit.between('2026-07-06 00:00', '2026-09-10 23:59'), 0);
        const opportunity = plantWonEarlier(kit, account, won, closeDate, expect);
        const first = kit.addDays(closeDate, kit.random.int(1, 5));
        plantInvoice(kit, account, opportunity, { amounts, dates: amounts.map((_, i) => kit.addDays(first, i * 7)), first: expect });
      }
    },
  },
];
