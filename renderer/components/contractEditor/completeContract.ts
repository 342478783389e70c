// Completion in the contract editor: the keys each level allows, and names that exist where a value names something (sources, fields, columns, metrics, rule functions).
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import type { EditorState } from '@codemirror/state';
import { ATTRIBUTION_MODELS } from '../../../shared/revenueContractTypes';
import { DECIMAL_MARKS, DEDUPE_KEEPS, DEDUPE_VALUES, NORMALIZERS, SYSTEMS } from '../../../shared/contractTypes';
import { listTimeZones } from '../../../shared/listTimeZones';
import { RULE_FUNCTIONS } from '../../../shared/RULE_FUNCTIONS';
import { CONTRACT_KEY_TREE, type KeyNode, type ValueKind } from './CONTRACT_KEY_TREE';
import { findContextSources } from './findContextSources';
import { readContractVocabulary, type ContractVocabulary } from './readContractVocabulary';
import { readYamlPosition, type PathSegment, type YamlPosition } from './readYamlPosition';
import { sourceColumns } from './sourceColumns';

/** Where the tree has no node (a key typed with a typo above), these keys still say what their value names. */
const KIND_BY_KEY: Readonly<Record<string, ValueKind>> = { source: 'source', metric: 'metric', via: 'link', system: 'system', timezone: 'timezone', normalize: 'normalizer', models: 'model' };
const SQL_WORDS = ['AND', 'OR', 'NOT', 'IN', 'LIKE', 'ILIKE', 'IS NULL', 'IS NOT NULL', 'BETWEEN', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END'];
const WORD_FUNCTIONS = [...RULE_FUNCTIONS].filter((name) => /^[a-z_]+$/.test(name)).sort();
/** YAML reads these plain scalars as booleans, numbers or null: a column header like them is quoted. */
const NOT_TEXT = /^(true|false|yes|no|on|off|null|~|[-+.\d][\d.eE+-]*)$/i;
const PLAIN = /^[A-Za-z_][\w ./()&?-]*$/;

let cached: { doc: EditorState['doc']; line: number; vocabulary: ContractVocabulary } | null = null;

/** The text's names, read without the line being typed (half a key there would spoil its mapping). */
function readVocabulary(state: EditorState, pos: number): ContractVocabulary {
  const line = state.doc.lineAt(pos);
  if (cached && cached.doc === state.doc && cached.line === line.number) return cached.vocabulary;
  const vocabulary = readContractVocabulary(state.doc.sliceString(0, line.from) + state.doc.sliceString(line.to));
  cached = { doc: state.doc, line: line.number, vocabulary };
  return vocabulary;
}

function findNode(path: PathSegment[]): KeyNode | undefined {
  let node: KeyNode | undefined = CONTRACT_KEY_TREE;
  for (const segment of path) {
    if (!node) return undefined;
    if (typeof segment === 'number') node = node.items;
    else node = node.keys?.[segment] ?? node.named;
  }
  return node;
}

function quoteYamlValue(text: string): string {
  return PLAIN.test(text) && !NOT_TEXT.test(text) && !text.endsWith(' ') && !text.includes(': ') && !text.includes(' #') ? text : JSON.stringify(text);
}

function listFields(vocabulary: ContractVocabulary, sources: string[]): Completion[] {
  const seen = new Set<string>();
  return sources.flatMap((source) =>
    (vocabulary.fields[source] ?? []).flatMap((field) => {
      if (seen.has(field)) return [];
      seen.add(field);
      return [{ label: field, type: 'variable', detail: sources.length === 1 ? `field of ${source}` : 'field', boost: 2 }];
    }),
  );
}

function listColumns(state: EditorState, sources: string[], quote: (column: string) => string): Completion[] {
  const columns = state.facet(sourceColumns);
  return sources.flatMap((source) => (columns[source] ?? []).map((column) => ({ label: column, apply: quote(column), type: 'text', detail: `column of ${source}`, boost: 1 })));
}

function listWords(words: readonly string[], type: string, detail: string): Completion[] {
  return words.map((label) => ({ label, type, detail }));
}

function listValues(kind: ValueKind, state: EditorState, vocabulary: ContractVocabulary, position: YamlPosition): Completion[] {
  const sources = () => findContextSources(vocabulary, position.path, position.key);
  switch (kind) {
    case 'source':
      return listWords(vocabulary.sources, 'constant', 'source');
    case 'metric':
      return vocabulary.metrics.map((metric) => ({ label: metric, apply: quoteYamlValue(metric), type: 'constant', detail: `metric of ${vocabulary.metricSources[metric] ?? '?'}` }));
    case 'link':
      return listWords(vocabulary.links, 'constant', 'link');
    case 'attribution':
      return vocabulary.attributions.map((name) => ({ label: name, apply: quoteYamlValue(name), type: 'constant', detail: 'attribution entry' }));
    case 'field':
      return listFields(vocabulary, sources());
    case 'column':
      return listColumns(state, sources(), quoteYamlValue);
    case 'expression':
      return [];
    case 'system':
      return listWords(SYSTEMS, 'keyword', 'system');
    case 'timezone':
      return listWords(listTimeZones(), 'constant', 'time zone');
    case 'normalizer':
      return listWords(NORMALIZERS, 'keyword', 'normalizer');
    case 'model':
      return listWords(ATTRIBUTION_MODELS, 'keyword', 'attribution model');
    case 'touch_model':
      return listWords(ATTRIBUTION_MODELS.filter((model) => model !== 'self_reported'), 'keyword', 'touch model');
    case 'keep':
      return listWords(DEDUPE_KEEPS, 'keyword', 'dedupe keep');
    case 'dedupe_values':
      return listWords(DEDUPE_VALUES, 'keyword', 'dedupe values');
    case 'decimal':
      return listWords(DECIMAL_MARKS, 'keyword', 'decimal mark');
    case 'date_format':
      return listWords(['MDY', 'DMY'], 'keyword', 'date order');
    case 'people':
      return listWords(['all', 'primary'], 'keyword', 'people');
  }
}

/** Inside a rule's quoted SQL: the source's canonical fields, its export's columns as quoted identifiers, functions. */
function listExpressionWords(state: EditorState, vocabulary: ContractVocabulary, position: YamlPosition): Completion[] {
  const sources = findContextSources(vocabulary, position.path, position.key);
  // A header is a quoted SQL identifier; inside a double-quoted YAML string its quotes are escaped.
  const identifier = (column: string) => (position.quote === '"' ? `\\"${column}\\"` : `"${column}"`);
  return [
    ...listFields(vocabulary, sources),
    ...listColumns(state, sources, identifier),
    ...WORD_FUNCTIONS.map((name) => ({ label: name, apply: `${name}(`, type: 'function', detail: 'function' })),
    ...listWords(SQL_WORDS, 'keyword', 'SQL'),
  ];
}

function listKeys(node: KeyNode, vocabulary: ContractVocabulary, position: YamlPosition): Completion[] {
  if (node.keys) {
    return Object.entries(node.keys).map(([key, child]) => {
      const container = child.keys !== undefined || child.named !== undefined || child.items !== undefined;
      return { label: key, apply: container ? `${key}:` : `${key}: `, type: 'property', detail: 'key' };
    });
  }
  if (node.nameKind === 'field') {
    const fields = listFields(vocabulary, position.path[0] === 'sources' ? vocabulary.sources : findContextSources(vocabulary, position.path, null));
    return fields.map((option) => ({ ...option, apply: `${option.label}: `, detail: 'canonical field' }));
  }
  return [];
}

export function completeContract(context: CompletionContext): CompletionResult | null {
  const position = readYamlPosition(context.state.doc, context.pos);
  if (!position) return null;
  // Names are proposed once a letter is typed (or on Ctrl-Space): an indent or `key: ` alone is not a request, and
  // Enter at the end of such a line must stay a new line.
  if (position.typed === '' && !context.explicit) return null;
  const vocabulary = readVocabulary(context.state, context.pos);
  const node = findNode(position.path);
  let options: Completion[];
  if (position.mode === 'key') {
    options = node ? listKeys(node, vocabulary, position) : [];
  } else {
    const kind = (position.key === null ? undefined : (node?.keys?.[position.key] ?? node?.named)?.value) ?? KIND_BY_KEY[position.key ?? ''];
    if (position.quote !== null) options = kind === 'expression' ? listExpressionWords(context.state, vocabulary, position) : [];
    else options = kind && kind !== 'expression' ? listValues(kind, context.state, vocabulary, position) : [];
  }
  if (options.length === 0) return null;
  return { from: position.from, options, validFor: position.quote !== null ? /^\w*$/ : /^[^,:{}[\]#]*$/ };
}
