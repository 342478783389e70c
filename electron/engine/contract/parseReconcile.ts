// Reads `reconcile:`: the bridges, each between two declared metrics.
import type { MetricSpec, ReconcileSpec } from '../../../shared/contractTypes';
import type { ContractReader, Entry } from './ContractReader';
import { suggestNearest } from '../../../shared/suggestNearest';

const RECONCILE_KEYS = ['name', 'left', 'right'] as const;

function readMetricName(reader: ContractReader, entry: Entry | undefined, metrics: MetricSpec[]): string {
  const name = reader.readText(entry, { numbers: true });
  if (name === undefined || !entry) return '';
  const names = metrics.map((metric) => metric.name);
  if (!names.includes(name)) reader.report(entry.line, entry.key, `unknown metric '${name}'${suggestNearest(name, names)}`);
  return name;
}

export function parseReconcile(reader: ContractReader, entry: Entry | undefined, metrics: MetricSpec[]): ReconcileSpec[] {
  if (!entry) return [];
  const items = reader.readItems(entry.value, entry.key, entry.line);
  if (!items) return [];
  if (items.length === 0) reader.report(entry.line, entry.key, 'needs at least one entry (name, left, right)');
  const firstLineByName = new Map<string, number>();
  return items.map((item) => {
    const map = reader.readFixedMap(item.value, item.key, item.line, RECONCILE_KEYS, RECONCILE_KEYS);
    const name = reader.readText(map?.get('name'), { numbers: true }) ?? '';
    const firstLine = firstLineByName.get(name);
    if (name && firstLine !== undefined) {
      reader.report(item.line, `${item.key}.name`, `'${name}' is already the name of the entry at line ${firstLine}`);
    }
    firstLineByName.set(name, firstLineByName.get(name) ?? item.line);
    return {
      name,
      left: readMetricName(reader, map?.get('left'), metrics),
      right: readMetricName(reader, map?.get('right'), metrics),
      line: item.line,
    };
  });
}
