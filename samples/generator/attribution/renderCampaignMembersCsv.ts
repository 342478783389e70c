// The campaign members report: Salesforce's "Campaigns with Campaign Members", details only, in the order the plan numbered.
import { quoteCsvField } from '../renderHubspotCsv';
import { SALESFORCE_FOOTER } from '../renderSalesforceFiles';
import { toSalesforceDate } from '../revenue/renderRevenueExports';
import type { TouchPlan } from './touchRecords';

export function renderCampaignMembersCsv(touchPlan: TouchPlan): string {
  const header = ['Campaign Name', 'Campaign Type', 'Channel', 'Member Type', 'Member Status', 'First Name', 'Last Name', 'Email', 'Company / Account', 'First Responded Date'];
  const rows = [...touchPlan.touches].sort((a, b) => a.row - b.row).map((t) => [
    t.campaign.name, t.campaign.type, t.campaign.channel, t.memberType, t.date === null ? 'Sent' : t.campaign.responded,
    t.firstName, t.lastName, t.email, t.company, t.date === null ? '' : toSalesforceDate(t.date),
  ]);
  return [...[header, ...rows].map((fields) => fields.map(quoteCsvField).join(',')), '', ...SALESFORCE_FOOTER.map(quoteCsvField)].join('\r\n') + '\r\n';
}
