// The fingerprint of a source table: what it was built from, so an unchanged source is never imported twice.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import type { SourceSpec } from '../../shared/contractTypes';

/** What amounts are read as: the fields, and the currency and rates they are converted with. */
export interface AmountBasis {
  amountFields: string[];
  currency?: string;
  rates: Readonly<Record<string, string>>;
}

/**
 * `file` is the export's absolute path; a source of several files gives them all (in row order), each with its size
 * and time, so a month added, removed or re-exported rebuilds the table. One file keeps the basis it always had.
 */
export function fingerprintSource(spec: SourceSpec, file: string | readonly string[], reportingZone: string, dateFields: ReadonlySet<string>, amounts: AmountBasis, monthFields: ReadonlySet<string> = new Set(), instantFields: ReadonlySet<string> = new Set()): string {
  const describe = (one: string) => {
    const stats = statSync(one);
    return { file: one, size: stats.size, mtime: stats.mtimeMs };
  };
  const basis = {
    ...(typeof file === 'string' ? describe(file) : { files: file.map(describe) }),
    sheet: spec.sheet ?? null,
    timezone: spec.timezone,
    id: spec.id ?? null,
    fields: spec.fields,
    dateFormat: spec.dateFormat ?? null,
    reportingZone,
    dateFields: [...dateFields].sort(),
    decimal: spec.decimal ?? null,
    amounts,
    // Only where there are some, so the fingerprints of sources without any stay what they were.
    ...(monthFields.size ? { monthFields: [...monthFields].sort() } : {}),
    ...(instantFields.size ? { instantFields: [...instantFields].sort() } : {}),
  };
  return createHash('sha256').update(JSON.stringify(basis)).digest('hex');
}
