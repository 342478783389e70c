// The decisions file beside a contract (review.md): read line by line, unreadable lines kept and reported; appended one whole line at a time.
import { closeSync, existsSync, fstatSync, fsyncSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { DECISION_STATUSES, type DecisionFileLine, type DecisionLine } from '../../../shared/reviewTypes';
import { BUCKET_KINDS } from '../../../shared/reportTypes';

/** `acme.recon.yaml` -> `acme.recon.yaml.decisions.jsonl`, beside it. */
export function decisionsFilePath(contractPath: string): string {
  return `${contractPath}.decisions.jsonl`;
}

const STATUSES: readonly string[] = [...DECISION_STATUSES, 'signed_off'];

const isText = (v: unknown): v is string => typeof v === 'string';
const isTextOrNull = (v: unknown): boolean => v === null || typeof v === 'string';
const isNumberOrNull = (v: unknown): boolean => v === null || (typeof v === 'number' && Number.isFinite(v));

/** Why a parsed JSON value is not a decision line, or null when it is one. */
function findProblem(v: Record<string, unknown>): string | null {
  for (const key of ['reconciliation', 'note', 'by', 'at', 'version', 'contract_sha256'] as const) if (!isText(v[key])) return `"${key}" must be a text`;
  if (!STATUSES.includes(v.status as string)) return `"status" must be one of ${STATUSES.join(', ')}`;
  if (v.side !== null && v.side !== 'left' && v.side !== 'right') return '"side" must be "left", "right" or null';
  if (v.kind !== null && !(BUCKET_KINDS as readonly unknown[]).includes(v.kind)) return `"kind" must be a bucket kind (${BUCKET_KINDS.join(', ')}) or null`;
  for (const key of ['reason', 'record'] as const) if (!isTextOrNull(v[key])) return `"${key}" must be a text or null`;
  for (const key of ['count', 'value'] as const) if (!isNumberOrNull(v[key])) return `"${key}" must be a number or null`;
  if (!Array.isArray(v.inputs) || !v.inputs.every((i: unknown) => typeof i === 'object' && i !== null && isText((i as Record<string, unknown>).source) && isText((i as Record<string, unknown>).file) && isText((i as Record<string, unknown>).sha256))) {
    return '"inputs" must be a list of {source, file, sha256}';
  }
  if (v.status === 'signed_off' && !isText(v.report_sha256)) return 'a sign-off needs "report_sha256"';
  if (Number.isNaN(Date.parse(v.at as string))) return `"at" is not a time: ${String(v.at)}`;
  return null;
}

/** Reads one line's text; a line that is not a decision keeps its text and says why. */
export function readDecisionLine(text: string, line: number): DecisionFileLine {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { line, text, decision: null, problem: `not JSON: ${(error as Error).message}` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { line, text, decision: null, problem: 'not a JSON object' };
  const problem = findProblem(parsed as Record<string, unknown>);
  return problem ? { line, text, decision: null, problem } : { line, text, decision: parsed as DecisionLine };
}

/**
 * Every line of the file, in file order (none when it does not exist). Blank lines are skipped but counted;
 * a last line without its line ending (a write cut short) is read like any other and reported if torn.
 */
export function readDecisionsFile(file: string): DecisionFileLine[] {
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').split('\n');
  const read: DecisionFileLine[] = [];
  lines.forEach((raw, index) => {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim() !== '') read.push(readDecisionLine(text, index + 1));
  });
  return read;
}

/** True when the file's last byte is not a line ending (a line torn by a crash): the next line must not join it. */
function endsMidLine(fd: number): boolean {
  const size = fstatSync(fd).size;
  if (size === 0) return false;
  const last = Buffer.alloc(1);
  readSync(fd, last, 0, 1, size - 1);
  return last[0] !== 0x0a;
}

/**
 * Appends one decision as one line with one write on a file opened for appending (O_APPEND: every write goes to
 * the end, whole, so two processes appending at once never interleave), then flushes it to disk. Old lines are
 * never touched; after a torn last line the new one starts on a line of its own.
 */
export function appendDecision(file: string, decision: DecisionLine): void {
  const fd = openSync(file, 'a+');
  try {
    const text = `${endsMidLine(fd) ? '\n' : ''}${JSON.stringify(decision)}\n`;
    const bytes = Buffer.from(text, 'utf8');
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
