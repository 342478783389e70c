// The sample's metrics contract, written next to the exports it reads.
import { SOURCED_BY_MODEL } from './attribution/buildExpectedAttribution';
import { REVENUE_MODELS } from './attribution/listEntryReadings';
import { ATTRIBUTION_NAME, HALF_LIFE_DAYS, HOW_HEARD_MAP, LOOKBACK_DAYS, MARKETING_CHANNELS, REVENUE_ATTRIBUTION_NAME } from './attribution/touchRecords';
import { MARKETING_LEAD_SOURCES, SLA_NAME } from './revenue/buildExpectedMetrics';
import { WINDOW_DAYS } from './revenue/createRevenueKit';
import { LEAD_FUNNEL, MQL_FUNNEL } from './revenue/revenueRecords';

/** The contract's title and version, as `recon metrics` prints them. */
export const SAMPLE_CONTRACT_TITLE = { title: 'Acme Q3 2026 MQL to CRM lead reconciliation', version: '7' };

export const SAMPLE_CONTRACT = `# Acme Corp, Q3 2026: do marketing's MQLs and sales' CRM leads tell the same story, and what did the
# quarter's MQLs become? The sample investigation shipped with Recon Workbench, written by
# samples/generate.ts together with the exports it reads: change the generator, not this file.
# samples/README.md tells the stories.
contract: ${SAMPLE_CONTRACT_TITLE.title}
version: ${SAMPLE_CONTRACT_TITLE.version}
owner: Revenue Operations
signed_off_by: [VP Marketing, VP Sales]

reporting:
  # The board counts quarters on head-office time: a record belongs to the quarter of its
  # calendar date in New York, whatever zone its export was written in.
  timezone: America/New_York
  period: { from: 2026-07-01, to: 2026-09-30 }
  # Opportunity amounts and the spend sheet are in dollars.
  currency: USD

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
  hubspot_lifecycle:
    system: marketing
    # A saved HubSpot view of the contacts that have a Sales Qualified Lead date (same Record IDs as
    # hubspot_contacts.csv), exported as a second file so the contacts export stays as it was.
    file: exports/hubspot_contact_lifecycle.csv
    timezone: UTC
    id: Record ID
    fields:
      email: Email
      first_name: First Name
      last_name: Last Name
      lifecycle_stage: Lifecycle Stage
      mql_at: Became a Marketing Qualified Lead Date
      sql_at: Became a Sales Qualified Lead Date
  opportunities:
    system: sales
    # Opportunities report, "details only": Created Date in Los Angeles time, Close Date a date.
    file: exports/salesforce_opportunities.csv
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
      # A custom field copied from the buyer's demo form; free text, typed any way.
      how_heard: How did you hear about us?
  contact_roles:
    system: sales
    # "Opportunities with Contact Roles": one row per person on a deal. Some rows carry the
    # 15-character opportunity id of a URL; Primary is 1 or 0.
    file: exports/salesforce_contact_roles.csv
    fields:
      opportunity_id: Opportunity ID
      email: Email
      role: Contact Role
      is_primary: Primary
  lead_conversions:
    system: sales
    # Converted leads: the date and, when the conversion created one, the opportunity (15 or 18 characters).
    file: exports/salesforce_lead_conversions.csv
    id: Lead ID
    fields:
      email: Email
      converted_date: Converted Date
      converted_opportunity_id: Converted Opportunity ID
  tasks:
    system: sales
    # Completed activities on leads and contacts. Reps log some calls with a date and no time.
    file: exports/salesforce_tasks.csv
    timezone: America/Los_Angeles
    id: Activity ID
    fields:
      email: Email
      subject: Subject
      type: Type
      done_at: Date
  spend:
    system: finance
    # Finance's sheet of marketing spend, one row per month (2026-07) and channel.
    file: exports/marketing_spend.csv
    fields:
      month: Month
      channel: Channel
      amount: Amount
  campaign_members:
    system: marketing
    # Salesforce "Campaigns with Campaign Members": one row per person and campaign. Channel is a custom
    # field of the campaign (the standard Campaign Type is too coarse to credit). First Responded Date is a
    # date with no time, empty for members who were only sent the campaign; no member id in this report.
    file: exports/salesforce_campaign_members.csv
    fields:
      campaign: Campaign Name
      campaign_type: Campaign Type
      channel: Channel
      member_type: Member Type
      status: Member Status
      email: Email
      responded_on: First Responded Date

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
  SQL:
    source: hubspot_lifecycle
    # A funnel stage: read without its period, so an October SQL still counts for a September MQL.
    date: sql_at
  Opportunity:
    source: opportunities
    # Pipeline counts in the quarter the opportunity was created.
    date: created_at
    value: amount
    exclude:
      # New business only: upsells and renewals of existing customers are not marketing's to claim.
      renewal: "opportunity_type = 'Existing Business'"
  Won:
    source: opportunities
    # Revenue counts in the quarter the deal closed.
    date: close_date
    value: amount
    exclude:
      renewal: "opportunity_type = 'Existing Business'"
      not_won: "stage <> 'Closed Won'"
  Lost:
    source: opportunities
    date: close_date
    value: amount
    exclude:
      renewal: "opportunity_type = 'Existing Business'"
      not_lost: "stage <> 'Closed Lost'"

reconcile:
  - name: MQLs vs CRM leads
    left: MQL
    right: CRM Lead

links:
  # Who is on which deal: an opportunity reaches the people its contact roles name, primary or not.
  opportunity_people:
    source: contact_roles
    from: opportunity_id
    to: email
    normalize: { from: [trim, salesforce_id], to: [trim, lowercase, strip_plus_tag] }
    primary: "is_primary = '1'"
  # The opportunity a lead was converted into: what the CRM's own lead funnel goes by.
  converted_leads:
    source: lead_conversions
    from: converted_opportunity_id
    to: email
    normalize: { from: [trim, salesforce_id], to: [trim, lowercase, strip_plus_tag] }

funnels:
  # Of the quarter's MQLs, who became an SQL, an opportunity and a won deal within 90 days of the MQL date.
  - name: ${MQL_FUNNEL}
    cohort: MQL
    key: email
    stages:
      - { metric: SQL }
      - { metric: Opportunity, via: opportunity_people }
      - { metric: Won, via: opportunity_people }
    window: ${WINDOW_DAYS} days
  # The same question from the CRM's side: of the quarter's CRM leads, which were converted into an
  # opportunity, and which into a won deal. Sales' own prospects are in this cohort; contact roles are not used.
  - name: ${LEAD_FUNNEL}
    cohort: CRM Lead
    key: email
    stages:
      - { metric: Opportunity, via: converted_leads }
      - { metric: Won, via: converted_leads }
    window: ${WINDOW_DAYS} days

touches:
  # Every campaign response in Salesforce, credited to its campaign's Channel. A response date stands for the
  # end of its day in New York: a response on the day a deal opened comes after it.
  source: campaign_members
  key: email
  date: responded_on
  channel: channel
  campaign: campaign
  # SDR sequences (Sales Outreach) and partner referrals are campaigns too, but not marketing's: they take
  # credit, yet make no deal influenced or sourced.
  marketing_channels: [${MARKETING_CHANNELS.join(', ')}]

attribution:
  # Which channels the quarter's pipeline came from: every opportunity created in the quarter, credited to
  # the touches of everyone on its contact roles in the ${LOOKBACK_DAYS} days before it opened.
  - name: ${ATTRIBUTION_NAME}
    opportunities: Opportunity
    via: opportunity_people
    # A buyer's colleagues research too: pool the touches of every contact role, primary or not.
    people: all
    # Our sales cycle from first response to opportunity is under a quarter.
    lookback: ${LOOKBACK_DAYS} days
    models: [first_touch, last_touch, linear, u_shaped, w_shaped, time_decay, self_reported]
    # A response a week before the deal weighs half as much as one on its eve.
    time_decay: { half_life: ${HALF_LIFE_DAYS} days }
    # The middle of the W: the last touch by the time the person became an MQL.
    w_shaped: { milestone: MQL }
    self_reported:
      field: how_heard
      # The demo form's answers, looked up trimmed and ignoring case; any other answer is its own channel.
      map:
${HOW_HEARD_MAP.map(([text, channel]) => `        ${text}: ${channel}`).join('\n')}
    sourced:
      # The CRM's rule: the lead sources marketing owns.
      crm: "lead_source IN (${MARKETING_LEAD_SOURCES.map((s) => `'${s}'`).join(', ')})"
      # The touches' rule: the first touch in the lookback is on a marketing channel.
      touches: ${SOURCED_BY_MODEL}
  # Which channels the quarter's revenue came from: the deals won in the quarter, credited to the touches of
  # their primary contacts in the ${LOOKBACK_DAYS} days before the close (a date: the end of that day), so
  # responses after a deal opened count here. Sourced deals are decided by the pipeline entry above.
  - name: ${REVENUE_ATTRIBUTION_NAME}
    opportunities: Won
    via: opportunity_people
    # The buyer who signed: a deal's primary contact roles, or every role when none is marked primary.
    people: primary
    lookback: ${LOOKBACK_DAYS} days
    models: [${REVENUE_MODELS.join(', ')}]
    time_decay: { half_life: ${HALF_LIFE_DAYS} days }

shared_metrics:
  period_metric: Won
  lost: Lost
  opportunities: Opportunity
  win_rate_by: lead_source
  # The spend sheet's own cost, marketing only: the CAC is not fully loaded. By channel, each channel's
  # spend over the won deals whose first touch is on it.
  spend: { source: spend, date: month, value: amount, channel: channel }
  sla:
    # Sales agreed to call or e-mail every MQL within a day of it becoming one.
    - name: ${SLA_NAME}
      from: MQL
      to: { source: tasks, key: email, date: done_at, where: "type IN ('Call', 'Email')" }
      within: 24 hours
`;
