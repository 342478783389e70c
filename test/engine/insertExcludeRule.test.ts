// insertExcludeRule: the contract screen's rule builder adds a rule as new lines only, and the contract reads it back.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { insertExcludeRule } from '../../shared/insertExcludeRule';
import { parseContract } from '../../electron/engine/contract/parseContract';

const root = path.resolve(import.meta.dirname, '../..');
const sample = readFileSync(path.join(root, 'samples/acme-q3-2026.recon.yaml'), 'utf8');
const rule = { name: 'not_mql_now', expression: `"Lifecycle Stage" <> 'Marketing Qualified Lead'`, description: 'Lifecycle Stage is not Marketing Qualified Lead' };

function rulesOf(text: string, metric: string): [string, string][] {
  const found = parseContract(text, 'test.yaml').metrics.find((m) => m.name === metric);
  return (found?.exclude ?? []).map((r) => [r.name, r.expression]);
}

describe('insertExcludeRule', () => {
  it('adds the rule last under the metric, with its words above it, and changes no other line', () => {
    const text = insertExcludeRule(sample, 'MQL', rule);
    const before = sample.split('\n');
    const after = text.split('\n');
    const at = after.findIndex((line, i) => line !== before[i]);
    expect(after.slice(at, at + 2)).toEqual([`      # ${rule.description}`, `      not_mql_now: "\\"Lifecycle Stage\\" <> 'Marketing Qualified Lead'"`]);
    expect([...after.slice(0, at), ...after.slice(at + 2)]).toEqual(before);
    expect(rulesOf(text, 'MQL').at(-1)).toEqual([rule.name, rule.expression]);
    expect(rulesOf(text, 'MQL')).toHaveLength(4);
    expect(rulesOf(text, 'CRM Lead')).toEqual(rulesOf(sample, 'CRM Lead'));
  });

  it('creates the exclude mapping when the metric has none, and writes into a flow mapping', () => {
    const bare = 'metrics:\n  M:\n    source: s # the source\n    date: d\n  N:\n    source: t\n';
    const created = insertExcludeRule(bare, 'M', { name: 'junk', expression: `"Lead Status" = 'Junk'`, description: 'Lead Status is Junk' });
    expect(created).toBe(`metrics:\n  M:\n    source: s # the source\n    date: d\n    exclude:\n      # Lead Status is Junk\n      junk: "\\"Lead Status\\" = 'Junk'"\n  N:\n    source: t\n`);
    const flow = 'metrics:\n  M:\n    source: s\n    date: d\n    exclude: { a: "x = 1" } # kept\n';
    const added = insertExcludeRule(flow, 'M', { name: 'b', expression: "y = 'it''s' # not a comment" });
    expect(added).toContain('# kept');
    const head = 'contract: t\nversion: 1\nreporting: { period: { from: 2026-01-01, to: 2026-01-31 } }\nsources: { s: { system: other, file: a.csv, fields: { d: D } } }\nidentity: { key: d }\nreconcile: [{ name: r, left: M, right: M }]\n';
    expect(rulesOf(head + added, 'M')).toEqual([
      ['a', 'x = 1'],
      ['b', "y = 'it''s' # not a comment"],
    ]);
  });

  it('refuses a repeated name, an unknown metric and text that does not parse', () => {
    expect(() => insertExcludeRule(sample, 'MQL', { ...rule, name: 'Internal' })).toThrow("metric 'MQL' already has a rule named 'internal'");
    expect(() => insertExcludeRule(sample, 'SAL', rule)).toThrow("the contract has no metric 'SAL'");
    expect(() => insertExcludeRule('metrics: [', 'MQL', rule)).toThrow(/does not parse/);
  });
});
