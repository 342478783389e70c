// `recon` on the command line: reconcile a contract, list a bucket's records, inspect one identity key.
import { parseArgs } from 'node:util';
import { MAX_PAGE_ROWS, type Progress } from '../shared/api';
import { formatCsvRow } from '../shared/formatCsvRow';
import { LISTING_KINDS, type ListingKind, type Side } from '../shared/reportTypes';
import { formatBridgeTable } from './cli/formatBridgeTable';
import { openInvestigation, type Investigation } from './engine/openInvestigation';
import { ContractError } from './engine/contract/ContractError';
import { UserError } from './engine/UserError';

const USAGE = `usage:
  recon reconcile CONTRACT.yaml [--json]
  recon drill CONTRACT.yaml --side left|right --kind KIND [--reason REASON] [--reconciliation NAME]
  recon drill CONTRACT.yaml --kind matched [--reason FIELD_differs] [--reconciliation NAME]   (pairs, both sides)
  recon inspect CONTRACT.yaml --key IDENTITY_KEY [--reconciliation NAME]
kinds: ${LISTING_KINDS.join(', ')} (gross: every row of the side; net: what its metric counts; net_unmatched: what only that side counts)
matched without --side, or with a reason FIELD_differs, lists the matched pairs: both records' columns side by side, largest amount difference first`;

const MAX_CONTRACT_LINES = 20;

let lastReported = '';

function reportProgress(p: Progress): void {
  let line = '';
  if (p.step === 'imported') line = `[recon] imported ${p.source}: ${p.rowsRead} rows in ${p.ms} ms`;
  else if (p.step === 'reconciled') line = `[recon] reconciled in ${p.ms} ms`;
  else if (p.step === 'import' && p.rowsRead) line = `[recon] importing ${p.source}: ${p.rowsRead} rows read`;
  // The importer may report the same count twice (end of read, end of load): say it once.
  if (line && line !== lastReported) process.stderr.write(`${line}\n`);
  lastReported = line || lastReported;
}

function write(text: string): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve())));
}

async function drill(inv: Investigation, reconciliation: string, side: Side | undefined, kind: ListingKind, reason: string | undefined): Promise<void> {
  // Matched records come in pairs: without a side, or for a `<field>_differs` reason, both sides are listed together.
  const pairs = kind === 'matched' && (side === undefined || reason?.endsWith('_differs') === true);
  if (!pairs && side === undefined) throw new UserError(`--side is required for --kind ${kind}\n${USAGE}`);
  const fetchPage = (offset: number) =>
    pairs ? inv.fetchPairRows(reconciliation, reason, { offset, limit: MAX_PAGE_ROWS }) : inv.fetchRows({ reconciliation, side: side ?? 'left', kind, reason }, { offset, limit: MAX_PAGE_ROWS });
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
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, contractPath, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!['reconcile', 'drill', 'inspect'].includes(command)) throw new UserError(`unknown command '${command}'\n${USAGE}`);
  if (!contractPath) throw new UserError(`${command}: the contract file is missing\n${USAGE}`);
  if (rest.length) throw new UserError(`unexpected argument '${rest[0]}'`);
  // Arguments are checked before the (possibly long) import, so a typo fails at once.
  const kind = command === 'drill' ? requireOption<ListingKind>(values.kind, 'kind', LISTING_KINDS) : undefined;
  const side = command === 'drill' && (values.side !== undefined || kind !== 'matched') ? requireOption<Side>(values.side, 'side', ['left', 'right']) : undefined;
  const key = command === 'inspect' ? requireOption(values.key, 'key') : undefined;
  const inv = await openInvestigation(contractPath, { onProgress: reportProgress });
  try {
    const reconciliation = values.reconciliation ?? inv.contract.reconcile[0]?.name ?? '';
    if (kind) {
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
  process.stderr.write(describeFailure(error).map((line) => `recon: ${line}\n`).join(''));
  if (process.env.RECON_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
