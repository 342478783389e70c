// The workbook's first four sheets as rows (review.md): Summary, Contract, Inputs, Decisions.
import path from 'node:path';
import type { DecisionLine, SignOffState } from '../../../../shared/reviewTypes';
import type { AuditFacts } from './gatherAuditFacts';
import { describeLineTarget } from './readDecisionTargets';

export type SheetValue = string | number | null;

export interface InfoSheet {
  name: string;
  rows: SheetValue[][];
  /** Column widths in characters. */
  widths: number[];
}

export function describeSignOff(state: SignOffState | undefined | null): string {
  if (!state) return 'not signed off';
  return state.holds ? 'holds' : `no longer holds: ${state.changes.join('; ')}`;
}

const LINE_ENDING_NAMES = { '\r\n': 'CRLF', '\n': 'LF', '\r': 'CR' } as const;

function buildSummary(facts: AuditFacts): InfoSheet {
  const { contract, report } = facts;
  const valued = (name: string) => report.reconciliations.find((r) => r.name === name)?.buckets.some((b) => b.value !== undefined) ?? false;
  const rows: SheetValue[][] = [
    ['title', contract.title],
    ['version', contract.version],
    ['owner', contract.owner ?? null],
    ['signed_off_by', (contract.signedOffBy ?? []).join(', ') || null],
    ['period', contract.reporting.from, contract.reporting.to],
    ['zone', contract.reporting.timezone],
    ['currency', contract.reporting.currency ?? null],
    ['generated at', facts.generatedAt],
    ['tool version', facts.toolVersion],
    ['decisions file', facts.decisions.length ? `${path.basename(facts.decisionsFile)} (${facts.decisions.length} lines)` : 'none'],
  ];
  for (const r of report.reconciliations) {
    const signOff = facts.signOffs.get(r.name);
    rows.push([], ['reconciliation', r.name]);
    rows.push(['latest sign-off', signOff?.state.by ?? null, signOff?.state.at ?? null, describeSignOff(signOff?.state), signOff ? `version ${signOff.state.version}` : null]);
    rows.push(['side', 'kind', 'reason', 'count', 'value', 'decision', 'note', 'decided by', 'decided at', 'stale']);
    for (const b of r.buckets.filter((x) => x.count > 0)) {
      const key = describeLineTarget(r.name, b.side, b.kind, b.reason);
      const d: DecisionLine | undefined = facts.targets.current.get(key);
      const stale = facts.staleLines.get(key)?.join('; ') ?? null;
      rows.push([b.side, b.kind, b.reason, b.count, valued(r.name) ? (b.value ?? 0) : null, d?.status ?? null, d?.note ?? null, d?.by ?? null, d?.at ?? null, stale]);
    }
  }
  return { name: 'Summary', rows, widths: [16, 24, 28, 12, 14, 12, 40, 16, 26, 40] };
}

/** Column A the line number, column B the line as in the file; then the sha256 (and how the lines join back). */
function buildContract(facts: AuditFacts): InfoSheet {
  const f = facts.contractFile;
  const rows: SheetValue[][] = f.lines.map((line, i) => [i + 1, line]);
  rows.push([], ['file', f.name], ['sha256', f.sha256], ['line ending', LINE_ENDING_NAMES[f.lineEnding]], ['last line ends with it', f.endsWithLineEnding ? 'yes' : 'no']);
  return { name: 'Contract', rows, widths: [12, 100] };
}

/**
 * A row per source; a source of several files is followed by a row per file (its own size, time and sha256, what was
 * read from it), its own row giving the totals and the one sha256 decisions stamp for the source.
 */
function buildInputs(facts: AuditFacts): InfoSheet {
  const rows: SheetValue[][] = [['source', 'file', 'size in bytes', 'sha256', 'rows loaded', 'lines dropped', 'modified']];
  for (const i of facts.inputs) {
    rows.push([i.source, i.file, i.bytes, i.sha256, i.rows, i.dropped.length, i.modified]);
    for (const f of i.files ?? []) rows.push([i.source, f.file, f.bytes, f.sha256, f.rows, f.dropped, f.modified]);
  }
  rows.push([], ['lines dropped'], ['source', 'file', 'line', 'reason', 'text']);
  for (const i of facts.inputs) for (const d of i.dropped) rows.push([i.source, d.file ?? i.file, d.line, d.reason, d.text]);
  return { name: 'Inputs', rows, widths: [18, 36, 14, 66, 12, 14, 26] };
}

function buildDecisions(facts: AuditFacts): InfoSheet {
  const header = ['line', 'current', 'status', 'reconciliation', 'side', 'kind', 'reason', 'record', 'note', 'by', 'at', 'version', 'contract_sha256', 'count', 'value', 'inputs', 'report_sha256', 'list', 'problem', 'text'];
  const rows: SheetValue[][] = [header];
  for (const line of facts.decisions) {
    const d = line.decision;
    if (!d) {
      rows.push([line.line, null, 'unreadable', null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, line.problem ?? null, line.text]);
      continue;
    }
    const inputs = d.inputs.map((i) => `${i.source}: ${i.file} ${i.sha256}`).join('; ');
    const current = facts.targets.currentLines.has(line.line) ? 'yes' : 'no';
    rows.push([line.line, current, d.status, d.reconciliation, d.side, d.kind, d.reason, d.record, d.note, d.by, d.at, d.version, d.contract_sha256, d.count, d.value, inputs, d.report_sha256 ?? null, d.list ? JSON.stringify(d.list) : null, null, null]);
  }
  return { name: 'Decisions', rows, widths: [6, 8, 12, 24, 6, 12, 20, 20, 40, 16, 26, 8, 20, 8, 12, 40, 20, 20, 30, 40] };
}

export function buildInfoSheets(facts: AuditFacts): InfoSheet[] {
  return [buildSummary(facts), buildContract(facts), buildInputs(facts), buildDecisions(facts)];
}
