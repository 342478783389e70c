// Stories of the speed-to-lead SLA: how long sales took to call or e-mail each MQL of the quarter (24 hours agreed).
import { toNewYorkDate } from '../pipeline/toNewYorkDate';
import { formatHubspotTime, formatSalesforceTime, newYork } from '../wallTime';
import { addDays, EXPORT_DAY, SLA_MINUTES } from './createRevenueKit';
import type { RevenueStory } from './createRevenueKit';
import { formatShortDate } from './formatShortDate';
import type { CohortMember } from './revenueRecords';

const DAY = 1440;
const MINUTE = 60_000;
/** The hour of the day in New York of an MQL. */
const readHour = (m: CohortMember): number => (m.at - newYork(`${m.date} 00:00`)) / 3_600_000;
const formatName = (m: CohortMember): string => `${m.firstName} ${m.lastName}`;

export const slaStories: RevenueStory[] = [
  {
    name: 'sla_exactly',
    title: 'Exactly 24 hours is within the SLA',
    plant(kit) {
      const [met, late] = [0, 1].map(() => kit.mql('2026-07-06', '2026-09-18'));
      if (!met || !late) throw new Error('no MQLs left');
      kit.sla(met, 'met', kit.task(met, { at: met.at + SLA_MINUTES * MINUTE }, 'Call'));
      kit.sla(late, 'breached', kit.task(late, { at: late.at + (SLA_MINUTES + 1) * MINUTE }, 'Email'));
      return (
        `${formatName(met)} was called 24 hours to the minute after the MQL: met ("within 24 hours" includes its end). ` +
        `${formatName(late)} got the first e-mail one minute later than that: breached.`
      );
    },
  },
  {
    name: 'sla_task_before_mql',
    title: 'A call before the MQL does not stop the clock',
    plant(kit) {
      const [breached, never] = [0, 1].map(() => kit.mql('2026-07-06', '2026-09-18'));
      if (!breached || !never) throw new Error('no MQLs left');
      kit.task(breached, { at: kit.later(breached.at, -2 * DAY, -DAY) }, 'Call', 'Cold call');
      kit.sla(breached, 'breached', kit.task(breached, { at: kit.later(breached.at, 3 * DAY, 3 * DAY + 240) }, 'Call'));
      kit.task(never, { at: kit.later(never.at, -3 * DAY, -DAY) }, 'Email', 'Intro email');
      kit.sla(never, 'never');
      return (
        `Sales cold-called ${formatName(breached)} a day or two before the MQL; only the call three days after the MQL ` +
        `counts: breached. ${formatName(never)} was e-mailed before the MQL and never after: never.`
      );
    },
  },
  {
    name: 'sla_date_only',
    title: 'Tasks logged with a date only',
    plant(kit) {
      const morning = kit.mql('2026-07-06', '2026-09-18', (m) => readHour(m) >= 8 && readHour(m) < 11);
      const evening = kit.mql('2026-07-06', '2026-09-18', (m) => readHour(m) >= 18 && readHour(m) < 21);
      const dayBefore = kit.mql('2026-07-06', '2026-09-18');
      kit.sla(morning, 'met', kit.task(morning, { date: morning.date }, 'Call'));
      kit.sla(evening, 'breached', kit.task(evening, { date: addDays(evening.date, 1) }, 'Call'));
      kit.task(dayBefore, { date: addDays(dayBefore.date, -1) }, 'Call');
      kit.sla(dayBefore, 'never');
      const hours = (m: CohortMember, date: string): number => Math.round((newYork(`${addDays(date, 1)} 00:00`) - m.at) / 3_600_000);
      return (
        'Reps who log a call afterwards often give it a date and no time. A date-only task stands for the end of its day in ' +
        `New York. ${formatName(morning)} became an MQL at ${formatHubspotTime(morning.at)} UTC; a call dated ` +
        `${formatShortDate(morning.date)} counts at midnight, about ${hours(morning, morning.date)} hours later: met. ` +
        `${formatName(evening)} became an MQL in the evening of ${formatShortDate(evening.date)}; the call dated the next day counts ` +
        `${hours(evening, addDays(evening.date, 1))} hours later: breached. ${formatName(dayBefore)}'s only call is dated the day ` +
        `before the MQL (its midnight is before the MQL): never.`
      );
    },
  },
  {
    name: 'sla_other_task',
    title: 'A note is not a touch',
    plant(kit) {
      const member = kit.mql('2026-07-06', '2026-09-18');
      kit.task(member, { at: kit.later(member.at, 5, 30) }, 'Other', 'Researched account');
      kit.sla(member, 'breached', kit.task(member, { at: kit.later(member.at, 2 * DAY, 2 * DAY + 300) }, 'Call'));
      return (
        `A rep logged a note on ${formatName(member)} minutes after the MQL (type Other) and called two days later. The SLA counts ` +
        "only tasks of type Call or Email (its `where`): breached."
      );
    },
  },
  {
    name: 'sla_three_zones',
    title: 'Three clocks: HubSpot in UTC, the CRM in Los Angeles, the SLA in minutes',
    plant(kit) {
      const member = kit.mql('2026-07-06', '2026-09-18', (m) => readHour(m) >= 20 && readHour(m) < 23);
      const call = kit.task(member, { at: member.at + 25 * MINUTE }, 'Call');
      kit.sla(member, 'met', call);
      return (
        `${formatName(member)} became an MQL at ${formatHubspotTime(member.at)} in HubSpot's UTC export; the call shows ` +
        `${formatSalesforceTime(member.at + 25 * MINUTE)} in the CRM's Los Angeles export, which looks like the day before. ` +
        `Both are the same evening in New York (${toNewYorkDate(member.at)}): 25 minutes, met.`
      );
    },
  },
  {
    name: 'sla_never_synced',
    title: 'MQLs sales never saw',
    plant(kit) {
      const members = kit.mqlsOf('never_synced');
      for (const member of members) kit.sla(member, 'never');
      return `The ${members.length} MQLs the sync rejected (bridge story "MQLs never synced to the CRM") have no CRM lead, and no task: never.`;
    },
  },
  {
    name: 'sla_bulk',
    title: 'Every other MQL of the quarter',
    plant(kit) {
      const counts = { met: 0, breached: 0, never: 0, missingKey: 0 };
      for (const member of kit.undeclaredSla()) {
        if (member.key === '') {
          counts.missingKey += 1;
          continue;
        }
        const outcome = kit.random.pick(['met', 'met', 'met', 'met', 'met', 'met', 'met', 'breached', 'breached', 'never'] as const);
        counts[outcome] += 1;
        if (outcome === 'never') {
          if (kit.random.chance(0.3)) kit.task(member, { at: kit.later(member.at, 60, 2 * DAY) }, 'Other');
          kit.sla(member, 'never');
          continue;
        }
        const first = outcome === 'met' ? kit.later(member.at, 4, SLA_MINUTES) : kit.later(member.at, SLA_MINUTES + 1, 4 * DAY);
        const date = toNewYorkDate(first);
        // A date-only task counts at the end of its day: logged so, a call within 24 hours may no longer be.
        const endOfDay = newYork(`${addDays(date, 1)} 00:00`);
        const dateOnly = kit.random.chance(0.1) && (outcome === 'breached' || endOfDay - member.at <= SLA_MINUTES * MINUTE);
        kit.sla(member, outcome, kit.task(member, dateOnly ? { date } : { at: first }, kit.random.pick(['Call', 'Call', 'Email'] as const)));
        const next = kit.later(first, 2 * DAY, 6 * DAY);
        if (kit.random.chance(0.5) && next < newYork(`${EXPORT_DAY} 00:00`)) kit.task(member, { at: next }, kit.random.pick(['Call', 'Email', 'Meeting'] as const));
      }
      return (
        `Sales touched ${counts.met} MQLs within 24 hours and ${counts.breached} later (a call or an e-mail, a tenth of them logged with a date only); ` +
        `${counts.never} were never called nor e-mailed (some have a note). The ${counts.missingKey} MQLs without an e-mail address ` +
        'are not in the SLA: a task cannot name them.'
      );
    },
  },
];
