// What every revenue computation reads: the database, the contract, its compiled tables, and how to find them by name.
import type { Contract, Normalizer } from '../../../shared/contractTypes';
import type { CompiledMetric, CompiledModel, CompiledSource } from '../compiledInvestigation';
import { findMetricKey } from '../findMetricKey';
import type { Database } from '../openDatabase';
import { UserError } from '../UserError';

export interface MetricsContext {
  db: Database;
  contract: Contract;
  model: CompiledModel;
  /** Names the contract in messages (the path as the user gave it). */
  contractLabel: string;
  /** Within one metrics report: each used link's pairs, made once (createLinkPairTables). Link name -> table. */
  linkPairs?: ReadonlyMap<string, string>;
  /**
   * A report read only to be written as JSON (writeMetricsReportJson): each id list's JSON text from DuckDB is kept
   * as it is and the list stands for it in the report, never parsed into strings (readIdList).
   */
  keepIdText?: (text: string) => string[];
}

export function findMetric(ctx: MetricsContext, name: string): CompiledMetric {
  const found = ctx.model.metrics.find((m) => m.spec.name === name);
  if (!found) throw new UserError(`${ctx.contractLabel}: unknown metric '${name}'; the contract has: ${ctx.model.metrics.map((m) => m.spec.name).join(', ')}`);
  return found;
}

export function findSource(ctx: MetricsContext, name: string): CompiledSource {
  const found = ctx.model.sources.find((s) => s.spec.name === name);
  if (!found) throw new UserError(`${ctx.contractLabel}: unknown source '${name}'; the contract has: ${ctx.model.sources.map((s) => s.spec.name).join(', ')}`);
  return found;
}

/** Person keys (a funnel's key, an SLA's keys, a link's `to` without its own) are read like identity keys (revenue.md, "Keys"). */
export function listPersonNormalizers(contract: Contract): Normalizer[] {
  return contract.identity?.normalize ?? ['trim', 'lowercase'];
}

/**
 * True when the metric's steps table already holds `field` read as a person key (its __key column: the same field,
 * the same normalisers), so a reader takes __key instead of normalising every row of the source again.
 */
export function stepsKeyIsPerson(ctx: MetricsContext, metric: CompiledMetric, field: string): boolean {
  const key = findMetricKey(ctx.contract, metric.spec.name, metric.source.fields);
  const person = listPersonNormalizers(ctx.contract);
  return key.identityKey === field && key.normalize.length === person.length && key.normalize.every((n, i) => n === person[i]);
}

/** A canonical field the source must have, else a message naming the source, the field and where the contract asks for it. */
export function requireField(ctx: MetricsContext, source: CompiledSource, field: string, where: string): void {
  if (field in source.fields) return;
  throw new UserError(`${ctx.contractLabel}: ${where}: source '${source.spec.name}' has no field '${field}'; its fields: ${Object.keys(source.fields).join(', ')}`);
}
