// Stories of one person recorded twice on one side: which copy survives dedupe (keep earliest) and why.
import type { Story, StoryKit } from './createStoryKit';
import { toTitleCase, withPlusTag, withSpaces } from './emailVariants';
import { duplicate, excludedBy, matched, outsidePeriod, timing } from './expectations';

type Variant = (email: string) => string;

/**
 * Three people twice in HubSpot and three twice in the CRM, the copies differing only by `variant`.
 * The copy with the earlier date survives; which one that is alternates, and so does file order.
 */
function plantPairs(kit: StoryKit, variant: Variant): void {
  for (let i = 0; i < 6; i++) {
    const person = kit.person();
    const earlier = kit.between('2026-07-06 00:00', '2026-09-05 23:59');
    const laterCopy = kit.later(earlier, 60, 20 * 1440);
    const variantIsEarlier = i % 2 === 0;
    const plainExpect = variantIsEarlier ? duplicate : matched;
    const variantExpect = variantIsEarlier ? matched : duplicate;
    const plainAt = variantIsEarlier ? laterCopy : earlier;
    const variantAt = variantIsEarlier ? earlier : laterCopy;
    if (i < 3) {
      kit.hubspot(person, { mqlAt: plainAt }, plainExpect);
      kit.hubspot(person, { email: variant(person.email), mqlAt: variantAt }, variantExpect);
      kit.salesforce(person, { createdAt: kit.later(earlier, 30, 2 * 1440) }, matched);
    } else {
      kit.hubspot(person, { mqlAt: kit.later(earlier, -2 * 1440, -30) }, matched);
      kit.salesforce(person, { email: variant(person.email), createdAt: variantAt }, variantExpect);
      kit.salesforce(person, { createdAt: plainAt }, plainExpect);
    }
  }
}

export const duplicateStories: Story[] = [
  {
    name: 'duplicate_case',
    title: 'Duplicates that differ only by case',
    told: 'The same address in different case, twice on one side: three people in HubSpot, three in the CRM.',
    plant: (kit) => plantPairs(kit, toTitleCase),
  },
  {
    name: 'duplicate_spaces',
    title: 'Duplicates that differ only by surrounding white space',
    told: 'An address pasted with spaces before or after it, next to the clean one: three each side.',
    plant: (kit) => plantPairs(kit, (e) => withSpaces(e, ' ', '  ')),
  },
  {
    name: 'duplicate_plus_tag',
    title: 'Duplicates that differ only by a +tag',
    told: 'jane+webinar@… next to jane@…: three each side.',
    plant: (kit) => plantPairs(kit, (e) => withPlusTag(e, 'webinar')),
  },
  {
    name: 'duplicate_earliest_last_quarter',
    title: 'The earliest copy is from last quarter',
    told:
      'Dedupe comes before the period: when the earliest copy is from June, the copy from August is a ' +
      'duplicate and the person is out of period on that side, so the other side sees timing. Two each side.',
    plant(kit) {
      for (let i = 0; i < 4; i++) {
        const person = kit.person();
        const june = kit.between('2026-06-08 00:00', '2026-06-25 23:59');
        const august = kit.between('2026-08-03 00:00', '2026-08-28 23:59');
        const tagged = withPlusTag(person.email, 'summit');
        if (i < 2) {
          kit.hubspot(person, { mqlAt: june }, outsidePeriod);
          kit.hubspot(person, { email: tagged, mqlAt: august }, duplicate);
          kit.salesforce(person, { createdAt: kit.later(august, 5, 1440) }, timing);
        } else {
          kit.hubspot(person, { mqlAt: august }, timing);
          kit.salesforce(person, { email: tagged, createdAt: august }, duplicate);
          kit.salesforce(person, { createdAt: june }, outsidePeriod);
        }
      }
    },
  },
  {
    name: 'duplicate_without_date',
    title: 'A copy without a date',
    told:
      'The first copy in the file has no date (no MQL date in HubSpot, no Create Date in the CRM); keep ' +
      'earliest puts undated copies last, so the dated copy survives and matches. Two each side.',
    plant(kit) {
      for (let i = 0; i < 4; i++) {
        const person = kit.person();
        const dated = kit.between('2026-07-06 00:00', '2026-09-20 23:59');
        const variant = toTitleCase(person.email);
        if (i < 2) {
          kit.hubspot(person, { email: variant, mqlAt: null, lifecycleStage: 'Marketing Qualified Lead' }, duplicate);
          kit.hubspot(person, { mqlAt: dated }, matched);
          kit.salesforce(person, { createdAt: kit.later(dated, 5, 1440) }, matched);
        } else {
          kit.hubspot(person, { mqlAt: dated }, matched);
          kit.salesforce(person, { email: variant, createdAt: null }, duplicate);
          kit.salesforce(person, { createdAt: kit.later(dated, 5, 1440) }, matched);
        }
      }
    },
  },
  {
    name: 'duplicate_same_minute',
    title: 'Two copies with the same date',
    told: 'Both copies carry the same minute; the tie goes to the row higher in the file. One each side.',
    plant(kit) {
      for (let i = 0; i < 2; i++) {
        const person = kit.person();
        const at = kit.between('2026-07-06 00:00', '2026-09-20 23:59');
        const variant = toTitleCase(person.email);
        if (i === 0) {
          kit.hubspot(person, { email: variant, mqlAt: at }, matched);
          kit.hubspot(person, { mqlAt: at }, duplicate);
          kit.salesforce(person, { createdAt: kit.later(at, 5, 1440) }, matched);
        } else {
          const createdAt = kit.later(at, 5, 60);
          kit.hubspot(person, { mqlAt: at }, matched);
          kit.salesforce(person, { email: variant, createdAt }, matched);
          kit.salesforce(person, { createdAt }, duplicate);
        }
      }
    },
  },
  {
    name: 'duplicate_excluded_copy',
    title: 'An excluded copy takes no part in dedupe',
    told:
      'The earliest copy is excluded (a not-MQL contact in HubSpot, a Disqualified lead in the CRM); the later ' +
      'copy is then the only one left, so it is not a duplicate and it matches. One each side.',
    plant(kit) {
      for (let i = 0; i < 2; i++) {
        const person = kit.person();
        const july = kit.between('2026-07-06 00:00', '2026-07-10 23:59');
        const august = kit.between('2026-08-03 00:00', '2026-08-07 23:59');
        const tagged = withPlusTag(person.email, 'newsletter');
        if (i === 0) {
          kit.hubspot(person, { email: tagged, mqlAt: july, lifecycleStage: 'Lead' }, excludedBy('not_mql'));
          kit.hubspot(person, { mqlAt: august }, matched);
          kit.salesforce(person, { createdAt: kit.later(august, 5, 1440) }, matched);
        } else {
          kit.hubspot(person, { mqlAt: august }, matched);
          kit.salesforce(person, { email: tagged, createdAt: july, leadStatus: 'Disqualified' }, excludedBy('disqualified'));
          kit.salesforce(person, { createdAt: kit.later(august, 5, 1440) }, matched);
        }
      }
    },
  },
];
