// Counts the physical lines of a UTF-8 file and finds the line at given byte offsets, at disk speed.
import fs from 'node:fs';

export interface LineCount {
  lines: number; // a last line without a line break counts
  lineAt: number[]; // 1-based line holding each requested offset
}

/** `onShare` hears the share of the file counted, after every chunk. */
export async function countLines(file: string, offsets: readonly number[] = [], signal?: AbortSignal, onShare?: (share: number) => void): Promise<LineCount> {
  const size = fs.statSync(file).size;
  const order = offsets.map((offset, i) => ({ offset, i })).sort((a, b) => a.offset - b.offset);
  const lineAt = new Array<number>(offsets.length).fill(1);
  let next = 0;
  // Every offset not past `limit` lies on line `line`.
  const settle = (limit: number, line: number) => {
    for (let o = order[next]; o !== undefined && o.offset <= limit; o = order[++next]) lineAt[o.i] = line;
  };
  let breaks = 0;
  let position = 0;
  let lastByte = -1;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    if (signal?.aborted) throw new Error('aborted');
    let at = chunk.indexOf(0x0a);
    while (at !== -1) {
      settle(position + at, breaks + 1);
      breaks++;
      at = chunk.indexOf(0x0a, at + 1);
    }
    position += chunk.length;
    lastByte = chunk[chunk.length - 1] ?? lastByte;
    onShare?.(position / size);
  }
  settle(Infinity, breaks + 1);
  return { lines: breaks + (lastByte !== -1 && lastByte !== 0x0a ? 1 : 0), lineAt };
}
