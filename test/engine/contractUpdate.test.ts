// updateContractText: write-back keeps comments, key order and the untouched lines byte for byte.
import { describe, expect, it } from 'vitest';
import { parseContract } from '../../electron/engine/contract/parseContract';
import { updateContractText } from '../../electron/engine/contract/updateContractText';
import { UserError } from '../../electron/engine/UserError';
import { FULL_EXAMPLE, lineOf } from './contractExample';

const NEW_RULE = `lower(trim(email)) LIKE '%@acme.com' OR "Lead Status" = 'Test: internal' # not a comment`;

function comments(text: string): string[] {
  return text.split('\n').flatMap((line) => /\s{2,}#\s.*$/.exec(line)?.[0].trim() ?? []);
}

function topKeys(text: string): string[] {
  return text.split('\n').flatMap((line) => /^([a-z_]+):/.exec(line)?.[1] ?? []);
}

describe('updateContractText', () => {
  it('edits a rule expression and the period in place, leaving every other line as it was', () => {
    const updated = updateContractText(FULL_EXAMPLE, [
      { path: ['metrics', 'MQL', 'exclude', 'internal'], value: NEW_RULE },
      { path: ['reporting', 'period', 'to'], value: '2026-10-31' },
    ]);
    const before = FULL_EXAMPLE.split('\n');
    const after = updated.split('\n');
    expect(after).toHaveLength(before.length);
    const changed = before.flatMap((line, index) => (line === after[index] ? [] : [index + 1]));
    expect(changed).toEqual([lineOf(FULL_EXAMPLE, '  period:'), lineOf(FULL_EXAMPLE, 'internal:')]);
    expect(after[lineOf(FULL_EXAMPLE, '  period:') - 1]).toBe('  period: { from: 2026-07-01, to: 2026-10-31 }   # required; both dates inclusive');
    expect(comments(updated)).toEqual(comments(FULL_EXAMPLE));
    expect(comments(FULL_EXAMPLE).length).toBeGreaterThan(20);
    const contract = parseContract(updated, 'acme.yaml');
    expect(contract.metrics[0]?.exclude.map((rule) => rule.expression)).toEqual([
      NEW_RULE,
      "lifecycle_stage NOT IN ('Marketing Qualified Lead', 'Customer')",
    ]);
    expect(contract.reporting).toEqual({ timezone: 'America/New_York', from: '2026-07-01', to: '2026-10-31', rates: {} });
  });

  it('quotes a plain value that would otherwise read back as another type or break the YAML', () => {
    const updated = updateContractText(FULL_EXAMPLE, [
      { path: ['version'], value: '8' },
      { path: ['owner'], value: 'Revenue Ops: EMEA # team' },
      { path: ['reconcile', 0, 'name'], value: 'true' },
    ]);
    const contract = parseContract(updated, 'acme.yaml');
    expect(contract.version).toBe('8');
    expect(contract.owner).toBe('Revenue Ops: EMEA # team');
    expect(contract.reconcile[0]?.name).toBe('true');
    expect(updated).toContain('version: "8" ');
    expect(comments(updated)).toEqual(comments(FULL_EXAMPLE));
  });

  it('writes numbers plain', () => {
    const updated = updateContractText(FULL_EXAMPLE, [{ path: ['version'], value: 8 }]);
    expect(updated.split('\n')[1]).toBe('version: 8                                              # required: string or number, printed on every report');
  });

  it('adds and removes entries in place, changing only their lines', () => {
    const updated = updateContractText(FULL_EXAMPLE, [
      { path: ['metrics', 'MQL', 'exclude', 'bots'], value: "email LIKE '%bot%'" },
      { path: ['metrics', 'MQL', 'exclude', 'not_mql'], value: undefined },
      { path: ['identity', 'normalize'], value: ['trim', 'lowercase', 'gmail_dots'] },
      { path: ['reconcile', 1], value: { name: 'Leads both ways', left: 'CRM Lead', right: 'MQL' } },
    ]);
    const before = FULL_EXAMPLE.split('\n');
    const after = updated.split('\n');
    const notMql = lineOf(FULL_EXAMPLE, 'not_mql:');
    expect(after.slice(0, notMql - 1)).toEqual(before.slice(0, notMql - 1).map((line) => line.replace('strip_plus_tag]', 'gmail_dots]')));
    expect(after[notMql - 1]).toBe("      bots: email LIKE '%bot%'");
    expect(after.slice(notMql, before.length - 1)).toEqual(before.slice(notMql, -1));
    expect(after.slice(before.length - 1)).toEqual(['  - name: Leads both ways', '    left: CRM Lead', '    right: MQL', '']);
    const contract = parseContract(updated, 'acme.yaml');
    expect(contract.metrics[0]?.exclude.map((rule) => rule.name)).toEqual(['internal', 'bots']);
    expect(contract.identity?.normalize).toEqual(['trim', 'lowercase', 'gmail_dots']);
    expect(contract.reconcile.map((entry) => [entry.name, entry.left, entry.right])).toEqual([
      ['MQLs vs CRM leads', 'MQL', 'CRM Lead'],
      ['Leads both ways', 'CRM Lead', 'MQL'],
    ]);
  });

  it('adds a whole metric and removes a source field in place', () => {
    const updated = updateContractText(FULL_EXAMPLE, [
      { path: ['metrics', 'SQL'], value: { source: 'salesforce', date: 'lead_created_at', exclude: { test: "lead_status = 'Test'" } } },
      { path: ['sources', 'salesforce', 'fields', 'lead_status'], value: undefined },
      { path: ['metrics', 'CRM Lead', 'exclude', 'disqualified'], value: undefined },
    ]);
    expect(comments(updated)).toEqual(comments(FULL_EXAMPLE));
    const contract = parseContract(updated, 'acme.yaml');
    expect(contract.metrics.map((metric) => metric.name)).toEqual(['MQL', 'CRM Lead', 'SQL']);
    expect(contract.metrics[2]?.exclude).toEqual([{ name: 'test', expression: "lead_status = 'Test'", line: lineOf(updated, 'test:') }]);
    expect(contract.metrics[1]?.exclude).toEqual([]);
    expect(Object.keys(contract.sources[1]?.fields ?? {})).toEqual(['email', 'lead_created_at']);
    expect(updated.split('\n').length).toBe(FULL_EXAMPLE.split('\n').length + 5 - 2);
  });

  it('falls back to rewriting the document for edits inside flow mappings, still keeping comments and order', () => {
    const updated = updateContractText(FULL_EXAMPLE, [{ path: ['metrics', 'CRM Lead', 'dedupe', 'keep'], value: undefined }]);
    expect(comments(updated.replace(/ # /g, '   # '))).toEqual(comments(FULL_EXAMPLE));
    expect(topKeys(updated)).toEqual(topKeys(FULL_EXAMPLE));
    expect(parseContract(updated, 'acme.yaml').metrics[1]?.dedupe).toBe('earliest');
  });

  it('refuses text that is not valid YAML with a user error', () => {
    expect(() => updateContractText('a: [1', [{ path: ['a'], value: 2 }])).toThrow(UserError);
  });
});
