// The pipeline sample's metrics contract (money.md), written next to the exports it reads.
import { STAGE_MAP } from './stageMap';

const stageMap = Object.entries(STAGE_MAP).map(([id, name]) => `          ${id}: ${name}`).join('\n');

export const PIPELINE_CONTRACT = `# Acme Corp, Q3 2026: does the pipeline marketing sourced add up to what sales has, and what sales
# booked to what finance invoiced? The second sample investigation shipped with Recon Workbench, written
# by samples/generate.ts with the exports it reads: change the generator, not this file.
# samples/README.md tells the stories planted in it.
contract: Acme Q3 2026 pipeline and bookings reconciliation
version: 1
owner: Revenue Operations
signed_off_by: [VP Marketing, VP Sales, CFO]

reporting:
  # A deal belongs to the quarter of its calendar date in New York, whatever zone its export was written in.
  timezone: America/New_York
  period: { from: 2026-07-01, to: 2026-09-30 }
  # Every amount is reported in USD; EUR amounts convert at the rate finance closed the quarter with,
  # rounded to cents record by record before anything is summed.
  currency: USD
  rates: { EUR: 1.085 }

sources:
  hubspot_deals:
    system: marketing
    file: exports/hubspot_deals.csv
    # HubSpot writes export timestamps in UTC: 2026-10-01 03:30 is still September 30 in New York.
    timezone: UTC
    id: Record ID
    fields:
      deal_name: Deal Name
      # HubSpot's internal stage ids (closedwon, contractsent), not the labels shown in HubSpot.
      stage: Deal Stage
      amount: Amount
      created_at: Create Date
      close_date: Close Date
      original_source: Original Source
      # Filled by the Salesforce sync (18 characters) or by hand (often the 15 characters of a URL).
      sf_opportunity_id: Salesforce Opportunity ID
  salesforce_opportunities:
    system: sales
    # A "details only" report export of a multi-currency org: each amount's ISO code sits in the
    # column before it (Amount Currency), and Salesforce's footer follows the rows.
    file: exports/salesforce_opportunities.csv
    # The report ran for a user whose Salesforce time zone is Pacific.
    timezone: America/Los_Angeles
    id: Opportunity ID
    fields:
      opportunity_name: Opportunity Name
      account: Account Name
      opportunity_type: Type
      lead_source: Lead Source
      stage: Stage
      amount: Amount
      created_at: Created Date
      close_date: Close Date
      owner: Opportunity Owner
  finance_invoice_lines:
    system: finance
    # The ERP's invoice-lines export: semicolons, European amounts (1.234,56), credit notes as negative
    # lines, and a currency code or sign on every EUR amount (a bare amount is USD).
    file: exports/finance_invoice_lines.csv
    id: Line ID
    fields:
      invoice: Invoice No
      invoice_date: Invoice Date
      customer: Customer
      opportunity_ref: Opportunity Ref
      line_type: Line Type
      description: Description
      amount: Amount

metrics:
  HubSpot sourced pipeline:
    source: hubspot_deals
    # Pipeline counts in the quarter the deal was created.
    date: created_at
    value: amount
    exclude:
      # Deals created to try out workflows.
      test_deal: "lower(deal_name) LIKE 'test%'"
      # Sales-entered deals are not marketing-sourced pipeline.
      offline: "original_source = 'Offline Sources'"
    # A deal created twice for one opportunity counts once, as first created, with its own amount.
    dedupe: { keep: earliest }
  CRM pipeline:
    source: salesforce_opportunities
    date: created_at
    value: amount
    exclude:
      # Renewals are not new pipeline; partner-referred deals are credited to the partner team.
      renewal: "opportunity_type = 'Renewal'"
      partner: "lead_source = 'Partner Referral'"
  CRM booked revenue:
    source: salesforce_opportunities
    # Bookings count in the quarter the opportunity closed.
    date: close_date
    value: amount
    exclude:
      not_won: "stage <> 'Closed Won'"
  Invoiced revenue:
    source: finance_invoice_lines
    date: invoice_date
    value: amount
    exclude:
      # Tax collected is not revenue.
      vat: "line_type = 'VAT'"
      # Sales to our own subsidiary are eliminated in consolidation.
      intercompany: "customer LIKE 'Acme Corp%'"
    # The lines of one order (invoices, instalments, credit notes) are one booking, dated by its first
    # line and worth the sum of all of them.
    dedupe: { keep: earliest, values: sum }

reconcile:
  - name: Sourced pipeline
    left: HubSpot sourced pipeline
    right: CRM pipeline
    match: { left: sf_opportunity_id, right: id, normalize: [trim, salesforce_id] }
    compare:
      value: { tolerance: 0.01 }
      stage:
        map:
${stageMap}
      close_date: { tolerance: 0 days }
  - name: Booked revenue
    left: CRM booked revenue
    right: Invoiced revenue
    match: { left: id, right: opportunity_ref, normalize: [trim, salesforce_id] }
    compare:
      # Finance may round, discount or convert at the day's rate: within 1% the booking agrees.
      value: { tolerance: "1%" }
`;
