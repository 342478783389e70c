import fs from 'node:fs';
import { openInvestigation } from './electron/engine/openInvestigation';
for (const c of ['samples/acme-q3-2026.recon.yaml', 'samples/pipeline/acme-pipeline-q3-2026.recon.yaml']) {
  const t = Date.now();
  const inv = await openInvestigation(c);
  const files = await inv.exportAuditPack({ generatedAt: new Date('2026-12-01T10:00:00Z') });
  for (const f of files) { fs.writeFileSync(`/tmp/ap/${f.fileName}`, f.bytes); console.log(f.fileName, f.bytes.length, f.records); }
  console.log('ms', Date.now() - t);
  inv.close();
}
