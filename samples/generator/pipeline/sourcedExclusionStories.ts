// Sourced pipeline stories of records one side's rules leave out, and of deals and opportunities with no counterpart.
import { missingKey, noCounterpart } from '../expectations';
import type { PipelineStory } from './createPipelineKit';
import { excludedBy, excludedOnOtherSide, notWon } from './pipelineExpectations';

const sourcedOnly = { booked: notWon };

export const sourcedExclusionStories: PipelineStory[] = [
  {
    name: 'sourced_excluded',
    title: "What each side's rules leave out",
    told:
      'HubSpot: test deals (named "Test ...") and deals whose original source is Offline Sources (sales-entered, not ' +
      "marketing's). Salesforce: renewals and partner-referred opportunities. Where the other system has the same deal, " +
      "it lands there as excluded_on_other_side, under the rule's name.",
    plant(kit) {
      const inQuarter = () => kit.between('2026-07-06 00:00', '2026-09-20 23:59');
      const amount = () => kit.usd(kit.random.int(20, 200) * 250);
      // [which rule, on which side, whether the other system has the deal too]
      const cases = [
        ['test_deal', 'hubspot', false], ['test_deal', 'hubspot', false], ['test_deal', 'hubspot', true],
        ['offline', 'hubspot', true], ['offline', 'hubspot', true], ['offline', 'hubspot', false],
        ['renewal', 'salesforce', true], ['renewal', 'salesforce', true], ['renewal', 'salesforce', false],
        ['partner', 'salesforce', true], ['partner', 'salesforce', false],
      ] as const;
      for (const [rule, side, onBoth] of cases) {
        const account = kit.account();
        const createdAt = inQuarter();
        const dealFields = rule === 'test_deal' ? { name: `Test deal ${kit.random.int(1, 99)} - please ignore` } : rule === 'offline' ? { originalSource: 'Offline Sources' } : {};
        const opportunityFields = rule === 'renewal' ? { type: 'Renewal' } : rule === 'partner' ? { leadSource: 'Partner Referral' } : {};
        const hasOpportunity = side === 'salesforce' || onBoth;
        const hasDeal = side === 'hubspot' || onBoth;
        const opportunity = hasOpportunity
          ? kit.opportunity(account, { amount: amount(), createdAt: kit.later(createdAt, 30, 600), ...opportunityFields }, { sourced: side === 'salesforce' ? excludedBy(rule) : excludedOnOtherSide(rule), ...sourcedOnly })
          : null;
        if (hasDeal) kit.deal(account, opportunity, { createdAt, ...dealFields }, side === 'hubspot' ? excludedBy(rule) : excludedOnOtherSide(rule));
      }
    },
  },
  {
    name: 'sourced_unmatched',
    title: 'Deals and opportunities only one side has',
    told:
      'HubSpot deals that never got a Salesforce id (the sync was off for their pipeline): missing_key. Deals whose ' +
      'Salesforce id names an opportunity that is not in the report (deleted, or in the sandbox): no_counterpart. ' +
      'Opportunities sales opened without marketing (web and trade-show leads, no HubSpot deal): no_counterpart on ' +
      'the right. No opportunity can lack its key: the right side matches on its own id.',
    plant(kit) {
      const inQuarter = () => kit.between('2026-07-06 00:00', '2026-09-20 23:59');
      for (let i = 0; i < 3; i++) kit.deal(kit.account(), null, { createdAt: inQuarter() }, missingKey);
      for (let i = 0; i < 2; i++) kit.deal(kit.account(), null, { createdAt: inQuarter(), ref: { unknown: true } }, noCounterpart);
      for (let i = 0; i < 4; i++) kit.opportunity(kit.account(), { amount: kit.usd(kit.random.int(20, 200) * 250), createdAt: inQuarter() }, { sourced: noCounterpart, ...sourcedOnly });
    },
  },
];
