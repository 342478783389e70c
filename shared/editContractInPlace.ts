// Applies one change to contract text by splicing only the bytes it touches, so diffs stay small.
import { Composer, CST, Document, Parser, isCollection, isMap, isScalar, isSeq, parse, type Node } from 'yaml';

export interface ContractChange {
  /** Keys and list indexes from the top, e.g. ['metrics', 'MQL', 'exclude', 'internal']. */
  path: (string | number)[];
  /** The new value; undefined removes the key. */
  value: unknown;
}

type Primitive = string | number | boolean | null;

function isPrimitive(value: unknown): value is Primitive {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** A plain scalar that would read back as another type (`7`, `true`, `null`, '') must be quoted. */
function readsBackAsItself(text: string): boolean {
  try {
    return parse(text) === text;
  } catch {
    return false;
  }
}

function render(value: unknown, flow: boolean): string {
  const options = { lineWidth: 0, flowCollectionPadding: false, ...(flow ? { collectionStyle: 'flow' as const } : {}) };
  return new Document(value).toString(options);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function nextLineStart(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end + 1;
}

function indentOf(text: string, offset: number): string {
  return ' '.repeat(offset - lineStart(text, offset));
}

/** The changed text, or undefined when this change is not one that can be made in place. */
export function editContractInPlace(text: string, { path, value }: ContractChange): string | undefined {
  const tokens = Array.from(new Parser().parse(text));
  const [doc, extra] = Array.from(new Composer({ keepSourceTokens: true }).compose(tokens));
  if (!doc || extra || doc.errors.length > 0 || path.length === 0) return undefined;
  const last = path[path.length - 1] as string | number;
  const parent = (path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true)) as Node | null;
  const node = doc.getIn(path, true) as Node | undefined;
  if (!isCollection(parent)) return undefined;

  if (isScalar(node) && node.srcToken && isPrimitive(value)) {
    const keepsQuotes = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    const type = typeof value !== 'string' ? 'PLAIN' : keepsQuotes || readsBackAsItself(value) ? undefined : 'QUOTE_DOUBLE';
    const inFlow = Boolean(parent.flow);
    CST.setScalarValue(node.srcToken, value === null ? 'null' : String(value), { afterKey: isMap(parent), inFlow, type });
    return tokens.map((token) => CST.stringify(token)).join('');
  }
  if (parent.flow) return undefined;

  // Where a value starts and ends: a map entry from its key, a list item from its dash.
  const item = isMap(parent)
    ? parent.items.find((pair) => isScalar(pair.key) && pair.key.value === last)
    : isSeq(parent) && typeof last === 'number'
      ? parent.items[last]
      : undefined;
  const start = (isMap(parent) ? (item as { key?: Node } | undefined)?.key?.range?.[0] : node?.range?.[0]) ?? undefined;
  const end = node?.range?.[1];

  if (value === undefined) {
    if (start === undefined || end === undefined) return undefined;
    return text.slice(0, lineStart(text, start)) + text.slice(nextLineStart(text, Math.max(end - 1, start)));
  }
  // A list or mapping replacing a one-line value is written in flow style, keeping the line's comment.
  if (node && end !== undefined && node.range && (isScalar(node) || (isCollection(node) && node.flow))) {
    const flow = render(value, true).trimEnd();
    if (flow.includes('\n')) return undefined;
    return text.slice(0, node.range[0]) + flow + text.slice(end);
  }
  if (node !== undefined || parent.items.length === 0) return undefined;
  // A new entry goes after the last one, indented like its siblings.
  const appendsItem = isSeq(parent) && last === parent.items.length;
  if (!appendsItem && !(isMap(parent) && typeof last === 'string')) return undefined;
  const lastItem = parent.items[parent.items.length - 1];
  const lastNode = (isMap(parent) ? (lastItem as { value?: Node }).value : lastItem) as Node | undefined;
  const firstNode = (isMap(parent) ? (parent.items[0]?.key as Node | undefined) : (parent.items[0] as Node | undefined)) ?? undefined;
  const lastEnd = lastNode?.range?.[1];
  const firstStart = firstNode?.range?.[0];
  if (lastEnd === undefined || firstStart === undefined) return undefined;
  const at = nextLineStart(text, lastEnd - 1);
  const indent = appendsItem ? indentOf(text, firstStart).slice(2) : indentOf(text, firstStart);
  const lines = render(appendsItem ? [value] : { [last]: value }, false).trimEnd().split('\n');
  const block = lines.map((line) => indent + line).join('\n') + '\n';
  return text.slice(0, at) + (at === text.length && !text.endsWith('\n') ? '\n' : '') + block + text.slice(at);
}
