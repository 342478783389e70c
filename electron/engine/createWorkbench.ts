// The engine behind every transport: one open investigation at a time, long work with progress and cancel.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ApplyResult, ContractDocument, ContractIssue, Progress, SampleName, SessionInfo, WorkbenchApi } from '../../shared/api';
import type { ReconReport } from '../../shared/reportTypes';
import type { ContractRef } from '../../shared/reviewTypes';
import { checkContractText } from './checkContractText';
import { checkNewInvestigation } from './newInvestigation/checkNewInvestigation';
import { ContractError } from './contract/ContractError';
import { loadContract, readContractText } from './contract/loadContract';
import { parseContract } from './contract/parseContract';
import { createInvestigation } from './newInvestigation/createInvestigation';
import { diffReports } from './diffReports';
import { exportBucketRows } from './export/exportBucketRows';
import { openDatabase } from './openDatabase';
import { listAmountCurrencies } from './newInvestigation/listAmountCurrencies';
import { listFolder } from './newInvestigation/listFolder';
import { createImportCache } from './import/createImportCache';
import type { ImportOptions } from './import/importFile';
import { createProgressMeter } from './createProgressMeter';
import { readDatePreview } from './newInvestigation/previewDates';
import { readExportPreview } from './newInvestigation/previewExport';
import { readContractFile } from './readContractFile';
import { readRecent, recordRecent } from './recentInvestigations';
import { resetSample } from './resetSample';
import { createReview, type ReviewSubject } from './review/createReview';
import { createRuleCounter } from './rules/createRuleCounter';
import { saveContractFile } from './saveContractFile';
import { openSession, type Session } from './session/openSession';
import { UserError } from './UserError';
import type { ComparedText } from './review/compareContracts';
import { createComparer } from './review/createComparer';
import { hashFile } from './review/hashFile';
import { readUserSettings } from './review/userSettings';

export interface WorkbenchOptions {
  /** The app's own folder: session databases, the recent list, the working copy of the sample. */
  home: string;
  /** The bundled sample contract; it is copied into `home` before opening, so the bundle stays untouched. */
  sampleContract: string;
  /** The bundled pipeline sample's contract (money.md), copied likewise; absent in builds without it. */
  pipelineSampleContract?: string;
  /** The user's folder where new contracts are proposed (the shells pass findWorkspace()); `home`/investigations when absent. */
  workspace?: string;
}

/** `close` cancels the long work under way (as Cancel does), waits for it to roll back, then closes every database. */
export type Workbench = WorkbenchApi & { close(): Promise<void> };

/** Runs one piece of DuckDB work at a time: a connection is not shared between concurrent statements. */
function createQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const next = tail.then(work, work);
    tail = next.catch(() => undefined);
    return next;
  };
}

export async function createWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  mkdirSync(options.home, { recursive: true });
  const scratch = await openDatabase(':memory:');
  const queue = createQueue();
  // Funnels, attribution and shared metrics run on the session's second connection, in a queue of their own: the
  // bridge's pages are answered while they are computed (seconds at a million touches).
  const metricsQueue = createQueue();
  /** Work that rebuilds, replaces or closes the session holds both queues: no metrics statement runs under it. */
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => metricsQueue(() => queue(work));
  // Exports read by the new-investigation form stay imported while it is filled in: each is read once
  // for its preview, its date previews and its rule counts.
  const imports = createImportCache(scratch);
  const rules = createRuleCounter(scratch, imports);
  const comparer = createComparer();
  const review = createReview(options.home, queue);
  let session: Session | null = null;
  let progress: Progress | null = null;
  let abort: AbortController | null = null;
  /** True while the slot is held by a read for the form (a preview), which other long work may take over. */
  let formRead = false;
  /** Set by close: work that finishes after it is let go of rather than kept open. */
  let closing = false;
  /** The issues of each contract's last failed open, with the text they were found in: the editor shows them. */
  const failures = new Map<string, { text: string; issues: ContractIssue[] }>();

  const current = (): Session => {
    if (!session) throw new UserError('no investigation is open', 'no_session');
    return session;
  };
  const reviewed = (): ReviewSubject => ({ contractPath: current().info.contractPath, investigation: current().investigation });

  /** Takes the slot of the long work (what getProgress tells and cancel stops) for `work`, and gives it back after it. */
  async function holdSlot<T>(first: Progress, asFormRead: boolean, work: (signal: AbortSignal, onProgress: (p: Progress) => void) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    abort = controller;
    formRead = asFormRead;
    progress = first;
    try {
      // A form read runs on the scratch database: it need not wait for the metrics computed ahead on the session's.
      const run = asFormRead ? queue : exclusive;
      return await run(() => work(controller.signal, (p) => abort === controller && (progress = p)));
    } finally {
      // Taken over meanwhile (a form read, by an open or an apply): the slot is the other work's now.
      if (abort === controller) {
        abort = null;
        progress = null;
      }
    }
  }

  /** Long work: reports progress, can be cancelled, and only one runs at a time (a form read gives it the slot). */
  async function longWork<T>(work: (signal: AbortSignal, onProgress: (p: Progress) => void) => Promise<T>): Promise<T> {
    if (closing) throw new UserError('the workbench is closing', 'closing');
    if (abort && !formRead) throw new UserError('another import or recompute is under way; wait for it or cancel it', 'busy');
    return holdSlot({ step: 'import' }, false, work);
  }

  /**
   * A read for the new-investigation form (an export's preview): at 1M rows some 2 s, so it shows its progress and
   * can be cancelled as an import can, unless other long work runs (it then waits its turn in the queue, untold).
   */
  async function readForForm<T>(file: string, work: (options: Pick<ImportOptions, 'signal' | 'progress'>) => Promise<T>): Promise<T> {
    if (abort) return queue(() => work({}));
    const source = path.basename(file);
    return holdSlot({ step: 'import', source }, true, async (signal, onProgress) => {
      const meter = createProgressMeter(scratch, onProgress, signal);
      meter.begin({ step: 'import', source });
      // The statements after the import (ids and dates looked for) are stopped too.
      const interrupt = () => scratch.interrupt();
      signal.addEventListener('abort', interrupt);
      try {
        return await work({ signal, progress: meter });
      } catch (error) {
        if (signal.aborted) throw new UserError(`cancelled: ${file} was not read`, 'cancelled');
        throw error;
      } finally {
        signal.removeEventListener('abort', interrupt);
        meter.stop();
      }
    });
  }

  async function open(contractPath: string): Promise<SessionInfo> {
    const loaded = await loadContract(contractPath);
    // One DuckDB file is opened once: reopening the open contract closes it first.
    if (session?.info.contractPath === loaded.path) await closeSession();
    // Metrics still computed ahead on the open investigation would hold the new one back: they are asked again if needed.
    session?.interruptMetrics();
    let next: Session;
    try {
      next = await longWork((signal, onProgress) => openSession(options.home, loaded.path, loaded.contract, loaded.text, { signal, onProgress }));
    } catch (error) {
      if (error instanceof ContractError) failures.set(loaded.path, { text: loaded.text, issues: error.issues });
      throw error;
    }
    failures.delete(loaded.path);
    // Ready just as the app quits: the databases are being closed, this one too.
    if (closing) {
      next.close();
      throw new UserError('cancelled: the workbench is closing', 'cancelled');
    }
    await queue(() => next.revisions.record(loaded.text, loaded.contract.version, reviewerName()));
    // The previous investigation stays open until the new one is ready: a failed open changes nothing.
    await closeSession();
    session = next;
    computeMetricsAhead();
    review.prime(reviewed());
    await queue(() => imports.clear());
    await queue(() => rules.clear());
    // A comparison holds both contracts' copies of the exports in memory: it goes with the investigation it was made in.
    await queue(async () => comparer.close());
    const { from, to, timezone } = loaded.contract.reporting;
    recordRecent(options.home, { contractPath: next.info.contractPath, title: next.info.title, openedAt: new Date().toISOString(), period: { from, to, timezone } });
    return next.info;
  }

  /** Closes the open investigation once no statement runs on it; metrics computed ahead are stopped first. */
  async function closeSession(): Promise<void> {
    session?.interruptMetrics();
    await exclusive(async () => {
      session?.close();
      session = null;
    });
  }

  /**
   * Computes the metrics report of a contract that defines funnels, attribution or shared metrics as soon as its
   * bridge is ready, so their screens open on numbers already computed. A failure is told when a screen asks.
   */
  function computeMetricsAhead(): void {
    const revenue = session?.investigation.contract.revenue;
    if (!revenue || (revenue.funnels.length === 0 && revenue.attribution.length === 0 && !revenue.sharedMetrics)) return;
    metricsQueue(() => current().investigation.getMetricsReport({ ids: false })).catch(() => undefined);
  }

  /** Where a sample ships and where its working copy lives in `home`. */
  function sampleOf(name: SampleName = 'leads'): { bundled: string; folder: string } {
    if (name === 'leads') return { bundled: options.sampleContract, folder: 'sample' };
    if (!options.pipelineSampleContract) throw new UserError('this build has no pipeline sample');
    return { bundled: options.pipelineSampleContract, folder: 'sample-pipeline' };
  }
  function sampleCopy(name?: SampleName): string {
    const sample = sampleOf(name);
    const contract = path.join(options.home, sample.folder, path.basename(sample.bundled));
    return existsSync(contract) ? contract : resetSample(options.home, sample.bundled, sample.folder);
  }

  /** Parses a contract that is not open: its rules are checked against no columns. */
  const checkFile = (text: string, label: string) => queue(() => checkContractText(scratch, text, label, null));
  const lastFailure = (absolute: string, text: string) => (failures.get(absolute)?.text === text ? (failures.get(absolute)?.issues ?? []) : []);

  /** The name decisions and revisions are made by (review.md: asked once, kept in the user's settings); null until given. */
  const reviewerName = () => readUserSettings(options.home).reviewer ?? null;

  /** A side of a comparison: a revision and the open contract are read where the open contract is, so its exports are theirs. */
  async function readComparedText(ref: ContractRef): Promise<ComparedText> {
    if ('revision' in ref) {
      const s = current();
      const revision = await queue(() => s.revisions.read(ref.revision));
      const label = `${path.basename(s.info.contractPath)} (revision ${ref.revision})`;
      return { contract: parseContract(revision.text, label), text: revision.text, path: s.info.contractPath, label, sha256: revision.sha256 };
    }
    const file = 'open' in ref ? current().info.contractPath : path.resolve(ref.file);
    const text = await readContractText(file);
    return { contract: parseContract(text, file), text, path: file, label: file, sha256: await hashFile(file) };
  }

  async function apply(text: string): Promise<ApplyResult> {
    const s = current();
    const label = path.basename(s.info.contractPath);
    const checked = await queue(() => checkContractText(scratch, text, label, s.investigation.model));
    if (!checked.contract) return { issues: checked.issues, report: null, changes: [] };
    const contract = checked.contract;
    // Counts without id lists, as the screens read them: at 1M rows a side the ids took 10 s to read (issue 11).
    const before: ReconReport = await queue(() => s.investigation.getReport({ ids: false }));
    s.interruptMetrics();
    const next = await longWork((signal, onProgress) => s.rebuild(contract, text, { signal, onProgress }));
    // The file is written only once the bridge was rebuilt from it; aside and renamed, never half-written.
    const file = s.info.contractPath;
    writeFileSync(`${file}.tmp`, text);
    renameSync(`${file}.tmp`, file);
    session = next;
    computeMetricsAhead();
    await queue(() => next.revisions.record(text, contract.version, reviewerName()));
    review.prime(reviewed());
    const report = await queue(() => next.investigation.getReport({ ids: false }));
    return { issues: [], report, changes: diffReports(before, report), ...(next.info.build ? { recompute: next.info.build } : {}) };
  }

  return {
    getSession: async () => session?.info ?? null,
    listRecent: async () => readRecent(options.home),
    openSample: async (sample) => open(sampleCopy(sample)),
    openContract: async (contractPath) => open(contractPath),
    previewExport: async (file, sheet) => {
      const absolute = path.resolve(file);
      return readForForm(absolute, async ({ signal, progress: span }) => {
        // Shares measured at 1M rows: the import 1.2 s, the look through its columns 1.0 s.
        const imported = await imports.load(absolute, sheet, { signal, progress: span?.within(0, 0.55) });
        span?.part('columns', 0.55, 1);
        return readExportPreview(scratch, absolute, imported);
      });
    },
    createInvestigation: async (spec) => createInvestigation(spec, open),
    getProgress: async () => progress,
    cancel: async () => abort?.abort(),
    getReport: async (options) => queue(() => current().investigation.getReport(options)),
    getContract: async (): Promise<ContractDocument> => {
      const s = current();
      const text = readFileSync(s.info.contractPath, 'utf8');
      const checked = await queue(() => checkContractText(scratch, text, path.basename(s.info.contractPath), s.investigation.model));
      return { path: s.info.contractPath, text, contract: checked.contract, issues: checked.issues };
    },
    checkContract: async (text) => {
      // Without a session (a contract that failed to load, fixed in the editor) the text is parsed alone.
      if (!session) return (await checkFile(text, 'contract')).issues;
      const s = session;
      return (await queue(() => checkContractText(scratch, text, path.basename(s.info.contractPath), s.investigation.model))).issues;
    },
    applyContract: apply,
    countRows: async (query) => queue(() => current().investigation.countRows(query)),
    fetchRows: async (query, page) => queue(() => current().investigation.fetchRows(query, page)),
    inspectKey: async (reconciliation, key) => queue(() => current().investigation.inspectKey(reconciliation, key)),
    inspectRecord: async (reconciliation, side, id) => queue(() => current().investigation.inspectRecord(reconciliation, side, id)),
    exportRows: async (query, format, columns) => queue(() => exportBucketRows(current().investigation, query, format, columns)),
    getWorkspace: async () => ({ workspace: options.workspace ?? path.join(options.home, 'investigations'), home: options.home }),
    checkNewInvestigation: async (spec) => checkNewInvestigation(spec),
    previewDates: async (file, sheet, column, timezone) =>
      queue(async () => {
        const imported = await imports.load(path.resolve(file), sheet ?? undefined);
        return readDatePreview(scratch, imported.table, imported.columns, path.resolve(file), column, timezone);
      }),
    listFolder: async (folder, accept) => listFolder(folder, undefined, accept),
    countRuleMatches: async (source, expression, reportingZone) => queue(() => rules.countMatches(source, expression, reportingZone)),
    readContractFile: async (contractPath) => readContractFile(contractPath, checkFile, lastFailure),
    saveContractFile: async (contractPath, text) => saveContractFile(contractPath, text, checkFile, open),
    resetSample: async (sample) => {
      const { bundled, folder } = sampleOf(sample);
      return open(resetSample(options.home, bundled, folder));
    },
    listColumnValues: async (source, column) => queue(() => rules.listValues(source, column)),
    listAmountCurrencies: async (source, reportingCurrency) => queue(() => listAmountCurrencies(scratch, imports, source, reportingCurrency)),
    countPairs: async (query) => queue(() => current().investigation.countPairs(query)),
    fetchPairs: async (query, page) => queue(() => current().investigation.fetchPairs(query, page)),
    getMetricsReport: async (options) => metricsQueue(() => current().investigation.getMetricsReport(options)),
    fetchMetricRecords: async (query, page) => metricsQueue(() => current().investigation.fetchMetricRecords(query, page)),
    tracePersonTimeline: async (funnel, recordId) => metricsQueue(() => current().investigation.tracePersonTimeline(funnel, recordId)),
    tracePersonPath: async (metric, recordId) => metricsQueue(() => current().investigation.tracePersonPath(metric, recordId)),
    traceDealTouches: async (attribution, recordId) => metricsQueue(() => current().investigation.traceDealTouches(attribution, recordId)),
    listRevisions: async () => queue(() => current().revisions.list()),
    getRevision: async (number) => queue(() => current().revisions.read(number)),
    compareContracts: async (a, b) => {
      const [aText, bText] = [await readComparedText(a), await readComparedText(b)];
      const comparison = await longWork((signal, onProgress) => comparer.compare(aText, bText, { signal, onProgress }));
      return { ...comparison, aText: aText.text, bText: bText.text };
    },
    fetchMovedRows: async (query, page) => queue(() => comparer.fetchMovedRows(query, page)),
    getReview: async () => review.getReview(reviewed()),
    setReviewer: async (name) => review.setReviewer(reviewed(), name),
    decide: async (target, status, note) => review.decide(reviewed(), target, status, note),
    signOff: async (reconciliation, note) => review.signOff(reviewed(), reconciliation, note),
    exportAuditPack: async () =>
      queue(async () =>
        (await current().investigation.exportAuditPack()).map((f) => ({ fileName: f.fileName, mimeType: f.mimeType, base64: f.bytes.toString('base64'), rows: f.records })),
      ),
    listSourceColumns: async () => current().investigation.listSourceColumns(),
    close: async () => {
      closing = true;
      abort?.abort();
      session?.interruptMetrics();
      // The work under way stops at DuckDB's interrupt and rolls back its transaction; only then are the files closed, unlocked.
      await exclusive(async () => undefined);
      comparer.close();
      session?.close();
      session = null;
      scratch.close();
    },
  };
}
