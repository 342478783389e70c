// Booked revenue stories of dates, finance's and Salesforce's rules, and orders only one side has.
import { matched, missingDate, missingKey, noCounterpart, outsidePeriod, timing, unreadableDate } from '../expectations';
import type { PipelineStory } from './createPipelineKit';
import { excludedBy, excludedOnOtherSide } from './pipelineExpectations';
import { plantWonEarlier } from './bookedStories';
import { plantInvoice } from './plantInvoice';

export const bookedPeriodStories: PipelineStory[] = [
  {
    name: 'booked_timing',
    title: 'Won in one quarter, invoiced in the other',
    told:
      'Won on September 28-30 and invoiced on October 1-5: Salesforce books them in Q3, finance in Q4. Won in late ' +
      'June and invoiced in July: the other way round. One order had a deposit invoiced in June before it closed won ' +
      'on July 3: the earliest line dates the whole order, so finance counts it in Q2 and its July line is combined into it.',
    plant(kit) {
      const cases = [
        ['2026-09-28', '2026-10-01', timing, outsidePeriod],
        ['2026-09-30', '2026-10-05', timing, outsidePeriod],
        ['2026-06-26', '2026-07-02', outsidePeriod, timing],
        ['2026-06-29', '2026-07-08', outsidePeriod, timing],
      ] as const;
      for (const [closeDate, invoiceDate, left, right] of cases) {
        const account = kit.account();
        const total = kit.random.int(40, 200) * 250;
        const opportunity = plantWonEarlier(kit, account, kit.usd(total), closeDate, left);
        plantInvoice(kit, account, opportunity, { amounts: [kit.usd(5000), kit.usd(total - 5000)], dates: [invoiceDate, kit.addDays(invoiceDate, 14)], first: right });
      }
      const account = kit.account();
      const opportunity = plantWonEarlier(kit, account, kit.usd(36000), '2026-07-03', timing);
      plantInvoice(kit, account, opportunity, { amounts: [kit.usd(6000), kit.usd(30000)], dates: ['2026-06-25', '2026-07-10'], first: outsidePeriod });
    },
  },
  {
    name: 'booked_excluded',
    title: "What finance's and Salesforce's rules leave out",
    told:
      'Finance: VAT lines are no revenue, and intercompany lines (customer Acme Corp GmbH, our own subsidiary) are not ' +
      'booked revenue. The subsidiary\'s opportunity closed won in Q3, so Salesforce\'s side says excluded_on_other_side / ' +
      'intercompany. Salesforce: only Closed Won counts; finance billed a deposit on an opportunity still in ' +
      'Negotiation/Review, which lands on finance\'s side as excluded_on_other_side / not_won.',
    plant(kit) {
      for (let i = 0; i < 3; i++) {
        const account = kit.account();
        const closeDate = kit.daysAfter(kit.between('2026-07-06 00:00', '2026-09-15 23:59'), 0);
        const opportunity = plantWonEarlier(kit, account, kit.usd(kit.random.int(20, 200) * 250), closeDate, matched);
        if (!('cents' in opportunity.amount)) throw new Error('a won opportunity has an amount');
        const invoiceDate = kit.addDays(closeDate, 2);
        plantInvoice(kit, account, opportunity, { amounts: [opportunity.amount], dates: [invoiceDate], first: matched });
        kit.line(account, opportunity, { invoiceDate, lineType: 'VAT', description: 'VAT 20%', amount: { currency: 'USD', cents: opportunity.amount.cents / 5 } }, excludedBy('vat'));
      }
      const subsidiary = { ...kit.account(), name: 'Acme Corp GmbH' };
      const internal = plantWonEarlier(kit, subsidiary, kit.eur(15000), '2026-08-18', excludedOnOtherSide('intercompany'));
      plantInvoice(kit, subsidiary, internal, { amounts: [kit.eur(15000, 'code')], dates: ['2026-08-20'], first: excludedBy('intercompany') });
      const recharge = { ...kit.account(), name: 'Acme Corp GmbH' };
      kit.line(recharge, null, { invoice: kit.invoice(), invoiceDate: '2026-09-15', lineType: 'Services', description: 'Shared services recharge Q3', amount: kit.eur(4200, 'suffix') }, excludedBy('intercompany'));
      const account = kit.account();
      const open = plantWonEarlier(kit, account, kit.usd(50000), '2026-09-30', excludedBy('not_won'), 'Negotiation/Review');
      plantInvoice(kit, account, open, { amounts: [kit.usd(10000)], dates: ['2026-08-25'], first: excludedOnOtherSide('not_won') });
    },
  },
  {
    name: 'booked_unmatched',
    title: 'Won but not invoiced, invoiced with no order',
    told:
      'Two opportunities closed won in September that finance has not billed yet: no_counterpart. Two lines of ' +
      'consulting hours billed without an opportunity reference: missing_key. A line whose reference names an ' +
      'opportunity that is not in the report: no_counterpart. No opportunity can lack its key: it is its own id.',
    plant(kit) {
      for (let i = 0; i < 2; i++) plantWonEarlier(kit, kit.account(), kit.usd(kit.random.int(20, 200) * 250), kit.daysAfter(kit.between('2026-09-01 00:00', '2026-09-25 23:59'), 0), noCounterpart);
      for (let i = 0; i < 2; i++) {
        kit.line(kit.account(), null, { invoice: kit.invoice(), invoiceDate: kit.daysAfter(kit.between('2026-07-06 00:00', '2026-09-25 23:59'), 0), lineType: 'Services', description: 'Consulting hours', amount: kit.usd(kit.random.int(4, 40) * 150) }, missingKey);
      }
      kit.line(kit.account(), null, { invoice: kit.invoice(), invoiceDate: '2026-08-12', amount: kit.usd(9000), ref: { unknown: true } }, noCounterpart);
    },
  },
  {
    name: 'invoice_dates',
    title: 'Invoice lines without an invoice date',
    told:
      'Draft lines exported before they were dated: an empty Invoice Date (missing_date) and one reading n/a ' +
      '(unreadable_date). Their won opportunities of the quarter are timing. A third draft line has no reference either: ' +
      'its missing date puts it out of period before any match is tried.',
    plant(kit) {
      for (const [text, expect] of [['', missingDate], ['n/a', unreadableDate]] as const) {
        const account = kit.account();
        const opportunity = plantWonEarlier(kit, account, kit.usd(kit.random.int(20, 200) * 250), kit.daysAfter(kit.between('2026-08-01 00:00', '2026-09-20 23:59'), 0), timing);
        kit.line(account, opportunity, { invoice: kit.invoice(), invoiceDate: null, invoiceDateText: text, amount: opportunity.amount }, expect);
      }
      kit.line(kit.account(), null, { invoice: kit.invoice(), invoiceDate: null, lineType: 'Services', description: 'Consulting hours', amount: kit.usd(1800) }, missingDate);
    },
  },
];
