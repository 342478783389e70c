// Salesforce-style record ids for the bench exports: 15 characters, or 18 with the real case-checksum suffix.

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * `prefix` (10 characters: key prefix, pod, zeros) plus 5 base-62 characters from the row number. 3^18 is
 * coprime to 62^5, so the ids of rows 0..62^5-1 are unique and not in row order.
 */
export function formatSalesforceId(prefix: string, i: number, seed: number, length: 15 | 18): string {
  let n = (i * 387_420_489 + seed * 104_729) % 62 ** 5;
  let tail = '';
  for (let d = 0; d < 5; d++) {
    tail = BASE62[n % 62] + tail;
    n = Math.floor(n / 62);
  }
  const id = `${prefix}${tail}`;
  return length === 15 ? id : `${id}${computeSuffix(id)}`;
}

/** Salesforce's checksum: one character per block of 5, whose bits say which of the block's letters are upper case. */
function computeSuffix(id: string): string {
  let suffix = '';
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let c = 0; c < 5; c++) {
      const ch = id.charAt(block * 5 + c);
      if (ch >= 'A' && ch <= 'Z') bits |= 1 << c;
    }
    suffix += SUFFIX.charAt(bits);
  }
  return suffix;
}
