// Guesses a text file's encoding from its first and last bytes (BOM, else UTF-8 validity, else Windows-1252).
export type SourceEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export function detectEncoding(head: Uint8Array, tail: Uint8Array): SourceEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return isUtf8(trimPartialEnd(head)) && isUtf8(trimPartialStart(tail)) ? 'utf-8' : 'windows-1252';
}

/** Bytes of the byte order mark that starts a file in this encoding. */
export function bomLength(encoding: SourceEncoding): number {
  if (encoding === 'utf-8-bom') return 3;
  return encoding === 'utf-16le' || encoding === 'utf-16be' ? 2 : 0;
}

/** The WHATWG label TextDecoder knows the encoding by. */
export function decoderLabel(encoding: SourceEncoding): string {
  return encoding === 'utf-8-bom' ? 'utf-8' : encoding;
}

/** How many bytes a decoded string took in the file (for cutting the file at a decoded line). */
export function byteLengthIn(encoding: SourceEncoding, text: string): number {
  if (encoding === 'windows-1252') return text.length;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return text.length * 2;
  return Buffer.byteLength(text, 'utf8');
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

// A sample cut out of a file may end or start inside a multi-byte character; that is not invalid.
function trimPartialEnd(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = bytes[end - back] ?? 0;
    if ((b & 0xc0) === 0x80) continue;
    if (b >= 0xc0) end -= back;
    break;
  }
  return bytes.subarray(0, end);
}

function trimPartialStart(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < 3 && start < bytes.length && ((bytes[start] ?? 0) & 0xc0) === 0x80) start++;
  return bytes.subarray(start);
}
