// samples/README.md's part on the quarter from MQL to revenue: the new exports, the figures `recon metrics` must print, the stories.
import type { MetricsReport } from '../../../shared/metricsReportTypes';
import type { RevenueStory } from './createRevenueKit';
import type { RevenuePlan } from './revenueRecords';

const formatPercent = (value: number | null | undefined): string => (value === null || value === undefined ? '-' : `${(value * 100).toFixed(1)}%`);
const formatNumber = (value: number | null | undefined, digits = 1): string => (value === null || value === undefined ? '-' : value.toFixed(digits));
const formatMoney = (value: number | null | undefined): string =>
  value === null || value === undefined ? '-' : `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

function countPlanted(plan: RevenuePlan, story: string): string {
  const parts: [number, string, string][] = [
    [plan.lifecycle.filter((r) => r.story === story).length, 'lifecycle row', 'lifecycle rows'],
    [plan.opportunities.filter((r) => r.story === story).length, 'opportunity', 'opportunities'],
    [plan.roles.filter((r) => r.story === story).length, 'contact role', 'contact roles'],
    [plan.conversions.filter((r) => r.story === story).length, 'lead conversion', 'lead conversions'],
    [plan.tasks.filter((r) => r.story === story).length, 'task', 'tasks'],
    [plan.spend.filter((r) => r.story === story).length, 'spend row', 'spend rows'],
  ];
  const planted = parts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  return planted.length > 0 ? planted.join(', ') : 'no rows of its own';
}

function renderSharedMetric(m: MetricsReport['shared_metrics'][number]): string {
  const rate = m.name === 'lead_to_revenue' || m.name === 'win_rate';
  const value = rate ? formatPercent(m.value) : `${formatMoney(m.value)}${m.name === 'pipeline_velocity' ? '/day' : ''}`;
  const beside = m.name === 'win_rate' ? ` (by value ${formatPercent(m.value_rate)})` : '';
  return `| ${m.name} | ${m.by ?? 'all'} | ${value}${beside} | ${m.ids.length} | ${m.basis} |`;
}

/** `touchCount`: the rows of the campaign members report, which the attribution part tells. */
export function renderRevenueReadme(stories: RevenueStory[], plan: RevenuePlan, told: Map<string, string>, report: MetricsReport, touchCount: number): string {
  const sla = report.sla[0];
  const velocity = report.shared_metrics.find((m) => m.name === 'pipeline_velocity');
  const lines = [
    '# The quarter from MQL to revenue (docs/revenue.md)',
    '',
    'The same investigation follows the quarter\'s MQLs (the MQL metric\'s net records of the bridge above) to SQLs,',
    'opportunities and won deals through the deals\' contact roles, and its CRM leads to opportunities and won deals through',
    'their conversions; it measures how fast sales touched each MQL, and computes the shared metrics both',
    'teams own. The exports it adds sit next to the others; the bridge\'s two exports are unchanged. The contract\'s',
    '`links`, `funnels`, `touches` (the campaign members report), `attribution` (credits per channel under seven',
    'models, and the sourced bridge: see "Attribution" below) and `shared_metrics` say how, with a',
    'comment on each choice. `expected-metrics.json` is the report',
    '`recon metrics acme-q3-2026.recon.yaml --json` must print, built from what the stories below declared, never by',
    'the engine; `test/engine/sampleMetrics.test.ts` checks the engine against it record by record, and',
    '`recon metrics acme-q3-2026.recon.yaml` prints the figures below.',
    '',
    '| file | what it is |',
    '|---|---|',
    `| \`exports/hubspot_contact_lifecycle.csv\` | a HubSpot view of the contacts with a Sales Qualified Lead date, ${plan.lifecycle.length} rows, the contacts export's Record IDs, UTC |`,
    `| \`exports/salesforce_opportunities.csv\` | Salesforce opportunities report, ${plan.opportunities.length} rows: Created Date in Los Angeles time, Close Date a date, \`12,500.00\`, the free-text "How did you hear about us?", Salesforce's footer |`,
    `| \`exports/salesforce_contact_roles.csv\` | "Opportunities with Contact Roles", ${plan.roles.length} rows, some with the 15-character opportunity id, Primary 1 or 0 |`,
    `| \`exports/salesforce_lead_conversions.csv\` | converted leads, ${plan.conversions.length} rows: Lead ID, Converted Date, Converted Opportunity ID (empty, 15 or 18 characters), Salesforce's footer |`,
    `| \`exports/salesforce_tasks.csv\` | completed calls, e-mails, meetings and notes, ${plan.tasks.length} rows, Los Angeles time or a date only |`,
    `| \`exports/marketing_spend.csv\` | finance's marketing spend, ${plan.spend.length} rows, one per month (\`2026-07\`) and channel |`,
    `| \`exports/salesforce_campaign_members.csv\` | Salesforce "Campaigns with Campaign Members", ${touchCount} rows: Campaign Name, Campaign Type, the campaign's Channel, Member Status, Email, First Responded Date (a date; empty for members only sent the campaign), Salesforce's footer |`,
    '| `expected-metrics.json` | the metrics report the engine must produce, every list complete, as the stories planned it |',
    '',
  ];
  for (const funnel of report.funnels) {
    lines.push(
      `## Funnel: ${funnel.name} (${funnel.depends_on})`,
      '',
      `Cohort: the ${funnel.cohort.count} net records of ${funnel.cohort.metric}. "days" count from the previous stage's earliest ` +
        'record (the cohort record\'s date for the first stage).',
      '',
      '| stage | reached | from previous | from cohort | records | value | median days | p90 days | dropped | skipped | outside cohort |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...funnel.stages.map((s) =>
        `| ${s.metric} | ${s.reached} | ${formatPercent(s.conversion_from_previous)} | ${formatPercent(s.conversion_from_cohort)} | ${s.ids.length} | ` +
        `${s.value === null ? '-' : formatMoney(s.value)} | ${formatNumber(s.median_days)} | ${formatNumber(s.p90_days)} | ${s.dropped.length} | ${s.skipped.length} | ${s.outside_cohort.length} |`),
      '',
    );
  }
  if (sla) {
    const population = sla.met.count + sla.breached.count + sla.never.count;
    lines.push(
      `## SLA: ${sla.name} (${sla.depends_on})`,
      '',
      `${population} MQLs with an e-mail address: ${sla.met.count} met, ${sla.breached.count} breached, ${sla.never.count} never ` +
        `(${formatPercent(sla.met_share)} met); ${formatNumber(sla.median_minutes)} minutes to the first call or e-mail at the median, ${formatNumber(sla.p90_minutes)} at p90.`,
      '',
    );
  }
  lines.push(
    '## Shared metrics',
    '',
    '| metric | by | value | records | basis |',
    '|---|---|---:|---:|---|',
    ...report.shared_metrics.map(renderSharedMetric),
    '',
  );
  if (velocity?.inputs) {
    const i = velocity.inputs;
    lines.push(
      `Pipeline velocity is ${i.opportunities} opportunities created in the quarter x ${formatPercent(i.win_rate)} win rate x ` +
        `${formatMoney(i.average_won_value)} average won deal / ${formatNumber(i.average_days)} days from creation to win, per day. ` +
        'CAC is the spend sheet\'s cost of the quarter over the deals won in it; by channel (an interpretation), a channel\'s ' +
        'spend over the won deals whose first touch is on it, deals created last quarter included. Marketing-sourced revenue ' +
        'by touches counts the won deals whose first touch is on a marketing channel. The "records" of a win rate are the deals won ' +
        'and lost it is computed from; of the CAC, the deals won.',
      '',
    );
  }
  lines.push(
    'From the repository\'s root:',
    '',
    '```sh',
    'npm run --silent recon -- metrics samples/acme-q3-2026.recon.yaml          # the figures above, as tables',
    'npm run --silent recon -- metrics samples/acme-q3-2026.recon.yaml --json   # the report of expected-metrics.json',
    `npm run --silent recon -- drill samples/acme-q3-2026.recon.yaml --funnel "${report.funnels[0]?.name ?? ''}" --stage 2 --list skipped   # who skipped the SQL`,
    `npm run --silent recon -- drill samples/acme-q3-2026.recon.yaml --sla "${sla?.name ?? ''}" --list never   # the MQLs nobody called`,
    '```',
    '',
    '## The revenue stories',
    '',
  );
  for (const story of stories) lines.push(`### ${story.title}`, '', told.get(story.name) ?? '', '', `- Planted: ${countPlanted(plan, story.name)}`, '');
  return lines.join('\n');
}
