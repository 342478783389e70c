// revenue.md's example contract, completed with the sources and metrics it names, for the revenue contract tests.

/** Every key of revenue.md's "Contract additions", on sources and metrics that exist; no reconcile (funnels make it optional). */
export const REVENUE_EXAMPLE = `contract: Acme Q3 2026 from first touch to revenue
version: 1
reporting:
  timezone: America/New_York
  period: { from: 2026-07-01, to: 2026-09-30 }
  currency: USD
sources:
  hubspot:
    system: marketing
    file: exports/hubspot_contacts.csv
    id: Record ID
    fields: { email: Email, mql_at: MQL Date }
  leads:
    system: sales
    file: exports/salesforce_leads.csv
    id: Lead ID
    fields: { email: Email, sql_at: SQL Date }
  opportunities:
    system: sales
    file: exports/opportunities.csv
    id: Opportunity ID
    fields: { amount: Amount, created_at: Created Date, close_date: Close Date, stage: Stage, lead_source: Lead Source, how_heard: How Heard }
  contact_roles:
    system: sales
    file: exports/opportunity_contact_roles.csv
    fields: { opportunity_id: Opportunity ID, email: Email, is_primary: Primary }
  touches:
    system: marketing
    file: exports/campaign_members.csv
    fields: { email: Email, touched_at: First Responded Date, channel: Channel, campaign: Campaign Name }
  tasks:
    system: sales
    file: exports/lead_activities.csv
    fields: { email: Email, done_at: Date, type: Task Type }
  spend:
    system: finance
    file: exports/marketing_spend.csv
    fields: { month: Month, channel: Channel, amount: Amount }
identity:
  key: email
metrics:
  MQL: { source: hubspot, date: mql_at }
  SQL: { source: leads, date: sql_at }
  Opportunity: { source: opportunities, date: created_at, value: amount }
  Won:
    source: opportunities
    date: close_date
    value: amount
    exclude:
      not_won: "stage <> 'Closed Won'"
  Lost:
    source: opportunities
    date: close_date
    value: amount
    exclude:
      not_lost: "stage <> 'Closed Lost'"

links:
  opportunity_people:
    source: contact_roles
    from: opportunity_id
    to: email
    normalize: { from: [trim, salesforce_id], to: [trim, lowercase, strip_plus_tag] }
    primary: "is_primary = 'true'"

funnels:
  - name: Q3 MQLs to revenue
    cohort: MQL
    key: email
    stages:
      - { metric: SQL }
      - { metric: Opportunity, via: opportunity_people }
      - { metric: Won, via: opportunity_people }
    window: 270 days

touches:
  source: touches
  key: email
  date: touched_at
  channel: channel
  campaign: campaign
  marketing_channels: [Paid Search, Paid Social, Email, Webinar, Content, Events, Organic Search]

attribution:
  - name: Q3 pipeline by channel
    opportunities: Opportunity
    via: opportunity_people
    people: all
    lookback: 365 days
    models: [first_touch, last_touch, linear, u_shaped, w_shaped, time_decay, self_reported]
    time_decay: { half_life: 7 days }
    w_shaped: { milestone: MQL }
    self_reported: { field: how_heard, map: { "Google": Paid Search, "A friend": Referral } }
    sourced:
      crm: "lead_source IN ('Web', 'Paid Search', 'Webinar', 'Email')"
      touches: first_touch

shared_metrics:
  period_metric: Won
  lost: Lost
  opportunities: Opportunity
  sourced_by: Q3 pipeline by channel
  win_rate_by: lead_source
  spend: { source: spend, date: month, value: amount, channel: channel }
  sla:
    - name: Speed to lead
      from: MQL
      to: { source: tasks, key: email, date: done_at, where: "type IN ('Call', 'Email')" }
      within: 24 hours
`;
