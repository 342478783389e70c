// Reads `shared_metrics.sla:` (revenue.md): per SLA, the metric that starts the clock, the rows that stop it, and the limit.
import type { SlaSpec } from '../../../shared/revenueContractTypes';
import { checkPersonKey } from './checkPersonKey';
import { checkUniqueNames } from './checkUniqueNames';
import type { ContractReader, Entry } from './ContractReader';
import { readDuration } from './readDuration';
import { readFieldName, readMetricName, readSourceName } from './readReferences';
import type { RevenueContext } from './RevenueContext';
import { SLA_KEYS, SLA_TO_KEYS } from '../../../shared/CONTRACT_KEYS';

const REQUIRED_TO_KEYS = ['source', 'key', 'date'] as const;

function readTo(reader: ContractReader, entry: Entry | undefined, context: RevenueContext): SlaSpec['to'] {
  const to: SlaSpec['to'] = { source: '', key: '', date: '' };
  if (!entry) return to;
  const map = reader.readFixedMap(entry.value, entry.key, entry.line, SLA_TO_KEYS, REQUIRED_TO_KEYS);
  if (!map) return to;
  const { name, source } = readSourceName(reader, map.get('source'), context.sources);
  to.source = name;
  to.key = readFieldName(reader, map.get('key'), source);
  to.date = readFieldName(reader, map.get('date'), source);
  const whereEntry = map.get('where');
  const where = reader.readText(whereEntry);
  if (where !== undefined && whereEntry) {
    to.where = where;
    to.whereLine = whereEntry.line;
  }
  return to;
}

function readSla(reader: ContractReader, item: Entry, context: RevenueContext): SlaSpec {
  const map = reader.readFixedMap(item.value, item.key, item.line, SLA_KEYS, SLA_KEYS);
  const from = readMetricName(reader, map?.get('from'), context.metrics);
  checkPersonKey(reader, map?.get('from'), context, from, "starts the SLA's clock per person");
  return {
    name: reader.readText(map?.get('name'), { numbers: true }) ?? '',
    from,
    to: readTo(reader, map?.get('to'), context),
    within: readDuration(reader, map?.get('within')) ?? { text: '', hours: 0 },
    line: item.line,
  };
}

export function parseSla(reader: ContractReader, entry: Entry | undefined, context: RevenueContext): SlaSpec[] {
  if (!entry) return [];
  const items = reader.readItems(entry.value, entry.key, entry.line);
  if (!items) return [];
  if (items.length === 0) reader.report(entry.line, entry.key, 'needs at least one SLA (name, from, to, within), or leave the key out');
  const slas = items.map((item) => readSla(reader, item, context));
  checkUniqueNames(reader, slas, (index) => `${entry.key}[${index}].name`);
  return slas;
}
