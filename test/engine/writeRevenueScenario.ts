// Test support: a random revenue scenario written as CSV exports and a contract using every key of revenue.md that issue 8 reads.
import fs from 'node:fs';
import path from 'node:path';
import type { RevenueScenario } from './randomRevenueScenario';

function writeCsv(file: string, header: string[], rows: string[][]): void {
  const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;
  fs.writeFileSync(file, [header.join(','), ...rows.map((r) => r.map(quote).join(','))].join('\n') + '\n');
}

/** The contract's `touches:` and `attribution:` keys for the scenario's choices. */
function writeAttribution(s: RevenueScenario): string {
  const a = s.attribution;
  const quote = (v: string) => `"${v}"`;
  const touches = [
    'touches:',
    '  source: touches',
    '  key: email',
    '  date: touched_at',
    '  channel: channel',
    ...(a.campaignMapped ? ['  campaign: campaign'] : []),
    ...(a.marketingChannels ? [`  marketing_channels: [${a.marketingChannels.join(', ')}]`] : []),
  ];
  const sourced = a.sourced
    ? ['    sourced:', ...(a.sourced.crm ? [`      crm: "lead_source IN ('Web', 'Paid Search')"`] : []), ...(a.sourced.touches ? [`      touches: ${a.sourced.touches}`] : [])]
    : [];
  const entry = [
    'attribution:',
    '  - name: Pipeline by channel',
    `    opportunities: ${a.opportunities}`,
    '    via: opportunity_people',
    `    people: ${a.people}`,
    ...(a.lookback.text === null ? [] : [`    lookback: ${a.lookback.text}`]),
    `    models: [${a.models.join(', ')}]`,
    `    time_decay: { half_life: ${a.halfLife.text} }`,
    `    w_shaped: { milestone: ${a.milestone} }`,
    `    self_reported: { field: how_heard${a.map.length ? `, map: { ${a.map.map(([k, v]) => `${quote(k)}: ${v}`).join(', ')} }` : ''} }`,
    ...sourced,
  ];
  const second = a.secondEntry
    ? [
        '  - name: Revenue by channel',
        '    opportunities: Won',
        '    via: opportunity_people',
        '    models: [last_touch, linear, time_decay]',
        `    time_decay: { half_life: ${a.halfLife.text} }`,
        '    sourced: { touches: last_touch }',
      ]
    : [];
  return [...touches, ...entry, ...second, ''].join('\n');
}

/**
 * Writes the exports and `revenue.recon.yaml` into `dir`; returns the contract's path. With `attribution`, the touches file and an
 * attribution entry (whose `sourced` marketing_sourced_revenue and CAC by channel read) are part of it.
 */
export function writeRevenueScenario(dir: string, s: RevenueScenario, options: { attribution: boolean }): string {
  writeCsv(path.join(dir, 'contacts.csv'), ['Record ID', 'Email', 'MQL Date', 'SQL Date', 'Status'], s.contacts.map((c) => [c.id, c.email, c.mql_at, c.sql_at, c.status]));
  writeCsv(path.join(dir, 'leads.csv'), ['Lead ID', 'Email', 'SQL Date', 'Status'], s.leads.map((l) => [l.id, l.email, l.sql_at, l.status]));
  writeCsv(path.join(dir, 'opps.csv'), ['Opportunity ID', 'Created', 'Closed', 'Stage', 'Amount', 'Lead Source', 'Test', 'How Heard'], s.opps.map((o) => [o.id, o.created, o.closed, o.stage, o.amount, o.lead_source, o.is_test, o.how_heard]));
  writeCsv(path.join(dir, 'roles.csv'), ['Opportunity ID', 'Email', 'Primary'], s.roles.map((r) => [r.opportunity_id, r.email, r.is_primary]));
  writeCsv(path.join(dir, 'tasks.csv'), ['Email', 'Date', 'Type'], s.tasks.map((t) => [t.email, t.done_at, t.type]));
  writeCsv(path.join(dir, 'spend.csv'), ['Month', 'Channel', 'Amount'], s.spend.map((r) => [r.month, r.channel, r.amount]));
  if (options.attribution) writeCsv(path.join(dir, 'touches.csv'), ['Email', 'Touched', 'Channel', 'Campaign'], s.touches.map((t) => [t.email, t.touched_at, t.channel, t.campaign]));
  const list = (items: string[]) => `[${items.join(', ')}]`;
  const funnels = s.funnels
    .map((f) => {
      const stages = f.stages.map((m) => (m === 'SQL' ? `      - { metric: ${m} }` : `      - { metric: ${m}, via: opportunity_people }`)).join('\n');
      return `  - name: ${f.name}\n    cohort: MQL\n    key: email\n    stages:\n${stages}\n${f.windowText === null ? '' : `    window: ${f.windowText}\n`}`;
    })
    .join('');
  const linkNormalize = [...(s.linkFromSalesforceId ? ['from: [trim, salesforce_id]'] : []), ...(s.linkNormalizeTo ? [`to: ${list(s.linkNormalizeTo)}`] : [])];
  const wonExclude = `${s.wonExcludesTest ? `\n      test: "is_test = 'true'"` : ''}\n      not_won: "stage <> 'Closed Won'"`;
  const file = path.join(dir, 'revenue.recon.yaml');
  fs.writeFileSync(
    file,
    `contract: random revenue
version: 1
reporting:
  timezone: America/New_York
  period: { from: ${s.period.from}, to: ${s.period.to} }
  currency: USD
sources:
  contacts: { system: marketing, file: contacts.csv, id: Record ID, timezone: UTC, fields: { email: Email, mql_at: MQL Date, sql_at: SQL Date, status: Status } }
  leads: { system: sales, file: leads.csv, id: Lead ID, timezone: UTC, fields: { email: Email, sql_at: SQL Date, status: Status } }
  opps: { system: sales, file: opps.csv, id: Opportunity ID, timezone: UTC, fields: { created: Created, closed: Closed, stage: Stage, amount: Amount, lead_source: Lead Source, is_test: Test, how_heard: How Heard } }
  roles: { system: sales, file: roles.csv, timezone: UTC, fields: { opportunity_id: Opportunity ID, email: Email, is_primary: Primary } }
  tasks: { system: sales, file: tasks.csv, timezone: UTC, fields: { email: Email, done_at: Date, type: Type } }
  spend: { system: finance, file: spend.csv, fields: { month: Month, channel: Channel, amount: Amount } }
${options.attribution ? '  touches: { system: marketing, file: touches.csv, timezone: UTC, fields: { email: Email, touched_at: Touched, channel: Channel, campaign: Campaign } }\n' : ''}identity:
  key: email
  normalize: ${list(s.identityNormalize)}
metrics:
  MQL:
    source: contacts
    date: mql_at
    exclude:
      spam: "status = 'spam'"
    dedupe: { keep: ${s.keep} }
  SQL:
    source: ${s.sqlSource}
    date: sql_at
    exclude:
      spam: "status = 'spam'"
      test: "status = 'test'"
    dedupe: { keep: ${s.keep} }
  Opportunity:
    source: opps
    date: created
    value: amount
    exclude:
      test: "is_test = 'true'"
  Won:
    source: opps
    date: closed
    value: amount
    exclude:${wonExclude}
  Lost:
    source: opps
    date: closed
    value: amount
    exclude:
      not_lost: "stage <> 'Closed Lost'"
${options.attribution ? '  Deals:\n    source: opps\n    date: created\n    exclude:\n      test: "is_test = \'true\'"\n' : ''}links:
  opportunity_people:
    source: roles
    from: opportunity_id
    to: email
${linkNormalize.length ? `    normalize: { ${linkNormalize.join(', ')} }\n` : ''}    primary: "is_primary = 'true'"
funnels:
${funnels}${options.attribution ? writeAttribution(s) : ''}shared_metrics:
  period_metric: Won${options.attribution && s.attribution.sourcedBy ? `\n  sourced_by: ${s.attribution.sourcedBy}` : ''}
  lost: Lost
  opportunities: Opportunity
  win_rate_by: lead_source
  spend: { source: spend, date: month, value: amount, channel: channel }
  sla:
    - name: Speed to lead
      from: MQL
      to: { source: tasks, key: email, date: done_at, where: "type IN ('Call', 'Email')" }
      within: ${s.within.text}
reconcile: []
`,
  );
  return file;
}
