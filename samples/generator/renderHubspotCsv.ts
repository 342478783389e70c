// The HubSpot contacts export: UTF-8, every field quoted, LF line ends, timestamps as UTC wall time.
import type { HubspotRecord, Placed } from './plannedRecords';
import { formatHubspotTime } from './wallTime';

export const HUBSPOT_COLUMNS = [
  'Record ID', 'First Name', 'Last Name', 'Email', 'Company Name', 'Lifecycle Stage', 'Lead Status',
  'Original Source', 'Create Date', 'Became a Marketing Qualified Lead Date',
];

export function quoteCsvField(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

export function renderHubspotCsv(records: Placed<HubspotRecord>[]): string {
  const lines = [HUBSPOT_COLUMNS, ...records.map((r) => [
    r.id, r.firstName, r.lastName, r.email, r.company, r.lifecycleStage, r.leadStatus, r.originalSource,
    formatHubspotTime(r.createdAt), r.mqlAt === null ? (r.mqlText ?? '') : formatHubspotTime(r.mqlAt),
  ])];
  return lines.map((fields) => fields.map(quoteCsvField).join(',')).join('\n') + '\n';
}
