// The contract keys of spec/money.md: the example parsed to what it says, and every mistake named by its line and key.
import { describe, expect, it } from 'vitest';
import { ContractError } from '../../electron/engine/contract/ContractError';
import { parseContract } from '../../electron/engine/contract/parseContract';
import { edit, lineOf } from './contractExample';

const LABEL = 'pipeline.yaml';

/** money.md's example, completed with the CRM side it names and without the `...` placeholders. */
const MONEY_EXAMPLE = `contract: Q3 sourced pipeline
version: 3
reporting:
  timezone: America/New_York
  period: { from: 2026-07-01, to: 2026-09-30 }
  currency: USD
  rates: { EUR: 1.08, GBP: 1.27 }
sources:
  hubspot_deals:
    system: marketing
    file: exports/hubspot_deals.csv
    id: Record ID
    decimal: point
    fields:
      amount: Amount
      currency: Currency
      stage: Deal Stage
      created_at: Create Date
      close_date: Close Date
      sf_opportunity_id: Salesforce Opportunity ID
  salesforce_opps:
    system: sales
    file: exports/opportunities.csv
    id: Opportunity ID
    fields:
      amount: Amount
      stage: Stage
      created_at: Created Date
      close_date: Close Date
metrics:
  HubSpot sourced pipeline:
    source: hubspot_deals
    date: created_at
    value: amount
    exclude:
      test: "stage = 'test'"
    dedupe: { keep: earliest, values: survivor }
  CRM sourced pipeline:
    source: salesforce_opps
    date: created_at
    value: amount
    dedupe: { keep: latest, values: sum }
reconcile:
  - name: Sourced pipeline, HubSpot vs Salesforce
    left: HubSpot sourced pipeline
    right: CRM sourced pipeline
    match:
      left: sf_opportunity_id
      right: id
      normalize: [trim, salesforce_id]
    compare:
      value: { tolerance: 0.01 }
      stage:
        map: { closedwon: Closed Won, ClosedLost: Closed Lost, contractsent: Negotiation/Review }
      close_date: { tolerance: 0 days }
`;

function expectProblems(text: string): ContractError {
  try {
    parseContract(text, LABEL);
  } catch (error) {
    expect(error).toBeInstanceOf(ContractError);
    return error as ContractError;
  }
  throw new Error('expected the contract to be refused');
}

function expectOneProblem(text: string, line: number, key: string, message: string | RegExp): void {
  const issues = expectProblems(text).issues;
  expect(issues, JSON.stringify(issues)).toHaveLength(1);
  expect(issues[0]?.line).toBe(line);
  expect(issues[0]?.key).toBe(key);
  if (typeof message === 'string') expect(issues[0]?.message).toBe(message);
  else expect(issues[0]?.message).toMatch(message);
}

describe("money.md's contract keys", () => {
  it('parses the example to what it says: currency, exact rates, value, dedupe values, match, ordered compare', () => {
    const contract = parseContract(MONEY_EXAMPLE, LABEL);
    expect(contract.identity).toBeUndefined();
    expect(contract.reporting).toMatchObject({ currency: 'USD', rates: { EUR: '1.08', GBP: '1.27' }, currencyLine: lineOf(MONEY_EXAMPLE, 'currency: USD') });
    expect(contract.sources[0]?.decimal).toBe('point');
    expect(contract.sources[1]?.decimal).toBeUndefined();
    expect(contract.metrics.map((m) => [m.value, m.dedupe, m.dedupeValues])).toEqual([
      ['amount', 'earliest', 'survivor'],
      ['amount', 'latest', 'sum'],
    ]);
    const [entry] = contract.reconcile;
    expect(entry?.match).toEqual({ left: 'sf_opportunity_id', right: 'id', normalize: ['trim', 'salesforce_id'], fromIdentity: false, line: lineOf(MONEY_EXAMPLE, '    match:') });
    expect(entry?.compare).toEqual([
      { field: 'value', kind: 'amount', tolerance: { absolute: '0.01' }, line: lineOf(MONEY_EXAMPLE, 'value: { tolerance') },
      // Map keys are folded (trim, lower case) as money.md looks them up.
      { field: 'stage', kind: 'text', map: { closedwon: 'Closed Won', closedlost: 'Closed Lost', contractsent: 'Negotiation/Review' }, line: lineOf(MONEY_EXAMPLE, '        map:') - 1 },
      { field: 'close_date', kind: 'date', days: 0, line: lineOf(MONEY_EXAMPLE, 'close_date: { tolerance') },
    ]);
  });

  it('reads tolerances as amounts, percentages or days, and compares an untoleranced field as text', () => {
    const text = edit(MONEY_EXAMPLE, '      value: { tolerance: 0.01 }', '      value: { tolerance: "1%" }\n      amount: { tolerance: 5 }\n      created_at: { tolerance: 3 days }\n      stage_copy:');
    const withField = edit(edit(text, '      stage: Stage\n', '      stage: Stage\n      stage_copy: Stage\n'), '      stage: Deal Stage\n', '      stage: Deal Stage\n      stage_copy: Deal Stage\n');
    const compare = parseContract(withField, LABEL).reconcile[0]?.compare ?? [];
    expect(compare.map((c) => [c.field, c.kind, c.kind === 'amount' ? c.tolerance : c.kind === 'date' ? c.days : c.map])).toEqual([
      ['value', 'amount', { percent: '1' }],
      ['amount', 'amount', { absolute: '5' }],
      ['created_at', 'date', 3],
      ['stage_copy', 'text', {}],
      ['stage', 'text', { closedwon: 'Closed Won', closedlost: 'Closed Lost', contractsent: 'Negotiation/Review' }],
      ['close_date', 'date', 0],
    ]);
    expect(parseContract(edit(MONEY_EXAMPLE, '      value: { tolerance: 0.01 }', '      value:'), LABEL).reconcile[0]?.compare[0]).toMatchObject({ kind: 'amount', tolerance: { absolute: '0.005' } });
  });

  it('keeps identity for bridges without their own match, and needs it only then', () => {
    const withIdentity = edit(MONEY_EXAMPLE, 'metrics:\n', 'identity: { key: sf_opportunity_id }\nmetrics:\n');
    expect(parseContract(withIdentity, LABEL).identity).toEqual({ key: 'sf_opportunity_id', normalize: ['trim', 'lowercase'] });
    const noMatch = edit(MONEY_EXAMPLE, '    match:\n      left: sf_opportunity_id\n      right: id\n      normalize: [trim, salesforce_id]\n', '');
    expectOneProblem(noMatch, lineOf(noMatch, '- name: Sourced'), 'reconcile[0]', /has no 'match' and the contract has no 'identity'/);
  });
});

describe('every money mistake gets its line and key', () => {
  const at = (text: string, fragment: string) => lineOf(text, fragment);

  it('salesforce_id combined with lowercase', () => {
    const text = edit(MONEY_EXAMPLE, 'normalize: [trim, salesforce_id]', 'normalize: [trim, lowercase, salesforce_id]');
    expectOneProblem(text, at(text, 'normalize: [trim, lowercase'), 'reconcile[0].match.normalize', /'salesforce_id' keeps case .* cannot be combined with 'lowercase'/);
  });

  it('a compare field missing on one side, naming the side and its fields', () => {
    const text = edit(MONEY_EXAMPLE, '      close_date: { tolerance: 0 days }', '      sf_opportunity_id: {}');
    expectOneProblem(
      text,
      at(text, 'sf_opportunity_id: {}'),
      'reconcile[0].compare.sf_opportunity_id',
      "'sf_opportunity_id' is not a field of source 'salesforce_opps' (right: metric 'CRM sourced pipeline'), so it cannot be compared (its fields: amount, stage, created_at, close_date)",
    );
  });

  it('two reconciliations giving one metric different keys, naming both entries', () => {
    const second = `  - name: Pipeline by e-mail\n    left: HubSpot sourced pipeline\n    right: CRM sourced pipeline\n    match: { left: stage, right: stage }\n`;
    const text = edit(MONEY_EXAMPLE, 'reconcile:\n', `reconcile:\n${second}`);
    const issues = expectProblems(text).issues;
    expect(issues.map((i) => [i.line, i.key])).toEqual([
      [at(text, '- name: Sourced pipeline'), 'reconcile[1].match'],
      [at(text, '- name: Sourced pipeline'), 'reconcile[1].match'],
    ]);
    expect(issues[0]?.message).toBe(
      `metric 'HubSpot sourced pipeline' is matched on 'sf_opportunity_id' [trim, salesforce_id] here but on 'stage' [trim, lowercase] in 'Pipeline by e-mail' (line ${at(text, '- name: Pipeline by e-mail')}); a metric's duplicates are decided on its key, so it needs one`,
    );
  });

  it('a metric with a value against one without', () => {
    const text = edit(MONEY_EXAMPLE, '    date: created_at\n    value: amount\n    dedupe: { keep: latest, values: sum }', '    date: created_at\n    dedupe: { keep: latest }');
    expectProblems(text);
    const issues = expectProblems(text).issues;
    expect(issues.map((i) => i.key)).toEqual(['reconcile[0]', 'reconcile[0].compare.value']);
    expect(issues[0]?.message).toBe("metric 'HubSpot sourced pipeline' has a value and metric 'CRM sourced pipeline' has none: both sides of 'Sourced pipeline, HubSpot vs Salesforce' must be counted in the same way");
  });

  it('a value that is no field of the source, with the nearest', () => {
    const text = edit(MONEY_EXAMPLE, '    value: amount\n    exclude:', '    value: amuont\n    exclude:');
    expectOneProblem(text, at(text, 'value: amuont'), 'metrics.HubSpot sourced pipeline.value', /'amuont' is not a field of source 'hubspot_deals', did you mean 'amount'\?/);
  });

  it('dedupe values sum without a value, and an unknown dedupe values word', () => {
    const noValue = edit(edit(MONEY_EXAMPLE, '    value: amount\n    dedupe: { keep: latest, values: sum }', '    dedupe: { keep: latest, values: sum }'), '    value: amount\n    exclude:', '    exclude:');
    const noValueFixed = edit(noValue, '      value: { tolerance: 0.01 }\n', '');
    expectOneProblem(noValueFixed, at(noValueFixed, 'values: sum'), 'metrics.CRM sourced pipeline.dedupe.values', "'sum' adds up the metric's value, but the metric has no 'value'");
    const word = edit(MONEY_EXAMPLE, 'values: sum', 'values: total');
    expectOneProblem(word, at(word, 'values: total'), 'metrics.CRM sourced pipeline.dedupe.values', "'total' is not one of survivor | sum");
  });

  it('currencies and rates: codes in capitals, positive rates, rates only with a reporting currency', () => {
    const lower = edit(MONEY_EXAMPLE, 'currency: USD', 'currency: usd');
    expectOneProblem(lower, at(lower, 'currency: usd'), 'reporting.currency', "'usd' is not an ISO currency code like USD or EUR (write it in capitals: USD)");
    const rate = edit(MONEY_EXAMPLE, 'rates: { EUR: 1.08, GBP: 1.27 }', 'rates: { EUR: 0, GBP: "1,27" }');
    const issues = expectProblems(rate).issues;
    expect(issues.map((i) => [i.line, i.key])).toEqual([
      [at(rate, 'rates:'), 'reporting.rates.EUR'],
      [at(rate, 'rates:'), 'reporting.rates.GBP'],
    ]);
    expect(issues[1]?.message).toMatch(/'1,27' is no rate: write the units of USD for 1 GBP/);
    const orphan = edit(MONEY_EXAMPLE, '  currency: USD\n', '');
    expectOneProblem(orphan, at(orphan, 'rates:'), 'reporting.rates', "rates convert into the reporting currency: set 'reporting.currency' too");
    const self = edit(MONEY_EXAMPLE, 'GBP: 1.27', 'USD: 1.1');
    expectOneProblem(self, at(self, 'rates:'), 'reporting.rates.USD', 'USD is the reporting currency: its rate is 1, not 1.1');
  });

  it('match fields that are no fields of their source, id without an id column, and bad tolerances', () => {
    const unknown = edit(MONEY_EXAMPLE, '      left: sf_opportunity_id', '      left: sf_oportunity_id');
    expectOneProblem(unknown, at(unknown, 'left: sf_oportunity_id'), 'reconcile[0].match.left', "'sf_oportunity_id' is neither 'id' nor a field of source 'hubspot_deals' (left), did you mean 'sf_opportunity_id'?");
    const noId = edit(MONEY_EXAMPLE, '    id: Opportunity ID\n', '');
    expectOneProblem(noId, at(noId, '      right: id'), 'reconcile[0].match.right', "source 'salesforce_opps' (right) has no 'id' column to match on");
    const days = edit(MONEY_EXAMPLE, 'value: { tolerance: 0.01 }', 'value: { tolerance: 2 days }');
    expectOneProblem(days, at(days, 'value: { tolerance'), 'reconcile[0].compare.value.tolerance', /'value' is an amount: its tolerance is an amount/);
    const words = edit(MONEY_EXAMPLE, 'close_date: { tolerance: 0 days }', 'close_date: { tolerance: a week }');
    expectOneProblem(words, at(words, 'close_date: { tolerance'), 'reconcile[0].compare.close_date.tolerance', /'a week' is no tolerance/);
    const map = edit(MONEY_EXAMPLE, 'close_date: { tolerance: 0 days }', 'close_date: { tolerance: 0 days, map: { a: b } }');
    expectOneProblem(map, at(map, 'close_date: { tolerance'), 'reconcile[0].compare.close_date.map', /compared as a date/);
  });

  it('an unknown decimal mark, with the choices', () => {
    const text = edit(MONEY_EXAMPLE, 'decimal: point', 'decimal: dot');
    expectOneProblem(text, at(text, 'decimal: dot'), 'sources.hubspot_deals.decimal', "'dot' is not one of point | comma");
  });
});
