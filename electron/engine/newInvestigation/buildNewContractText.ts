// The contract text of a new investigation, from the form's choices, with comments for the people who sign it.
import path from 'node:path';
import { Document, isCollection, isMap, isScalar, type YAMLMap } from 'yaml';
import type { NewInvestigation, SourceDraft } from '../../../shared/api';
import { DEFAULT_NORMALIZERS, NORMALIZER_WORDS } from '../../../shared/NORMALIZER_WORDS';

/** The identity key's canonical name in every source the form writes. */
const KEY_FIELD = 'key';

/** Fields in the order people read them: the key, the date that counts, then the others as chosen. */
function orderFields(draft: SourceDraft): Record<string, string> {
  const fields: Record<string, string> = { [KEY_FIELD]: draft.fields[KEY_FIELD] ?? '' };
  fields[draft.dateField] = draft.fields[draft.dateField] ?? '';
  for (const [name, column] of Object.entries(draft.fields)) if (!(name in fields) && column !== '') fields[name] = column;
  return fields;
}

function describeSource(draft: SourceDraft, contractDir: string): Record<string, unknown> {
  return {
    system: draft.system,
    file: path.relative(contractDir, path.resolve(draft.file)).split(path.sep).join('/'),
    ...(draft.sheet ? { sheet: draft.sheet } : {}),
    timezone: draft.timezone,
    ...(draft.id ? { id: draft.id } : {}),
    fields: orderFields(draft),
  };
}

function describeMetric(draft: SourceDraft): Record<string, unknown> {
  const exclude = Object.fromEntries((draft.exclude ?? []).map((rule) => [rule.name, rule.expression]));
  return { source: draft.name, date: draft.dateField, ...(draft.exclude?.length ? { exclude } : {}), dedupe: { keep: 'earliest' } };
}

function commentKey(map: YAMLMap, key: string, comment: string): void {
  const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
  if (!pair || !isScalar(pair.key)) return;
  pair.key.commentBefore = comment;
  pair.key.spaceBefore = true;
}

export function buildNewContractText(spec: NewInvestigation, contractPath: string, today: string): string {
  const normalize = spec.normalize ?? DEFAULT_NORMALIZERS;
  const { left, right } = spec;
  const doc = new Document({
    contract: spec.title,
    version: 1,
    reporting: { timezone: spec.timezone, period: { from: spec.from, to: spec.to } },
    sources: { [left.name]: describeSource(left, path.dirname(contractPath)), [right.name]: describeSource(right, path.dirname(contractPath)) },
    identity: { key: KEY_FIELD, normalize },
    metrics: { [left.metric]: describeMetric(left), [right.metric]: describeMetric(right) },
    reconcile: [{ name: `${left.metric} vs ${right.metric}`, left: left.metric, right: right.metric }],
  });
  doc.commentBefore = [
    ` ${spec.title}: the metrics contract, written by Recon Workbench on ${today}.`,
    ' Everyone who signs the bridge signs this page. Edit it freely: comments and key order are kept.',
  ].join('\n');
  // Short lists and pairs on one line, as people write them by hand.
  const compact = [['reporting', 'period'], ['identity', 'normalize'], ...[left.metric, right.metric].map((m) => ['metrics', m, 'dedupe'])];
  for (const at of compact) {
    const node = doc.getIn(at, true);
    if (isCollection(node)) node.flow = true;
  }
  const top = doc.contents;
  if (!isMap(top)) throw new Error('the new contract is not a mapping');
  commentKey(top, 'reporting', ' The period counted, both dates inclusive, as calendar dates in this time zone.');
  commentKey(
    top,
    'sources',
    [
      ' The two exports compared. file: relative to this contract; timezone: how times without an offset',
      ' in the file are read; id: the column that names each record; fields: the names used below and the',
      ` file's column for each (${KEY_FIELD} says which records are the same, the date field puts a record in the period).`,
    ].join('\n'),
  );
  commentKey(
    top,
    'identity',
    [` Two records are the same when their ${KEY_FIELD} values match once we:`, ...normalize.map((n) => `   ${n}: ${NORMALIZER_WORDS[n]}`)].join('\n'),
  );
  commentKey(
    top,
    'metrics',
    [
      ' What each side counts. A record counts in the period of its date. Exclude rules leave records out,',
      ' in order (the first that matches gives the reason); of records sharing a key, the earliest counts.',
    ].join('\n'),
  );
  commentKey(top, 'reconcile', " The bridge: from the left metric's count to the right's, every difference opening to its records.");
  return doc.toString({ lineWidth: 0 });
}
