// Where the cursor is in a contract's YAML, read from indentation and the line's own flow brackets: which mapping, writing a key or which key's value.
import type { Text } from '@codemirror/state';

export type PathSegment = string | number;

export interface YamlPosition {
  /** Keys from the document's root down to the mapping being written in; a list item is its 0-based index. */
  path: PathSegment[];
  /** `key`: a key of that mapping is being written; `value`: the value of `key`. */
  mode: 'key' | 'value';
  key: string | null;
  /** Start of the text being completed, and that text. */
  from: number;
  typed: string;
  /** The value is inside a quoted scalar (a rule's SQL): which quote. */
  quote: '"' | "'" | null;
}

interface LineShape {
  indent: number;
  dash: boolean;
  /** Column where the line's own key (or item content) starts. */
  keyColumn: number;
  key: string | null;
}

const LINE = /^( *)((?:- +)?)(.*)$/;
const KEY = /^("[^"]*"|'[^']*'|[^\s#{[\]"'][^#]*?)[ \t]*:(?:[ \t]|$)/;

function unquote(key: string): string {
  const first = key[0];
  return (first === '"' || first === "'") && key.endsWith(first) ? key.slice(1, -1) : key;
}

function readLineShape(text: string): LineShape | null {
  const match = LINE.exec(text);
  if (!match) return null;
  const [, spaces = '', dash = '', rest = ''] = match;
  if (rest.trim() === '' && dash === '') return null;
  if (rest.startsWith('#')) return null;
  const key = KEY.exec(rest)?.[1];
  return { indent: spaces.length, dash: dash !== '', keyColumn: spaces.length + dash.length, key: key === undefined ? null : unquote(key.trim()) };
}

/** The keys (and item indexes) above a mapping whose keys start at `column`, walking up by indentation. */
function readAncestors(doc: Text, lineNumber: number, column: number, dashColumn: number | null): PathSegment[] {
  const path: PathSegment[] = [];
  let keyColumn = column;
  let listDash = dashColumn;
  let items = 0;
  for (let n = lineNumber - 1; n >= 1 && (keyColumn > 0 || listDash !== null); n--) {
    const shape = readLineShape(doc.line(n).text);
    if (!shape) continue;
    if (listDash === null) {
      if (shape.dash && shape.keyColumn === keyColumn) {
        // The mapping being written is one item of a list whose dashes sit at this line's indent.
        listDash = shape.indent;
        items = 0;
      } else if (shape.keyColumn < keyColumn && shape.key !== null) {
        path.unshift(shape.key);
        keyColumn = shape.keyColumn;
        if (shape.dash) {
          listDash = shape.indent;
          items = 0;
        }
      }
      continue;
    }
    if (shape.dash && shape.indent === listDash) {
      items += 1;
    } else if (shape.key !== null && (shape.keyColumn < listDash || (shape.keyColumn === listDash && !shape.dash))) {
      path.unshift(shape.key, items);
      keyColumn = shape.keyColumn;
      listDash = shape.dash ? shape.indent : null;
      items = 0;
    }
  }
  return path;
}

interface Flow {
  bracket: '{' | '[';
  key: string | null;
}

/** Reads the cursor's line up to the cursor: its keys, open flow brackets and an open quote. */
export function readYamlPosition(doc: Text, pos: number): YamlPosition | null {
  const line = doc.lineAt(pos);
  const before = line.text.slice(0, pos - line.from);
  const match = LINE.exec(before);
  if (!match) return null;
  const [, spaces = '', dash = '', rest = ''] = match;
  const restStart = spaces.length + dash.length;
  const path = readAncestors(doc, line.number, restStart, dash === '' ? null : spaces.length);

  const flows: Flow[] = [];
  let key: string | null = null;
  let tokenStart = 0;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i] as string;
    if (quote !== null) {
      if (ch === '\\' && quote === '"') i += 1;
      else if (ch === quote && rest[i + 1] === quote && quote === "'") i += 1;
      else if (ch === quote) quote = null;
      continue;
    }
    if ((ch === '"' || ch === "'") && rest.slice(tokenStart, i).trim() === '') {
      quote = ch;
    } else if (ch === '#' && (i === 0 || rest[i - 1] === ' ')) {
      return null;
    } else if (ch === '{' || ch === '[') {
      flows.push({ bracket: ch, key });
      key = null;
      tokenStart = i + 1;
    } else if (ch === '}' || ch === ']') {
      flows.pop();
      key = null;
      tokenStart = i + 1;
    } else if (ch === ',') {
      key = null;
      tokenStart = i + 1;
    } else if (ch === ':' && (i + 1 === rest.length || rest[i + 1] === ' ')) {
      key = unquote(rest.slice(tokenStart, i).trim());
      tokenStart = i + 1;
    }
  }

  const flowPath: PathSegment[] = [];
  for (const [index, flow] of flows.entries()) {
    if (flow.key !== null) flowPath.push(flow.key);
    // A sequence's items are list items; a mapping nested in one is its item (the index is not needed to name keys).
    if (flow.bracket === '[' && index < flows.length - 1) flowPath.push(0);
  }
  const lineStart = line.from + restStart;
  if (quote !== null) {
    const typed = /[\w]*$/.exec(rest)?.[0] ?? '';
    return { path: [...path, ...flowPath], mode: 'value', key, from: pos - typed.length, typed, quote };
  }
  const raw = rest.slice(tokenStart);
  const typed = raw.trimStart();
  const from = lineStart + tokenStart + (raw.length - typed.length);
  const top = flows[flows.length - 1];
  if (key !== null) return { path: [...path, ...flowPath], mode: 'value', key, from, typed, quote: null };
  if (top?.bracket === '[') return { path: [...path, ...flowPath.slice(0, -1)], mode: 'value', key: top.key, from, typed, quote: null };
  if (!/^[\w ]*$/.test(typed)) return null;
  return { path: [...path, ...flowPath], mode: 'key', key: null, from, typed, quote: null };
}
