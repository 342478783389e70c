// samples/README.md: the files, the bridge they must give, and the stories planted in them with their counts.
import { BUCKET_KINDS } from '../../shared/reportTypes';
import type { ExpectedBridge } from './buildExpectedBridge';
import type { Story } from './createStoryKit';
import type { Expectation } from './expectations';
import type { PlacedExports } from './placeRecords';

const toLabel = (e: { kind: string; reason: string }): string => (e.kind === e.reason ? e.kind : `${e.kind} / ${e.reason}`);

function countByBucket(records: { story: string; expect: Expectation }[], story: string, order: string[]): string {
  const counts = new Map<string, number>();
  for (const r of records) if (r.story === story) counts.set(toLabel(r.expect), (counts.get(toLabel(r.expect)) ?? 0) + 1);
  const parts = order.filter((label) => counts.has(label)).map((label) => `${counts.get(label)} ${label}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

export function renderReadme(stories: Story[], placed: PlacedExports, bridge: ExpectedBridge): string {
  const labels = [...new Set(
    [...bridge.buckets]
      .sort((a, b) => BUCKET_KINDS.indexOf(a.kind) - BUCKET_KINDS.indexOf(b.kind) || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0))
      .map(toLabel),
  )];
  const countOf = (side: string, label: string): number =>
    bridge.buckets.find((b) => b.side === side && toLabel(b) === label)?.count ?? 0;
  const lines = [
    '# Sample investigation: Acme Corp, Q3 2026',
    '',
    'A fictional company reconciles the MQLs of its marketing system (a HubSpot contacts export) with the',
    'leads of its CRM (a Salesforce leads report) for the quarter July 1 - September 30, 2026, New York time.',
    'Every person, company and address here is invented.',
    '',
    'Everything in this folder is written by `npx tsx samples/generate.ts [output dir]` (`npm run samples`)',
    'from a fixed seed; `test/engine/sampleFiles.test.ts` fails when a committed file differs from a fresh run,',
    'so change the generator (`samples/generator/`), never the files.',
    '',
    '| file | what it is |',
    '|---|---|',
    '| `acme-q3-2026.recon.yaml` | the metrics contract, with a comment on each choice |',
    `| \`exports/hubspot_contacts.csv\` | HubSpot contacts export, ${placed.hubspot.length} rows, UTC timestamps |`,
    `| \`exports/salesforce_leads.xlsx\` | Salesforce leads report, ${placed.salesforce.length} rows below title rows; real date cells, Los Angeles time; second sheet "Report Info" |`,
    '| `exports/salesforce_leads.csv` | the same report as a "details only" CSV: CRLF, all fields quoted, `9/30/2026 8:30 PM`, Salesforce footer |',
    '| `expected-bridge.json` | the bridge the engine must produce, record by record, as the stories below planned it |',
    '',
    '## The bridge',
    '',
    `Left: MQL (hubspot), gross ${bridge.left.gross}, net ${bridge.left.net}. ` +
      `Right: CRM Lead (salesforce), gross ${bridge.right.gross}, net ${bridge.right.net}.`,
    '',
    '| bucket | left (HubSpot) | right (CRM) |',
    '|---|---:|---:|',
    ...labels.map((label) => `| ${label} | ${countOf('left', label)} | ${countOf('right', label)} |`),
    '',
    'Records of a person appear in both files under the same identity key (e-mail: trimmed, lower case,',
    '+tag removed). Each story below planted its records and declared the bucket each must land in; the',
    'counts are those declarations.',
    '',
    '## The stories',
    '',
  ];
  for (const story of stories) {
    lines.push(
      `### ${story.title}`,
      '',
      story.told,
      '',
      `- HubSpot: ${countByBucket(placed.hubspot, story.name, labels)}`,
      `- CRM: ${countByBucket(placed.salesforce, story.name, labels)}`,
      '',
    );
  }
  return lines.join('\n');
}
