// `recon` on the command line: reconcile a contract, its funnels, attribution and shared metrics, list a bucket's records, inspect one identity key, decide, sign off and verify sign-offs, compare two contracts, write the audit pack.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_PAGE_ROWS } from '../shared/api';
import { formatCsvRow } from '../shared/formatCsvRow';
import { ATTRIBUTION_LISTS, FUNNEL_LISTS, SHARED_METRIC_NAMES, SLA_LISTS, type MetricListQuery } from '../shared/metricsReportTypes';
import { ATTRIBUTION_MODELS } from '../shared/revenueContractTypes';
import { BUCKET_KINDS, LISTING_KINDS, type BucketKind, type ListingKind, type Side } from '../shared/reportTypes';
import { DECISION_STATUSES, type DecisionStatus } from '../shared/reviewTypes';
import { appendCliDecision, appendCliSignOff } from './cli/appendCliDecision';
import { createProgressPrinter } from './cli/createProgressPrinter';
import type { PageRequest, RowPage } from '../shared/api';
import { formatBridgeTable } from './cli/formatBridgeTable';
import { formatSourceFiles } from './cli/formatSourceFiles';
import { formatMetricsTables } from './cli/formatMetricsTables';
import { writeContractDiff } from './cli/writeContractDiff';
import { formatVerification } from './cli/formatVerification';
import { openInvestigation, type Investigation } from './engine/openInvestigation';
import { ContractError } from './engine/contract/ContractError';
import { readUserSettings } from './engine/review/userSettings';
import { verifySignOffs } from './engine/review/verifySignOffs';
import { findWorkbenchHome } from './shell/findWorkbenchHome';
import { UserError } from './engine/UserError';

const USAGE = `usage:
  recon reconcile CONTRACT.yaml [--json]
  recon drill CONTRACT.yaml --side left|right --kind KIND [--reason REASON] [--reconciliation NAME]
  recon drill CONTRACT.yaml --kind matched [--reason FIELD_differs] [--reconciliation NAME]   (pairs, both sides)
  recon inspect CONTRACT.yaml --key IDENTITY_KEY [--reconciliation NAME]
  recon audit CONTRACT.yaml --out DIR                            the audit pack (review.md): '<title> v<version> audit.xlsx' and '.pdf'
  recon metrics CONTRACT.yaml [--json]                           funnels, attribution, shared metrics and SLAs (revenue.md)
  recon diff A.yaml B.yaml [--json]                              both contracts over the same exports: every bridge line under A and B, the records that moved (review.md)
  recon verify CONTRACT.yaml                                     whether each reconciliation's latest sign-off still holds (exit 3 when not)
  recon decide CONTRACT.yaml --side left|right (--kind KIND [--reason REASON] | --record ID) --status STATUS [--note TEXT] [--reviewer NAME] [--reconciliation NAME]
  recon sign-off CONTRACT.yaml [--note TEXT] [--reviewer NAME] [--reconciliation NAME]
  recon drill CONTRACT.yaml --funnel NAME --list cohort
  recon drill CONTRACT.yaml --funnel NAME --stage N --list reached|ids|dropped|skipped|outside_cohort
  recon drill CONTRACT.yaml --sla NAME --list met|breached|never
  recon drill CONTRACT.yaml --shared NAME [--by GROUP]
  recon drill CONTRACT.yaml --attribution NAME --model MODEL --channel CHANNEL [--campaign CAMPAIGN] [--list opportunities|touches]
  recon drill CONTRACT.yaml --attribution NAME --list no_touch|influenced|both|crm_only|touches_only|neither
  recon drill CONTRACT.yaml --attribution NAME --agreement MODEL --reported CHANNEL --touched CHANNEL
decision statuses: ${DECISION_STATUSES.join(', ')}; --reviewer defaults to the name the workbench keeps (RECON_HOME/settings.json)
kinds: ${LISTING_KINDS.join(', ')} (gross: every row of the side; net: what its metric counts; net_unmatched: what only that side counts)
matched without --side, or with a reason FIELD_differs, lists the matched pairs: both records' columns side by side, largest amount difference first
funnel lists (stage N counts from 1): cohort, reached, dropped and skipped list cohort records; ids (the stage records reached) and
  outside_cohort (dated stage records no cohort record reaches) list the stage metric's records
shared metrics: ${SHARED_METRIC_NAMES.join(', ')}; --by as the report's "by" (crm, touches, a funnel's name, a win_rate_by group or a
  spend channel; none for the overall one)
attribution models: ${ATTRIBUTION_MODELS.join(', ')}; a credit line lists its opportunities (default) or the touches giving it
  its share; without --campaign the channel line; --agreement lists the deals of one cell of the self-reported x MODEL matrix`;

const MAX_CONTRACT_LINES = 20;

const progress = createProgressPrinter();
const interrupted = new AbortController();
let importing = false;

// Ctrl-C stops the import under way within a second (DuckDB interrupted, temp copies removed) and main() says so; once
// the import is done, or at a second Ctrl-C, there is nothing to clean up: exit at once.
process.on('SIGINT', () => {
  progress.clear();
  if (importing && !interrupted.signal.aborted) {
    interrupted.abort();
    return;
  }
  process.stderr.write('recon: cancelled (Ctrl-C)\n');
  process.exit(130);
});

/** Runs the import and reconcile of `work` as the long work Ctrl-C cancels. */
async function runImport<T>(work: () => Promise<T>): Promise<T> {
  importing = true;
  try {
    return await work();
  } finally {
    importing = false;
  }
}

function write(text: string): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve())));
}

async function drill(inv: Investigation, reconciliation: string, side: Side | undefined, kind: ListingKind, reason: string | undefined): Promise<void> {
  // Matched records come in pairs: without a side, or for a `<field>_differs` reason, both sides are listed together.
  const pairs = kind === 'matched' && (side === undefined || reason?.endsWith('_differs') === true);
  if (!pairs && side === undefined) throw new UserError(`--side is required for --kind ${kind}\n${USAGE}`);
  await writePages((page) => (pairs ? inv.fetchPairRows(reconciliation, reason, page) : inv.fetchRows({ reconciliation, side: side ?? 'left', kind, reason }, page)));
}

/** Writes every page as CSV, the header once. */
async function writePages(fetch: (page: PageRequest) => Promise<RowPage>): Promise<void> {
  const fetchPage = (offset: number) => fetch({ offset, limit: MAX_PAGE_ROWS });
  let header = true;
  for (let offset = 0; ; offset += MAX_PAGE_ROWS) {
    const page = await fetchPage(offset);
    const lines = page.rows.map((row) => formatCsvRow(row));
    if (header) lines.unshift(formatCsvRow(page.columns));
    header = false;
    if (lines.length) await write(`${lines.join('\r\n')}\r\n`);
    if (page.rows.length < MAX_PAGE_ROWS) return;
  }
}

function requireOption<T extends string>(value: string | undefined, name: string, allowed?: readonly T[]): T {
  if (value === undefined) throw new UserError(`--${name} is required\n${USAGE}`);
  if (allowed && !allowed.includes(value as T)) throw new UserError(`--${name} must be one of ${allowed.join(', ')}, not '${value}'`);
  return value as T;
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      side: { type: 'string' },
      kind: { type: 'string' },
      reason: { type: 'string' },
      key: { type: 'string' },
      reconciliation: { type: 'string' },
      funnel: { type: 'string' },
      stage: { type: 'string' },
      list: { type: 'string' },
      sla: { type: 'string' },
      shared: { type: 'string' },
      by: { type: 'string' },
      attribution: { type: 'string' },
      model: { type: 'string' },
      channel: { type: 'string' },
      campaign: { type: 'string' },
      agreement: { type: 'string' },
      reported: { type: 'string' },
      touched: { type: 'string' },
      out: { type: 'string' },
      record: { type: 'string' },
      status: { type: 'string' },
      note: { type: 'string' },
      reviewer: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, contractPath, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!['reconcile', 'drill', 'inspect', 'metrics', 'verify', 'decide', 'sign-off', 'diff', 'audit'].includes(command)) throw new UserError(`unknown command '${command}'\n${USAGE}`);
  if (!contractPath) throw new UserError(`${command}: the contract file is missing\n${USAGE}`);
  if (command === 'diff') {
    const [other, ...more] = rest;
    if (!other) throw new UserError(`diff: the second contract file is missing\n${USAGE}`);
    if (more.length) throw new UserError(`unexpected argument '${more[0]}'`);
    await runImport(() => writeContractDiff(contractPath, other, values.json === true, write, { onProgress: progress.report, signal: interrupted.signal }));
    return;
  }
  if (rest.length) throw new UserError(`unexpected argument '${rest[0]}'`);
  // Arguments are checked before the (possibly long) import, so a typo fails at once.
  const metricList = command === 'drill' ? readMetricListQuery(values) : undefined;
  const kind = command === 'drill' && !metricList ? requireOption<ListingKind>(values.kind, 'kind', LISTING_KINDS) : undefined;
  const side = command === 'drill' && !metricList && (values.side !== undefined || kind !== 'matched') ? requireOption<Side>(values.side, 'side', ['left', 'right']) : undefined;
  const key = command === 'inspect' ? requireOption(values.key, 'key') : undefined;
  const out = command === 'audit' ? requireOption(values.out, 'out') : undefined;
  const decision = command === 'decide' ? readDecisionOptions(values) : undefined;
  const by = command === 'decide' || command === 'sign-off' ? findReviewer(values.reviewer) : '';
  const inv = await runImport(() => openInvestigation(contractPath, { onProgress: progress.report, signal: interrupted.signal }));
  for (const s of inv.model.sources) for (const line of formatSourceFiles(s.report)) process.stderr.write(`[recon] ${s.spec.name}: ${line}\n`);
  try {
    const reconciliation = values.reconciliation ?? inv.contract.reconcile[0]?.name ?? '';
    if (out !== undefined) {
      await writeAuditPack(inv, out);
    } else if (command === 'verify') {
      await verify(inv);
    } else if (decision) {
      await write(await appendCliDecision(inv, { reconciliation, ...decision.target }, decision.status, values.note ?? '', by));
    } else if (command === 'sign-off') {
      await write(await appendCliSignOff(inv, reconciliation, values.note ?? '', by));
    } else if (metricList) {
      await writePages((page) => inv.fetchMetricRecords(metricList, page));
    } else if (command === 'metrics') {
      if (values.json) await inv.writeMetricsReportJson(write);
      else await write(formatMetricsTables(await inv.getMetricsReport()));
    } else if (kind) {
      await drill(inv, reconciliation, side, kind, values.reason);
    } else if (key !== undefined) {
      await write(`${JSON.stringify(await inv.inspectKey(reconciliation, key), null, 2)}\n`);
    } else {
      if (values.json) await inv.writeReportJson(write);
      else await write(formatBridgeTable(await inv.getReport()));
    }
  } finally {
    inv.close();
  }
}

/** Writes the pack's two files into `dir` (created when missing) and prints their paths, the workbook first. */
async function writeAuditPack(inv: Investigation, dir: string): Promise<void> {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new UserError(`cannot create the folder ${dir}: ${(error as Error).message}`);
  }
  for (const file of await inv.exportAuditPack()) {
    const target = path.join(dir, file.fileName);
    try {
      writeFileSync(target, file.bytes);
    } catch (error) {
      throw new UserError(`cannot write ${target}: ${(error as Error).message}`);
    }
    await write(`${target}\n`);
  }
}

/** `recon decide`'s target and status, checked before the import. */
function readDecisionOptions(values: Record<string, string | boolean | undefined>) {
  const text = (name: string) => (typeof values[name] === 'string' ? values[name] : undefined);
  const status = requireOption<DecisionStatus>(text('status'), 'status', DECISION_STATUSES);
  const side = requireOption<Side>(text('side'), 'side', ['left', 'right']);
  const record = text('record');
  if (record !== undefined) {
    if (text('kind') !== undefined || text('reason') !== undefined) throw new UserError('decide: give --record ID or --kind KIND [--reason REASON], not both');
    return { status, target: { side, record } };
  }
  return { status, target: { side, kind: requireOption<BucketKind>(text('kind'), 'kind', BUCKET_KINDS), reason: text('reason') } };
}

/** --reviewer, else the name the workbench keeps; a decision is never anonymous. */
function findReviewer(given: string | undefined): string {
  const name = given?.trim() || readUserSettings(findWorkbenchHome()).reviewer;
  if (!name) throw new UserError('--reviewer NAME is required: no reviewer name is kept in the workbench settings yet');
  return name;
}

/** Exit 3 when a reconciliation has no sign-off or its latest no longer holds (review.md); unreadable decision lines are named on stderr. */
async function verify(inv: Investigation): Promise<void> {
  const result = await verifySignOffs(inv, inv.contractPath);
  for (const line of result.unreadable) process.stderr.write(`recon: ${result.file}:${line.line}: this line cannot be read (${line.problem ?? 'unknown problem'}); it is kept and skipped\n`);
  await write(formatVerification(result.reconciliations));
  if (result.reconciliations.some((r) => !r.signOff?.holds)) process.exitCode = 3;
}

/** `drill --attribution`: a credit line (--model), an agreement cell (--agreement) or one of the entry's other lists. */
function readAttributionQuery(attribution: string, text: (name: string) => string | undefined): MetricListQuery {
  const model = text('model');
  if (model !== undefined) {
    const list = text('list') === undefined ? 'opportunities' : requireOption(text('list'), 'list', ['opportunities', 'touches'] as const);
    return { attribution, model: requireOption(model, 'model', ATTRIBUTION_MODELS), channel: requireOption(text('channel'), 'channel'), campaign: text('campaign') ?? null, list };
  }
  const agreement = text('agreement');
  if (agreement !== undefined) {
    const touchModels = ATTRIBUTION_MODELS.filter((m) => m !== 'self_reported');
    return { attribution, agreement: requireOption(agreement, 'agreement', touchModels), reported: requireOption(text('reported'), 'reported'), touched: requireOption(text('touched'), 'touched') };
  }
  return { attribution, list: requireOption(text('list'), 'list', ATTRIBUTION_LISTS) };
}

/** `drill --funnel / --sla / --shared / --attribution`: which list of the metrics report; undefined for a bridge drill. */
function readMetricListQuery(values: Record<string, string | boolean | undefined>): MetricListQuery | undefined {
  const text = (name: string) => (typeof values[name] === 'string' ? values[name] : undefined);
  const chosen = ['funnel', 'sla', 'shared', 'attribution'].filter((name) => text(name) !== undefined);
  if (chosen.length === 0) return undefined;
  if (chosen.length > 1 || text('kind') !== undefined) throw new UserError(`drill one list at a time: --${[...chosen, ...(text('kind') ? ['kind'] : [])].join(', --')} were given\n${USAGE}`);
  const funnel = text('funnel');
  if (funnel !== undefined) {
    const list = requireOption(text('list'), 'list', FUNNEL_LISTS);
    if (list === 'cohort') return { funnel, list };
    const stage = Number(requireOption(text('stage'), 'stage'));
    if (!Number.isInteger(stage) || stage < 1) throw new UserError(`--stage must be a stage number from 1, not '${text('stage')}'`);
    return { funnel, stage, list };
  }
  const attribution = text('attribution');
  if (attribution !== undefined) return readAttributionQuery(attribution, text);
  const sla = text('sla');
  if (sla !== undefined) return { sla, list: requireOption(text('list'), 'list', SLA_LISTS) };
  return { shared: requireOption(text('shared'), 'shared', SHARED_METRIC_NAMES), by: text('by') ?? null };
}

/** A contract's problems one line each (at most MAX_CONTRACT_LINES); any other error in its one line. */
function describeFailure(error: unknown): string[] {
  if (error instanceof ContractError) {
    const lines = error.issues.slice(0, MAX_CONTRACT_LINES).map((i) => `${error.fileLabel}:${i.line}: ${i.key}: ${i.message}`);
    const more = error.issues.length - MAX_CONTRACT_LINES;
    return more > 0 ? [...lines, `... and ${more} more problem${more === 1 ? '' : 's'}`] : lines;
  }
  const message = error instanceof Error ? error.message : String(error);
  // A user's mistake is one line; anything else is a bug, and RECON_DEBUG=1 shows where.
  const prefix = error instanceof UserError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? '' : 'internal error: ';
  return [`${prefix}${message.split('\n')[0]}`];
}

main(process.argv.slice(2)).catch((error: unknown) => {
  progress.clear();
  if (interrupted.signal.aborted) {
    process.stderr.write('recon: cancelled (Ctrl-C): nothing was imported or written\n');
    process.exitCode = 130;
    return;
  }
  process.stderr.write(describeFailure(error).map((line) => `recon: ${line}\n`).join(''));
  if (process.env.RECON_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
