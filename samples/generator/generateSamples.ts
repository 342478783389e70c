// Writes the whole sample investigation into a folder: exports, contract, expected bridge and README.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildExpectedAttribution } from './attribution/buildExpectedAttribution';
import { checkTouchPlan } from './attribution/checkTouchPlan';
import { planTouches } from './attribution/planTouches';
import { renderAttributionReadme } from './attribution/renderAttributionReadme';
import { renderCampaignMembersCsv } from './attribution/renderCampaignMembersCsv';
import { touchStories } from './attribution/touchStories';
import { buildExpectedBridge } from './buildExpectedBridge';
import { createRandom } from './createRandom';
import { planPipelineSample, writePipelineSample } from './pipeline/generatePipelineSample';
import { pipelineStories } from './pipeline/pipelineStories';
import { renderPipelineReadme } from './pipeline/renderPipelineReadme';
import { placeRecords } from './placeRecords';
import { buildExpectedMetrics } from './revenue/buildExpectedMetrics';
import { checkRevenuePlan } from './revenue/checkRevenuePlan';
import { planRevenue } from './revenue/planRevenue';
import { renderContactRolesCsv, renderConversionsCsv, renderLifecycleCsv, renderOpportunitiesCsv, renderSpendCsv, renderTasksCsv } from './revenue/renderRevenueExports';
import { renderRevenueReadme } from './revenue/renderRevenueReadme';
import { revenueStories } from './revenue/revenueStories';
import { renderHubspotCsv } from './renderHubspotCsv';
import { renderReadme } from './renderReadme';
import { renderSalesforceCsv, renderSalesforceXlsx } from './renderSalesforceFiles';
import { SAMPLE_CONTRACT, SAMPLE_CONTRACT_TITLE } from './sampleContract';
import { stories } from './stories';

const SEED = 20261005;
/** The revenue stories draw from their own sequence, so the bridge's exports stay byte for byte what they were. */
const REVENUE_SEED = 20261008;
/** And the touch stories from theirs, so the funnels' and the SLA's exports stay what they were. */
const TOUCH_SEED = 20261012;

/** Paths of the generated files, relative to the output folder. */
export const SAMPLE_FILES = {
  hubspotCsv: 'exports/hubspot_contacts.csv',
  salesforceXlsx: 'exports/salesforce_leads.xlsx',
  salesforceCsv: 'exports/salesforce_leads.csv',
  contract: 'acme-q3-2026.recon.yaml',
  expectedBridge: 'expected-bridge.json',
  lifecycleCsv: 'exports/hubspot_contact_lifecycle.csv',
  opportunitiesCsv: 'exports/salesforce_opportunities.csv',
  contactRolesCsv: 'exports/salesforce_contact_roles.csv',
  conversionsCsv: 'exports/salesforce_lead_conversions.csv',
  tasksCsv: 'exports/salesforce_tasks.csv',
  spendCsv: 'exports/marketing_spend.csv',
  campaignMembersCsv: 'exports/salesforce_campaign_members.csv',
  expectedMetrics: 'expected-metrics.json',
  readme: 'README.md',
} as const;

/**
 * The first sample's plan: the bridge's records, the revenue and touch stories' rows and the reports they must give.
 * `revenueRandom` has drawn the revenue stories and goes on to shuffle their exports.
 */
export function planSample() {
  const placed = placeRecords(stories, createRandom(SEED));
  const bridge = buildExpectedBridge(placed);
  const revenueRandom = createRandom(REVENUE_SEED);
  const { plan, told } = planRevenue(revenueStories, placed, revenueRandom);
  checkRevenuePlan(plan);
  const { touchPlan, told: touchTold } = planTouches(touchStories, plan, createRandom(TOUCH_SEED));
  checkTouchPlan(plan, touchPlan);
  const attribution = buildExpectedAttribution(plan, touchPlan, placed.hubspot);
  const metrics = buildExpectedMetrics(plan, SAMPLE_CONTRACT_TITLE, attribution);
  return { placed, bridge, revenueRandom, plan, told, touchPlan, touchTold, attribution, metrics };
}

/** Writes every sample file under `outDir` (both investigations) and returns their relative paths. */
export function generateSamples(outDir: string): string[] {
  const { placed, bridge, revenueRandom, plan, told, touchPlan, touchTold, metrics } = planSample();
  const pipeline = planPipelineSample();
  const contents: [string, string | Buffer][] = [
    [SAMPLE_FILES.hubspotCsv, renderHubspotCsv(placed.hubspot)],
    [SAMPLE_FILES.salesforceXlsx, renderSalesforceXlsx(placed.salesforce)],
    [SAMPLE_FILES.salesforceCsv, renderSalesforceCsv(placed.salesforce)],
    [SAMPLE_FILES.contract, SAMPLE_CONTRACT],
    [SAMPLE_FILES.expectedBridge, `${JSON.stringify(bridge, null, 2)}\n`],
    [SAMPLE_FILES.lifecycleCsv, renderLifecycleCsv(plan, revenueRandom)],
    [SAMPLE_FILES.opportunitiesCsv, renderOpportunitiesCsv(plan, revenueRandom, touchPlan.howHeard)],
    [SAMPLE_FILES.contactRolesCsv, renderContactRolesCsv(plan)],
    [SAMPLE_FILES.conversionsCsv, renderConversionsCsv(plan, revenueRandom)],
    [SAMPLE_FILES.tasksCsv, renderTasksCsv(plan, revenueRandom)],
    [SAMPLE_FILES.spendCsv, renderSpendCsv(plan)],
    [SAMPLE_FILES.campaignMembersCsv, renderCampaignMembersCsv(touchPlan)],
    [SAMPLE_FILES.expectedMetrics, `${JSON.stringify(metrics, null, 2)}\n`],
    // One README tells both samples: the first one's stories, its quarter to revenue and attribution, then the pipeline sample's.
    [
      SAMPLE_FILES.readme,
      [
        renderReadme(stories, placed, bridge),
        renderRevenueReadme(revenueStories, plan, told, metrics, touchPlan.touches.length),
        renderAttributionReadme(touchStories, touchPlan, touchTold, metrics),
        renderPipelineReadme(pipelineStories, pipeline),
      ].join('\n'),
    ],
  ];
  for (const [path, content] of contents) {
    mkdirSync(dirname(join(outDir, path)), { recursive: true });
    writeFileSync(join(outDir, path), content);
  }
  return [...contents.map(([path]) => path), ...writePipelineSample(outDir, pipeline)];
}
