// The desktop transport's renderer side: window.recon, one named IPC channel per API method, nothing generic.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { WorkbenchApi } from '../shared/api';
import { unwrapApiResult } from '../shared/unwrapApiResult';

/** Electron keeps only the message of an error thrown in a handler, so results cross as ApiResult and are unwrapped here. */
async function unwrap<T>(channel: string, pending: Promise<unknown>): Promise<T> {
  return unwrapApiResult<T>(await pending, channel);
}

const recon = {
  getSession: () => unwrap('getSession', ipcRenderer.invoke('recon:getSession')),
  listRecent: () => unwrap('listRecent', ipcRenderer.invoke('recon:listRecent')),
  openSample: (sample) => unwrap('openSample', ipcRenderer.invoke('recon:openSample', sample)),
  openContract: (contractPath) => unwrap('openContract', ipcRenderer.invoke('recon:openContract', contractPath)),
  previewExport: (file, sheet) => unwrap('previewExport', ipcRenderer.invoke('recon:previewExport', file, sheet)),
  createInvestigation: (spec) => unwrap('createInvestigation', ipcRenderer.invoke('recon:createInvestigation', spec)),
  getProgress: () => unwrap('getProgress', ipcRenderer.invoke('recon:getProgress')),
  cancel: () => unwrap('cancel', ipcRenderer.invoke('recon:cancel')),
  getReport: (options) => unwrap('getReport', ipcRenderer.invoke('recon:getReport', options)),
  getContract: () => unwrap('getContract', ipcRenderer.invoke('recon:getContract')),
  checkContract: (text) => unwrap('checkContract', ipcRenderer.invoke('recon:checkContract', text)),
  applyContract: (text) => unwrap('applyContract', ipcRenderer.invoke('recon:applyContract', text)),
  countRows: (query) => unwrap('countRows', ipcRenderer.invoke('recon:countRows', query)),
  fetchRows: (query, page) => unwrap('fetchRows', ipcRenderer.invoke('recon:fetchRows', query, page)),
  inspectKey: (reconciliation, key) => unwrap('inspectKey', ipcRenderer.invoke('recon:inspectKey', reconciliation, key)),
  inspectRecord: (reconciliation, side, recordId) => unwrap('inspectRecord', ipcRenderer.invoke('recon:inspectRecord', reconciliation, side, recordId)),
  exportRows: (query, format, columns) => unwrap('exportRows', ipcRenderer.invoke('recon:exportRows', query, format, columns)),
  getWorkspace: () => unwrap('getWorkspace', ipcRenderer.invoke('recon:getWorkspace')),
  checkNewInvestigation: (spec) => unwrap('checkNewInvestigation', ipcRenderer.invoke('recon:checkNewInvestigation', spec)),
  previewDates: (file, sheet, column, timezone) => unwrap('previewDates', ipcRenderer.invoke('recon:previewDates', file, sheet, column, timezone)),
  listFolder: (folder, accept) => unwrap('listFolder', ipcRenderer.invoke('recon:listFolder', folder, accept)),
  countRuleMatches: (source, expression, reportingZone) =>
    unwrap('countRuleMatches', ipcRenderer.invoke('recon:countRuleMatches', source, expression, reportingZone)),
  readContractFile: (contractPath) => unwrap('readContractFile', ipcRenderer.invoke('recon:readContractFile', contractPath)),
  saveContractFile: (contractPath, text) => unwrap('saveContractFile', ipcRenderer.invoke('recon:saveContractFile', contractPath, text)),
  resetSample: (sample) => unwrap('resetSample', ipcRenderer.invoke('recon:resetSample', sample)),
  listColumnValues: (source, column) => unwrap('listColumnValues', ipcRenderer.invoke('recon:listColumnValues', source, column)),
  listAmountCurrencies: (source, reportingCurrency) => unwrap('listAmountCurrencies', ipcRenderer.invoke('recon:listAmountCurrencies', source, reportingCurrency)),
  countPairs: (query) => unwrap('countPairs', ipcRenderer.invoke('recon:countPairs', query)),
  fetchPairs: (query, page) => unwrap('fetchPairs', ipcRenderer.invoke('recon:fetchPairs', query, page)),
  getMetricsReport: (options) => unwrap('getMetricsReport', ipcRenderer.invoke('recon:getMetricsReport', options)),
  fetchMetricRecords: (query, page) => unwrap('fetchMetricRecords', ipcRenderer.invoke('recon:fetchMetricRecords', query, page)),
  tracePersonTimeline: (funnel, recordId) => unwrap('tracePersonTimeline', ipcRenderer.invoke('recon:tracePersonTimeline', funnel, recordId)),
  tracePersonPath: (metric, recordId) => unwrap('tracePersonPath', ipcRenderer.invoke('recon:tracePersonPath', metric, recordId)),
  traceDealTouches: (attribution, recordId) => unwrap('traceDealTouches', ipcRenderer.invoke('recon:traceDealTouches', attribution, recordId)),
  listRevisions: () => unwrap('listRevisions', ipcRenderer.invoke('recon:listRevisions')),
  getRevision: (number) => unwrap('getRevision', ipcRenderer.invoke('recon:getRevision', number)),
  compareContracts: (a, b) => unwrap('compareContracts', ipcRenderer.invoke('recon:compareContracts', a, b)),
  fetchMovedRows: (query, page) => unwrap('fetchMovedRows', ipcRenderer.invoke('recon:fetchMovedRows', query, page)),
  getReview: () => unwrap('getReview', ipcRenderer.invoke('recon:getReview')),
  setReviewer: (name) => unwrap('setReviewer', ipcRenderer.invoke('recon:setReviewer', name)),
  decide: (target, status, note) => unwrap('decide', ipcRenderer.invoke('recon:decide', target, status, note)),
  signOff: (reconciliation, note) => unwrap('signOff', ipcRenderer.invoke('recon:signOff', reconciliation, note)),
  exportAuditPack: () => unwrap('exportAuditPack', ipcRenderer.invoke('recon:exportAuditPack')),
  listSourceColumns: () => unwrap('listSourceColumns', ipcRenderer.invoke('recon:listSourceColumns')),
} satisfies WorkbenchApi;

contextBridge.exposeInMainWorld('recon', recon);
// Outside the API on purpose: a File object exists only in this renderer, and the system's file dialog only on the desktop.
contextBridge.exposeInMainWorld('reconDesktop', {
  pathForFile: (file: File) => webUtils.getPathForFile(file),
  chooseExport: () => ipcRenderer.invoke('recon-desktop:chooseExport') as Promise<string | null>,
});
