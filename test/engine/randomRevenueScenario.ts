// Test support: random revenue investigations (people, opportunities, contact roles, tasks, spend, touches, attribution) with dates around every edge revenue.md names.
import fc from 'fast-check';
import { ATTRIBUTION_MODELS, type AttributionModel, type TouchModel } from '../../shared/revenueContractTypes';
import { addCalendarDays } from './revenueReference/readCalendarDate';
import { readInstant } from './revenueReference/readInstant';

export type KeyNormalizer = 'trim' | 'lowercase' | 'strip_plus_tag';
export type FunnelStage = 'SQL' | 'Opportunity' | 'Won';

export interface ContactRow {
  id: string;
  email: string;
  mql_at: string;
  sql_at: string;
  status: string;
}
/** A CRM lead: the SQL metric's row when the scenario keeps SQLs in their own source. */
export interface LeadRow {
  id: string;
  email: string;
  sql_at: string;
  status: string;
}
export interface OppRow {
  id: string;
  created: string;
  closed: string;
  stage: string;
  amount: string;
  lead_source: string;
  is_test: string;
  how_heard: string;
}
export interface RoleRow {
  opportunity_id: string;
  email: string;
  is_primary: string;
}
export interface TaskRow {
  email: string;
  done_at: string;
  type: string;
}
export interface TouchRow {
  email: string;
  touched_at: string;
  channel: string;
  campaign: string;
}
export interface SpendRow {
  month: string;
  channel: string;
  amount: string;
}

/** The attribution entry's choices (its touches are the scenario's `touches`). */
export interface AttributionChoices {
  /** Deals: the opportunities counted without a value (each gives 1 to its lines). */
  opportunities: 'Opportunity' | 'Won' | 'Deals';
  /** A second entry, `Revenue by channel`: won deals, default lookback, last touch, linear and time decay, sourced by last touch. */
  secondEntry: boolean;
  /** shared_metrics' `sourced_by` (null: left out, the first entry); the second entry's name only when it exists. */
  sourcedBy: 'Pipeline by channel' | 'Revenue by channel' | null;
  people: 'all' | 'primary';
  /** `text` null: the key is left out (365 days). */
  lookback: { text: string | null; hours: number };
  models: AttributionModel[];
  halfLife: { text: string; hours: number };
  milestone: 'MQL' | 'SQL';
  campaignMapped: boolean;
  /** Null: the key is left out (every channel is marketing). */
  marketingChannels: string[] | null;
  /** self_reported's map as written (keys in any case and spacing). */
  map: [string, string][];
  /** Null: no `sourced`. `touches` null: the key is left out (first_touch). */
  sourced: { crm: boolean; touches: TouchModel | null } | null;
}

/** Everything one random investigation writes: its files' rows as written, and the contract's choices. */
export interface RevenueScenario {
  period: { from: string; to: string };
  identityNormalize: KeyNormalizer[];
  /** The link's normalize.from: [trim, salesforce_id], or absent (the default [trim]: a 15-character reference then misses its 18-character id). */
  linkFromSalesforceId: boolean;
  /** The link's own normalize.to; absent: identity.normalize. */
  linkNormalizeTo?: KeyNormalizer[];
  keep: 'earliest' | 'latest' | 'first_row';
  wonExcludesTest: boolean;
  /** Where the SQL metric lives: on the contacts (the cohort's own source) or on CRM leads keyed by their own e-mail column. */
  sqlSource: 'contacts' | 'leads';
  funnels: { name: string; windowDays: number; windowText: string | null; stages: FunnelStage[] }[];
  within: { text: string; minutes: number };
  contacts: ContactRow[];
  leads: LeadRow[];
  opps: OppRow[];
  roles: RoleRow[];
  tasks: TaskRow[];
  spend: SpendRow[];
  touches: TouchRow[];
  attribution: AttributionChoices;
}

const ZONE = 'America/New_York';
const NAMES = ['ann', 'bob', 'cy', 'dee', 'eve', 'fay', 'gus', 'hal', 'ivy', 'jo'];
/** UTC times either side of midnight in New York (04:00 UTC in summer, 05:00 in winter). */
const TIMES = ['', '', '', '00:30', '03:59', '04:00', '04:30', '05:00', '12:00', '23:30'];

/** One person's address as an export may write it: as is, padded and capitalised, with a plus tag; or empty. */
function writeEmail(person: number, form: number): string {
  const name = NAMES[person % NAMES.length] ?? 'ann';
  return [`${name}@x.com`, ` ${name[0]?.toUpperCase()}${name.slice(1)}@X.com `, `${name}+web@x.com`, `${name.toUpperCase()}+Ads@x.com `, '', '  ', `${name}@x.com`, `${name}@x.com`][form % 8] ?? '';
}

const pad2 = (n: number) => String(n).padStart(2, '0');
/** `YYYY-MM-DD HH:MM` in UTC, with `:SS` when the instant has seconds. */
function writeInstant(ms: number): string {
  const d = new Date(ms);
  const seconds = d.getUTCSeconds();
  return `${d.toISOString().slice(0, 10)} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}${seconds ? `:${pad2(seconds)}` : ''}`;
}
function writeDay(day: string, time: string): string {
  return time === '' ? day : `${day} ${time}`;
}

/** A cell as this generator writes it: a date (the end of that day in New York) or a UTC `YYYY-MM-DD HH:MM[:SS]`; null for anything else. */
function readScenarioInstant(cell: string): number | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(cell)) return readInstant({ date: cell }, ZONE);
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})(:\d{2})?$/.exec(cell);
  return m ? Date.parse(`${m[1]}T${m[2]}${m[3] ?? ':00'}Z`) : null;
}

/** An 18-character Salesforce opportunity id. */
function writeOppId(n: number): string {
  return `006Qy00000${String(n).padStart(5, '0')}IAV`;
}
/** How a contact-role export may name an opportunity: its 18 or 15 characters, padded, in the wrong case, unknown or empty. */
function writeOppReference(n: number, form: number): string {
  const id = writeOppId(n);
  return [id, id.slice(0, 15), ` ${id} `, id.slice(0, 15).toLowerCase(), writeOppId(n + 900), '', id, id.slice(0, 15)][form % 8] ?? id;
}

const draftContact = fc.record({
  person: fc.nat(NAMES.length - 1),
  form: fc.nat(7),
  // Days from the period's first day: some before it, some after its last.
  mqlDay: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: -8, max: 100 }) }, { weight: 1, arbitrary: fc.constant(null) }),
  // In runs around the clock change, 30 and 31 (31 October and 1 November in the autumn period) replace one MQL day in three.
  foldDay: fc.constantFrom(30, 31, null, null, null),
  mqlTime: fc.constantFrom(...TIMES),
  // On 1 November 2026 New York's clocks go back at 06:00 UTC: 01:00-02:00 happens twice.
  foldTime: fc.constantFrom('', '04:30', '05:00', '05:30', '05:50', '06:10'),
  sqlDelta: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: -2, max: 8 }) }, { weight: 1, arbitrary: fc.integer({ min: -3, max: 40 }) }, { weight: 1, arbitrary: fc.constant(null) }),
  sqlTime: fc.constantFrom(...TIMES),
  status: fc.constantFrom('ok', 'ok', 'ok', 'ok', 'spam', 'test'),
  leadForm: fc.nat(7),
  leadStatus: fc.constantFrom('ok', 'ok', 'ok', 'spam', 'test'),
  unreadable: fc.boolean(),
});
const draftOpp = fc.record({
  anchor: fc.nat(40),
  createdDelta: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: -2, max: 8 }) }, { weight: 1, arbitrary: fc.integer({ min: -3, max: 45 }) }, { weight: 1, arbitrary: fc.constant(null) }),
  createdTime: fc.constantFrom(...TIMES),
  closedDelta: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.integer({ min: 0, max: 60 }), fc.constant(null)),
  closedTime: fc.constantFrom(...TIMES),
  stage: fc.constantFrom('Closed Won', 'Closed Won', 'Closed Lost', 'Negotiation'),
  cents: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 5_000_000 }) }, { weight: 1, arbitrary: fc.constant(null) }),
  lead_source: fc.constantFrom('Web', 'Paid Search', 'Partner', 'Outbound', ''),
  is_test: fc.constantFrom('', '', '', 'true', 'false'),
  // Self-reported answers: mapped ones in other cases and spacing, unmapped ones (case kept), empty ones.
  how_heard: fc.constantFrom('Google', ' google ', 'GOOGLE', 'A friend', 'a friend  ', 'Podcast', 'podcast', '', '  ', 'Webinar', ' webinar'),
});
// Most roles name the contact an opportunity was created around; some name anyone, or a stranger.
const draftRole = fc.record({ opp: fc.nat(40), idForm: fc.nat(7), anchor: fc.nat(4), person: fc.nat(NAMES.length + 1), form: fc.nat(7), primary: fc.constantFrom('true', 'false', '') });
const draftTask = fc.record({ contact: fc.nat(40), edge: fc.nat(9), extra: fc.nat(5000), dateOnly: fc.integer({ min: 0, max: 9 }), seconds: fc.constantFrom(0, 0, 0, 30, -30), type: fc.constantFrom('Call', 'Email', 'Email', 'Meeting', '') });
const spendRow = fc.record({
  month: fc.constantFrom('2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2026-06-30', '2026-07-01', '2026-09-30', '2026-10-01', '2026-11-30', '2026-12-01', ''),
  channel: fc.constantFrom('Paid Search', 'Webinar', 'Events', ' Webinar', 'Partner', ''),
  amount: fc.integer({ min: 0, max: 10_000_000 }).map((c) => (c / 100).toFixed(2)),
});
/**
 * A touch around one opportunity's instant: `who` 0-2 the address one of its contact roles names (primary or not; its anchor contact's
 * when it has no role), 3 its anchor contact written another way, 4 anyone. `edge` picks the instant: on the deal, a second after it, a
 * day after, on the lookback's start, a second either side of it, inside (three times as often), beyond.
 */
const draftTouch = fc.record({
  opp: fc.nat(40),
  role: fc.nat(40),
  who: fc.nat(4),
  person: fc.nat(NAMES.length + 1),
  form: fc.nat(7),
  edge: fc.nat(11),
  minutes: fc.constantFrom(1, 60, 600, 1440, 1440, 4000, 20_000),
  dateOnly: fc.nat(5).map((n) => n === 0),
  channel: fc.constantFrom('Paid Search', 'Paid Search', 'Webinar', ' Webinar ', 'Email', 'Events', 'Partner', 'Sales Outreach', '', '  '),
  campaign: fc.constantFrom('Spring', 'Spring', ' Spring ', 'Fall launch', '', '  '),
});
const touchModels: TouchModel[] = ['first_touch', 'last_touch', 'linear', 'u_shaped', 'w_shaped', 'time_decay'];
const attributionChoices: fc.Arbitrary<AttributionChoices> = fc.record({
  opportunities: fc.constantFrom('Opportunity', 'Opportunity', 'Opportunity', 'Won', 'Deals' as const),
  secondEntry: fc.boolean(),
  sourcedBy: fc.constantFrom(null, 'Pipeline by channel', 'Revenue by channel' as const),
  people: fc.constantFrom('all', 'primary' as const),
  lookback: fc.constantFrom({ text: '30 days', hours: 720 }, { text: '7 days', hours: 168 }, { text: '48 hours', hours: 48 }, { text: '90 days', hours: 2160 }, { text: null, hours: 8760 }),
  models: fc.oneof({ weight: 3, arbitrary: fc.shuffledSubarray([...ATTRIBUTION_MODELS], { minLength: 7 }) }, { weight: 1, arbitrary: fc.shuffledSubarray([...ATTRIBUTION_MODELS], { minLength: 1 }) }),
  // Shorter than the lookback, or much longer; never so short that 2^(-d / half-life) underflows within 365 days.
  halfLife: fc.constantFrom({ text: '7 days', hours: 168 }, { text: '12 hours', hours: 12 }, { text: '1 days', hours: 24 }, { text: '60 days', hours: 1440 }),
  milestone: fc.constantFrom('MQL', 'MQL', 'SQL' as const),
  campaignMapped: fc.boolean(),
  marketingChannels: fc.constantFrom(null, ['Paid Search', 'Webinar', 'Email', 'Events']),
  map: fc.constantFrom<[string, string][]>([['Google', 'Paid Search'], ['A Friend', 'Referral']], [[' google', 'Paid Search'], ['WEBINAR', 'Webinar'], ['a friend', 'Referral']], []),
  sourced: fc.oneof(
    { weight: 4, arbitrary: fc.record({ crm: fc.constant(true), touches: fc.constantFrom<TouchModel | null>(...touchModels, null) }) },
    { weight: 1, arbitrary: fc.record({ crm: fc.boolean(), touches: fc.constantFrom<TouchModel | null>(...touchModels) }) },
    { weight: 1, arbitrary: fc.constant(null) },
  ),
});

const funnelWindow = fc.oneof(
  fc.constantFrom(0, 1, 3, 7, 7, 30, 30).map((n) => ({ windowDays: n, windowText: `${n} days` as string | null })),
  fc.constant({ windowDays: 365, windowText: null }),
);
const funnel = fc.record({ window: funnelWindow, stages: fc.shuffledSubarray<FunnelStage>(['SQL', 'Opportunity', 'Won'], { minLength: 1 }) });
const within = fc.constantFrom({ text: '1 hours', minutes: 60 }, { text: '24 hours', minutes: 1440 }, { text: '2 days', minutes: 2880 });
const normalizers = fc.constantFrom<KeyNormalizer[]>(['trim', 'lowercase'], ['trim', 'lowercase', 'strip_plus_tag']);

export const revenueScenario: fc.Arbitrary<RevenueScenario> = fc
  .record({
    period: fc.constantFrom({ from: '2026-07-01', to: '2026-09-30' }, { from: '2026-10-01', to: '2026-11-30' }),
    identityNormalize: normalizers,
    linkFromSalesforceId: fc.boolean(),
    linkNormalizeTo: fc.option(normalizers, { nil: undefined }),
    keep: fc.constantFrom('earliest', 'latest', 'first_row' as const),
    wonExcludesTest: fc.boolean(),
    aroundClockChange: fc.nat(3).map((n) => n === 0),
    sqlSource: fc.constantFrom('contacts', 'leads' as const),
    funnels: fc.array(funnel, { minLength: 1, maxLength: 2 }),
    within,
    contacts: fc.array(fc.noBias(draftContact), { minLength: 4, maxLength: 20 }),
    opps: fc.array(fc.noBias(draftOpp), { minLength: 2, maxLength: 15 }),
    roles: fc.array(fc.noBias(draftRole), { minLength: 3, maxLength: 25 }),
    tasks: fc.array(fc.noBias(draftTask), { minLength: 3, maxLength: 20 }),
    spend: fc.array(spendRow, { maxLength: 8 }),
    touches: fc.array(fc.noBias(draftTouch), { minLength: 5, maxLength: 50, size: 'max' }),
    attribution: attributionChoices,
  })
  .map((d) => {
    const contacts: ContactRow[] = d.contacts.map((c, i) => {
      const day = d.aroundClockChange && c.foldDay !== null ? c.foldDay : c.mqlDay;
      const mql = day === null ? null : addCalendarDays(d.period.from, day);
      const sql = mql === null || c.sqlDelta === null ? (c.unreadable ? 'n/a' : '') : writeDay(addCalendarDays(mql, c.sqlDelta), c.sqlTime);
      return { id: String(5_100_001 + i), email: writeEmail(c.person, c.form), mql_at: mql === null ? (c.unreadable ? 'n/a' : '') : writeDay(mql, mql === '2026-11-01' ? c.foldTime : c.mqlTime), sql_at: sql, status: c.status };
    });
    // An opportunity is created around one contact's MQL date (or the period's start), and closed some days later.
    const opps: OppRow[] = d.opps.map((o, i) => {
      const anchor = contacts[o.anchor % contacts.length]?.mql_at.slice(0, 10) ?? '';
      const base = /^\d{4}-\d{2}-\d{2}$/.test(anchor) ? anchor : d.period.from;
      const created = o.createdDelta === null ? null : addCalendarDays(base, o.createdDelta);
      const closed = o.closedDelta === null ? null : addCalendarDays(created ?? base, o.closedDelta);
      return {
        id: writeOppId(i + 1),
        created: created === null ? '' : writeDay(created, o.createdTime),
        closed: closed === null ? '' : writeDay(closed, o.closedTime),
        stage: o.stage,
        amount: o.cents === null ? '' : (o.cents / 100).toFixed(2),
        lead_source: o.lead_source,
        is_test: o.is_test,
        how_heard: o.how_heard,
      };
    });
    const roles: RoleRow[] = d.roles.map((r) => {
      const opp = opps.length === 0 ? 0 : r.opp % opps.length;
      const anchor = contacts[(d.opps[opp]?.anchor ?? 0) % contacts.length]?.email ?? '';
      // Two persons beyond the contacts' names: people no contact row knows.
      const anyone = r.person >= NAMES.length ? `stranger${r.person}@y.com` : writeEmail(r.person, r.form);
      return { opportunity_id: writeOppReference(opp + 1, r.idForm), email: r.anchor > 0 ? anchor : anyone, is_primary: r.primary };
    });
    // A task lands on the SLA's edges from one contact's MQL instant: before it, on it, just within, on `within`, just beyond, later.
    const tasks: TaskRow[] = d.tasks.map((t) => {
      const contact = contacts[t.contact % contacts.length] ?? contacts[0];
      const mql = contact?.mql_at ?? '';
      const start = /^\d{4}-\d{2}-\d{2}$/.test(mql) ? readInstant({ date: mql }, ZONE) : /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(mql) ? Date.parse(`${mql.replace(' ', 'T')}:00Z`) : Date.parse(`${d.period.from}T12:00:00Z`);
      const w = d.within.minutes;
      const offset = [-30, 0, 1, w - 1, w, w + 1, 2 * w, 3 * w + 7, t.extra, -t.extra][t.edge] ?? 0;
      // Half a minute either side of an edge: minutes are fractional when the rows have seconds.
      const at = start + offset * 60_000 + t.seconds * 1000;
      // One task in ten is dated by its calendar day alone (the end of that day), one in ten not at all.
      const doneAt = t.dateOnly === 0 ? new Date(at - 5 * 3_600_000).toISOString().slice(0, 10) : t.dateOnly === 1 ? '' : writeInstant(at);
      return { email: contact?.email ?? '', done_at: doneAt, type: t.type };
    });
    // The instant attribution ends each opportunity's lookback at: its created date, or its closed date when the entry credits won deals.
    const lookbackMs = d.attribution.lookback.hours * 3_600_000;
    const touches: TouchRow[] = d.touches.map((t) => {
      const oppIndex = opps.length === 0 ? 0 : t.opp % opps.length;
      const opp = opps[oppIndex];
      const anchor = readScenarioInstant((d.attribution.opportunities === 'Won' ? opp?.closed : opp?.created) ?? '') ?? Date.parse(`${d.period.from}T12:00:00Z`);
      const minutes = t.minutes * 60_000;
      const offset = [0, 1000, 86_400_000, -lookbackMs, -lookbackMs - 1000, -lookbackMs + 1000, -minutes, -minutes, -minutes, -2 * minutes, -lookbackMs - minutes, -Math.min(lookbackMs, 3 * minutes)][t.edge] ?? 0;
      const at = anchor + offset;
      const anchorContact = (d.opps[oppIndex]?.anchor ?? 0) % contacts.length;
      const ownRoles = roles.filter((_, i) => (d.roles[i]?.opp ?? 0) % opps.length === oppIndex);
      const role = ownRoles[t.role % Math.max(1, ownRoles.length)];
      const person = t.who < 4 ? (d.contacts[anchorContact]?.person ?? 0) : t.person;
      const email = t.who < 3 ? (role?.email ?? contacts[anchorContact]?.email ?? '') : person >= NAMES.length ? `stranger${person}@y.com` : writeEmail(person, t.form);
      // A touch dated by its calendar day alone stands for the end of that day in New York.
      const touchedAt = t.dateOnly ? new Date(at - 5 * 3_600_000).toISOString().slice(0, 10) : writeInstant(at);
      return { email, touched_at: touchedAt, channel: t.channel, campaign: t.campaign };
    });
    return {
      period: d.period,
      identityNormalize: d.identityNormalize,
      linkFromSalesforceId: d.linkFromSalesforceId,
      ...(d.linkNormalizeTo ? { linkNormalizeTo: d.linkNormalizeTo } : {}),
      keep: d.keep,
      wonExcludesTest: d.wonExcludesTest,
      sqlSource: d.sqlSource,
      funnels: d.funnels.map((f, i) => ({ name: `Funnel ${i + 1}`, ...f.window, stages: f.stages })),
      within: d.within,
      contacts,
      // The same people as the CRM holds them: their address written another way, a status of the CRM's own.
      leads: d.contacts.map((c, i) => ({ id: `00Q${String(i + 1).padStart(4, '0')}`, email: writeEmail(c.person, c.leadForm), sql_at: contacts[i]?.sql_at ?? '', status: c.leadStatus })),
      opps,
      roles,
      tasks,
      spend: d.spend,
      touches,
      attribution: { ...d.attribution, sourcedBy: d.attribution.secondEntry || d.attribution.sourcedBy !== 'Revenue by channel' ? d.attribution.sourcedBy : null },
    };
  });
