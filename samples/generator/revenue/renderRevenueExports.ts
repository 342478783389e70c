// The quarter's revenue exports: HubSpot's lifecycle view, the CRM's opportunities, contact roles and tasks, finance's spend sheet.
import type { Random } from '../createRandom';
import { shuffleKeepingGroupOrder } from '../placeRecords';
import { quoteCsvField } from '../renderHubspotCsv';
import { SALESFORCE_FOOTER } from '../renderSalesforceFiles';
import { formatSalesforceAmount } from '../pipeline/formatAmount';
import { formatHubspotTime, formatSalesforceTime } from '../wallTime';
import type { OpportunityRow, RevenuePlan, TaskRow } from './revenueRecords';

/** `2026-09-30` -> `9/30/2026`, as a Salesforce report writes a date field. */
export function toSalesforceDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${month}/${day}/${year}`;
}

/** HubSpot: UTF-8, every field quoted, LF. */
function renderHubspot(rows: string[][]): string {
  return rows.map((fields) => fields.map(quoteCsvField).join(',')).join('\n') + '\n';
}

/** A Salesforce "details only" report export: CRLF, every field quoted, a blank line and the footer. */
function renderSalesforceReport(rows: string[][]): string {
  return [...rows.map((fields) => fields.map(quoteCsvField).join(',')), '', ...SALESFORCE_FOOTER.map(quoteCsvField)].join('\r\n') + '\r\n';
}

/** Rows in a random order: exports follow no order a reader could lean on. */
function shuffle<T>(rows: T[], random: Random): T[] {
  return shuffleKeepingGroupOrder(rows.map((row, group) => ({ row, group })), random).map(({ row }) => row);
}

export function renderLifecycleCsv(plan: RevenuePlan, random: Random): string {
  const header = ['Record ID', 'First Name', 'Last Name', 'Email', 'Lifecycle Stage', 'Became a Marketing Qualified Lead Date', 'Became a Sales Qualified Lead Date'];
  const formatTime = (at: number | null): string => (at === null ? '' : formatHubspotTime(at));
  return renderHubspot([header, ...shuffle(plan.lifecycle, random).map((r) => [r.id, r.firstName, r.lastName, r.email, r.lifecycleStage, formatTime(r.mqlAt), formatTime(r.sqlAt)])]);
}

/** `howHeard`: the custom field "How did you hear about us?", copied from the buyer's form; empty when nobody filled it. */
export function renderOpportunitiesCsv(plan: RevenuePlan, random: Random, howHeard: Map<OpportunityRow, string>): string {
  const header = ['Opportunity ID', 'Opportunity Name', 'Account Name', 'Type', 'Lead Source', 'Stage', 'Amount', 'Created Date', 'Close Date', 'Opportunity Owner', 'How did you hear about us?'];
  return renderSalesforceReport([
    header,
    ...shuffle(plan.opportunities, random).map((o) => [
      o.id, o.name, o.account, o.type, o.leadSource, o.stage, formatSalesforceAmount({ currency: 'USD', cents: o.cents }),
      formatSalesforceTime(o.createdAt), toSalesforceDate(o.closeDate), o.owner, howHeard.get(o) ?? '',
    ]),
  ]);
}

/** Grouped by opportunity, as the "Opportunities with Contact Roles" report lists them; Primary is 1 or 0. */
export function renderContactRolesCsv(plan: RevenuePlan): string {
  const header = ['Opportunity ID', 'Opportunity Name', 'First Name', 'Last Name', 'Email', 'Contact Role', 'Primary'];
  const rows = [...plan.roles].sort((a, b) => (a.opportunity.name < b.opportunity.name ? -1 : a.opportunity.name > b.opportunity.name ? 1 : a.opportunity.id < b.opportunity.id ? -1 : a.opportunity.id > b.opportunity.id ? 1 : 0));
  return renderSalesforceReport([
    header,
    ...rows.map((r) => [r.idForm === '15' ? r.opportunity.id.slice(0, 15) : r.opportunity.id, r.opportunity.name, r.firstName, r.lastName, r.email, r.role, r.primary ? '1' : '0']),
  ]);
}

/** The lead conversions report: the lead as the leads report shows it, its Converted Date, the opportunity it became. */
export function renderConversionsCsv(plan: RevenuePlan, random: Random): string {
  const header = ['Lead ID', 'First Name', 'Last Name', 'Email', 'Company / Account', 'Converted Date', 'Converted Opportunity ID'];
  const writeOpportunityId = (c: RevenuePlan['conversions'][number]): string => (c.opportunity === null ? '' : c.idForm === '15' ? c.opportunity.id.slice(0, 15) : c.opportunity.id);
  return renderSalesforceReport([
    header,
    ...shuffle(plan.conversions, random).map((c) => [c.lead.id, c.lead.firstName, c.lead.lastName, c.lead.email, c.lead.company, toSalesforceDate(c.convertedDate), writeOpportunityId(c)]),
  ]);
}

function writeTaskDate(task: TaskRow): string {
  return 'at' in task.when ? formatSalesforceTime(task.when.at) : toSalesforceDate(task.when.date);
}

export function renderTasksCsv(plan: RevenuePlan, random: Random): string {
  const header = ['Activity ID', 'Subject', 'Type', 'Date', 'Email', 'Assigned', 'Status'];
  return renderSalesforceReport([header, ...shuffle(plan.tasks, random).map((t) => [t.id, t.subject, t.type, writeTaskDate(t), t.email, t.owner, 'Completed'])]);
}

/** Finance's sheet: plain CSV, no quotes, amounts with a decimal point and no grouping. */
export function renderSpendCsv(plan: RevenuePlan): string {
  const lines = plan.spend.map((s) => `${s.month},${s.channel},${(s.cents / 100).toFixed(2)}`);
  return ['Month,Channel,Amount', ...lines].join('\n') + '\n';
}
