// docs/revenue.md stands on its own: its example contract runs on the sample's exports, and its worked example prints what the engine prints.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatMetricsTables } from '../../electron/cli/formatMetricsTables';
import { openInvestigation, type Investigation } from '../../electron/engine/openInvestigation';
import { checkMetricsInvariants } from './checkMetricsInvariants';
import { sampleContractFile } from './readExpectedBridge';

const page = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/revenue.md'), 'utf8');

/** The body of the page's first fenced block of LANGUAGE after HEADING (the page's own text, so a stale page fails). */
function readFencedBlock(heading: string, language: string): string {
  const section = page.slice(page.indexOf(heading));
  const match = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(section);
  if (!match?.[1]) throw new Error(`docs/revenue.md: no \`\`\`${language} block after '${heading}'`);
  return match[1];
}

const opened: Investigation[] = [];
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-revdocs-'));
afterAll(() => {
  opened.forEach((inv) => inv.close());
  fs.rmSync(work, { recursive: true, force: true });
});

async function readReport(contractFile: string) {
  const inv = await openInvestigation(contractFile);
  opened.push(inv);
  return inv.getMetricsReport();
}

describe('docs/revenue.md', () => {
  it("has a complete example contract that runs on a copy of the sample's exports", async () => {
    fs.cpSync(path.join(path.dirname(sampleContractFile), 'exports'), path.join(work, 'exports'), { recursive: true });
    const contractFile = path.join(work, 'example.recon.yaml');
    fs.writeFileSync(contractFile, readFencedBlock('## Contract keys', 'yaml'));
    const report = await readReport(contractFile);
    checkMetricsInvariants(report);
    expect(report.funnels.map((f) => [f.name, f.stages.map((s) => s.metric)])).toEqual([['Q3 MQLs to revenue', ['SQL', 'Opportunity', 'Won']]]);
    expect(report.sla.map((s) => s.name)).toEqual(['Speed to lead']);
    expect(new Set(report.shared_metrics.map((m) => m.name))).toEqual(
      new Set(['marketing_sourced_revenue', 'lead_to_revenue', 'win_rate', 'pipeline_velocity', 'cac']),
    );
  });

  it('shows in its worked example the lines `recon metrics` prints for the sample', async () => {
    const printed = formatMetricsTables(await readReport(sampleContractFile)).split('\n');
    const shown = readFencedBlock('## Worked example', 'text').split('\n').filter((line) => line.trim() !== '');
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.filter((line) => !printed.includes(line))).toEqual([]);
  });
});
