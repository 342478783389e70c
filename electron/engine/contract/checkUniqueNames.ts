// Reports the entries of a list that repeat an earlier entry's name: other parts of the contract refer to entries by name.
import type { ContractReader } from './ContractReader';

/** `keyOf(i)` is the key reported for the i-th entry (e.g. `funnels[2].name`); entries without a name are skipped. */
export function checkUniqueNames(reader: ContractReader, entries: readonly { name: string; line: number }[], keyOf: (index: number) => string): void {
  const firstLines = new Map<string, number>();
  entries.forEach(({ name, line }, index) => {
    if (!name) return;
    const firstLine = firstLines.get(name);
    if (firstLine === undefined) firstLines.set(name, line);
    else reader.report(line, keyOf(index), `'${name}' is already the name of the entry at line ${firstLine}`);
  });
}
