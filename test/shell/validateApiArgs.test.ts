// The one argument gate of IPC and HTTP: it accepts what the renderer sends and refuses everything else by name.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_METHODS, type BucketQuery, type NewInvestigation } from '../../shared/api';
import { describeApiError } from '../../electron/api/callApi';
import { validateApiArgs, type ApiMethod } from '../../electron/api/validateApiArgs';
import { UserError } from '../../electron/engine/UserError';

const root = path.resolve(import.meta.dirname, '../..');
const query: BucketQuery = {
  reconciliation: 'MQLs vs CRM leads',
  side: 'left',
  kind: 'excluded',
  reason: 'test',
  sort: [{ column: 'Email', direction: 'desc' }],
  filter: [
    { column: 'Email', op: 'contains', value: '' },
    { column: 'Company Name', op: 'blank' },
  ],
};
const draft = { name: 'hubspot', system: 'marketing', file: '/x/a.csv', timezone: 'UTC', fields: { email: 'Email' }, metric: 'MQL', dateField: 'mql_at' } as const;
const rule = { name: 'not_mql', expression: `"Lifecycle Stage" <> 'Marketing Qualified Lead'`, description: 'Lifecycle Stage is not Marketing Qualified Lead' };
const spec: NewInvestigation = {
  title: 't',
  contractPath: '/x/t.recon.yaml',
  timezone: 'UTC',
  from: '2026-07-01',
  to: '2026-09-30',
  left: { ...draft, exclude: [rule] },
  right: { ...draft, id: 'Lead ID', system: 'sales' },
};
// money.md through the form: amounts, currencies and compare fields.
const moneySpec: NewInvestigation = {
  ...spec,
  left: { ...draft, fields: { amount: 'Amount', stage: 'Deal Stage' }, value: 'amount' },
  right: { ...draft, id: 'Opportunity ID', keyIsId: true, fields: { amount: 'Amount', stage: 'Stage' }, value: 'amount' },
  currency: 'USD',
  rates: { EUR: '1.08' },
  compare: [
    { field: 'value', kind: 'amount', tolerance: '0.01' },
    { field: 'stage', left: 'Deal Stage', right: 'Stage', kind: 'text', map: { closedwon: 'Closed Won' } },
  ],
};

const VALID: Record<ApiMethod, unknown[]> = {
  getSession: [],
  listRecent: [],
  openSample: ['pipeline'],
  openContract: ['/x/a.recon.yaml'],
  previewExport: ['/x/a.csv'],
  createInvestigation: [spec],
  getProgress: [],
  cancel: [],
  getReport: [{ ids: false }],
  getContract: [],
  checkContract: [''],
  applyContract: ['contract: x\n'],
  countRows: [query],
  fetchRows: [query, { offset: 0, limit: 100 }],
  inspectKey: ['MQLs vs CRM leads', 'jane@x.com'],
  inspectRecord: ['MQLs vs CRM leads', 'right', '00Q1'],
  exportRows: [query, 'xlsx', ['Email']],
  getWorkspace: [],
  checkNewInvestigation: [moneySpec],
  previewDates: ['/x/a.xlsx', 'Leads', 'Create Date', 'America/New_York'],
  listFolder: ['/x', 'contracts'],
  countRuleMatches: [draft, `"Email" LIKE '%@acme.com'`, 'America/New_York'],
  readContractFile: ['/x/a.recon.yaml'],
  saveContractFile: ['/x/a.recon.yaml', 'contract: x\n'],
  resetSample: ['leads'],
  listColumnValues: [draft, 'Lead Status'],
  listAmountCurrencies: [{ ...draft, fields: { amount: 'Amount' }, value: 'amount' }, 'USD'],
  countPairs: [{ reconciliation: 'MQL vs CRM Lead', differs: 'value' }],
  fetchPairs: [{ reconciliation: 'MQL vs CRM Lead', amountChanged: true }, { offset: 0, limit: 100 }],
  getMetricsReport: [{ ids: false }],
  fetchMetricRecords: [{ funnel: 'Q3 MQLs to revenue', stage: 2, list: 'dropped' }, { offset: 0, limit: 100 }],
  tracePersonTimeline: ['Q3 MQLs to revenue', '3766'],
  tracePersonPath: ['MQL', '3766'],
  traceDealTouches: ['Q3 pipeline by channel', '006000000000001AAA'],
  listRevisions: [],
  getRevision: [3],
  compareContracts: [{ revision: 1 }, { file: '/x/pilot.recon.yaml' }],
  fetchMovedRows: [{ reconciliation: 'MQLs vs CRM leads', side: 'left', from: { kind: 'matched', reason: 'matched' }, to: { kind: 'excluded', reason: 'test' } }, { offset: 0, limit: 100 }],
  getReview: [],
  setReviewer: ['Dana Ruiz'],
  decide: [{ reconciliation: 'MQLs vs CRM leads', side: 'left', kind: 'timing', reason: 'timing' }, 'accepted', 'sync lag, 18 records'],
  signOff: ['MQLs vs CRM leads', ''],
  exportAuditPack: [],
  listSourceColumns: [],
};

function refusal(method: string, args: unknown): string {
  try {
    validateApiArgs(method as ApiMethod, args);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('invalid_argument');
    return (error as UserError).message;
  }
  throw new Error(`${method} accepted ${JSON.stringify(args)}`);
}

describe('validateApiArgs', () => {
  it('accepts a well-formed call of every method', () => {
    for (const method of API_METHODS) expect(validateApiArgs(method, VALID[method]), method).toEqual(VALID[method]);
  });

  it('lets a trailing optional argument be left out or undefined', () => {
    expect(validateApiArgs('exportRows', [query, 'csv'])).toHaveLength(2);
    expect(validateApiArgs('exportRows', [query, 'csv', undefined])).toHaveLength(2);
    expect(validateApiArgs('countRows', [{ ...query, reason: undefined }])).toHaveLength(1);
    expect(validateApiArgs('countRows', [{ ...query, kind: 'gross', reason: undefined, unreadableColumn: 'Create Date' }])).toHaveLength(1);
  });

  it('refuses each wrong shape with the path of what is wrong', () => {
    expect(refusal('nope', [])).toMatch(/unknown method 'nope'/);
    expect(refusal('getSession', 'x')).toMatch(/must be a list/);
    expect(refusal('getSession', [1])).toMatch(/takes 0 argument/);
    expect(refusal('fetchRows', [query])).toMatch(/fetchRows\(query, page\) takes 2/);
    expect(refusal('fetchRows', [query, { offset: 1.5, limit: 1 }])).toMatch(/page\.offset must be a whole number/);
    expect(refusal('fetchRows', [query, { offset: 0, limit: 0 }])).toMatch(/page\.limit/);
    expect(refusal('countRows', [{ ...query, kind: 'everything' }])).toMatch(/query\.kind must be one of excluded/);
    expect(refusal('countRows', [{ ...query, sort: [{ column: 'Email', direction: 'sideways' }] }])).toMatch(/query\.sort\[0\]\.direction/);
    expect(refusal('countRows', [{ ...query, filter: [{ column: 'Email', op: 'sql', value: '1=1' }] }])).toMatch(/query\.filter\[0\]\.op/);
    expect(refusal('countRows', [null])).toMatch(/query must be an object, not null/);
    expect(refusal('countRows', [{ ...query, unreadableColumn: '' }])).toMatch(/query\.unreadableColumn must be a non-empty string/);
    expect(refusal('countRows', [{ ...query, unreadableColumn: 7 }])).toMatch(/query\.unreadableColumn must be/);
    expect(refusal('exportRows', [query, 'csv', [1]])).toMatch(/columns\[0\] must be a string/);
    expect(refusal('inspectRecord', ['r', 'middle', 'id'])).toMatch(/side must be one of left, right/);
    expect(refusal('createInvestigation', [{ ...spec, left: { ...draft, system: 'crm' } }])).toMatch(/spec\.left\.system must be one of marketing/);
    expect(refusal('createInvestigation', [{ ...spec, right: { ...draft, fields: { email: 3 } } }])).toMatch(/spec\.right\.fields\.email must be a string/);
    expect(refusal('createInvestigation', [{ ...spec, left: { ...draft, exclude: [{ ...rule, note: 'x' }] } }])).toMatch(/spec\.left\.exclude\[0\] has an unknown key 'note'/);
    expect(refusal('checkNewInvestigation', [{ ...moneySpec, compare: [{ field: 'stage', kind: 'fuzzy' }] }])).toMatch(/spec\.compare\[0\]\.kind must be one of amount/);
    expect(refusal('checkNewInvestigation', [{ ...moneySpec, rates: { EUR: 1.08 } }])).toMatch(/spec\.rates\.EUR must be a string/);
    expect(validateApiArgs('fetchMetricRecords', [{ sla: 'Speed to lead', list: 'never' }, { offset: 0, limit: 1 }])).toHaveLength(2);
    expect(validateApiArgs('fetchMetricRecords', [{ shared: 'cac', by: null }, { offset: 0, limit: 1 }])).toHaveLength(2);
    expect(refusal('fetchMetricRecords', [{ list: 'dropped' }, { offset: 0, limit: 1 }])).toMatch(/query must be an object with a funnel, sla, shared or attribution key/);
    expect(refusal('fetchMetricRecords', [{ funnel: 'F', stage: 0, list: 'dropped' }, { offset: 0, limit: 1 }])).toMatch(/query\.stage must be a whole number from 1/);
    expect(refusal('fetchMetricRecords', [{ funnel: 'F', list: 'lost' }, { offset: 0, limit: 1 }])).toMatch(/query\.list must be one of cohort/);
    expect(refusal('fetchMetricRecords', [{ sla: 'S', list: 'met', by: null }, { offset: 0, limit: 1 }])).toMatch(/query has an unknown key 'by'/);
    expect(refusal('fetchMetricRecords', [{ shared: 'revenue', by: null }, { offset: 0, limit: 1 }])).toMatch(/query\.shared must be one of marketing_sourced_revenue/);
    expect(refusal('fetchMetricRecords', [{ shared: 'cac' }, { offset: 0, limit: 1 }])).toMatch(/query\.by must be a string/);
    expect(refusal('tracePersonTimeline', ['Q3 MQLs to revenue'])).toMatch(/tracePersonTimeline\(funnel, recordId\) takes 2 argument\(s\), not 1/);
    expect(refusal('tracePersonTimeline', ['Q3 MQLs to revenue', 3766])).toMatch(/tracePersonTimeline: recordId must be a/);
    expect(refusal('fetchMetricRecords', [{ attribution: 'Q3', model: 'linear', channel: 'Email', list: 'touches' }, { offset: 0, limit: 1 }])).toMatch(/query\.campaign must be/);
    expect(refusal('fetchMetricRecords', [{ attribution: 'Q3', model: 'z_shaped', channel: 'Email', campaign: null, list: 'touches' }, { offset: 0, limit: 1 }])).toMatch(/query\.model must be one of first_touch/);
    expect(refusal('fetchMetricRecords', [{ attribution: 'Q3', agreement: 'self_reported', reported: 'a', touched: 'b' }, { offset: 0, limit: 1 }])).toMatch(/query\.agreement must be one of first_touch/);
    expect(refusal('fetchMetricRecords', [{ attribution: 'Q3', list: 'sourced' }, { offset: 0, limit: 1 }])).toMatch(/query\.list must be one of no_touch, influenced, both/);
    expect(refusal('traceDealTouches', ['Q3', 42])).toMatch(/traceDealTouches: recordId must be a/);
    expect(refusal('tracePersonPath', ['MQL'])).toMatch(/tracePersonPath\(metric, recordId\) takes 2 argument\(s\), not 1/);
    // The browser shell's JSON sends an optional argument left out before a given one as null: it stays left out.
    expect(validateApiArgs('listFolder', [null, 'contracts'])).toEqual([undefined, 'contracts']);
    expect(refusal('listFolder', ['/x', 'scripts'])).toMatch(/listFolder: accept must be one of exports, contracts/);
    expect(validateApiArgs('compareContracts', [{ open: true }, { revision: 2 }])).toHaveLength(2);
    expect(refusal('compareContracts', [{ open: false }, { revision: 2 }])).toMatch(/compareContracts: a\.open must be true, not false/);
    expect(refusal('compareContracts', [{ revision: 0 }, { open: true }])).toMatch(/compareContracts: a\.revision must be a whole number from 1/);
    expect(refusal('compareContracts', [{ open: true }, { path: '/x.yaml' }])).toMatch(/compareContracts: b must be an object with a revision, open or file key/);
    expect(refusal('compareContracts', [{ open: true, file: '/x.yaml' }, { open: true }])).toMatch(/compareContracts: a has an unknown key 'file'/);
    expect(refusal('getRevision', ['1'])).toMatch(/getRevision: number must be a whole number/);
    const moved = VALID.fetchMovedRows[0] as object;
    expect(refusal('fetchMovedRows', [{ ...moved, to: { kind: 'gross', reason: 'x' } }, { offset: 0, limit: 1 }])).toMatch(/query\.to\.kind must be one of excluded/);
    expect(refusal('exportAuditPack', ['/tmp/out'])).toMatch(/exportAuditPack/);
    expect(refusal('countRuleMatches', [draft, 'true', 5])).toMatch(/countRuleMatches: reportingZone must be a string/);
  });

  it('accepts the three shapes of a decision target and refuses the rest by name', () => {
    expect(validateApiArgs('decide', [{ reconciliation: 'R', side: 'right', record: '00Q1' }, 'disputed', ''])).toHaveLength(3);
    expect(validateApiArgs('decide', [{ list: { sla: 'Speed to lead', list: 'breached' } }, 'follow_up', 'call them'])).toHaveLength(3);
    expect(refusal('decide', [{ reconciliation: 'R', side: 'left', kind: 'timing', reason: 'timing' }, 'signed_off', ''])).toMatch(/decide: status must be one of explained, accepted, disputed, follow_up/);
    expect(refusal('decide', [{ reconciliation: 'R', side: 'left', kind: 'late', reason: 'timing' }, 'accepted', ''])).toMatch(/decide: target\.kind must be one of excluded/);
    expect(refusal('decide', [{ reconciliation: 'R', side: 'left', kind: 'timing' }, 'accepted', ''])).toMatch(/decide: target\.reason must be a string/);
    expect(refusal('decide', [{ reconciliation: 'R', side: 'up', record: '1' }, 'accepted', ''])).toMatch(/decide: target\.side must be one of left, right/);
    expect(refusal('decide', [{ reconciliation: 'R', side: 'left', record: '1', kind: 'timing' }, 'accepted', ''])).toMatch(/target has an unknown key 'kind'/);
    expect(refusal('decide', [{ list: { funnel: 'F', list: 'lost' } }, 'accepted', ''])).toMatch(/decide: target\.list\.list must be one of cohort/);
    expect(refusal('decide', [{ reconciliation: 'R', side: 'left', kind: 'timing', reason: 'timing' }, 'accepted', 'x'.repeat(10_001)])).toMatch(/decide: note must be at most 10000 characters/);
    expect(refusal('decide', [{ reconciliation: 'R', side: 'left', kind: 'timing', reason: 'timing' }, 'accepted'])).toMatch(/decide\(target, status, note\) takes 3/);
    expect(refusal('setReviewer', ['  '])).toMatch(/setReviewer: name must be a non-empty string/);
    expect(refusal('signOff', ['R', null])).toMatch(/signOff: note must be a string/);
  });
});

describe('describeApiError', () => {
  it('keeps a UserError\'s code and message, and only the message of anything else', () => {
    expect(describeApiError(new UserError('a.yaml:3: bad', 'invalid_contract'))).toEqual({ code: 'invalid_contract', message: 'a.yaml:3: bad' });
    const internal = describeApiError(new TypeError('x is undefined'));
    expect(internal).toEqual({ code: 'internal', message: 'x is undefined' });
    expect(JSON.stringify(internal)).not.toContain('    at ');
  });
});

describe('transports', () => {
  it('the preload has one named channel per method and no generic invoke', () => {
    const preload = fs.readFileSync(path.join(root, 'electron/preload.ts'), 'utf8');
    const channels = [...preload.matchAll(/ipcRenderer\.invoke\('recon:(\w+)'/g)].map((m) => m[1]);
    expect(channels).toEqual([...API_METHODS]);
    expect(preload).not.toMatch(/invoke\(\s*[a-z]/i);
  });
});
