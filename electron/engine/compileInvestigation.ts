// Compiles a contract into DuckDB: imports (or reuses) each source, then the steps of every metric and every bridge.
import path from 'node:path';
import type { Progress } from '../../shared/api';
import type { CompareSpec, Contract } from '../../shared/contractTypes';
import { buildBridge } from './buildBridge';
import { buildBucketListing } from './buildBucketListing';
import { buildPairs } from './buildPairs';
import { buildMetricSteps } from './buildMetricSteps';
import { buildSourceTable } from './buildSourceTable';
import type { CompiledMetric, CompiledModel, CompiledReconcile, CompiledSource } from './compiledInvestigation';
import { checkRuleExpression } from './contract/checkRuleExpression';
import { createProgressMeter, type ProgressMeter } from './createProgressMeter';
import { findMetricKey } from './findMetricKey';
import { listRevenueRules } from './contract/listRevenueRules';
import { checkRevenueRule } from './metrics/checkRevenueRule';
import { resolveSourceColumns } from './contract/resolveSourceColumns';
import { resolveSourceFiles } from './contract/resolveSourceFiles';
import { fingerprintSource } from './fingerprintSource';
import { importFile } from './import/importFile';
import { dropImportedSource, importSourceFiles, type ImportedSource } from './import/importSourceFiles';
import { listDateFields } from '../../shared/listDateFields';
import { listInstantFields, listMonthFields, listRevenueDateFields } from './metrics/listRevenueFields';
import { nameDerivedTable } from './nameDerivedTable';
import type { Database } from './openDatabase';
import { UserError } from './UserError';

export interface CompileOptions {
  contractDir: string;
  /** Names the contract in messages (the path as the user gave it). */
  contractLabel: string;
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
  /** Sources of an earlier compile whose tables are still in the database. */
  reusable?: readonly CompiledSource[];
  /** Metric steps and bridges of an earlier compile still in the database: each is reused where its key (its table's name) is unchanged. */
  previous?: Pick<CompiledModel, 'metrics' | 'reconciles'>;
  /** Everything is built in one transaction of a DuckDB file (a session's build), which writes some tables on one thread (buildSourceTable). */
  inTransaction?: boolean;
}

/** The compare fields of every bridge that counts a metric of this source. */
function listComparedFields(contract: Contract, sourceName: string): CompareSpec[] {
  const metrics = new Set(contract.metrics.filter((m) => m.source === sourceName).map((m) => m.name));
  return contract.reconcile.filter((r) => metrics.has(r.left) || metrics.has(r.right)).flatMap((r) => r.compare);
}

/** Fields read as timestamps: every metric's anchor, fields compared in days, revenue.md's dated fields, and fields whose names say they hold one. */
function collectDateFields(contract: Contract, sourceName: string): Set<string> {
  const source = contract.sources.find((s) => s.name === sourceName);
  const anchors = contract.metrics.filter((m) => m.source === sourceName).map((m) => m.date);
  const compared = listComparedFields(contract, sourceName).flatMap((c) => (c.kind === 'date' ? [c.field] : []));
  return listDateFields(Object.keys(source?.fields ?? {}), [...anchors, ...compared, ...listRevenueDateFields(contract, sourceName)]);
}

/** Fields read as amounts: every metric's value, fields compared with an amount tolerance, and the spend sheet's value. */
function collectAmountFields(contract: Contract, sourceName: string): Set<string> {
  const values = contract.metrics.filter((m) => m.source === sourceName).flatMap((m) => (m.value === undefined ? [] : [m.value]));
  const compared = listComparedFields(contract, sourceName).flatMap((c) => (c.kind === 'amount' && c.field !== 'value' ? [c.field] : []));
  const spend = contract.revenue?.sharedMetrics?.spend;
  return new Set([...values, ...compared, ...(spend?.source === sourceName ? [spend.value] : [])]);
}

/** The import's share of a source's step; the rest is typing its dates and amounts (measured on the bench's 1M-row exports). */
const IMPORT_SHARE = 0.35;

async function compileSource(db: Database, contract: Contract, index: number, options: CompileOptions, meter: ProgressMeter): Promise<CompiledSource> {
  const spec = contract.sources[index];
  if (!spec) throw new Error(`no source at ${index}`);
  const files = resolveSourceFiles(options.contractDir, spec, options.contractLabel);
  const file = files[0]?.path ?? '';
  const dateFields = collectDateFields(contract, spec.name);
  const monthFields = listMonthFields(contract, spec.name);
  const instantFields = new Set([...listInstantFields(contract, spec.name)].filter((f) => dateFields.has(f)));
  const amountFields = collectAmountFields(contract, spec.name);
  const money = { currency: contract.reporting.currency, rates: contract.reporting.rates };
  const amounts = { amountFields: [...amountFields].sort(), ...money };
  const fingerprint = fingerprintSource(spec, spec.files ? files.map((f) => f.path) : file, contract.reporting.timezone, dateFields, amounts, monthFields, instantFields);
  const reused = options.reusable?.find((s) => s.fingerprint === fingerprint);
  // The report names the file as this contract writes it, even when the table is reused.
  if (reused) return { ...reused, spec, report: { ...reused.report, name: spec.name, file: spec.file } };
  const started = performance.now();
  meter.begin({ step: 'import', source: spec.name });
  const raw = `raw_${fingerprint.slice(0, 12)}`;
  const importOptions = { sheet: spec.sheet, signal: options.signal, progress: meter.within(0, IMPORT_SHARE) };
  const several: ImportedSource | null = spec.files ? await importSourceFiles(db, spec, files, raw, { ...importOptions, contractLabel: options.contractLabel }) : null;
  const imported = several ?? (await importFile(db, file, raw, importOptions));
  const resolved = several?.resolved ?? resolveSourceColumns(spec, imported.columns, options.contractLabel);
  meter.update({ rowsRead: imported.rows });
  const table = await buildSourceTable(db, {
    rawTable: imported.table,
    table: `src_${fingerprint.slice(0, 12)}`,
    source: spec,
    fields: resolved.fields,
    idColumn: resolved.id,
    dateFields,
    monthFields,
    instantFields,
    amountFields,
    money: { ...money, where: `${options.contractLabel}:${contract.reporting.ratesLine ?? contract.reporting.currencyLine ?? spec.line}: ${contract.reporting.ratesLine ? 'reporting.rates' : 'reporting'}` },
    fileColumns: imported.columns,
    reportingZone: contract.reporting.timezone,
    excelSerials: path.extname(file).toLowerCase() === '.xlsx',
    fileLabel: spec.file,
    progress: meter.within(IMPORT_SHARE, 1),
    inTransaction: options.inTransaction ?? false,
    ...(several ? { fileNames: several.files.map((f) => f.file) } : {}),
  });
  if (several) await dropImportedSource(db, several);
  else await db.run(`DROP TABLE ${imported.table}`);
  meter.begin({ step: 'imported', source: spec.name, rowsRead: imported.rows, ms: Math.round(performance.now() - started) });
  return {
    spec,
    table: table.table,
    fingerprint,
    file,
    ...(several ? { files, filesDir: options.contractDir } : {}),
    dateFields: [...dateFields].sort(),
    ...(monthFields.size ? { monthFields: [...monthFields].sort() } : {}),
    ...(instantFields.size ? { instantFields: [...instantFields].sort() } : {}),
    amounts,
    fileColumns: imported.columns,
    fields: resolved.fields,
    report: {
      name: spec.name,
      file: spec.file,
      rows: imported.rows,
      dropped: imported.dropped,
      unreadable: table.unreadable,
      ...(table.amounts.length ? { amounts: table.amounts } : {}),
      ...(several ? { files: several.files } : {}),
    },
  };
}

/** parseMetrics made sure the anchor is a field of the source; resolveSourceColumns gave every field its column. */
function findAnchorColumn(source: CompiledSource, field: string): string {
  const column = source.fields[field];
  if (column === undefined) throw new Error(`source '${source.spec.name}' has no column for its field '${field}'`);
  return column;
}

export async function compileInvestigation(db: Database, contract: Contract, options: CompileOptions): Promise<CompiledModel> {
  const meter = createProgressMeter(db, options.onProgress ?? (() => undefined), options.signal);
  try {
    return await compileModel(db, contract, options, meter);
  } finally {
    meter.stop();
  }
}

async function compileModel(db: Database, contract: Contract, options: CompileOptions, meter: ProgressMeter): Promise<CompiledModel> {
  const label = options.contractLabel;
  const sources: CompiledSource[] = [];
  for (const index of contract.sources.keys()) sources.push(await compileSource(db, contract, index, options, meter));
  // revenue.md's rules are refused before anything runs, like exclude rules, although they are evaluated only on demand.
  for (const rule of listRevenueRules(contract)) {
    const source = sources.find((s) => s.spec.name === rule.source);
    if (source) await checkRevenueRule(db, source, rule, label);
  }
  const started = performance.now();
  meter.begin({ step: 'reconcile' });
  // Each metric's steps and each bridge's pairs and lines take a like share: their statements are of a size.
  const parts = contract.metrics.length + 2 * contract.reconcile.length;
  const metrics = new Map<string, CompiledMetric>();
  for (const [i, spec] of contract.metrics.entries()) {
    const source = sources.find((s) => s.spec.name === spec.source);
    if (!source) throw new UserError(`${label}:${spec.line}: metrics.${spec.name}.source: unknown source '${spec.source}'`);
    const columns = [...Object.keys(source.fields), ...source.fileColumns];
    for (const rule of spec.exclude) await checkRuleExpression(db, rule, spec.name, columns, label);
    const key = findMetricKey(contract, spec.name, source.fields);
    // Everything the steps are computed from: the source table's fingerprint stands for the file and how it is read.
    const table = nameDerivedTable('steps', { metric: spec, ...key, period: [contract.reporting.from, contract.reporting.to], source: source.fingerprint });
    meter.part('steps', i / parts, (i + 1) / parts);
    if (!options.previous?.metrics.some((m) => m.table === table)) {
      await buildMetricSteps(db, {
        metric: spec,
        sourceTable: source.table,
        table,
        fileColumns: source.fileColumns,
        fields: Object.keys(source.fields),
        ...key,
        period: contract.reporting,
        contractLabel: label,
        anchorColumn: findAnchorColumn(source, spec.date),
      });
    }
    metrics.set(spec.name, { spec, table, source });
  }
  const reconciles: CompiledReconcile[] = [];
  for (const [i, spec] of contract.reconcile.entries()) {
    const left = metrics.get(spec.left);
    const right = metrics.get(spec.right);
    if (!left || !right) throw new UserError(`${label}:${spec.line}: reconcile '${spec.name}': unknown metric '${left ? spec.right : spec.left}'`);
    // The steps tables' names stand for both metrics, their sources and the period; the entry adds its match and compares.
    const table = nameDerivedTable('bridge', { reconcile: spec, left: left.table, right: right.table });
    const at = contract.metrics.length + 2 * i;
    meter.part('pairs', at / parts, (at + 1) / parts);
    const earlier = options.previous?.reconciles.find((r) => r.table === table);
    if (earlier) {
      reconciles.push({ spec, table, left, right, pairs: earlier.pairs, listings: earlier.listings });
      continue;
    }
    const pairs = nameDerivedTable('pairs', { reconcile: spec, left: left.table, right: right.table });
    await buildPairs(db, { table: pairs, left, right, compare: spec.compare });
    meter.part('bridge', (at + 1) / parts, (at + 2) / parts);
    await buildBridge(db, { table, leftSteps: left.table, rightSteps: right.table, pairs });
    const partial = { spec, table, left, right, pairs };
    reconciles.push({ ...partial, listings: { left: await buildBucketListing(db, partial, 'left'), right: await buildBucketListing(db, partial, 'right') } });
  }
  meter.begin({ step: 'reconciled', ms: Math.round(performance.now() - started) });
  return { reportingZone: contract.reporting.timezone, sources, metrics: [...metrics.values()], reconciles };
}
