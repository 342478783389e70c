// The contract text of a new investigation, from the form's choices, with comments for the people who sign it.
import path from 'node:path';
import { Document, isCollection, isMap, isScalar, type YAMLMap } from 'yaml';
import type { CompareDraft, NewInvestigation, SourceDraft } from '../../../shared/api';
import { nameKeyField } from '../../../shared/nameKeyField';
import { addRevenueSections } from './addRevenueSections';
import { DEFAULT_NORMALIZERS, NORMALIZER_WORDS } from '../../../shared/NORMALIZER_WORDS';

/** The identity key's canonical name in every source the form writes. */
const KEY_FIELD = 'key';

/**
 * Fields in the order people read them: the key, the date that counts, then the others as chosen, then the
 * compared columns this side does not carry yet. `key` is left out when the side is matched under another
 * name (its record id, or sf_opportunity_id mapping the same column), unless a rule reads it.
 */
function orderFields(draft: SourceDraft, side: 'left' | 'right', compare: readonly CompareDraft[]): Record<string, string> {
  const keyName = nameKeyField(draft);
  const rulesReadKey = (draft.exclude ?? []).some((rule) => /\bkey\b/i.test(rule.expression));
  const fields: Record<string, string> = keyName === KEY_FIELD || rulesReadKey ? { [KEY_FIELD]: draft.fields[KEY_FIELD] ?? '' } : {};
  fields[draft.dateField] = draft.fields[draft.dateField] ?? '';
  for (const [name, column] of Object.entries(draft.fields)) if (!(name in fields) && name !== KEY_FIELD && column !== '') fields[name] = column;
  for (const entry of compare) {
    const column = entry[side];
    if (entry.field !== 'value' && column && !(entry.field in fields)) fields[entry.field] = column;
  }
  return fields;
}

function describeSource(draft: SourceDraft, side: 'left' | 'right', spec: NewInvestigation, contractDir: string): Record<string, unknown> {
  return {
    system: draft.system,
    file: path.relative(contractDir, path.resolve(draft.file)).split(path.sep).join('/'),
    ...(draft.sheet ? { sheet: draft.sheet } : {}),
    timezone: draft.timezone,
    ...(draft.id ? { id: draft.id } : {}),
    fields: orderFields(draft, side, spec.compare ?? []),
  };
}

function describeMetric(draft: SourceDraft): Record<string, unknown> {
  const exclude = Object.fromEntries((draft.exclude ?? []).map((rule) => [rule.name, rule.expression]));
  return { source: draft.name, date: draft.dateField, ...(draft.value ? { value: draft.value } : {}), ...(draft.exclude?.length ? { exclude } : {}), dedupe: { keep: 'earliest' } };
}

/** A decimal typed in the form as the YAML number it means (`1.08`), so the contract reads as people write it. */
function writeNumber(text: string | undefined): number | string {
  const trimmed = (text ?? '').trim();
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** One compare entry as money.md writes it: a tolerance (amount, "1%", "3 days") or a value map. */
function describeCompare(entry: CompareDraft): Record<string, unknown> {
  if (entry.kind === 'amount') return { tolerance: writeNumber(entry.tolerance) };
  if (entry.kind === 'percent') return { tolerance: `${(entry.tolerance ?? '').trim()}%` };
  if (entry.kind === 'days') return { tolerance: `${(entry.tolerance ?? '').trim()} days` };
  // Keys are read ignoring case: left values one but for case, mapped alike, are written once (mapped apart, the contract says so).
  const map = Object.entries(entry.map ?? {}).filter(
    ([from, to], i, all) => from.trim() !== '' && to.trim() !== '' && !all.slice(0, i).some(([f, t]) => f.trim().toLowerCase() === from.trim().toLowerCase() && t === to),
  );
  return map.length > 0 ? { map: Object.fromEntries(map) } : {};
}

/** A compare entry in words, for the comment above `compare`. */
function sayCompare(entry: CompareDraft, currency: string | undefined): string {
  const tolerance = (entry.tolerance ?? '').trim();
  const what = entry.field === 'value' ? 'the amounts' : entry.field;
  if (entry.kind === 'amount') return `${what}: equal when at most ${tolerance}${currency ? ` ${currency}` : ''} apart`;
  if (entry.kind === 'percent') return `${what}: equal when at most ${tolerance}% of the larger amount apart`;
  if (entry.kind === 'days') return `${what}: dates equal when at most ${tolerance} day${tolerance === '1' ? '' : 's'} apart`;
  const mapped = Object.keys(entry.map ?? {}).length > 0;
  return `${what}: the same text, ignoring case and spaces around it${mapped ? ', after translating the left values by the map' : ''}`;
}

function commentKey(map: YAMLMap, key: string, comment: string): void {
  const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
  if (!pair || !isScalar(pair.key)) return;
  pair.key.commentBefore = comment;
  pair.key.spaceBefore = true;
}

/** Both sides on the canonical `key` without Salesforce ids: the contract's one `identity`, as before money. */
function isPlainIdentity(spec: NewInvestigation, normalize: readonly string[]): boolean {
  return nameKeyField(spec.left) === KEY_FIELD && nameKeyField(spec.right) === KEY_FIELD && !normalize.includes('salesforce_id');
}

export function buildNewContractText(spec: NewInvestigation, contractPath: string, today: string): string {
  const normalize = spec.normalize ?? DEFAULT_NORMALIZERS;
  const { left, right } = spec;
  const compare = spec.compare ?? [];
  const currency = spec.currency?.trim().toUpperCase() || undefined;
  const rates = Object.fromEntries(
    Object.entries(spec.rates ?? {})
      .filter(([code, rate]) => code !== currency && rate.trim() !== '')
      .map(([code, rate]) => [code, writeNumber(rate)]),
  );
  const plain = isPlainIdentity(spec, normalize);
  const match = { left: nameKeyField(left), right: nameKeyField(right), normalize };
  const bridge = {
    name: `${left.metric} vs ${right.metric}`,
    left: left.metric,
    right: right.metric,
    ...(plain ? {} : { match }),
    ...(compare.length > 0 ? { compare: Object.fromEntries(compare.map((entry) => [entry.field, describeCompare(entry)])) } : {}),
  };
  const contractDir = path.dirname(contractPath);
  const doc = new Document({
    contract: spec.title,
    version: 1,
    reporting: {
      timezone: spec.timezone,
      period: { from: spec.from, to: spec.to },
      ...(currency ? { currency } : {}),
      ...(currency && Object.keys(rates).length > 0 ? { rates } : {}),
    },
    sources: { [left.name]: describeSource(left, 'left', spec, contractDir), [right.name]: describeSource(right, 'right', spec, contractDir) },
    ...(plain ? { identity: { key: KEY_FIELD, normalize } } : {}),
    metrics: { [left.metric]: describeMetric(left), [right.metric]: describeMetric(right) },
    reconcile: [bridge],
  });
  doc.commentBefore = [
    ` ${spec.title}: the metrics contract, written by Recon Workbench on ${today}.`,
    ' Everyone who signs the bridge signs this page. Edit it freely: comments and key order are kept.',
  ].join('\n');
  // Short lists and pairs on one line, as people write them by hand.
  const compact = [
    ['reporting', 'period'],
    ['reporting', 'rates'],
    ['identity', 'normalize'],
    ['reconcile', 0, 'match'],
    ...compare.filter((entry) => entry.kind !== 'text').map((entry) => ['reconcile', 0, 'compare', entry.field]),
    ...[left.metric, right.metric].map((m) => ['metrics', m, 'dedupe']),
  ];
  for (const at of compact) {
    const node = doc.getIn(at, true);
    if (isCollection(node)) node.flow = true;
  }
  const top = doc.contents;
  if (!isMap(top)) throw new Error('the new contract is not a mapping');
  const money = currency ? ` Amounts are reported in ${currency}; rates: how many ${currency} one unit of each other currency is worth.` : '';
  commentKey(top, 'reporting', [' The period counted, both dates inclusive, as calendar dates in this time zone.', ...(money ? [money] : [])].join('\n'));
  commentKey(
    top,
    'sources',
    [
      ` The two exports compared${spec.revenue?.sources.length ? ' (the others follow them)' : ''}. file: relative to this contract; timezone: how times without an offset`,
      ' in the file are read; id: the column that names each record; fields: the names used below and the',
      plain
        ? ` file's column for each (${KEY_FIELD} says which records are the same, the date field puts a record in the period).`
        : " file's column for each (the date field puts a record in the period; reconcile: match says which records are the same).",
    ].join('\n'),
  );
  const steps = normalize.map((n) => `   ${n}: ${NORMALIZER_WORDS[n]}`);
  if (plain) commentKey(top, 'identity', [` Two records are the same when their ${KEY_FIELD} values match once we:`, ...steps].join('\n'));
  const valued = left.value && right.value ? ` Each side also adds up its amounts (value: ${left.value} / ${right.value}).` : '';
  commentKey(
    top,
    'metrics',
    [
      ' What each side counts. A record counts in the period of its date. Exclude rules leave records out,',
      ' in order (the first that matches gives the reason); of records sharing a key, the earliest counts.',
      ...(valued ? [valued] : []),
    ].join('\n'),
  );
  commentKey(top, 'reconcile', " The bridge: from the left metric's count to the right's, every difference opening to its records.");
  addRevenueSections(doc, spec, contractDir);
  const entry = doc.getIn(['reconcile', 0], true);
  if (isMap(entry)) {
    const sayKey = (name: string, draft: SourceDraft) => (name === 'id' ? `record id (${draft.id ?? 'row number'})` : `${name} (${draft.fields[name] ?? draft.fields[KEY_FIELD] ?? ''})`);
    if (!plain) {
      commentKey(entry, 'match', [` A left record and a right record are the same when the left's ${sayKey(match.left, left)} equals the right's ${sayKey(match.right, right)} once we:`, ...steps].join('\n'));
    }
    if (compare.length > 0) {
      commentKey(
        entry,
        'compare',
        [' Records both sides count are compared, in this order; the first field that differs is why the pair differs:', ...compare.map((c) => `   ${sayCompare(c, currency)}`)].join('\n'),
      );
    }
  }
  return doc.toString({ lineWidth: 0 });
}
