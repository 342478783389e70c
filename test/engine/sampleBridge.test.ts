// The bundled sample: the engine's bridge equals the one its generator planted, record by record.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openInvestigation, type Investigation } from '../../electron/engine/openInvestigation';
import type { Bucket } from '../../shared/reportTypes';
import { checkBridgeInvariants } from './checkBridgeInvariants';
import { readExpectedBridge, sampleContractFile } from './readExpectedBridge';

const contractFile = sampleContractFile;
const samples = path.dirname(sampleContractFile);
/** Written by the sample's generator, never computed by the engine. */
const expected = readExpectedBridge();

function keyed(buckets: Pick<Bucket, 'side' | 'kind' | 'reason' | 'ids'>[]) {
  return Object.fromEntries(buckets.filter((b) => b.ids.length > 0).map((b) => [`${b.side} ${b.kind} ${b.reason}`, b.ids]));
}

describe('sample investigation (xlsx report)', () => {
  let inv: Investigation;
  beforeAll(async () => {
    inv = await openInvestigation(contractFile);
  });
  afterAll(() => inv?.close());

  it('gives the bridge samples/README.md documents, record by record', async () => {
    const report = await checkBridgeInvariants(inv);
    const r = report.reconciliations.find((x) => x.name === expected.reconciliation);
    expect(r?.left).toMatchObject(expected.left);
    expect(r?.right).toMatchObject(expected.right);
    expect(keyed(r?.buckets ?? [])).toEqual(keyed(expected.buckets));
  });

  it('has every bucket kind on both sides, and every reason of report.md', async () => {
    const r = (await inv.getReport()).reconciliations[0];
    for (const side of ['left', 'right'] as const) {
      const kinds = new Set(r?.buckets.filter((b) => b.side === side).map((b) => b.kind));
      expect([...kinds].sort()).toEqual(['duplicate', 'excluded', 'excluded_on_other_side', 'matched', 'out_of_period', 'timing', 'unmatched']);
    }
    const reasons = new Set(r?.buckets.map((b) => b.reason));
    for (const reason of ['outside_period', 'missing_date', 'unreadable_date', 'no_counterpart', 'missing_key', 'duplicate', 'timing', 'matched']) expect(reasons).toContain(reason);
  });

  it("lists the MQL dates that are no date in the source's summary: exactly the planted unreadable_date records", async () => {
    const report = await inv.getReport();
    const planted = expected.buckets.find((b) => b.side === 'left' && b.reason === 'unreadable_date')?.ids ?? [];
    expect(planted.length).toBeGreaterThan(0);
    const hubspot = report.sources.find((s) => s.name === 'hubspot');
    expect(hubspot?.unreadable).toEqual([{ column: 'Became a Marketing Qualified Lead Date', count: planted.length, ids: planted }]);
  });

  it('reads both dates of a timing record as exported and in the reporting zone', async () => {
    const r = (await inv.getReport()).reconciliations[0];
    const timing = r?.buckets.find((b) => b.side === 'left' && b.kind === 'timing');
    expect(timing).toBeDefined();
    const page = await inv.fetchRows({ reconciliation: r?.name ?? '', side: 'left', kind: 'timing' }, { offset: 0, limit: 1 });
    const row = Object.fromEntries(page.columns.map((c, i) => [c, page.rows[0]?.[i]]));
    const inspection = await inv.inspectKey(r?.name ?? '', String(row.identity_key));
    const right = inspection.rows.find((x) => x.side === 'right' && x.kind === 'out_of_period');
    expect(right?.dateExported).toBe(row.other_anchor_exported);
    expect(right?.dateReporting).toBe(row.other_anchor_reporting);
    expect(inspection.rows.some((x) => x.side === 'left' && x.id === row.record_id && x.kind === 'timing')).toBe(true);
  });
});

describe('sample investigation (csv report with its footer)', () => {
  it('gives the same bridge from the .csv export, its footer listed and nothing else dropped', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-sample-csv-'));
    const text = fs.readFileSync(contractFile, 'utf8').replace(/exports\/salesforce_leads\.xlsx/g, path.join(samples, 'exports/salesforce_leads.csv'));
    fs.writeFileSync(path.join(dir, 'csv.recon.yaml'), text.replace(/file: exports\//g, `file: ${samples}/exports/`));
    const inv = await openInvestigation(path.join(dir, 'csv.recon.yaml'));
    try {
      const report = await checkBridgeInvariants(inv, { drillAll: false });
      const r = report.reconciliations[0];
      expect(keyed(r?.buckets ?? [])).toEqual(keyed(expected.buckets));
      const salesforce = report.sources.find((s) => s.file.endsWith('salesforce_leads.csv'));
      expect(salesforce?.dropped.map((d) => d.reason)).toContain('report_footer');
      expect(salesforce?.dropped.every((d) => d.reason === 'report_footer' || d.reason === 'blank_row')).toBe(true);
      expect(salesforce?.dropped.find((d) => d.text.includes('Confidential'))).toBeDefined();
    } finally {
      inv.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
