// Everything the workbook and the PDF say besides the records: contract text and hashes, inputs, the bridge's counts, decisions, sign-offs, rule counts.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import packageJson from '../../../../package.json' with { type: 'json' };
import type { Contract } from '../../../../shared/contractTypes';
import type { ReportOptions } from '../../../../shared/api';
import type { DroppedRow, ReconReport } from '../../../../shared/reportTypes';
import type { DecisionFileLine, DecisionLine, SignOffState } from '../../../../shared/reviewTypes';
import type { CompiledModel } from '../../compiledInvestigation';
import { quoteIdent, type Database } from '../../openDatabase';
import { decisionsFilePath, readDecisionsFile } from '../decisionsFile';
import { describeLineStaleness } from '../describeStaleness';
import { formatSignOffKey } from '../formatTargetKey';
import { readSignOffState } from '../readSignOffState';
import { createStampCache } from '../createStampCache';
import { checkPackUnchanged } from './checkPackUnchanged';
import { describeLineTarget, readDecisionTargets, type DecisionTargets } from './readDecisionTargets';

/** What the pack is made from: the open investigation's database, contract, compiled model and report. */
export interface AuditSource {
  db: Database;
  contract: Contract;
  model: CompiledModel;
  contractPath: string;
  getReport(options?: ReportOptions): Promise<ReconReport>;
}

export interface AuditInput {
  source: string;
  /** As the contract writes it. */
  file: string;
  /** For a source of several files, of all its files together; its sha256 is then the stamp decisions carry (hashSourceInput). */
  bytes: number;
  sha256: string;
  rows: number;
  /** The file's modification time (ISO 8601, UTC); null for a source of several files, whose files each have theirs. */
  modified: string | null;
  /** Each with its file (`file`) for a source of several files. */
  dropped: DroppedRow[];
  /** A source of several files: each file in row order, as read. */
  files?: AuditInputFile[];
}

/** One file of a source of several files: what a reviewer checks it by, and what was read from it. */
export interface AuditInputFile {
  /** As matched or listed, relative to the contract (the name the grids and the report give it). */
  file: string;
  bytes: number;
  modified: string;
  sha256: string;
  rows: number;
  dropped: number;
}

export interface ContractLines {
  /** The file's name (no folder). */
  name: string;
  /** Each line without its line ending, a BOM kept on the first. */
  lines: string[];
  lineEnding: '\r\n' | '\n' | '\r';
  endsWithLineEnding: boolean;
  sha256: string;
}

export interface AuditFacts {
  contract: Contract;
  contractFile: ContractLines;
  inputs: AuditInput[];
  /** Counts and values only (no ids). */
  report: ReconReport;
  decisionsFile: string;
  decisions: DecisionFileLine[];
  targets: DecisionTargets;
  /** Why each current line decision of a non-empty bucket is stale (review.md), by its target key; absent when it still stands. */
  staleLines: Map<string, string[]>;
  /** Per reconciliation, its latest sign-off and whether it holds (null: none). */
  signOffs: Map<string, { line: DecisionLine; state: SignOffState } | null>;
  /** Per metric, each rule's excluded count. */
  ruleCounts: Map<string, Map<string, number>>;
  generatedAt: string;
  toolVersion: string;
}

/** The contract's bytes as lines, so that joining them with its line ending gives the file back exactly. */
function readContractLines(file: string): Omit<ContractLines, 'sha256'> {
  // No BOM stripping: the lines are the bytes as they are.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(readFileSync(file));
  const lineEnding = text.includes('\r\n') ? '\r\n' : !text.includes('\n') && text.includes('\r') ? '\r' : '\n';
  const lines = text.split(lineEnding);
  const endsWithLineEnding = text.length > 0 && text.endsWith(lineEnding);
  if (endsWithLineEnding) lines.pop();
  return { name: path.basename(file), lines: text.length ? lines : [], lineEnding, endsWithLineEnding };
}

async function countRules(db: Database, model: CompiledModel): Promise<Map<string, Map<string, number>>> {
  const counts = new Map<string, Map<string, number>>();
  for (const m of model.metrics) {
    const rows = await db.all<{ reason: string; n: string }>(`SELECT reason, count(*) AS n FROM ${quoteIdent(m.table)} WHERE step = 'excluded' GROUP BY reason`);
    counts.set(m.spec.name, new Map(m.spec.exclude.map((rule) => [rule.name, Number(rows.find((r) => r.reason === rule.name)?.n ?? 0)])));
  }
  return counts;
}

export async function gatherAuditFacts(source: AuditSource, generatedAt: Date): Promise<AuditFacts> {
  const { contract, model } = source;
  const contractPath = path.resolve(source.contractPath);
  const dir = path.dirname(contractPath);
  checkPackUnchanged(contractPath, contract, model);
  // One cache for the stamp and the files of sources of several files: each file is hashed once.
  const hashes = createStampCache();
  const stamp = await hashes.stamp(contractPath, contract);
  const report = await source.getReport({ ids: false });
  const inputs: AuditInput[] = [];
  for (const s of contract.sources) {
    const compiled = model.sources.find((c) => c.spec.name === s.name);
    const files: AuditInputFile[] = [];
    for (const [i, f] of (compiled?.files ?? []).entries()) {
      const read = compiled?.report.files?.[i];
      const stats = statSync(f.path);
      files.push({ file: f.name, bytes: stats.size, modified: stats.mtime.toISOString(), sha256: await hashes.hash(f.path), rows: read?.rows ?? 0, dropped: read?.dropped ?? 0 });
    }
    const one = compiled?.files ? null : statSync(path.resolve(dir, s.file));
    inputs.push({
      source: s.name,
      file: s.file,
      bytes: one ? one.size : files.reduce((sum, f) => sum + f.bytes, 0),
      sha256: stamp.inputs.find((i) => i.source === s.name)?.sha256 ?? '',
      rows: compiled?.report.rows ?? 0,
      modified: one ? one.mtime.toISOString() : null,
      dropped: compiled?.report.dropped ?? [],
      ...(compiled?.files ? { files } : {}),
    });
  }
  const decisionsFile = decisionsFilePath(contractPath);
  const decisions = readDecisionsFile(decisionsFile);
  const targets = readDecisionTargets(decisions);
  // The same reading as the bridge's badges: a reviewer printing the pack sees which decisions no longer stand.
  const staleLines = new Map<string, string[]>();
  for (const r of report.reconciliations) {
    for (const b of r.buckets.filter((x) => x.count > 0)) {
      const key = describeLineTarget(r.name, b.side, b.kind, b.reason);
      const decision = targets.current.get(key);
      const stale = decision ? describeLineStaleness(decision, b, stamp, b.side === 'left' ? r.left.source : r.right.source) : [];
      if (stale.length) staleLines.set(key, stale);
    }
  }
  const signOffs = new Map<string, { line: DecisionLine; state: SignOffState } | null>();
  for (const r of contract.reconcile) {
    const line = targets.current.get(formatSignOffKey(r.name));
    if (!line) {
      signOffs.set(r.name, null);
      continue;
    }
    // The digest needs every id: the complete report is read only when something was signed.
    const full = (await source.getReport()).reconciliations.find((c) => c.name === r.name);
    // The same reading as the bridge header's and `recon verify`'s.
    if (full) signOffs.set(r.name, { line, state: readSignOffState(line, full, stamp) });
  }
  return {
    contract,
    contractFile: { ...readContractLines(contractPath), sha256: stamp.contract_sha256 },
    inputs,
    report,
    decisionsFile,
    decisions,
    targets,
    staleLines,
    signOffs,
    ruleCounts: await countRules(source.db, model),
    generatedAt: generatedAt.toISOString(),
    toolVersion: `${packageJson.name} ${packageJson.version}`,
  };
}
