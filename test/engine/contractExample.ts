// The example contract of spec/contract.md, verbatim, and the same contract completed with its sales side.

/** Copied verbatim from spec/contract.md (it names a 'CRM Lead' metric that the example leaves out). */
export const SPEC_EXAMPLE = `contract: Acme Q3 2026 MQL to CRM lead reconciliation   # required: title shown on every screen and report
version: 7                                              # required: string or number, printed on every report
owner: Revenue Operations                               # optional
signed_off_by: [VP Marketing, VP Sales]                 # optional

reporting:
  timezone: America/New_York          # IANA name; default UTC. Periods are calendar dates in this zone.
  period: { from: 2026-07-01, to: 2026-09-30 }   # required; both dates inclusive

sources:                              # required: one entry per export file
  hubspot:                            # source name: letters, digits, _ and spaces
    system: marketing                 # required: marketing | sales | finance | other
    file: exports/hubspot_contacts.csv   # required: path relative to the contract file
    sheet: Contacts                   # .xlsx only: sheet name or 1-based index; default the first sheet
    timezone: UTC                     # how timestamps WITHOUT an offset in this file are read; default reporting.timezone
    id: Record ID                     # column whose value identifies a row; default: the 1-based data row number
    fields:                           # canonical name: column header in the file (matched ignoring case and surrounding spaces)
      email: Email
      lifecycle_stage: Lifecycle Stage
      mql_at: Became a Marketing Qualified Lead Date

identity:
  key: email                          # required: canonical field that says two rows are the same person
  normalize: [trim, lowercase, strip_plus_tag]   # default [trim, lowercase]; also: gmail_dots, digits_only

metrics:                              # required
  MQL:                                # metric name: any text
    source: hubspot                   # required
    date: mql_at                      # required: canonical field that anchors the record to a period
    exclude:                          # optional, ordered: a record is removed by the FIRST rule it matches
      internal: "lower(trim(email)) LIKE '%@acmecorp.com'"
      not_mql: "lifecycle_stage NOT IN ('Marketing Qualified Lead', 'Customer')"
    dedupe: { keep: earliest }        # earliest | latest (by the metric's date) | first_row; default earliest

reconcile:                            # required: one bridge per entry
  - name: MQLs vs CRM leads
    left: MQL                         # usually the marketing metric
    right: CRM Lead                   # usually the sales metric
`;

const SALES_SOURCE = `  salesforce:
    system: sales
    file: exports/salesforce_leads.csv
    date_format: DD/MM/YYYY
    fields:
      email: Email
      lead_created_at: Created Date
      lead_status: Lead Status
`;

const SALES_METRIC = `  CRM Lead:
    source: salesforce
    date: lead_created_at
    exclude:
      disqualified: '"Lead Status" = ''Disqualified'''
    dedupe: { keep: latest }
`;

function insertAfter(text: string, line: string, addition: string): string {
  const at = text.indexOf(line);
  if (at < 0 || text.indexOf(line, at + 1) >= 0) throw new Error(`fixture line not found once: ${line}`);
  const end = text.indexOf('\n', at) + 1;
  return text.slice(0, end) + addition + text.slice(end);
}

/** The spec's example plus a sales source and the 'CRM Lead' metric its reconcile entry names. */
export const FULL_EXAMPLE = insertAfter(
  insertAfter(SPEC_EXAMPLE, '      mql_at: Became a Marketing Qualified Lead Date', SALES_SOURCE),
  '    dedupe: { keep: earliest }',
  SALES_METRIC,
);

/** 1-based line of the one line of `text` that contains `fragment`. */
export function lineOf(text: string, fragment: string): number {
  const lines = text.split('\n');
  const found = lines.flatMap((line, index) => (line.includes(fragment) ? [index + 1] : []));
  if (found.length !== 1) throw new Error(`expected one line with '${fragment}', found ${found.length}`);
  return found[0] as number;
}

/** `text` with `from` (which must occur exactly once) replaced by `to`. */
export function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`fixture text not found once: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}
