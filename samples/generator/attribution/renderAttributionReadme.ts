// samples/README.md's part on attribution: the campaign members export, the credits `recon metrics` must print, the touch stories.
import type { AttributionReport, CreditLine, MetricsReport } from '../../../shared/metricsReportTypes';
import type { AttributionModel } from '../../../shared/revenueContractTypes';
import type { TouchStory } from './createTouchKit';
import { HALF_LIFE_DAYS, LOOKBACK_DAYS, NO_TOUCH } from './touchRecords';
import type { TouchPlan } from './touchRecords';

const MODEL_TITLES: [AttributionModel, string][] = [
  ['first_touch', 'first touch'],
  ['last_touch', 'last touch'],
  ['linear', 'linear'],
  ['u_shaped', 'U-shaped'],
  ['w_shaped', 'W-shaped'],
  ['time_decay', 'time decay'],
  ['self_reported', 'self-reported'],
];

const formatMoney = (value: number): string => `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

function listChannelLines(report: AttributionReport, model: AttributionModel): CreditLine[] {
  return (report.models[model] ?? []).filter((l) => l.campaign === null);
}

const listTitles = (report: AttributionReport): [AttributionModel, string][] => MODEL_TITLES.filter(([model]) => model in report.models);

/** Channels credited by touches first (by linear credit), No touch, then the answers only the self-reported model knows. */
function orderChannels(report: AttributionReport): string[] {
  const byTouches = listChannelLines(report, 'linear').map((l) => l.channel).filter((c) => c !== NO_TOUCH);
  const touched = new Set(listTitles(report).filter(([m]) => m !== 'self_reported').flatMap(([m]) => listChannelLines(report, m).map((l) => l.channel)));
  const onlyReported = listChannelLines(report, 'self_reported').map((l) => l.channel).filter((c) => !touched.has(c));
  return [...byTouches, ...[...touched].filter((c) => c !== NO_TOUCH && !byTouches.includes(c)), NO_TOUCH, ...onlyReported];
}

function renderCreditsTable(report: AttributionReport): string[] {
  const cell = (model: AttributionModel, channel: string): string => {
    const line = listChannelLines(report, model).find((l) => l.channel === channel);
    return line ? `${formatMoney(line.credit)} (${line.opportunities})` : '-';
  };
  const total = (model: AttributionModel): string => formatMoney(listChannelLines(report, model).reduce((sum, l) => sum + Math.round(l.credit * 100), 0) / 100);
  const titles = listTitles(report);
  return [
    `| channel | ${titles.map(([, title]) => title).join(' | ')} |`,
    `|---|${titles.map(() => '---:').join('|')}|`,
    ...orderChannels(report).map((channel) => `| ${channel} | ${titles.map(([model]) => cell(model, channel)).join(' | ')} |`),
    `| **all** | ${titles.map(([model]) => total(model)).join(' | ')} |`,
  ];
}

/** The entry's deals: every deal has a line under each model (No touch when it has no touch). */
function countDeals(report: AttributionReport): number {
  return new Set(listChannelLines(report, 'first_touch').flatMap((l) => l.ids)).size;
}

function renderCampaignTable(report: AttributionReport): string[] {
  const lines = report.models.linear ?? [];
  return [
    '| channel | campaign | linear credit | deals |',
    '|---|---|---:|---:|',
    ...lines.filter((l) => l.campaign !== null).map((l) => `| ${l.channel} | ${l.campaign ?? ''} | ${formatMoney(l.credit)} | ${l.opportunities} |`),
  ];
}

function countPlanted(touchPlan: TouchPlan, story: string): string {
  const rows = touchPlan.touches.filter((t) => t.story === story);
  const deals = new Set(rows.flatMap((t) => t.counts));
  const counted = rows.filter((t) => t.counts.length > 0).length;
  return `${rows.length} campaign member ${rows.length === 1 ? 'row' : 'rows'}, ${counted} counted, for ${deals.size} ${deals.size === 1 ? 'deal' : 'deals'}`;
}

export function renderAttributionReadme(stories: TouchStory[], touchPlan: TouchPlan, told: Map<string, string>, metrics: MetricsReport): string {
  const [report, revenue] = metrics.attribution;
  if (!report || !revenue) return '';
  const deals = report.sourced.both.count + report.sourced.crm_only.count + report.sourced.touches_only.count + report.sourced.neither.count;
  const agreement = report.agreement?.first_touch ?? [];
  const agreeing = agreement.filter((c) => c.reported === c.touched).reduce((n, c) => n + c.count, 0);
  const unanswered = agreement.filter((c) => c.reported === 'Not reported').reduce((n, c) => n + c.count, 0);
  const bridge = (['both', 'crm_only', 'touches_only', 'neither'] as const).map((line) => [line, report.sourced[line]] as const);
  const lines = [
    `# Attribution: ${report.name} (${report.depends_on})`,
    '',
    `\`exports/salesforce_campaign_members.csv\` holds ${touchPlan.touches.length} campaign responses (and non-responses) of the deals' contact roles and of`,
    'other MQLs. The entry credits each of the quarter\'s opportunities (the Opportunity metric\'s net records) to the responses',
    `of everyone on its contact roles with a Channel and a First Responded Date in the ${LOOKBACK_DAYS} days before it was created`,
    `(a date stands for the end of its day in New York), under seven models; time decay halves every ${HALF_LIFE_DAYS} days and`,
    'W-shaped\'s middle touch is the last one by the MQL date. The figures are computed by the generator from what each touch',
    'story declared (the touches that count for each deal, their order, the deal\'s value), never by the engine;',
    '`test/engine/sampleAttribution.test.ts` checks the engine against them line by line, with every line\'s deals.',
    '',
    `The quarter's ${deals} opportunities are worth ${formatMoney(report.total)}; ${report.no_touch.count} of them (${formatMoney(report.no_touch.value)}) have no touch`,
    'and give their whole value to No touch under every touch model, so every model adds up to the same total.',
    '',
    '## Credits per channel (deals in parentheses)',
    '',
    ...renderCreditsTable(report),
    '',
    'A line is rounded to the cent once, from the exact sum of its shares, so a model\'s lines may add up to a cent more than',
    'the total. Each model also has one line per campaign under each channel; the linear model\'s:',
    '',
    ...renderCampaignTable(report),
    '',
    '## Sourced and influenced',
    '',
    'The CRM calls a deal marketing-sourced when its Lead Source is one marketing owns; the touches, when its first touch is on a',
    'marketing channel (Sales Outreach and Partner are not).',
    '',
    '| | deals | value |',
    '|---|---:|---:|',
    ...bridge.map(([line, v]) => `| ${line.replace('_', ' ')} | ${v.count} | ${formatMoney(v.value)} |`),
    `| influenced (a touch on a marketing channel) | ${report.influenced.count} | ${formatMoney(report.influenced.value)} |`,
    '',
    `Asked "How did you hear about us?", the buyers of ${agreeing} deals named the channel of their first touch; ${unanswered} did`,
    `not answer, and the other ${deals - agreeing - unanswered} named a channel their first touch is not on, or have no touch (the report's`,
    '`agreement` matrix lists the deals by pair, under each touch model).',
    '',
    `## The second entry: ${revenue.name} (${revenue.depends_on})`,
    '',
    `The ${countDeals(revenue)} deals won in the quarter (${formatMoney(revenue.total)}) credited to the touches of their`,
    `primary contacts (every contact role when none is primary) in the ${LOOKBACK_DAYS} days before the close date, so a response after the`,
    `deal opened counts here; ${revenue.no_touch.count} won deals (${formatMoney(revenue.no_touch.value)}) have no such touch, ${revenue.influenced.count} were influenced by marketing. It has no`,
    '`sourced`: the shared metrics take the pipeline entry\'s.',
    '',
    ...renderCreditsTable(revenue),
    '',
    'From the repository\'s root:',
    '',
    '```sh',
    'npm run --silent recon -- metrics samples/acme-q3-2026.recon.yaml   # the credits above (channels and campaigns x models) and the sourced bridge',
    `npm run --silent recon -- drill samples/acme-q3-2026.recon.yaml --attribution "${report.name}" --model linear --channel Webinar   # the deals Webinar has a share of`,
    `npm run --silent recon -- drill samples/acme-q3-2026.recon.yaml --attribution "${report.name}" --model first_touch --channel Events --campaign "RevOps Summit NYC 2026" --list touches   # booth visits that began a deal`,
    `npm run --silent recon -- drill samples/acme-q3-2026.recon.yaml --attribution "${report.name}" --list touches_only   # the deal the CRM calls outbound`,
    `npm run --silent recon -- drill samples/acme-q3-2026.recon.yaml --attribution "${report.name}" --agreement first_touch --reported Referral --touched "No touch"   # "a colleague told me", and no touch`,
    `npm run --silent recon -- drill samples/acme-q3-2026.recon.yaml --attribution "${revenue.name}" --list no_touch   # won deals whose primary contacts have no touch`,
    '```',
    '',
    '## The touch stories',
    '',
  ];
  for (const story of stories) lines.push(`### ${story.title}`, '', told.get(story.name) ?? '', '', `- Planted: ${countPlanted(touchPlan, story.name)}`, '');
  return lines.join('\n');
}
