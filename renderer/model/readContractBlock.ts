// The lines of a contract key as written: the key's line and every following line indented deeper (its block), comments kept.
export interface ContractLine {
  line: number;
  text: string;
}

const indentOf = (text: string) => text.length - text.trimStart().length;

/** `line` is 1-based; a key of one line (a rule) gives that line alone. */
export function readContractBlock(text: string, line: number): ContractLine[] {
  const lines = text.split(/\r?\n/);
  const first = lines[line - 1];
  if (first === undefined) return [];
  // A list entry (`- name: ...`) holds the keys indented under its first key, not under its dash.
  const indent = indentOf(first);
  const block: ContractLine[] = [{ line, text: first }];
  for (let at = line; at < lines.length; at += 1) {
    const next = lines[at] as string;
    if (next.trim() !== '' && indentOf(next) <= indent) break;
    block.push({ line: at + 1, text: next });
  }
  while (block.length > 1 && (block[block.length - 1] as ContractLine).text.trim() === '') block.pop();
  return block;
}
