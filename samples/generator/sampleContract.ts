// The sample's metrics contract, written next to the exports it reads.

export const SAMPLE_CONTRACT = `# Acme Corp, Q3 2026: do marketing's MQLs and sales' CRM leads tell the same story?
# The sample investigation shipped with Recon Workbench, written by samples/generate.ts together
# with the exports it reads: change the generator, not this file. samples/README.md tells the stories.
contract: Acme Q3 2026 MQL to CRM lead reconciliation
version: 7
owner: Revenue Operations
signed_off_by: [VP Marketing, VP Sales]

reporting:
  # The board counts quarters on head-office time: a record belongs to the quarter of its
  # calendar date in New York, whatever zone its export was written in.
  timezone: America/New_York
  period: { from: 2026-07-01, to: 2026-09-30 }

sources:
  hubspot:
    system: marketing
    file: exports/hubspot_contacts.csv
    # HubSpot writes export timestamps in UTC without saying so: 2026-10-01 02:30 is still
    # September 30 in New York.
    timezone: UTC
    # HubSpot's own contact id, so every number of the bridge opens to records people can look up.
    id: Record ID
    fields:
      email: Email
      first_name: First Name
      last_name: Last Name
      company: Company Name
      lifecycle_stage: Lifecycle Stage
      lead_status: Lead Status
      original_source: Original Source
      created_at: Create Date
      # The MQL metric's anchor: when the contact became an MQL, not when it was created.
      mql_at: Became a Marketing Qualified Lead Date
  salesforce:
    system: sales
    # The formatted report export: title rows and a blank row above the header, and a second sheet
    # (Report Info) about the run. exports/salesforce_leads.csv holds the same rows as a
    # "details only" export with Salesforce's footer; pointing file at it gives the same bridge.
    file: exports/salesforce_leads.xlsx
    sheet: Leads Report
    # The report ran for a user whose Salesforce time zone is Pacific: Create Date is LA wall time,
    # so 9/30/2026 9:30 PM is already October 1 in New York.
    timezone: America/Los_Angeles
    id: Lead ID
    fields:
      email: Email
      first_name: First Name
      last_name: Last Name
      company: Company / Account
      lead_source: Lead Source
      lead_status: Lead Status
      created_at: Create Date
      owner: Lead Owner

identity:
  # One person is one e-mail address however it is written: ' Jane.Doe+webinar@X.com' is jane.doe@x.com.
  # gmail_dots is left out on purpose: marketing and sales have not agreed that jo.ann and joann are one person.
  key: email
  normalize: [trim, lowercase, strip_plus_tag]

metrics:
  MQL:
    source: hubspot
    # An MQL counts in the quarter it became an MQL.
    date: mql_at
    exclude:
      # Our own people: an @acmecorp.com address, or a contact whose company is Acme Corp.
      internal: "lower(trim(email)) LIKE '%@acmecorp.com' OR company = 'Acme Corp'"
      # Form tests: addresses that start with "test", or at example.com / example.org.
      test: "lower(trim(email)) LIKE 'test%@%' OR lower(trim(email)) LIKE '%@example.%'"
      # Only contacts now at MQL or beyond count; a contact set back to Lead is no longer an MQL.
      not_mql: "lifecycle_stage NOT IN ('Marketing Qualified Lead', 'Sales Qualified Lead', 'Opportunity', 'Customer')"
    # A person who qualified twice counts once, in the quarter of the first qualification.
    dedupe: { keep: earliest }
  CRM Lead:
    source: salesforce
    # A CRM lead counts in the quarter the CRM created it.
    date: created_at
    exclude:
      # Written over the original column name (in double quotes), which a rule may use too.
      disqualified: '"Lead Status" = ''Disqualified'''
      # Partner-sourced leads are credited to the partner team, not to sales.
      partner: "lead_source = 'Partner Referral'"
      # The same test as marketing's, over the CRM's own company field.
      internal: "lower(trim(email)) LIKE '%@acmecorp.com' OR company = 'Acme Corp'"
      # No test rule yet: three form tests are CRM leads this quarter (see the README).
    dedupe: { keep: earliest }

reconcile:
  - name: MQLs vs CRM leads
    left: MQL
    right: CRM Lead
`;
