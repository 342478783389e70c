// Writes the pipeline sample investigation (money.md) into a folder: three exports, the contract and the expected bridges.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRandom } from '../createRandom';
import { buildPipelineBridge } from './buildPipelineBridge';
import type { PipelineBridge } from './buildPipelineBridge';
import { PIPELINE_CONTRACT } from './pipelineContract';
import type { PlacedPipeline } from './pipelineRecords';
import { pipelineStories } from './pipelineStories';
import { placePipeline } from './placePipeline';
import { renderDealsCsv, renderInvoiceLinesCsv, renderOpportunitiesCsv } from './renderPipelineExports';

const SEED = 20261007;

/** Paths of the generated files, relative to the samples folder. */
export const PIPELINE_FILES = {
  dealsCsv: 'pipeline/exports/hubspot_deals.csv',
  opportunitiesCsv: 'pipeline/exports/salesforce_opportunities.csv',
  invoiceLinesCsv: 'pipeline/exports/finance_invoice_lines.csv',
  contract: 'pipeline/acme-pipeline-q3-2026.recon.yaml',
  expectedBridge: 'pipeline/expected-bridge.json',
} as const;

export interface PipelineSample {
  placed: PlacedPipeline;
  bridge: PipelineBridge;
}

/** Plans the sample: every story planted, placed and its bridges derived from the plan. */
export function planPipelineSample(): PipelineSample {
  const placed = placePipeline(pipelineStories, createRandom(SEED));
  return { placed, bridge: buildPipelineBridge(placed) };
}

/** Writes the pipeline sample's files under `outDir` (the samples folder) and returns their relative paths. */
export function writePipelineSample(outDir: string, { placed, bridge }: PipelineSample): string[] {
  const contents: [string, string][] = [
    [PIPELINE_FILES.dealsCsv, renderDealsCsv(placed)],
    [PIPELINE_FILES.opportunitiesCsv, renderOpportunitiesCsv(placed)],
    [PIPELINE_FILES.invoiceLinesCsv, renderInvoiceLinesCsv(placed)],
    [PIPELINE_FILES.contract, PIPELINE_CONTRACT],
    [PIPELINE_FILES.expectedBridge, `${JSON.stringify(bridge.report, null, 2)}\n`],
  ];
  for (const [path, content] of contents) {
    mkdirSync(dirname(join(outDir, path)), { recursive: true });
    writeFileSync(join(outDir, path), content);
  }
  return contents.map(([path]) => path);
}
