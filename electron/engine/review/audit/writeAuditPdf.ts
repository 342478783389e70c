// The audit pack's PDF (review.md), made offline: cover with full sha256s, each bridge as chart and table, the rules, the decisions, each bucket's first records.
import path from 'node:path';
import type { DecisionLine } from '../../../../shared/reviewTypes';
import { buildBridgeSection, describeValue } from './buildBridgeSection';
import { createPdfLayout, stampPages, type PdfLayout } from './createPdfLayout';
import { describeSignOff } from './buildInfoSheets';
import type { AuditFacts, AuditSource } from './gatherAuditFacts';
import type { BucketSheets } from './planBucketSheets';
import { readBucketRecords } from './readBucketRecords';

/** Records of each bucket the PDF lists; the workbook holds them all. */
export const PDF_RECORDS = 20;

const NUMBER = new Intl.NumberFormat('en-US');

function describeSignOffLine(facts: AuditFacts, reconciliation: string): string {
  const s = facts.signOffs.get(reconciliation);
  if (!s) return 'not signed off';
  return `signed off by ${s.state.by} on ${s.state.at} (version ${s.state.version}): ${describeSignOff(s.state)}`;
}

function writeCover(layout: PdfLayout, facts: AuditFacts): void {
  const { contract } = facts;
  layout.paragraph('Reconciliation audit pack', { size: 10, color: '#555555' });
  layout.heading(contract.title, 1);
  const items: string[][] = [
    ['Version', contract.version],
    ['Period', `${contract.reporting.from} to ${contract.reporting.to} (both dates included)`],
    ['Time zone', contract.reporting.timezone],
    ...(contract.reporting.currency ? [['Currency', contract.reporting.currency]] : []),
    ['Owner', contract.owner ?? '(none given)'],
    ['Signed off by (contract)', contract.signedOffBy?.length ? contract.signedOffBy.join(', ') : '(none listed)'],
    ...contract.reconcile.map((r) => [`Sign-off: ${r.name}`, describeSignOffLine(facts, r.name)]),
    ['Decisions file', facts.decisions.length ? `${path.basename(facts.decisionsFile)}, ${facts.decisions.length} lines` : 'none'],
    ['Generated at', facts.generatedAt],
    ['Made with', facts.toolVersion],
  ];
  layout.table([{ header: 'Item', share: 0.3 }, { header: 'Value', share: 0.7 }], items);
  layout.heading('Files and their sha256', 2);
  const files = [
    [facts.contractFile.name, 'contract', facts.contractFile.sha256],
    // A source of several files: each file, so that every sha256 here is one `sha256sum` prints.
    ...facts.inputs.flatMap((i) => (i.files ? i.files.map((f) => [f.file, `source ${i.source}`, f.sha256]) : [[i.file, `source ${i.source}`, i.sha256]])),
  ];
  layout.table([{ header: 'File', share: 0.22 }, { header: 'Role', share: 0.14 }, { header: 'sha256 (of the file as it is on disk)', share: 0.64, mono: true }], files);
  layout.paragraph('Check a file with `sha256sum FILE` (shasum -a 256 on macOS, Get-FileHash in PowerShell). The workbook beside this PDF holds the contract line by line, every input, every decision and every record of every bridge line. Characters this PDF\'s fonts cannot show are written as [U+XXXX]; the workbook holds every text exactly.', { size: 8, color: '#444444' });
  layout.doc.moveDown(2);
  layout.ensure(90);
  layout.table([{ header: 'Reviewed by (name)', share: 0.4 }, { header: 'Date', share: 0.2 }, { header: 'Signature', share: 0.4 }], [['\n\n', '', '']]);
}

function writeRules(layout: PdfLayout, facts: AuditFacts): void {
  layout.doc.addPage();
  layout.heading('Rules of the contract', 2);
  for (const m of facts.contract.metrics) {
    layout.heading(`Metric ${m.name} (source ${m.source})`, 3);
    if (m.exclude.length === 0) {
      layout.paragraph('No exclude rules.', { size: 8.5 });
      continue;
    }
    const counts = facts.ruleCounts.get(m.name);
    const rows = m.exclude.map((rule) => [rule.name, rule.expression, NUMBER.format(counts?.get(rule.name) ?? 0)]);
    layout.table([{ header: 'Rule', share: 0.22 }, { header: 'Expression', share: 0.63, mono: true }, { header: 'Excluded', share: 0.15, align: 'right' }], rows);
  }
}

function describeDecisionTarget(d: DecisionLine): string {
  if (d.status === 'signed_off') return `${d.reconciliation}: sign-off`;
  if (d.list) return `${d.reconciliation}: list ${JSON.stringify(d.list)}`;
  if (d.record !== null) return `${d.reconciliation}: ${d.side} record ${d.record} (then ${d.kind} ${d.reason})`;
  return `${d.reconciliation}: ${d.side} ${d.kind} ${d.reason}`;
}

function writeDecisions(layout: PdfLayout, facts: AuditFacts): void {
  layout.doc.addPage();
  layout.heading('Decisions', 2);
  const current = [...facts.targets.current.values()];
  const earlier = facts.decisions.filter((l) => l.decision).length - current.length;
  layout.paragraph(
    facts.decisions.length === 0
      ? 'No decisions file beside the contract: nothing was decided.'
      : `${current.length} current decisions (the last line of each target), in the order of the decisions file; ${earlier} earlier lines are their history, in the workbook's Decisions sheet.`,
    { size: 8.5 },
  );
  if (current.length) {
    // The time with a space before the hour, so a narrow column wraps there.
    const rows = current.map((d) => [describeDecisionTarget(d), d.status, d.note, d.by, d.at.replace('T', ' '), d.version, d.count === null ? '' : NUMBER.format(d.count)]);
    layout.table(
      [
        { header: 'Target', share: 0.26 },
        { header: 'Status', share: 0.09 },
        { header: 'Note', share: 0.25 },
        { header: 'By', share: 0.11 },
        { header: 'At', share: 0.15 },
        { header: 'Version', share: 0.08 },
        { header: 'Count', share: 0.06, align: 'right' },
      ],
      rows,
    );
  }
  const unreadable = facts.decisions.filter((l) => !l.decision);
  if (unreadable.length) {
    layout.heading('Lines of the decisions file that cannot be read (kept in the file)', 3);
    layout.table([{ header: 'Line', share: 0.08 }, { header: 'Why', share: 0.32 }, { header: 'Text', share: 0.6, mono: true }], unreadable.map((l) => [String(l.line), l.problem ?? '', l.text]));
  }
}

async function writeRecords(layout: PdfLayout, source: AuditSource, facts: AuditFacts, buckets: BucketSheets[]): Promise<void> {
  layout.doc.addPage();
  layout.heading(`Records: the first ${PDF_RECORDS} of each bridge line`, 2);
  layout.paragraph('In the report\'s id order (numeric ids by value, then the others as text). The counterpart is the other side\'s record for matched, timing and excluded-on-the-other-side records, the survivor for a duplicate.', { size: 8.5 });
  const { timezone, currency } = facts.contract.reporting;
  for (const bucket of buckets) {
    const r = source.model.reconciles.find((c) => c.spec.name === bucket.reconciliation);
    if (!r) continue;
    const fields = Object.keys((bucket.side === 'left' ? r.left : r.right).source.fields).length;
    const valued = (bucket.side === 'left' ? r.left : r.right).spec.value !== undefined;
    layout.heading(`${bucket.reconciliation} / ${bucket.side} / ${bucket.kind} / ${bucket.reason}: ${NUMBER.format(bucket.count)} records`, 3);
    const rows: string[][] = [];
    for await (const page of readBucketRecords(source.db, r, bucket, PDF_RECORDS)) {
      for (const row of page) {
        const [id, exported, reporting, counterpart, value] = [row[0], row[fields + 1], row[fields + 2], row[fields + 3], row[fields + 4]];
        rows.push([id ?? '', exported ?? '', reporting ?? '', counterpart ?? '', ...(valued ? [value === null || value === undefined ? '' : describeValue(Number(value), currency)] : [])]);
      }
    }
    const share = valued ? 0.2 : 0.25;
    layout.table(
      [
        { header: 'id', share },
        { header: 'anchor as exported', share },
        { header: `anchor (${timezone})`, share },
        { header: 'counterpart id', share },
        ...(valued ? [{ header: 'value', share, align: 'right' as const }] : []),
      ],
      rows,
    );
    const more = bucket.count - rows.length;
    if (more > 0) {
      const continued = bucket.names.length > 1 ? ` (continued on ${bucket.names.slice(1).join(', ')})` : '';
      layout.paragraph(`and ${NUMBER.format(more)} more in the workbook, sheet ${bucket.names[0]}${continued}`, { size: 8.5, color: '#333333' });
    }
  }
}

/** The PDF's bytes: the same facts and `generatedAt` give the same bytes (creation date and file id are taken from them). */
export async function writeAuditPdf(source: AuditSource, facts: AuditFacts, buckets: BucketSheets[]): Promise<Buffer> {
  // Loaded here, not with the module: every `recon` run and the app's start would pay for it (a third of a second).
  const { default: PDFDocument } = await import('pdfkit');
  const { contract } = facts;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 50, right: 50 },
    bufferPages: true,
    info: { Title: `${contract.title} v${contract.version} audit`, Creator: facts.toolVersion, Producer: facts.toolVersion, CreationDate: new Date(facts.generatedAt) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const layout = createPdfLayout(doc);
  writeCover(layout, facts);
  for (const r of facts.report.reconciliations) buildBridgeSection(layout, facts, r, describeSignOffLine(facts, r.name));
  writeRules(layout, facts);
  writeDecisions(layout, facts);
  await writeRecords(layout, source, facts, buckets);
  stampPages(doc, contract.title, `Audit pack, version ${contract.version}`);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
