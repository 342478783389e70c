// Reads a `map:` of texts to texts (a compared field's values, self-reported answers), keyed after trim and ignoring case.
import type { ContractReader, Entry } from './ContractReader';

/** Keys are stored trimmed and lowercased, since values are looked up that way; two keys that then collide are reported. */
export function readValueMap(reader: ContractReader, entry: Entry): Record<string, string> {
  const map: Record<string, string> = {};
  for (const item of reader.readEntries(entry.value, entry.key, entry.line) ?? []) {
    const value = reader.readText(item, { numbers: true });
    const key = item.name.trim().toLowerCase();
    if (value === undefined) continue;
    if (key in map) reader.report(item.line, item.key, `'${item.name}' repeats a key of the map (keys are compared after trim, ignoring case)`);
    map[key] = value;
  }
  return map;
}
