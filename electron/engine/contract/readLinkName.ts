// Reads a `via:` (a funnel stage, an attribution entry): a declared link, whose `from` holds ids of the metric's source.
import type { ContractReader, Entry } from './ContractReader';
import { readReference } from './readReferences';
import { findMetricSource, type RevenueContext } from './RevenueContext';

/** `metric` is the metric whose records the link reaches: the link's `from` is matched against its source's `id`. */
export function readLinkName(reader: ContractReader, entry: Entry | undefined, context: RevenueContext, metric: string): string {
  const names = context.links.map((link) => link.name);
  const name = readReference(reader, entry, names, 'link', "the contract has no 'links'");
  const source = findMetricSource(context, metric);
  if (entry && names.includes(name) && source && source.id === undefined) {
    reader.report(
      entry.line,
      entry.key,
      `link '${name}' reaches metric '${metric}' by record id, but its source '${source.name}' has no 'id' column (set sources.${source.name}.id)`,
    );
  }
  return name;
}
