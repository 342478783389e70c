// Stories of records that reconcile: the bulk of the quarter and addresses written differently on each side.
import type { Story } from './createStoryKit';
import { toTitleCase, withPlusTag, withSpaces } from './emailVariants';
import { matched } from './expectations';

export const matchingStories: Story[] = [
  {
    name: 'matched',
    title: 'The bulk: MQLs the CRM created as leads in the quarter',
    told:
      'Contacts marketing qualified between July 2 and September 25 (New York time) that the CRM created as ' +
      'leads five minutes to three days later. About one in ten is capitalised differently in the CRM, which ' +
      'the identity key ignores.',
    plant(kit) {
      for (let i = 0; i < 320; i++) {
        const person = kit.person();
        const mqlAt = kit.between('2026-07-02 00:00', '2026-09-25 23:59');
        kit.hubspot(person, { mqlAt }, matched);
        const email = kit.random.chance(0.1) ? toTitleCase(person.email) : person.email;
        kit.salesforce(person, { email, createdAt: kit.later(mqlAt, 5, 3 * 1440) }, matched);
      }
    },
  },
  {
    name: 'written_differently',
    title: 'Same person, address written differently on each side',
    told:
      'A +tag kept on one side only, upper case, and stray spaces around the address. Trim, lowercase and ' +
      'strip_plus_tag make both sides the same key, so all of them match.',
    plant(kit) {
      const forms: [(e: string) => string, (e: string) => string][] = [
        [(e) => withPlusTag(e, 'webinar'), (e) => e],
        [(e) => e, (e) => withPlusTag(e, 'q3-ebook')],
        [(e) => e, (e) => e.toUpperCase()],
        [(e) => withSpaces(e, ' ', ''), (e) => e],
        [toTitleCase, (e) => withSpaces(e, '', ' ')],
        [(e) => withPlusTag(toTitleCase(e), 'events'), (e) => withSpaces(e.toUpperCase(), '  ', '')],
      ];
      for (const [left, right] of forms) {
        const person = kit.person();
        const mqlAt = kit.between('2026-07-06 00:00', '2026-09-20 23:59');
        kit.hubspot(person, { email: left(person.email), mqlAt }, matched);
        kit.salesforce(person, { email: right(person.email), createdAt: kit.later(mqlAt, 5, 2 * 1440) }, matched);
      }
    },
  },
];
