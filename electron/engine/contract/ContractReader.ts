// Walks the YAML nodes of a contract, recording every problem with its line instead of stopping at the first.
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { ContractIssue } from './ContractError';
import { findNearest, suggestNearest } from '../../../shared/suggestNearest';

/** One key of a mapping (or item of a sequence): its name, the line of the key, and its value node. */
export interface Entry {
  name: string;
  key: string;
  line: number;
  value: Node | null;
}

export class ContractReader {
  readonly issues: ContractIssue[] = [];

  constructor(
    private readonly doc: Document,
    private readonly lineCounter: LineCounter,
  ) {}

  report(line: number, key: string, message: string): void {
    this.issues.push({ line, key, message });
  }

  lineOf(node: unknown, fallback: number): number {
    const range = (node as { range?: [number, number, number] | null } | null)?.range;
    return range ? this.lineCounter.linePos(range[0]).line : fallback;
  }

  /** Follows `*alias` to its anchored node, so an alias reads like the value it stands for. */
  resolve(node: unknown): Node | null {
    if (isAlias(node)) return node.resolve(this.doc) ?? null;
    return (node as Node | null) ?? null;
  }

  /** The keys of a mapping in file order; an empty value reads as an empty mapping. */
  readEntries(node: Node | null, key: string, line: number): Entry[] | undefined {
    const resolved = this.resolve(node);
    if (resolved === null || (isScalar(resolved) && resolved.value === null)) return [];
    if (!isMap(resolved)) {
      this.report(this.lineOf(resolved, line), key || '(top level)', 'must be a mapping of keys and values');
      return undefined;
    }
    const entries: Entry[] = [];
    const seen = new Map<string, number>();
    for (const pair of resolved.items) {
      const keyNode = this.resolve(pair.key);
      const keyLine = this.lineOf(keyNode, this.lineOf(resolved, line));
      const name = isScalar(keyNode) && keyNode.value !== null ? String(keyNode.value) : undefined;
      if (name === undefined) {
        this.report(keyLine, key || '(top level)', 'keys must be plain names');
        continue;
      }
      const childKey = key ? `${key}.${name}` : name;
      const firstLine = seen.get(name);
      if (firstLine !== undefined) {
        this.report(keyLine, childKey, `duplicate key (first written at line ${firstLine})`);
        continue;
      }
      seen.set(name, keyLine);
      entries.push({ name, key: childKey, line: keyLine, value: this.resolve(pair.value) });
    }
    return entries;
  }

  /** A mapping with a fixed set of keys: reports unknown keys (with the nearest valid one) and missing required keys. */
  readFixedMap(
    node: Node | null,
    key: string,
    line: number,
    allowed: readonly string[],
    required: readonly string[],
  ): Map<string, Entry> | undefined {
    const entries = this.readEntries(node, key, line);
    if (!entries) return undefined;
    const map = new Map<string, Entry>();
    const typos = new Set<string>();
    for (const entry of entries) {
      if (allowed.includes(entry.name)) {
        map.set(entry.name, entry);
        continue;
      }
      const nearest = findNearest(entry.name, allowed);
      if (nearest !== undefined) typos.add(nearest);
      this.report(entry.line, entry.key, `unknown key '${entry.name}'${suggestNearest(entry.name, allowed)}`);
    }
    // A required key written with a typo is reported once, as the typo, not again as missing.
    for (const name of required) {
      if (!map.has(name) && !typos.has(name)) this.report(line, key ? `${key}.${name}` : name, 'required key is missing');
    }
    return map;
  }

  /** The items of a sequence, each keyed `key[i]`; an empty value reads as an empty sequence. */
  readItems(raw: Node | null, key: string, line: number): Entry[] | undefined {
    const node = this.resolve(raw);
    if (node === null || (isScalar(node) && node.value === null)) return [];
    if (!isSeq(node)) {
      this.report(this.lineOf(node, line), key, 'must be a list (lines starting with "- ")');
      return undefined;
    }
    return node.items.map((item, index) => {
      const value = this.resolve(item);
      return { name: String(index), key: `${key}[${index}]`, line: this.lineOf(value, line), value };
    });
  }

  /** A non-empty text value; numbers are accepted as written when `numbers` is set (e.g. `version: 7.10`). */
  readText(entry: Entry | undefined, options: { numbers?: boolean } = {}): string | undefined {
    if (!entry) return undefined;
    const node = entry.value;
    const line = this.lineOf(node, entry.line);
    if (!isScalar(node) || node.value === null) {
      this.report(line, entry.key, isScalar(node) || node === null ? 'must not be empty' : 'must be text');
      return undefined;
    }
    if (typeof node.value === 'number' && options.numbers) return node.source ?? String(node.value);
    if (typeof node.value !== 'string') {
      this.report(line, entry.key, `must be text, not ${typeof node.value} ${String(node.value)} (put it in quotes)`);
      return undefined;
    }
    if (node.value.trim() === '') {
      this.report(line, entry.key, 'must not be empty');
      return undefined;
    }
    return node.value;
  }

  /** One of a fixed set of words. */
  readChoice<T extends string>(entry: Entry | undefined, choices: readonly T[]): T | undefined {
    const text = this.readText(entry);
    if (text === undefined || !entry) return undefined;
    if ((choices as readonly string[]).includes(text)) return text as T;
    this.report(
      this.lineOf(entry.value, entry.line),
      entry.key,
      `'${text}' is not one of ${choices.join(' | ')}${suggestNearest(text, choices)}`,
    );
    return undefined;
  }

  /** A list of texts; a single text reads as a list of one. */
  readTextList(entry: Entry | undefined): string[] | undefined {
    if (!entry) return undefined;
    if (isScalar(entry.value) && typeof entry.value.value === 'string') return [entry.value.value];
    const items = this.readItems(entry.value, entry.key, entry.line);
    if (!items) return undefined;
    const texts = items.map((item) => this.readText(item));
    return texts.every((text) => text !== undefined) ? (texts as string[]) : undefined;
  }
}
