// Adds one exclude rule at the end of a metric's `exclude` in contract text, keeping every comment and the key order.
import { isMap, isScalar, parseDocument, type Pair } from 'yaml';
import type { RuleDraft } from './api';
import { editContractInPlace } from './editContractInPlace';

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The words above the new rule's line, as a comment at its indentation (block style only). */
function addComment(text: string, metric: string, name: string, description: string): string {
  const rules = parseDocument(text, { uniqueKeys: false }).getIn(['metrics', metric, 'exclude'], true);
  if (!isMap(rules) || rules.flow) return text;
  const pair = rules.items.find((p) => isScalar(p.key) && p.key.value === name);
  const at = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
  if (at === undefined) return text;
  const start = lineStart(text, at);
  return `${text.slice(0, start)}${' '.repeat(at - start)}# ${description.replace(/\s+/g, ' ')}\n${text.slice(start)}`;
}

/**
 * The contract text with `rule` last under `metrics.<metric>.exclude` (created when missing), its plain-words
 * description as a comment above it. Only the new lines change where the layout allows it (block style);
 * a flow-style `exclude: { ... }` is rewritten through yaml's document. Throws an Error saying what stops
 * it: text that does not parse, no such metric, a rule of that name already there.
 */
export function insertExcludeRule(text: string, metric: string, rule: RuleDraft): string {
  const doc = parseDocument(text, { uniqueKeys: false });
  const [error] = doc.errors;
  if (error) throw new Error(`the contract's YAML does not parse (${error.message.split('\n')[0]}): fix it in the editor first`);
  const node = doc.getIn(['metrics', metric], true);
  if (!isMap(node)) throw new Error(`the contract has no metric '${metric}'`);
  const exclude = node.get('exclude', true);
  const empty = exclude === undefined || exclude === null || (isScalar(exclude) && (exclude.value === null || exclude.value === ''));
  if (!empty && !isMap(exclude)) throw new Error(`metrics.${metric}.exclude is not a mapping of named rules`);
  const clash = isMap(exclude) ? exclude.items.find((p) => isScalar(p.key) && String(p.key.value).toLowerCase() === rule.name.toLowerCase()) : undefined;
  if (clash) throw new Error(`metric '${metric}' already has a rule named '${String((clash.key as { value: unknown }).value)}'`);

  const change = empty
    ? { path: ['metrics', metric, 'exclude'], value: { [rule.name]: rule.expression } }
    : { path: ['metrics', metric, 'exclude', rule.name], value: rule.expression };
  const inPlace = editContractInPlace(text, change);
  if (inPlace !== undefined && parseDocument(inPlace).getIn(['metrics', metric, 'exclude', rule.name]) === rule.expression) {
    return rule.description ? addComment(inPlace, metric, rule.name, rule.description) : inPlace;
  }
  if (empty) node.set('exclude', doc.createNode({ [rule.name]: rule.expression }));
  else if (isMap(exclude)) exclude.items.push(doc.createPair(rule.name, rule.expression) as Pair);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
