// The fingerprint of a source table: what it was built from, so an unchanged source is never imported twice.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import type { SourceSpec } from '../../shared/contractTypes';

export function fingerprintSource(spec: SourceSpec, file: string, reportingZone: string, dateFields: ReadonlySet<string>): string {
  const stats = statSync(file);
  const basis = {
    file,
    size: stats.size,
    mtime: stats.mtimeMs,
    sheet: spec.sheet ?? null,
    timezone: spec.timezone,
    id: spec.id ?? null,
    fields: spec.fields,
    dateFormat: spec.dateFormat ?? null,
    reportingZone,
    dateFields: [...dateFields].sort(),
  };
  return createHash('sha256').update(JSON.stringify(basis)).digest('hex');
}
