// Stories where one person has several records on the other side: the precedence matched > timing > excluded.
import type { Story } from './createStoryKit';
import { withPlusTag } from './emailVariants';
import { excludedBy, excludedOnOtherSide, matched, outsidePeriod, timing } from './expectations';

const AUGUST: [string, string] = ['2026-08-03 00:00', '2026-08-21 23:59'];

export const precedenceStories: Story[] = [
  {
    name: 'timing_over_excluded',
    title: 'An out-of-period record outweighs an excluded one',
    told:
      'The other side has the person twice: once excluded, once out of the quarter. Timing wins over ' +
      'excluded_on_other_side. One each side.',
    plant(kit) {
      const left = kit.person();
      const leftMql = kit.between(...AUGUST);
      kit.hubspot(left, { mqlAt: leftMql }, timing);
      kit.salesforce(left, { createdAt: kit.later(leftMql, 5, 1440), leadStatus: 'Disqualified' }, excludedBy('disqualified'));
      kit.salesforce(left, { email: withPlusTag(left.email, 'reopened'), createdAt: kit.between('2026-10-02 09:00', '2026-10-02 17:00') }, outsidePeriod);

      const right = kit.person();
      kit.salesforce(right, { createdAt: kit.between(...AUGUST) }, timing);
      kit.hubspot(right, { mqlAt: null, lifecycleStage: 'Subscriber' }, excludedBy('not_mql'));
      kit.hubspot(right, { email: withPlusTag(right.email, 'demo'), mqlAt: kit.between('2026-10-02 09:00', '2026-10-02 17:00') }, outsidePeriod);
    },
  },
  {
    name: 'matched_over_excluded',
    title: 'A matching record outweighs an excluded one',
    told: 'The other side has the person twice: once excluded, once counted in the quarter. They match. One each side.',
    plant(kit) {
      const left = kit.person();
      const leftMql = kit.between(...AUGUST);
      kit.hubspot(left, { mqlAt: leftMql }, matched);
      kit.salesforce(left, { createdAt: kit.later(leftMql, 5, 1440), leadSource: 'Partner Referral' }, excludedBy('partner'));
      kit.salesforce(left, { email: withPlusTag(left.email, 'direct'), createdAt: kit.later(leftMql, 5, 1440) }, matched);

      const right = kit.person();
      const rightMql = kit.between(...AUGUST);
      kit.salesforce(right, { createdAt: kit.later(rightMql, 5, 1440) }, matched);
      kit.hubspot(right, { email: withPlusTag(right.email, 'staffpass'), mqlAt: rightMql, company: 'Acme Corp' }, excludedBy('internal'));
      kit.hubspot(right, { mqlAt: rightMql }, matched);
    },
  },
  {
    name: 'first_excluded_row',
    title: 'The first excluded row names the reason',
    told:
      'The other side has the person twice and excluded both times, by different rules. The reason shown is ' +
      'the rule of the row higher in the file (partner before disqualified in the CRM; not_mql before ' +
      'internal in HubSpot), not the rule listed first in the contract. One each side.',
    plant(kit) {
      const left = kit.person();
      const leftMql = kit.between(...AUGUST);
      kit.hubspot(left, { mqlAt: leftMql }, excludedOnOtherSide('partner'));
      kit.salesforce(left, { email: withPlusTag(left.email, 'partner'), createdAt: kit.later(leftMql, 5, 1440), leadSource: 'Partner Referral', leadStatus: 'Working - Contacted' }, excludedBy('partner'));
      kit.salesforce(left, { createdAt: kit.later(leftMql, 5, 1440), leadSource: 'Web', leadStatus: 'Disqualified' }, excludedBy('disqualified'));

      const right = kit.person();
      const rightMql = kit.between(...AUGUST);
      kit.salesforce(right, { createdAt: kit.later(rightMql, 5, 1440) }, excludedOnOtherSide('not_mql'));
      kit.hubspot(right, { email: withPlusTag(right.email, 'news'), mqlAt: null, lifecycleStage: 'Subscriber' }, excludedBy('not_mql'));
      kit.hubspot(right, { mqlAt: rightMql, company: 'Acme Corp', lifecycleStage: 'Marketing Qualified Lead' }, excludedBy('internal'));
    },
  },
];
