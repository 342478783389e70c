// The three exports of the pipeline sample: HubSpot deals, the Salesforce opportunities report, finance's invoice lines.
import { quoteCsvField } from '../renderHubspotCsv';
import { SALESFORCE_FOOTER } from '../renderSalesforceFiles';
import { formatHubspotTime, formatSalesforceTime } from '../wallTime';
import { formatFinanceAmount, formatHubspotAmount, formatSalesforceAmount } from './formatAmount';
import type { PlacedPipeline } from './pipelineRecords';

const DEAL_COLUMNS = ['Record ID', 'Deal Name', 'Deal Stage', 'Pipeline', 'Amount', 'Create Date', 'Close Date', 'Original Source', 'Salesforce Opportunity ID'];
const OPPORTUNITY_COLUMNS = [
  'Opportunity ID', 'Opportunity Name', 'Account Name', 'Type', 'Lead Source', 'Stage', 'Amount Currency', 'Amount', 'Created Date', 'Close Date', 'Opportunity Owner',
];
const LINE_COLUMNS = ['Line ID', 'Invoice No', 'Invoice Date', 'Customer', 'Opportunity Ref', 'Line Type', 'Description', 'Amount'];

/** `2026-09-30` as a US report writes a date: `9/30/2026`. */
function formatUsDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${month}/${day}/${year}`;
}

/** `2026-09-30` as a European ERP writes it: `30.09.2026`. */
function formatEuropeanDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

/** HubSpot's deals export: UTF-8, every field quoted, LF line ends, timestamps as UTC wall time. */
export function renderDealsCsv(placed: PlacedPipeline): string {
  const rows = placed.deals.map((d) => [
    d.id, d.name, d.stage, 'Sales Pipeline', formatHubspotAmount(d.amount),
    d.createdAt === null ? (d.createdText ?? '') : formatHubspotTime(d.createdAt), formatHubspotTime(d.closeAt), d.originalSource, placed.refText.get(d) ?? '',
  ]);
  return [DEAL_COLUMNS, ...rows].map((fields) => fields.map(quoteCsvField).join(',')).join('\n') + '\n';
}

/** Salesforce's "details only" export: CRLF, every field quoted, Los Angeles wall time, then its footer. */
export function renderOpportunitiesCsv(placed: PlacedPipeline): string {
  const rows = placed.opportunities.map((o) => [
    o.id, o.name, o.account, o.type, o.leadSource, o.stage, 'currency' in o.amount ? o.amount.currency : 'USD', formatSalesforceAmount(o.amount),
    o.createdAt === null ? '' : formatSalesforceTime(o.createdAt), formatUsDate(o.closeDate), o.owner,
  ]);
  const lines = [OPPORTUNITY_COLUMNS, ...rows].map((fields) => fields.map(quoteCsvField).join(','));
  return [...lines, '', ...SALESFORCE_FOOTER.map(quoteCsvField)].join('\r\n') + '\r\n';
}

/** Quotes a field only when it holds the delimiter, a quote or a line break, as most ERPs do. */
function quoteWhenNeeded(field: string): string {
  return /[;"\r\n]/.test(field) ? quoteCsvField(field) : field;
}

/** The ERP's export: UTF-8 with a byte order mark, semicolons, CRLF, dates DD.MM.YYYY, European amounts. */
export function renderInvoiceLinesCsv(placed: PlacedPipeline): string {
  const rows = placed.lines.map((l) => [
    l.id, l.invoice, l.invoiceDate === null ? (l.invoiceDateText ?? '') : formatEuropeanDate(l.invoiceDate), l.customer,
    placed.refText.get(l) ?? '', l.lineType, l.description, formatFinanceAmount(l.amount),
  ]);
  return `\uFEFF${[LINE_COLUMNS, ...rows].map((fields) => fields.map(quoteWhenNeeded).join(';')).join('\r\n')}\r\n`;
}
