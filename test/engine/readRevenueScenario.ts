// Test support: a random revenue scenario read as the reference's typed rows, every rule of its contract evaluated in TypeScript.
import type { AttributionModel } from '../../shared/revenueContractTypes';
import type { KeyNormalizer, RevenueScenario } from './randomRevenueScenario';
import type { RefAttribution, RevenueInput, When } from './revenueReference/RevenueInput';
import { stepMetric, type TypedRow } from './revenueReference/stepMetric';

const ZONE = 'America/New_York';

/** A cell as the scenario writes it: a calendar date (or `YYYY-MM`, its first day), a UTC `YYYY-MM-DD HH:MM[:SS]`, or nothing readable. */
export function readWhen(cell: string): When | null {
  const text = cell.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return { date: text };
  if (/^\d{4}-\d{2}$/.test(text)) return { date: `${text}-01` };
  const instant = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})(:\d{2})?$/.exec(text);
  return instant ? { instant: Date.parse(`${instant[1]}T${instant[2]}${instant[3] ?? ':00'}Z`) } : null;
}

/** contract.md's normalisers in their written order; an empty result is no key. */
export function normalizeKey(text: string, normalizers: KeyNormalizer[]): string | null {
  let key = text;
  for (const n of normalizers) {
    if (n === 'trim') key = key.trim();
    else if (n === 'lowercase') key = key.toLowerCase();
    else key = key.replace(/^([^@+]*)\+[^@]*@/, '$1@');
  }
  return key === '' ? null : key;
}

/** The link's normalize.from: trim, then with salesforce_id 15 or 18 characters become the 15, case kept. */
function normalizeOppId(text: string, salesforceId: boolean): string | null {
  const id = text.trim();
  if (id === '') return null;
  return salesforceId && (id.length === 15 || id.length === 18) ? id.slice(0, 15) : id;
}

const readCents = (amount: string) => (amount.trim() === '' ? null : Math.round(Number(amount) * 100));

/** The contract's CRM rule, "lead_source IN ('Web', 'Paid Search')", read in TypeScript. */
const holdsCrmRule = (f: Record<string, string>) => f.lead_source === 'Web' || f.lead_source === 'Paid Search';

/** The second entry writeRevenueScenario writes when the scenario has one. */
function readSecondEntry(s: RevenueScenario): RefAttribution {
  const models: AttributionModel[] = ['last_touch', 'linear', 'time_decay'];
  return { name: 'Revenue by channel', opportunities: 'Won', via: 'opportunity_people', people: 'all', lookbackHours: 8760, lookbackText: '365 days', models, halfLifeHours: s.attribution.halfLife.hours, sourced: { touches: 'last_touch' } };
}

/** The scenario's first attribution entry as the reference takes it. */
function readAttributionEntry(s: RevenueScenario): RefAttribution {
  const a = s.attribution;
  return {
    name: 'Pipeline by channel',
    opportunities: a.opportunities,
    via: 'opportunity_people',
    people: a.people,
    lookbackHours: a.lookback.hours,
    lookbackText: a.lookback.text ?? '365 days',
    models: a.models,
    halfLifeHours: a.halfLife.hours,
    milestone: a.milestone,
    selfReported: { field: 'how_heard', map: Object.fromEntries(a.map.map(([k, v]) => [k.trim().toLowerCase(), v])) },
    ...(a.sourced ? { sourced: { ...(a.sourced.crm ? { crm: holdsCrmRule } : {}), ...(a.sourced.touches ? { touches: a.sourced.touches } : {}) } } : {}),
  };
}

/** With `attribution`, the scenario's touches and attribution entry are part of the investigation (writeRevenueScenario writes them). */
export function readRevenueScenario(s: RevenueScenario, options: { attribution: boolean }): RevenueInput {
  const steps = { period: s.period, timezone: ZONE };
  const contactRows = (date: 'mql_at' | 'sql_at', excluded: (status: string) => boolean): TypedRow[] =>
    s.contacts.map((c) => ({ id: c.id, key: normalizeKey(c.email, s.identityNormalize), linkId: c.id.trim(), when: readWhen(c[date]), cents: null, fields: {}, excluded: excluded(c.status) }));
  const leadRows: TypedRow[] = s.leads.map((l) => ({ id: l.id, key: normalizeKey(l.email, s.identityNormalize), linkId: l.id, when: readWhen(l.sql_at), cents: null, fields: {}, excluded: l.status === 'spam' || l.status === 'test' }));
  const oppRows = (date: 'created' | 'closed', excluded: (o: RevenueScenario['opps'][number]) => boolean): TypedRow[] =>
    s.opps.map((o) => ({ id: o.id, key: null, linkId: normalizeOppId(o.id, s.linkFromSalesforceId) ?? '', when: readWhen(o[date]), cents: readCents(o.amount), fields: { lead_source: o.lead_source, stage: o.stage, is_test: o.is_test, how_heard: o.how_heard }, excluded: excluded(o) }));
  const isTest = (o: RevenueScenario['opps'][number]) => o.is_test === 'true';
  // The opportunities' source has no identity key: its metrics are deduplicated on its id, so never.
  const noDedupe = { ...steps, keep: 'earliest' as const, dedupe: false };
  const withDedupe = { ...steps, keep: s.keep, dedupe: true };
  return {
    title: 'random revenue',
    version: '1',
    currency: 'USD',
    timezone: ZONE,
    period: s.period,
    metrics: [
      { name: 'MQL', source: 'contacts', hasValue: false, records: stepMetric(contactRows('mql_at', (st) => st === 'spam'), withDedupe) },
      { name: 'SQL', source: s.sqlSource, hasValue: false, records: stepMetric(s.sqlSource === 'contacts' ? contactRows('sql_at', (st) => st === 'spam' || st === 'test') : leadRows, withDedupe) },
      { name: 'Opportunity', source: 'opps', hasValue: true, records: stepMetric(oppRows('created', isTest), noDedupe) },
      { name: 'Won', source: 'opps', hasValue: true, records: stepMetric(oppRows('closed', (o) => (s.wonExcludesTest && isTest(o)) || o.stage !== 'Closed Won'), noDedupe) },
      { name: 'Lost', source: 'opps', hasValue: true, records: stepMetric(oppRows('closed', (o) => o.stage !== 'Closed Lost'), noDedupe) },
      ...(options.attribution ? [{ name: 'Deals', source: 'opps', hasValue: false, records: stepMetric(oppRows('created', isTest), noDedupe).map((r) => ({ ...r, cents: null })) }] : []),
    ],
    links: [{ name: 'opportunity_people', pairs: s.roles.map((r) => ({ from: normalizeOppId(r.opportunity_id, s.linkFromSalesforceId), to: normalizeKey(r.email, s.linkNormalizeTo ?? s.identityNormalize), primary: r.is_primary === 'true' })) }],
    funnels: s.funnels.map((f) => ({ name: f.name, cohort: 'MQL', stages: f.stages.map((metric) => (metric === 'SQL' ? { metric } : { metric, via: 'opportunity_people' })), windowDays: f.windowDays, windowText: f.windowText ?? '365 days' })),
    sla: [{ name: 'Speed to lead', from: 'MQL', rows: s.tasks.map((t) => ({ key: normalizeKey(t.email, s.identityNormalize), when: readWhen(t.done_at), matches: t.type === 'Call' || t.type === 'Email' })), withinMinutes: s.within.minutes, withinText: s.within.text }],
    shared: {
      periodMetric: 'Won',
      lost: 'Lost',
      opportunities: 'Opportunity',
      winRateBy: 'lead_source',
      // Only the first entry has a CRM rule.
      ...(options.attribution && s.attribution.sourced?.crm && s.attribution.sourcedBy !== 'Revenue by channel' ? { sourcedCrm: { opportunities: s.attribution.opportunities, holds: holdsCrmRule } } : {}),
      spend: s.spend.map((r) => ({ when: readWhen(r.month), cents: readCents(r.amount), channel: r.channel })),
      ...(options.attribution && s.attribution.sourcedBy ? { sourcedBy: s.attribution.sourcedBy } : {}),
    },
    ...(options.attribution
      ? {
          touches: {
            rows: s.touches.map((t, i) => ({ row: i + 1, key: normalizeKey(t.email, s.identityNormalize), when: readWhen(t.touched_at), channel: t.channel, campaign: s.attribution.campaignMapped ? t.campaign : null })),
            campaignMapped: s.attribution.campaignMapped,
            ...(s.attribution.marketingChannels ? { marketingChannels: s.attribution.marketingChannels } : {}),
          },
          attribution: [readAttributionEntry(s), ...(s.attribution.secondEntry ? [readSecondEntry(s)] : [])],
        }
      : {}),
  };
}
