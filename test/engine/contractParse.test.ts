// parseContract / loadContract: the spec's example, defaults, and one specific error per kind of mistake.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Contract } from '../../shared/contractTypes';
import { ContractError } from '../../electron/engine/contract/ContractError';
import { loadContract } from '../../electron/engine/contract/loadContract';
import { parseContract } from '../../electron/engine/contract/parseContract';
import { UserError } from '../../electron/engine/UserError';
import { FULL_EXAMPLE, SPEC_EXAMPLE, edit, lineOf } from './contractExample';

const LABEL = 'deals/q3.yaml';

/** Parses `text`, expecting a ContractError; returns it. */
function expectProblems(text: string): ContractError {
  try {
    parseContract(text, LABEL);
  } catch (error) {
    expect(error).toBeInstanceOf(ContractError);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).not.toContain('\n');
    return error as ContractError;
  }
  throw new Error('expected the contract to be refused');
}

/** Expects exactly one problem, and checks its whole one-line message. */
function expectOneProblem(text: string, line: number, key: string, message: string): void {
  const error = expectProblems(text);
  expect(error.issues).toEqual([{ line, key, message }]);
  expect(error.message).toBe(`${LABEL}:${line}: ${key}: ${message}`);
}

describe('the example contract of spec/contract.md', () => {
  it('loads from a file and parses to the contract it describes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-'));
    const file = path.join(dir, 'acme.yaml');
    fs.writeFileSync(file, FULL_EXAMPLE);
    const loaded = await loadContract(file);
    expect(loaded.text).toBe(FULL_EXAMPLE);
    expect(loaded.path).toBe(file);
    expect(loaded.dir).toBe(dir);
    const at = (fragment: string) => lineOf(FULL_EXAMPLE, fragment);
    const expected: Contract = {
      title: 'Acme Q3 2026 MQL to CRM lead reconciliation',
      version: '7',
      owner: 'Revenue Operations',
      signedOffBy: ['VP Marketing', 'VP Sales'],
      reporting: { timezone: 'America/New_York', from: '2026-07-01', to: '2026-09-30', rates: {} },
      sources: [
        {
          name: 'hubspot',
          system: 'marketing',
          file: 'exports/hubspot_contacts.csv',
          sheet: 'Contacts',
          timezone: 'UTC',
          id: 'Record ID',
          fields: { email: 'Email', lifecycle_stage: 'Lifecycle Stage', mql_at: 'Became a Marketing Qualified Lead Date' },
          line: at('  hubspot:'),
          fileLine: at('file: exports/hubspot_contacts.csv'),
          idLine: at('id: Record ID'),
          fieldLines: { email: at('lifecycle_stage: Lifecycle') - 1, lifecycle_stage: at('lifecycle_stage: Lifecycle'), mql_at: at('mql_at: Became') },
        },
        {
          name: 'salesforce',
          system: 'sales',
          file: 'exports/salesforce_leads.csv',
          timezone: 'America/New_York',
          fields: { email: 'Email', lead_created_at: 'Created Date', lead_status: 'Lead Status' },
          dateFormat: 'DMY',
          line: at('  salesforce:'),
          fileLine: at('file: exports/salesforce_leads.csv'),
          fieldLines: { email: at('lead_created_at: Created') - 1, lead_created_at: at('lead_created_at: Created'), lead_status: at('lead_status: Lead') },
        },
      ],
      identity: { key: 'email', normalize: ['trim', 'lowercase', 'strip_plus_tag'] },
      metrics: [
        {
          name: 'MQL',
          source: 'hubspot',
          date: 'mql_at',
          exclude: [
            { name: 'internal', expression: "lower(trim(email)) LIKE '%@acmecorp.com'", line: at('internal:') },
            { name: 'not_mql', expression: "lifecycle_stage NOT IN ('Marketing Qualified Lead', 'Customer')", line: at('not_mql:') },
          ],
          dedupe: 'earliest',
          dedupeValues: 'survivor',
          line: at('  MQL:'),
        },
        {
          name: 'CRM Lead',
          source: 'salesforce',
          date: 'lead_created_at',
          exclude: [{ name: 'disqualified', expression: `"Lead Status" = 'Disqualified'`, line: at('disqualified:') }],
          dedupe: 'latest',
          dedupeValues: 'survivor',
          line: at('  CRM Lead:'),
        },
      ],
      reconcile: [
        {
          name: 'MQLs vs CRM leads',
          left: 'MQL',
          right: 'CRM Lead',
          match: { left: 'email', right: 'email', normalize: ['trim', 'lowercase', 'strip_plus_tag'], fromIdentity: true, line: at('  key: email') },
          compare: [],
          line: at('- name: MQLs vs CRM leads'),
        },
      ],
    };
    expect(loaded.contract).toEqual(expected);
  });

  it('is accepted verbatim except for the CRM Lead metric it leaves out', () => {
    expectOneProblem(SPEC_EXAMPLE, lineOf(SPEC_EXAMPLE, 'right: CRM Lead'), 'reconcile[0].right', "unknown metric 'CRM Lead'");
  });
});

describe('defaults', () => {
  it('fills in UTC, [trim, lowercase], earliest, and the reporting zone for sources', () => {
    const text = `contract: Minimal
version: "2026.1"
reporting:
  period: { from: 2026-01-01, to: 2026-01-31 }
sources:
  crm:
    system: sales
    file: leads.csv
    fields: { email: Email, created: Created }
identity:
  key: email
metrics:
  Leads:
    source: crm
    date: created
reconcile:
  - name: Leads vs Leads
    left: Leads
    right: Leads
`;
    const contract = parseContract(text, LABEL);
    expect(contract.reporting.timezone).toBe('UTC');
    expect(contract.sources[0]?.timezone).toBe('UTC');
    expect(contract.sources[0]?.id).toBeUndefined();
    expect(contract.identity?.normalize).toEqual(['trim', 'lowercase']);
    expect(contract.metrics[0]?.dedupe).toBe('earliest');
    expect(contract.metrics[0]?.exclude).toEqual([]);
    expect(contract.version).toBe('2026.1');
    const withZone = edit(text, '  period:', '  timezone: Europe/Paris\n  period:');
    expect(parseContract(withZone, LABEL).sources[0]?.timezone).toBe('Europe/Paris');
  });

  it('keeps a numeric version as written', () => {
    expect(parseContract(edit(FULL_EXAMPLE, 'version: 7 ', 'version: 7.10 '), LABEL).version).toBe('7.10');
  });
});

describe('one specific error per mistake', () => {
  const at = (text: string, fragment: string) => lineOf(text, fragment);

  it('YAML syntax, with its line', () => {
    const text = edit(FULL_EXAMPLE, '  period: { from: 2026-07-01, to: 2026-09-30 }', '  period: { from: 2026-07-01, to: 2026-09-30');
    const error = expectProblems(text);
    expect(error.issues[0]?.key).toBe('(yaml)');
    expect(error.issues[0]?.message).toMatch(/^YAML syntax: /);
    expect(error.issues[0]?.line).toBeGreaterThanOrEqual(at(text, '  period:'));
    expect(error.message).toMatch(new RegExp(`^${LABEL}:\\d+: \\(yaml\\): YAML syntax: `));
  });

  it('unknown key, with the nearest valid one', () => {
    const text = edit(FULL_EXAMPLE, '    exclude:  ', '    exlude:   ');
    expectOneProblem(text, at(text, 'exlude:'), 'metrics.MQL.exlude', "unknown key 'exlude', did you mean 'exclude'?");
  });

  it('unknown keys at every level', () => {
    const cases: [string, string, string, string][] = [
      ['owner: Revenue', 'ownr: Revenue', 'ownr', "unknown key 'ownr', did you mean 'owner'?"],
      ['  timezone: America/New_York ', '  timezon: America/New_York ', 'reporting.timezon', "unknown key 'timezon', did you mean 'timezone'?"],
      ['{ from: 2026-07-01, to:', '{ form: 2026-07-01, to:', 'reporting.period.form', "unknown key 'form', did you mean 'from'?"],
      ['    sheet: Contacts', '    sheets: Contacts', 'sources.hubspot.sheets', "unknown key 'sheets', did you mean 'sheet'?"],
      ['  normalize: [trim', '  normalise: [trim', 'identity.normalise', "unknown key 'normalise', did you mean 'normalize'?"],
      ['dedupe: { keep: earliest }', 'dedupe: { kept: earliest }', 'metrics.MQL.dedupe.kept', "unknown key 'kept', did you mean 'keep'?"],
      ['    left: MQL', '    lefft: MQL', 'reconcile[0].lefft', "unknown key 'lefft', did you mean 'left'?"],
    ];
    for (const [from, to, key, message] of cases) {
      const text = edit(FULL_EXAMPLE, from, to);
      const error = expectProblems(text);
      expect(error.issues).toContainEqual({ line: at(text, to), key, message });
    }
  });

  it('missing required keys, at the line of their parent', () => {
    const noDate = edit(FULL_EXAMPLE, '    date: mql_at                      # required: canonical field that anchors the record to a period\n', '');
    expectOneProblem(noDate, at(noDate, '  MQL:'), 'metrics.MQL.date', 'required key is missing');
    const noVersion = edit(FULL_EXAMPLE, `${FULL_EXAMPLE.split('\n')[1]}\n`, '');
    expectOneProblem(noVersion, 1, 'version', 'required key is missing');
    const noSystem = edit(FULL_EXAMPLE, '    system: sales\n', '');
    expectOneProblem(noSystem, at(noSystem, '  salesforce:'), 'sources.salesforce.system', 'required key is missing');
    const noRight = edit(FULL_EXAMPLE, '    right: CRM Lead                   # usually the sales metric\n', '');
    expectOneProblem(noRight, at(noRight, '- name: MQLs'), 'reconcile[0].right', 'required key is missing');
    const error = expectProblems('owner: nobody\n');
    // identity is required only by bridges without their own match (money.md), and there are no bridges here.
    expect(error.issues.map((issue) => issue.key)).toEqual(['contract', 'version', 'reporting', 'sources', 'metrics', 'reconcile']);
    expect(error.message).toBe(`${LABEL}:1: contract: required key is missing (and 5 more problems)`);
  });

  it('unknown source, with the nearest declared one', () => {
    const text = edit(FULL_EXAMPLE, '    source: hubspot ', '    source: hubspto ');
    expectOneProblem(text, at(text, 'source: hubspto'), 'metrics.MQL.source', "unknown source 'hubspto', did you mean 'hubspot'?");
  });

  it('a date that is not a field of the metric source', () => {
    const text = edit(FULL_EXAMPLE, '    date: mql_at ', '    date: mql_date ');
    expectOneProblem(
      text,
      at(text, 'date: mql_date'),
      'metrics.MQL.date',
      "'mql_date' is not a field of source 'hubspot', did you mean 'mql_at'? (its fields: email, lifecycle_stage, mql_at)",
    );
  });

  it('an identity key missing from a source a metric uses', () => {
    const text = edit(FULL_EXAMPLE, '      email: Email\n      lead_created_at', '      e_mail: Email\n      lead_created_at');
    expectOneProblem(
      text,
      at(text, '  key: email'),
      'identity.key',
      "'email' is not a field of source 'salesforce' (used by metric 'CRM Lead'), did you mean 'e_mail'?",
    );
  });

  it('unknown metric in reconcile, with the nearest', () => {
    const text = edit(FULL_EXAMPLE, '    left: MQL ', '    left: MQLs ');
    expectOneProblem(text, at(text, 'left: MQLs'), 'reconcile[0].left', "unknown metric 'MQLs', did you mean 'MQL'?");
  });

  it('period backwards', () => {
    const text = edit(FULL_EXAMPLE, '{ from: 2026-07-01, to: 2026-09-30 }', '{ from: 2026-09-30, to: 2026-07-01 }');
    expectOneProblem(text, at(text, '  period:'), 'reporting.period', 'period backwards: from 2026-09-30 is after to 2026-07-01');
  });

  it('dates that are not YYYY-MM-DD calendar dates', () => {
    const notCalendar = edit(FULL_EXAMPLE, 'to: 2026-09-30', 'to: 2026-09-31');
    expectOneProblem(notCalendar, at(notCalendar, '  period:'), 'reporting.period.to', "'2026-09-31' is not a calendar date");
    const american = edit(FULL_EXAMPLE, 'from: 2026-07-01', 'from: 07/01/2026');
    expectOneProblem(american, at(american, '  period:'), 'reporting.period.from', "'07/01/2026' must be a date written YYYY-MM-DD");
  });

  it('unknown time zones, with the nearest IANA name', () => {
    const typo = edit(FULL_EXAMPLE, 'timezone: America/New_York', 'timezone: America/NewYork');
    expectOneProblem(typo, at(typo, 'America/NewYork'), 'reporting.timezone', "unknown time zone 'America/NewYork', did you mean 'America/New_York'?");
    const wrongCase = edit(FULL_EXAMPLE, '    timezone: UTC', '    timezone: europe/london');
    expectOneProblem(wrongCase, at(wrongCase, 'europe/london'), 'sources.hubspot.timezone', "time zone 'europe/london' must be written 'Europe/London'");
    const offset = edit(FULL_EXAMPLE, '    timezone: UTC', '    timezone: +05:00');
    expect(expectProblems(offset).issues[0]?.message).toMatch(/^unknown time zone '\+05:00'/);
    for (const zone of ['Etc/GMT+5', 'Etc/UTC', 'Asia/Kolkata', 'Australia/Sydney']) {
      expect(parseContract(edit(FULL_EXAMPLE, '    timezone: UTC', `    timezone: ${zone}`), LABEL).sources[0]?.timezone).toBe(zone);
    }
  });

  it('invalid enum values, listing the choices', () => {
    const system = edit(FULL_EXAMPLE, 'system: marketing ', 'system: marketting ');
    expectOneProblem(system, at(system, 'marketting'), 'sources.hubspot.system', "'marketting' is not one of marketing | sales | finance | other, did you mean 'marketing'?");
    const keep = edit(FULL_EXAMPLE, '{ keep: latest }', '{ keep: newest }');
    expectOneProblem(keep, at(keep, 'newest'), 'metrics.CRM Lead.dedupe.keep', "'newest' is not one of earliest | latest | first_row, did you mean 'latest'?");
    const normalize = edit(FULL_EXAMPLE, '[trim, lowercase, strip_plus_tag]', '[trim, lower, strip_plus_tag]');
    expectOneProblem(normalize, at(normalize, 'normalize:'), 'identity.normalize', "'lower' is not one of trim | lowercase | strip_plus_tag | gmail_dots | digits_only | salesforce_id, did you mean 'lowercase'?");
    const dateFormat = edit(FULL_EXAMPLE, 'date_format: DD/MM/YYYY', 'date_format: YYYY-MM-DD');
    expectOneProblem(dateFormat, at(dateFormat, 'date_format'), 'sources.salesforce.date_format', "'YYYY-MM-DD' is not one of MM/DD/YYYY | DD/MM/YYYY");
  });

  it('a source name with other characters than letters, digits, _ and spaces', () => {
    const text = edit(FULL_EXAMPLE, '  salesforce:', '  sales-force:').replace('source: salesforce', 'source: sales-force');
    expectOneProblem(text, at(text, '  sales-force:'), 'sources.sales-force', "source name 'sales-force' may only hold letters, digits, _ and spaces");
  });

  it('an exclude rule that is not text, and repeated rule names', () => {
    const notText = edit(FULL_EXAMPLE, `      disqualified: '"Lead Status" = ''Disqualified'''`, '      disqualified: true');
    expectOneProblem(notText, at(notText, 'disqualified: true'), 'metrics.CRM Lead.exclude.disqualified', 'must be text, not boolean true (put it in quotes)');
    const repeated = edit(FULL_EXAMPLE, '      not_mql: ', '      Internal: ');
    expectOneProblem(repeated, at(repeated, 'Internal:'), 'metrics.MQL.exclude.Internal', "rule name 'Internal' repeats 'internal' (rule names are compared ignoring case)");
    const duplicate = edit(FULL_EXAMPLE, '      not_mql: ', '      internal: ');
    const line = lineOf(FULL_EXAMPLE, 'not_mql:');
    expectOneProblem(duplicate, line, 'metrics.MQL.exclude.internal', `duplicate key (first written at line ${line - 1})`);
  });

  it('collects every problem, not just the first, in line order', () => {
    let text = edit(FULL_EXAMPLE, 'system: marketing ', 'system: marketting ');
    text = edit(text, '    source: hubspot ', '    source: hubspto ');
    text = edit(text, '    left: MQL ', '    left: MQLs ');
    const error = expectProblems(text);
    expect(error.issues.map((issue) => issue.key)).toEqual(['sources.hubspot.system', 'metrics.MQL.source', 'reconcile[0].left']);
    expect(error.message).toMatch(/ \(and 2 more problems\)$/);
  });

  it('an unsupported file type', () => {
    const text = edit(FULL_EXAMPLE, 'exports/salesforce_leads.csv', 'exports/salesforce_leads.xls');
    expectOneProblem(text, at(text, 'leads.xls'), 'sources.salesforce.file', "'exports/salesforce_leads.xls' is not a file type the workbench reads (.csv, .tsv, .txt, .xlsx)");
  });
});

describe('loadContract', () => {
  it('names a missing contract file as given', async () => {
    const missing = path.join(os.tmpdir(), 'no-such-dir-for-contract', 'q3.yaml');
    const error: unknown = await loadContract(missing).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(`contract file not found: ${missing}`);
  });

  it('labels problems with the path as given', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-'));
    fs.writeFileSync(path.join(dir, 'bad.yaml'), edit(FULL_EXAMPLE, '    left: MQL ', '    left: MQLs '));
    const relative = path.relative(process.cwd(), path.join(dir, 'bad.yaml'));
    await expect(loadContract(relative)).rejects.toThrow(new RegExp(`^${relative.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: reconcile\\[0\\]\\.left: `));
  });
});
