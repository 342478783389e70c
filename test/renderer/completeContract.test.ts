// The contract editor's completion on the sample contract: keys per level, and the names that exist where a value names something.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CompletionContext } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { completeContract } from '../../renderer/components/contractEditor/completeContract';
import { sourceColumns } from '../../renderer/components/contractEditor/sourceColumns';

const SAMPLE = readFileSync(path.join(import.meta.dirname, '../../samples/acme-q3-2026.recon.yaml'), 'utf8');
const COLUMNS = { hubspot: ['Record ID', 'Email', 'Create Date', 'Lead Status'], salesforce: ['Lead ID', 'Email', 'Lead Source', 'Company / Account'] };

/** The sample with `before` replaced by `after`, where `|` in `after` is the cursor; the labels offered there (with what each writes). */
function complete(before: string, after: string, explicit = false) {
  expect(SAMPLE, `the sample holds ${JSON.stringify(before)}`).toContain(before);
  const edited = SAMPLE.replace(before, after.replace('|', ''));
  const pos = SAMPLE.indexOf(before) + after.indexOf('|');
  const state = EditorState.create({ doc: edited, extensions: [sourceColumns.of(COLUMNS)] });
  const result = completeContract(new CompletionContext(state, pos, explicit));
  return {
    labels: result?.options.map((o) => o.label) ?? [],
    apply: (label: string) => result?.options.find((o) => o.label === label)?.apply,
    typed: result ? edited.slice(result.from, pos) : null,
  };
}

describe('completeContract', () => {
  it("offers the source names after a metric's source:", () => {
    const offered = complete('  MQL:\n    source: hubspot\n', '  MQL:\n    source: |\n', true);
    expect(offered.labels).toEqual(['hubspot', 'salesforce', 'hubspot_lifecycle', 'opportunities', 'contact_roles', 'lead_conversions', 'tasks', 'spend', 'campaign_members']);
  });

  it("offers the metric's source's canonical fields after date:, and only that source's", () => {
    const offered = complete('    # An MQL counts in the quarter it became an MQL.\n    date: mql_at\n', '    # An MQL counts in the quarter it became an MQL.\n    date: mq|\n');
    expect(offered.typed).toBe('mq');
    expect(offered.labels).toContain('mql_at');
    expect(offered.labels).toContain('lifecycle_stage');
    expect(offered.labels).not.toContain('lead_source');
  });

  it("offers the export's column headers as a source field's value, quoted when YAML needs it", () => {
    const hubspot = complete('      email: Email\n      first_name: First Name\n      last_name: Last Name\n      company: Company Name\n', '      email: |\n      first_name: First Name\n      last_name: Last Name\n      company: Company Name\n', true);
    expect(hubspot.labels).toEqual(COLUMNS.hubspot);
    const salesforce = complete('      company: Company / Account\n      lead_source: Lead Source\n', '      company: Com|\n      lead_source: Lead Source\n');
    expect(salesforce.labels).toEqual(COLUMNS.salesforce);
    expect(salesforce.apply('Company / Account')).toBe('Company / Account');
    expect(salesforce.typed).toBe('Com');
  });

  it('offers canonical field names as keys inside fields:', () => {
    const offered = complete('      owner: Lead Owner\n', '      owner: Lead Owner\n      fi|\n');
    expect(offered.labels).toContain('first_name');
    expect(offered.apply('first_name')).toBe('first_name: ');
  });

  it('offers the keys of each level: top, reporting, a source, a reconcile item, an attribution entry', () => {
    expect(complete('\nreconcile:\n', '\nre|\nreconcile:\n').labels).toEqual(expect.arrayContaining(['reporting', 'reconcile', 'links', 'funnels', 'shared_metrics']));
    expect(complete('  currency: USD\n', '  currency: USD\n  |\n', true).labels).toEqual(['timezone', 'period', 'currency', 'rates']);
    expect(complete('    sheet: Leads Report\n', '    sheet: Leads Report\n    da|\n').labels).toEqual(['system', 'file', 'sheet', 'timezone', 'id', 'fields', 'date_format', 'decimal']);
    expect(complete('    right: CRM Lead\n', '    right: CRM Lead\n    m|\n').labels).toEqual(['name', 'left', 'right', 'match', 'compare']);
    const attribution = complete('    people: primary\n', '    people: primary\n    t|\n');
    expect(attribution.labels).toContain('time_decay');
    expect(attribution.apply('time_decay')).toBe('time_decay:');
    expect(attribution.apply('lookback')).toBe('lookback: ');
  });

  it("offers metric names after a funnel stage's metric: in a flow mapping, and keys inside it", () => {
    const offered = complete('      - { metric: SQL }\n', '      - { metric: S| }\n');
    expect(offered.labels).toEqual(['MQL', 'CRM Lead', 'SQL', 'Opportunity', 'Won', 'Lost']);
    expect(offered.apply('CRM Lead')).toBe('CRM Lead');
    expect(complete('      - { metric: SQL }\n', '      - { metric: SQL, v| }\n').labels).toEqual(['metric', 'via']);
    expect(complete('      - { metric: Opportunity, via: opportunity_people }\n', '      - { metric: Opportunity, via: | }\n', true).labels).toEqual(['opportunity_people', 'converted_leads']);
  });

  it('offers normalizers inside a flow list and the left metric\'s fields for match.left', () => {
    expect(complete('  normalize: [trim, lowercase, strip_plus_tag]\n', '  normalize: [trim, lo|]\n').labels).toContain('lowercase');
    const match = complete('    right: CRM Lead\n', '    right: CRM Lead\n    match: { left: |, right: email }\n', true);
    expect(match.labels).toContain('mql_at');
    expect(match.labels).not.toContain('owner');
  });

  it("offers the metric's source's fields, its columns as quoted identifiers and functions inside a rule's SQL", () => {
    const double = complete(`      partner: "lead_source = 'Partner Referral'"\n`, `      partner: "lead_source = 'Partner Referral' OR lo|"\n`);
    expect(double.typed).toBe('lo');
    expect(double.labels).toEqual(expect.arrayContaining(['lead_source', 'owner', 'Lead Source', 'lower', 'OR']));
    expect(double.labels).not.toContain('mql_at');
    expect(double.apply('Lead Source')).toBe('\\"Lead Source\\"');
    expect(double.apply('lower')).toBe('lower(');
    const single = complete(`      disqualified: '"Lead Status" = ''Disqualified'''\n`, `      disqualified: 'Le|'\n`);
    expect(single.apply('Lead ID')).toBe('"Lead ID"');
  });

  it('stays quiet on a bare indent or after `key: ` until asked, in a comment and for a free-text value', () => {
    expect(complete('  currency: USD\n', '  currency: USD\n  |\n').labels).toEqual([]);
    expect(complete('  MQL:\n    source: hubspot\n', '  MQL:\n    source: |\n').labels).toEqual([]);
    expect(complete('  currency: USD\n', '  currency: USD # so|\n').labels).toEqual([]);
    expect(complete('owner: Revenue Operations\n', 'owner: Rev|\n').labels).toEqual([]);
  });
});
