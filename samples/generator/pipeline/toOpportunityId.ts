// Salesforce opportunity ids: 15 case-sensitive characters plus the 3-character suffix that makes them case-safe.

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CHECKSUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 18-character form of a 15-character id: one suffix letter per 5 characters, flagging their capitals. */
export function toCaseSafeId(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let flags = 0;
    for (let i = 0; i < 5; i++) if (/[A-Z]/.test(id15[chunk * 5 + i] ?? '')) flags |= 1 << i;
    suffix += CHECKSUM[flags];
  }
  return id15 + suffix;
}

/** An 18-character id of the object whose key prefix is given (006 opportunity, 00T task): pod Hs0, then the record number in 9 base-62 digits. */
export function toRecordId(keyPrefix: string, recordNumber: number): string {
  let digits = '';
  for (let n = recordNumber; digits.length < 9; n = Math.floor(n / 62)) digits = BASE62[n % 62] + digits;
  return toCaseSafeId(`${keyPrefix}Hs0${digits}`);
}

/** An 18-character opportunity id: key prefix 006. */
export function toOpportunityId(recordNumber: number): string {
  return toRecordId('006', recordNumber);
}

/** The same 15 characters but for the case of the last letter among the record number's digits. */
export function flipLastLetterCase(id15: string): string {
  for (let i = 14; i >= 6; i--) {
    const ch = id15[i] ?? '';
    if (/[a-z]/i.test(ch)) return id15.slice(0, i) + (ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase()) + id15.slice(i + 1);
  }
  throw new Error(`id ${id15} has no letter to flip`);
}
