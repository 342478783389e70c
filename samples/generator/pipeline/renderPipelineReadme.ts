// The pipeline sample's section of samples/README.md: its files, both bridges in counts and dollars, and its stories.
import { BUCKET_KINDS } from '../../../shared/reportTypes';
import type { Bucket, PairValue } from '../../../shared/reportTypes';
import type { StoryLanding } from './buildPipelineBridge';
import type { PipelineSample } from './generatePipelineSample';
import type { PipelineStory } from './createPipelineKit';

/** Which system each side of each bridge is, as the README names them. */
const SIDE_NAMES: Record<string, { left: string; right: string }> = {
  'Sourced pipeline': { left: 'HubSpot', right: 'CRM' },
  'Booked revenue': { left: 'CRM', right: 'Finance' },
};

const toLabel = (b: { kind: string; reason: string }): string => (b.kind === b.reason ? b.kind : `${b.kind} / ${b.reason}`);

/** `$1,234.56`, `-$1,200.00`: integer cents, so the README shows exactly what the bridge sums. */
function formatUsd(cents: number): string {
  const magnitude = Math.abs(Math.round(cents));
  const dollars = String(Math.floor(magnitude / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${cents < 0 ? '-' : ''}$${dollars}.${String(magnitude % 100).padStart(2, '0')}`;
}

const toCents = (reportNumber: number): number => Math.round(reportNumber * 100);

function formatPairValue(value: PairValue): string {
  return value === null ? 'empty' : typeof value === 'number' ? formatUsd(toCents(value)) : value;
}

function renderBridge(reconciliation: PipelineSample['bridge']['report']['reconciliations'][number]): string[] {
  const names = SIDE_NAMES[reconciliation.name] ?? { left: 'left', right: 'right' };
  const labels = [...new Set([...reconciliation.buckets].sort((a, b) => BUCKET_KINDS.indexOf(a.kind) - BUCKET_KINDS.indexOf(b.kind)).map(toLabel))];
  const find = (side: string, label: string): Bucket | undefined => reconciliation.buckets.find((b) => b.side === side && toLabel(b) === label);
  const cells = (side: string, label: string): string => {
    const bucket = find(side, label);
    return bucket ? `${bucket.count} | ${formatUsd(toCents(bucket.value ?? 0))} | ${bucket.missing_values ?? 0}` : '0 | $0.00 | 0';
  };
  const { left, right } = reconciliation;
  const differences = reconciliation.value_differences;
  return [
    `## ${reconciliation.name}: ${left.metric} vs ${right.metric}`,
    '',
    `Left: ${left.metric} (${left.source}), gross ${left.gross} (${formatUsd(toCents(left.gross_value ?? 0))}), net ${left.net} (${formatUsd(toCents(left.net_value ?? 0))}). ` +
      `Right: ${right.metric} (${right.source}), gross ${right.gross} (${formatUsd(toCents(right.gross_value ?? 0))}), net ${right.net} (${formatUsd(toCents(right.net_value ?? 0))}).`,
    '',
    `| bucket | ${names.left} | ${names.left} $ | missing | ${names.right} | ${names.right} $ | missing |`,
    '|---|---:|---:|---:|---:|---:|---:|',
    ...labels.map((label) => `| ${label} | ${cells('left', label)} | ${cells('right', label)} |`),
    '',
    `"missing" counts records whose own amount is empty or unreadable (they add $0). Amounts differ on ${differences.count} ` +
      `matched pairs: +${formatUsd(toCents(differences.increase))} / -${formatUsd(toCents(differences.decrease))} from ${names.left} to ${names.right}. ` +
      'The matched pairs that disagree beyond the tolerance:',
    '',
    `| ${names.left} id | ${names.right} id | reason | ${names.left} / ${names.right} |`,
    '|---|---|---|---|',
    ...reconciliation.pairs.map((p) => {
      const differs = Object.entries(p.differs).map(([field, [l, r]]) => `${field}: ${formatPairValue(l)} / ${formatPairValue(r)}`);
      return `| ${p.left_id} | ${p.right_id} | ${p.reason} | ${differs.join('; ')} |`;
    }),
    '',
  ];
}

function renderLandings(sample: PipelineSample, story: string, reconciliation: string): string {
  const names = SIDE_NAMES[reconciliation] ?? { left: 'left', right: 'right' };
  const buckets = sample.bridge.report.reconciliations.find((r) => r.name === reconciliation)?.buckets ?? [];
  // In the bridge's own order (report.md), as its table reads.
  const rank = (l: StoryLanding) => buckets.findIndex((b) => b.side === l.side && b.kind === l.kind && b.reason === l.reason);
  const sides = (['left', 'right'] as const).map((side) => {
    const landings = sample.bridge.landings.filter((l) => l.story === story && l.reconciliation === reconciliation && l.side === side).sort((a, b) => rank(a) - rank(b));
    const told = landings.map((l) => `${l.count} ${toLabel(l)} (${formatUsd(l.value)})`);
    return `${names[side]} ${told.length ? told.join(', ') : 'none'}`;
  });
  return `- ${reconciliation}: ${sides.join('; ')}`;
}

export function renderPipelineReadme(stories: PipelineStory[], sample: PipelineSample): string {
  const { placed, bridge } = sample;
  const lines = [
    '# The second sample: pipeline and bookings in dollars (`pipeline/`)',
    '',
    'Acme Corp again, the same quarter, now reconciling amounts (money.md): the pipeline marketing sourced (a HubSpot',
    'deals export) against the opportunities sales has (a Salesforce opportunities report), and what sales booked (the',
    "report's closed-won opportunities) against what finance invoiced (an invoice-lines export). One contract, two",
    'bridges, every amount in USD: EUR converts at 1.085 and is rounded to cents per record, half away from zero, before',
    'anything is summed. Written by the same generator (`samples/generator/pipeline/`); `test/engine/pipelineSampleBridge.test.ts`',
    'checks the engine against `pipeline/expected-bridge.json` record by record, values and pairs included.',
    '',
    '| file | what it is |',
    '|---|---|',
    '| `pipeline/acme-pipeline-q3-2026.recon.yaml` | the contract: USD with a EUR rate, four metrics, two bridges each with its own `match` and `compare` |',
    `| \`pipeline/exports/hubspot_deals.csv\` | HubSpot deals export, ${placed.deals.length} rows: internal stage ids (closedwon, contractsent), amounts as exported or typed (\`12500\`, \`$12,500.00\`, \`USD 12,500.00\`), UTC timestamps, the Salesforce Opportunity ID in 18 or 15 characters |`,
    `| \`pipeline/exports/salesforce_opportunities.csv\` | Salesforce opportunities report, "details only": ${placed.opportunities.length} rows, 18-character ids, \`Amount Currency\` + \`Amount\` (\`12,500.00\`) of a multi-currency org, Los Angeles time, Salesforce's footer |`,
    `| \`pipeline/exports/finance_invoice_lines.csv\` | finance's invoice lines, ${placed.lines.length} rows: byte order mark, semicolons, \`30.09.2026\`, European amounts (\`12.500,00\`, \`EUR 1.234,56\`, \`12 500,00 €\`, credit notes \`(1.200,00)\` and \`-1.200,00\`), several lines per order |`,
    '| `pipeline/expected-bridge.json` | both bridges as the stories below planned them: per bucket its count, value, missing values and ids; the pairs that disagree with their differing fields; the value differences; each source\'s unreadable cells |',
    '',
    ...bridge.report.reconciliations.flatMap(renderBridge),
    'What cannot happen here, and so is not planted: the CRM side never has duplicates or a missing key (both bridges',
    "match it on its own id, one per row), and Salesforce's dates are never unreadable, nor is a Close Date ever empty",
    '(Salesforce requires it).',
    '',
    '## The pipeline stories',
    '',
  ];
  for (const story of stories) {
    lines.push(`### ${story.title}`, '', story.told, '', renderLandings(sample, story.name, 'Sourced pipeline'), renderLandings(sample, story.name, 'Booked revenue'), '');
  }
  return lines.join('\n');
}
