// Parses and validates a metrics contract (spec/contract.md), reporting every problem with its line.
import { isMap, isSeq, LineCounter, parseDocument, type YAMLError } from 'yaml';
import type { Contract, MetricSpec, ReconcileSpec, SourceSpec } from '../../../shared/contractTypes';
import { ContractError, type ContractIssue } from './ContractError';
import { ContractReader, type Entry } from './ContractReader';
import { parseMetrics } from './parseMetrics';
import { parseReconcile } from './parseReconcile';
import { parseRevenue } from './parseRevenue';
import { parseSources, readTimeZone } from './parseSources';
import { readNormalizers } from './readNormalizers';
import { suggestNearest } from '../../../shared/suggestNearest';
import { IDENTITY_KEYS, PERIOD_KEYS, REPORTING_KEYS, TOP_KEYS } from '../../../shared/CONTRACT_KEYS';

const REQUIRED_TOP_KEYS = ['contract', 'version', 'reporting', 'sources', 'metrics', 'reconcile'] as const;
/** revenue.md: a contract with any of these may have no bridge (`reconcile` absent or empty). */
const BRIDGELESS_KEYS = ['funnels', 'attribution'] as const;
// A rate multiplies amounts of up to 10^15 in DECIMAL(38,18) (buildConvertedAmountSql): it must stay below 10^5.
const RATE = /^\d{1,5}(\.\d{1,10})?$/;

const CONTRACT_SHAPE = 'a contract is YAML text of keys and values (contract:, version:, reporting:, sources:, identity:, metrics:, reconcile:)';

/** Plain words for a file that is no YAML text at all: binary data, or an export's delimited lines. */
function describeNotYamlText(text: string): string | undefined {
  if (text.includes('\u0000')) return `binary file, not a contract: ${CONTRACT_SHAPE}`;
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#')).slice(0, 3);
  const delimited = lines.length > 0 && lines.every((line) => (line.match(/[,;\t]/g)?.length ?? 0) >= 2 && !/^[\w .-]+:(\s|$)/.test(line));
  return delimited ? `not a contract: the file holds delimited lines (an export, not a contract?), but ${CONTRACT_SHAPE}` : undefined;
}

/** Plain words for YAML that is no mapping at all (a list, a line of text). */
function describeNotContract(contents: unknown): string | undefined {
  if (contents === null || isMap(contents)) return undefined;
  return `not a contract: the file holds ${isSeq(contents) ? 'a list' : 'a single text'}, but ${CONTRACT_SHAPE}`;
}

function toIssue(error: YAMLError): ContractIssue {
  const position = error.linePos?.[0];
  const message = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  return { line: position?.line ?? 1, column: position?.col, key: '(yaml)', message: `YAML syntax: ${message}` };
}

function readDate(reader: ContractReader, entry: Entry | undefined): string | undefined {
  const text = reader.readText(entry);
  if (text === undefined || !entry) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (date && date.toISOString().slice(0, 10) === text) return text;
  const reason = match ? 'is not a calendar date' : 'must be a date written YYYY-MM-DD';
  reader.report(entry.line, entry.key, `'${text}' ${reason}`);
  return undefined;
}

function readCurrencyCode(reader: ContractReader, entry: Entry, text: string): string | undefined {
  if (/^[A-Z]{3}$/.test(text)) return text;
  const hint = /^[a-z]{3}$/i.test(text) ? ` (write it in capitals: ${text.toUpperCase()})` : '';
  reader.report(entry.line, entry.key, `'${text}' is not an ISO currency code like USD or EUR${hint}`);
  return undefined;
}

/** `rates`: units of the reporting currency for one unit of each other currency, kept as exact decimal text. */
function readRates(reader: ContractReader, entry: Entry | undefined, currency: string | undefined): Record<string, string> {
  const rates: Record<string, string> = {};
  if (!entry) return rates;
  if (currency === undefined) reader.report(entry.line, entry.key, "rates convert into the reporting currency: set 'reporting.currency' too");
  for (const item of reader.readEntries(entry.value, entry.key, entry.line) ?? []) {
    const code = readCurrencyCode(reader, item, item.name);
    const rate = reader.readText(item, { numbers: true });
    if (code === undefined || rate === undefined) continue;
    if (!RATE.test(rate) || Number(rate) === 0) {
      reader.report(item.line, item.key, `'${rate}' is no rate: write the units of ${currency ?? 'the reporting currency'} for 1 ${code}, a positive number below 100000 with at most 10 decimals`);
    } else if (code === currency && Number(rate) !== 1) {
      reader.report(item.line, item.key, `${code} is the reporting currency: its rate is 1, not ${rate}`);
    } else rates[code] = rate;
  }
  return rates;
}

function readReporting(reader: ContractReader, entry: Entry | undefined): Contract['reporting'] {
  const reporting: Contract['reporting'] = { timezone: 'UTC', from: '', to: '', rates: {} };
  if (!entry) return reporting;
  const map = reader.readFixedMap(entry.value, entry.key, entry.line, REPORTING_KEYS, ['period']);
  reporting.timezone = readTimeZone(reader, map?.get('timezone')) ?? 'UTC';
  const currencyEntry = map?.get('currency');
  const currencyText = reader.readText(currencyEntry);
  const currency = currencyEntry && currencyText !== undefined ? readCurrencyCode(reader, currencyEntry, currencyText) : undefined;
  if (currency !== undefined && currencyEntry) {
    reporting.currency = currency;
    reporting.currencyLine = currencyEntry.line;
  }
  const ratesEntry = map?.get('rates');
  reporting.rates = readRates(reader, ratesEntry, currencyText);
  if (ratesEntry) reporting.ratesLine = ratesEntry.line;
  const period = map?.get('period');
  if (!period) return reporting;
  const dates = reader.readFixedMap(period.value, period.key, period.line, PERIOD_KEYS, PERIOD_KEYS);
  reporting.from = readDate(reader, dates?.get('from')) ?? '';
  reporting.to = readDate(reader, dates?.get('to')) ?? '';
  if (reporting.from && reporting.to && reporting.from > reporting.to) {
    reader.report(period.line, period.key, `period backwards: from ${reporting.from} is after to ${reporting.to}`);
  }
  return reporting;
}

function readIdentity(reader: ContractReader, entry: Entry | undefined): { identity?: NonNullable<Contract['identity']>; keyEntry?: Entry } {
  if (!entry) return {};
  const map = reader.readFixedMap(entry.value, entry.key, entry.line, IDENTITY_KEYS, ['key']);
  const keyEntry = map?.get('key');
  const normalize = readNormalizers(reader, map?.get('normalize'));
  return { identity: { key: reader.readText(keyEntry) ?? '', normalize }, keyEntry };
}

/**
 * The identity key joins the rows of bridges without their own `match`, so the sources of their metrics must have
 * it. A metric of no such bridge needs it not (revenue.md: without the field it is deduplicated on its source's id).
 */
function checkIdentityKey(reader: ContractReader, keyEntry: Entry | undefined, key: string, sources: SourceSpec[], metrics: MetricSpec[], reconcile: ReconcileSpec[]): void {
  if (!keyEntry || !key) return;
  const onIdentity = new Set(reconcile.filter((r) => r.match.fromIdentity).flatMap((r) => [r.left, r.right]));
  for (const source of sources) {
    const metric = metrics.find((candidate) => candidate.source === source.name && onIdentity.has(candidate.name));
    const fields = Object.keys(source.fields);
    if (!metric || fields.length === 0 || fields.includes(key)) continue;
    reader.report(
      keyEntry.line,
      keyEntry.key,
      `'${key}' is not a field of source '${source.name}' (used by metric '${metric.name}')${suggestNearest(key, fields)}`,
    );
  }
}

/** Parses contract text; `fileLabel` names the file in messages. Throws ContractError listing every problem. */
export function parseContract(text: string, fileLabel: string): Contract {
  const notText = describeNotYamlText(text);
  if (notText) throw new ContractError(fileLabel, [{ line: 1, key: '(file)', message: notText }]);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  if (doc.errors.length > 0) throw new ContractError(fileLabel, doc.errors.map(toIssue));
  const notContract = describeNotContract(doc.contents);
  if (notContract) throw new ContractError(fileLabel, [{ line: 1, key: '(file)', message: notContract }]);
  const reader = new ContractReader(doc, lineCounter);
  const bridgeless = BRIDGELESS_KEYS.some((key) => doc.has(key));
  const required = bridgeless ? REQUIRED_TOP_KEYS.filter((key) => key !== 'reconcile') : REQUIRED_TOP_KEYS;
  const top = reader.readFixedMap(doc.contents, '', 1, TOP_KEYS, required) ?? new Map<string, Entry>();
  const reporting = readReporting(reader, top.get('reporting'));
  const sources = parseSources(reader, top.get('sources'), reporting.timezone);
  const { identity, keyEntry } = readIdentity(reader, top.get('identity'));
  const metrics = parseMetrics(reader, top.get('metrics'), sources);
  const identityLine = keyEntry?.line ?? top.get('identity')?.line ?? 1;
  const reconcile = parseReconcile(reader, top.get('reconcile'), { metrics, sources, identity, identityMissingLine: identityLine, mayBeEmpty: bridgeless });
  checkIdentityKey(reader, keyEntry, identity?.key ?? '', sources, metrics, reconcile);
  const revenue = parseRevenue(reader, top, { sources, metrics, reconcile, identity });
  const contract: Contract = {
    title: reader.readText(top.get('contract'), { numbers: true }) ?? '',
    version: reader.readText(top.get('version'), { numbers: true }) ?? '',
    reporting,
    sources,
    metrics,
    reconcile,
  };
  if (identity) contract.identity = identity;
  if (revenue) contract.revenue = revenue;
  const owner = reader.readText(top.get('owner'), { numbers: true });
  if (owner !== undefined) contract.owner = owner;
  const signedOffBy = reader.readTextList(top.get('signed_off_by'));
  if (signedOffBy !== undefined) contract.signedOffBy = signedOffBy;
  if (reader.issues.length > 0) {
    throw new ContractError(fileLabel, [...reader.issues].sort((a, b) => a.line - b.line));
  }
  return contract;
}
