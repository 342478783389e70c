// Reads the first and last bytes of a file (read-only) for sniffing encoding, dialect and footer.
import fs from 'node:fs/promises';

export interface FileSample {
  size: number;
  head: Buffer;
  tail: Buffer;
  tailStart: number; // byte offset of tail[0] in the file
}

const HEAD_BYTES = 256 * 1024;
const TAIL_BYTES = 64 * 1024;

export async function readSample(file: string): Promise<FileSample> {
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    await handle.read(head, 0, head.length, 0);
    // An even start keeps UTF-16 code units aligned.
    const tailStart = Math.max(0, size - TAIL_BYTES) & ~1;
    const tail = Buffer.alloc(size - tailStart);
    await handle.read(tail, 0, tail.length, tailStart);
    return { size, head, tail, tailStart };
  } finally {
    await handle.close();
  }
}
