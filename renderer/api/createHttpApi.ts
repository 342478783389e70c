// The workbench API for the browser shell: each method is a POST to the local server, with this run's token.
import type { WorkbenchApi } from '../../shared/api';
import { ApiError, unwrapApiResult } from '../../shared/unwrapApiResult';

/** The token arrives in the URL's fragment (`#token=...`), which browsers never send to a server or a Referer. */
function readToken(hash: string): string {
  const match = /(?:^#|&)token=([^&]*)/.exec(hash);
  return match?.[1] ? decodeURIComponent(match[1]) : '';
}

export function createHttpApi(token: string = readToken(window.location.hash)): WorkbenchApi {
  async function call<T>(method: keyof WorkbenchApi, ...args: unknown[]): Promise<T> {
    // JSON turns a trailing undefined into null; an optional argument left out must stay left out.
    while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
    let response: Response;
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-recon-token': token },
        body: JSON.stringify({ args }),
        cache: 'no-store',
      });
    } catch {
      throw new ApiError(`${method}: the workbench server does not answer; is \`npm run serve\` still running?`, 'transport');
    }
    if (response.status === 401) {
      throw new ApiError('This page has no valid access token: open the exact address `npm run serve` printed (it ends in #token=...).', 'unauthorized');
    }
    const body: unknown = await response.json().catch(() => null);
    return unwrapApiResult<T>(body, method);
  }
  return {
    getSession: () => call('getSession'),
    listRecent: () => call('listRecent'),
    openSample: (sample) => call('openSample', sample),
    openContract: (contractPath) => call('openContract', contractPath),
    previewExport: (file, sheet) => call('previewExport', file, sheet),
    createInvestigation: (spec) => call('createInvestigation', spec),
    getProgress: () => call('getProgress'),
    cancel: () => call('cancel'),
    getReport: (options) => call('getReport', ...(options ? [options] : [])),
    getContract: () => call('getContract'),
    checkContract: (text) => call('checkContract', text),
    applyContract: (text) => call('applyContract', text),
    countRows: (query) => call('countRows', query),
    fetchRows: (query, page) => call('fetchRows', query, page),
    inspectKey: (reconciliation, key) => call('inspectKey', reconciliation, key),
    inspectRecord: (reconciliation, side, recordId) => call('inspectRecord', reconciliation, side, recordId),
    exportRows: (query, format, columns) => call('exportRows', query, format, columns),
    getWorkspace: () => call('getWorkspace'),
    checkNewInvestigation: (spec) => call('checkNewInvestigation', spec),
    previewDates: (file, sheet, column, timezone) => call('previewDates', file, sheet, column, timezone),
    listFolder: (folder, accept) => call('listFolder', folder, accept),
    countRuleMatches: (source, expression, reportingZone) => call('countRuleMatches', source, expression, reportingZone),
    readContractFile: (contractPath) => call('readContractFile', contractPath),
    saveContractFile: (contractPath, text) => call('saveContractFile', contractPath, text),
    resetSample: (sample) => call('resetSample', sample),
    listColumnValues: (source, column) => call('listColumnValues', source, column),
    listAmountCurrencies: (source, reportingCurrency) => call('listAmountCurrencies', source, reportingCurrency),
    countPairs: (query) => call('countPairs', query),
    fetchPairs: (query, page) => call('fetchPairs', query, page),
    getMetricsReport: (options) => call('getMetricsReport', options),
    fetchMetricRecords: (query, page) => call('fetchMetricRecords', query, page),
    tracePersonTimeline: (funnel, recordId) => call('tracePersonTimeline', funnel, recordId),
    tracePersonPath: (metric, recordId) => call('tracePersonPath', metric, recordId),
    traceDealTouches: (attribution, recordId) => call('traceDealTouches', attribution, recordId),
    listRevisions: () => call('listRevisions'),
    getRevision: (number) => call('getRevision', number),
    compareContracts: (a, b) => call('compareContracts', a, b),
    fetchMovedRows: (query, page) => call('fetchMovedRows', query, page),
    getReview: () => call('getReview'),
    setReviewer: (name) => call('setReviewer', name),
    decide: (target, status, note) => call('decide', target, status, note),
    signOff: (reconciliation, note) => call('signOff', reconciliation, note),
    exportAuditPack: () => call('exportAuditPack'),
    listSourceColumns: () => call('listSourceColumns'),
  } satisfies WorkbenchApi;
}
