// The committed sample investigation is what samples/generate.ts writes, and its expected bridge covers every row once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateSamples, SAMPLE_FILES } from '../../samples/generator/generateSamples';
import type { PipelineExpectedReport } from '../../samples/generator/pipeline/buildPipelineBridge';
import { PIPELINE_FILES } from '../../samples/generator/pipeline/generatePipelineSample';
import { BUCKET_KINDS } from '../../shared/reportTypes';
import type { CreditLine, MetricsReport } from '../../shared/metricsReportTypes';
import type { Bucket, SideSummary } from '../../shared/reportTypes';
import { parseCsv } from './parseCsv';

const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));
const NET_KINDS = ['matched', 'timing', 'excluded_on_other_side', 'unmatched'];

interface ExpectedBridge {
  reconciliation: string;
  left: SideSummary;
  right: SideSummary;
  buckets: Bucket[];
}

function readSample(relative: string): Buffer {
  return fs.readFileSync(path.join(SAMPLES, relative));
}

/** The data rows of the report sheet: everything below the header row that starts with "Lead ID". */
function readXlsxRows(): { header: string[]; rows: XLSX.CellObject[][] } {
  const book = XLSX.read(readSample(SAMPLE_FILES.salesforceXlsx), { cellNF: true });
  expect(book.SheetNames[0]).toBe('Leads Report');
  expect(book.SheetNames.length).toBeGreaterThan(1);
  const sheet = book.Sheets['Leads Report'];
  if (!sheet) throw new Error('no Leads Report sheet');
  const range = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1');
  const cellAt = (r: number, c: number): XLSX.CellObject | undefined => sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
  const all: XLSX.CellObject[][] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    all.push(Array.from({ length: range.e.c + 1 }, (_, c) => cellAt(r, c) ?? { t: 'z' }));
  }
  const headerAt = all.findIndex((cells) => cells[0]?.v === 'Lead ID');
  expect(headerAt).toBeGreaterThan(0);
  return { header: (all[headerAt] ?? []).map((cell) => String(cell.v ?? '')), rows: all.slice(headerAt + 1) };
}

function readBridge(): ExpectedBridge {
  return JSON.parse(readSample(SAMPLE_FILES.expectedBridge).toString('utf8')) as ExpectedBridge;
}

function checkSide(bridge: ExpectedBridge, side: 'left' | 'right', fileIds: string[], numeric: boolean): void {
  const buckets = bridge.buckets.filter((b) => b.side === side);
  const listed = buckets.flatMap((b) => b.ids);
  expect(new Set(fileIds).size).toBe(fileIds.length);
  expect([...listed].sort()).toEqual([...fileIds].sort());
  const summary = bridge[side];
  expect(summary.gross).toBe(fileIds.length);
  expect(buckets.reduce((sum, b) => sum + b.count, 0)).toBe(summary.gross);
  expect(buckets.filter((b) => NET_KINDS.includes(b.kind)).reduce((sum, b) => sum + b.count, 0)).toBe(summary.net);
  for (const bucket of buckets) {
    expect(bucket.ids.length).toBe(bucket.count);
    const sorted = [...bucket.ids].sort((a, b) => (numeric ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0));
    expect(bucket.ids).toEqual(sorted);
  }
}

describe('samples/', () => {
  it('holds exactly what a fresh run of the generator writes', () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-samples-'));
    try {
      const written = generateSamples(outDir);
      expect([...written].sort()).toEqual([...Object.values(SAMPLE_FILES), ...Object.values(PIPELINE_FILES)].sort());
      for (const relative of written) {
        const fresh = fs.readFileSync(path.join(outDir, relative));
        expect(fresh.equals(readSample(relative)), `${relative} differs from a fresh generation: run npx tsx samples/generate.ts`).toBe(true);
      }
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  });

  it('expected-bridge.json puts every data row of each export in exactly one bucket', () => {
    const bridge = readBridge();
    expect(bridge.reconciliation).toBe('MQLs vs CRM leads');
    const hubspot = parseCsv(readSample(SAMPLE_FILES.hubspotCsv).toString('utf8'));
    expect(hubspot[0]?.[0]).toBe('Record ID');
    checkSide(bridge, 'left', hubspot.slice(1).map((row) => row[0] ?? ''), true);
    const { rows } = readXlsxRows();
    checkSide(bridge, 'right', rows.map((cells) => String(cells[0]?.v ?? '')), false);
    const matched = (side: string) => bridge.buckets.find((b) => b.side === side && b.kind === 'matched')?.count;
    expect(matched('left')).toBe(matched('right'));
  });

  it('plants every bucket kind and reason on both sides', () => {
    const bridge = readBridge();
    const contract = parse(readSample(SAMPLE_FILES.contract).toString('utf8')) as {
      metrics: Record<string, { exclude: Record<string, string> }>;
    };
    const leftRules = Object.keys(contract.metrics.MQL?.exclude ?? {});
    const rightRules = Object.keys(contract.metrics['CRM Lead']?.exclude ?? {});
    const reasonsOf = (side: string, kind: string) => bridge.buckets.filter((b) => b.side === side && b.kind === kind && b.count > 0).map((b) => b.reason).sort();
    for (const side of ['left', 'right']) {
      for (const kind of BUCKET_KINDS) expect(reasonsOf(side, kind).length, `${side} ${kind}`).toBeGreaterThan(0);
      expect(reasonsOf(side, 'unmatched')).toEqual(['missing_key', 'no_counterpart']);
    }
    // Only HubSpot has placeholders typed into a date; the Salesforce report's dates are real cells.
    expect(reasonsOf('left', 'out_of_period')).toEqual(['missing_date', 'outside_period', 'unreadable_date']);
    expect(reasonsOf('right', 'out_of_period')).toEqual(['missing_date', 'outside_period']);
    expect(reasonsOf('left', 'excluded')).toEqual([...leftRules].sort());
    expect(reasonsOf('right', 'excluded')).toEqual([...rightRules].sort());
    expect(reasonsOf('left', 'excluded_on_other_side')).toEqual([...rightRules].sort());
    expect(reasonsOf('right', 'excluded_on_other_side')).toEqual([...leftRules].sort());
  });

  it('the Salesforce .csv and .xlsx hold the same rows', () => {
    const text = readSample(SAMPLE_FILES.salesforceCsv).toString('utf8');
    expect(text.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
    const lines = parseCsv(text);
    const blankAt = lines.findIndex((fields) => fields.length === 1 && fields[0] === '');
    expect(lines.slice(blankAt + 1).map((fields) => fields[0])).toEqual([
      'Confidential Information - Do Not Distribute',
      'Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.',
      'Generated By: Dana Reviewer 10/5/2026 9:12 AM',
      'Acme Corp',
    ]);
    const csvHeader = lines[0] ?? [];
    const csvRows = lines.slice(1, blankAt);

    const { header, rows } = readXlsxRows();
    expect(header).toEqual(csvHeader);
    expect(rows.length).toBe(csvRows.length);
    const dateColumn = header.indexOf('Create Date');
    const asCsvText = rows.map((cells) =>
      cells.map((cell, c) => {
        if (cell.t === 'z') return '';
        if (c !== dateColumn) return String(cell.v);
        expect(cell.t).toBe('n');
        expect(cell.z).toMatch(/yyyy.*h:mm/);
        return XLSX.SSF.format('m/d/yyyy h:mm AM/PM', cell.v as number);
      }),
    );
    expect(asCsvText).toEqual(csvRows);
  });

  it('expected-metrics.json names only rows of the exports, its cohort is the bridge\'s net MQLs, and its lists add up', () => {
    const metrics = JSON.parse(readSample(SAMPLE_FILES.expectedMetrics).toString('utf8')) as MetricsReport;
    const bridge = readBridge();
    const netOf = (side: string): string[] => bridge.buckets.filter((b) => b.side === side && NET_KINDS.includes(b.kind)).flatMap((b) => b.ids);
    const netMqls = netOf('left');
    const cohorts: Record<string, string[]> = { MQL: netMqls, 'CRM Lead': netOf('right') };
    const idsOf = (relative: string): Set<string> => {
      const rows = parseCsv(readSample(relative).toString('utf8'));
      const end = rows.findIndex((fields) => fields.length === 1 && fields[0] === '');
      return new Set(rows.slice(1, end === -1 ? undefined : end).map((fields) => fields[0] ?? ''));
    };
    const rowsOf = { SQL: idsOf(SAMPLE_FILES.lifecycleCsv), Opportunity: idsOf(SAMPLE_FILES.opportunitiesCsv), Won: idsOf(SAMPLE_FILES.opportunitiesCsv) };
    expect(metrics.funnels.length).toBe(2);
    for (const funnel of metrics.funnels) {
      const cohort = cohorts[funnel.cohort.metric] ?? [];
      expect([...funnel.cohort.ids].sort(), funnel.name).toEqual([...cohort].sort());
      let previous = funnel.cohort.ids;
      for (const stage of funnel.stages) {
        const rows = rowsOf[stage.metric as keyof typeof rowsOf];
        const at = `${funnel.name}, ${stage.metric}`;
        expect(rows, at).toBeDefined();
        expect(stage.reached).toBe(stage.reached_ids.length);
        expect([...stage.reached_ids, ...stage.dropped].sort(), `${at}: counted and dropped make the previous stage`).toEqual([...previous].sort());
        expect(stage.skipped.filter((id) => previous.includes(id) || !cohort.includes(id)), `${at}: skipped`).toEqual([]);
        expect([...stage.ids, ...stage.outside_cohort].filter((id) => !rows?.has(id)), `${at}: ids of the export`).toEqual([]);
        expect(stage.ids.filter((id) => stage.outside_cohort.includes(id)), at).toEqual([]);
        previous = stage.reached_ids;
      }
    }
    const sla = metrics.sla[0];
    const withoutAddress = bridge.buckets.find((b) => b.side === 'left' && b.reason === 'missing_key')?.ids ?? [];
    expect([...(sla?.met.ids ?? []), ...(sla?.breached.ids ?? []), ...(sla?.never.ids ?? []), ...withoutAddress].sort()).toEqual([...netMqls].sort());
    const opportunities = rowsOf.Opportunity;
    for (const m of metrics.shared_metrics.filter((x) => x.name !== 'lead_to_revenue')) expect(m.ids.filter((id) => !opportunities.has(id)), `${m.name} ${m.by}`).toEqual([]);
  });

  it("expected-metrics.json's attribution: every model of an entry credits its total over the same deals, the sourced bridge splits them once", () => {
    const metrics = JSON.parse(readSample(SAMPLE_FILES.expectedMetrics).toString('utf8')) as MetricsReport;
    const rows = parseCsv(readSample(SAMPLE_FILES.opportunitiesCsv).toString('utf8'));
    const opportunities = new Set(rows.slice(1, rows.findIndex((fields) => fields.length === 1 && fields[0] === '')).map((fields) => fields[0] ?? ''));
    expect(metrics.attribution.length).toBe(2);
    for (const entry of metrics.attribution) {
      const credited = (lines: CreditLine[]): Set<string> => new Set(lines.filter((l) => l.campaign === null).flatMap((l) => l.ids));
      const deals = credited(Object.values(entry.models)[0] ?? []);
      expect([...deals].filter((id) => !opportunities.has(id)), entry.name).toEqual([]);
      const bridged = Object.values(entry.sourced).flatMap((line) => line.ids);
      expect(new Set(bridged).size, `${entry.name}: each deal on one line of the bridge`).toBe(bridged.length);
      if (bridged.length > 0) expect(new Set(bridged), entry.name).toEqual(deals);
      for (const [model, lines] of Object.entries(entry.models)) {
        const channels = lines.filter((l) => l.campaign === null);
        // Each line is rounded once: a model's lines add up to the total within half a cent per line.
        expect(Math.abs(channels.reduce((sum, l) => sum + l.credit, 0) - entry.total), `${entry.name}, ${model}`).toBeLessThanOrEqual(channels.length * 0.005);
        expect(credited(lines), `${entry.name}, ${model}: every deal credited`).toEqual(deals);
      }
    }
    const header = parseCsv(readSample(SAMPLE_FILES.campaignMembersCsv).toString('utf8'))[0];
    expect(header).toEqual(['Campaign Name', 'Campaign Type', 'Channel', 'Member Type', 'Member Status', 'First Name', 'Last Name', 'Email', 'Company / Account', 'First Responded Date']);
  });

  it('pipeline/expected-bridge.json puts every data row of each export in exactly one bucket of each bridge it is in', () => {
    const bridge = JSON.parse(readSample(PIPELINE_FILES.expectedBridge).toString('utf8')) as PipelineExpectedReport;
    const deals = parseCsv(readSample(PIPELINE_FILES.dealsCsv).toString('utf8'));
    const report = parseCsv(readSample(PIPELINE_FILES.opportunitiesCsv).toString('utf8'));
    const opportunities = report.slice(1, report.findIndex((fields) => fields.length === 1 && fields[0] === ''));
    const text = readSample(PIPELINE_FILES.invoiceLinesCsv).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = parseCsv(text.slice(1), ';');
    expect([deals[0]?.[0], report[0]?.[0], lines[0]?.[0]]).toEqual(['Record ID', 'Opportunity ID', 'Line ID']);
    const ids = { hubspot_deals: deals.slice(1), salesforce_opportunities: opportunities, finance_invoice_lines: lines.slice(1) };
    for (const r of bridge.reconciliations) {
      for (const side of ['left', 'right'] as const) {
        const rows = ids[r[side].source as keyof typeof ids].map((fields) => fields[0] ?? '');
        checkSide({ reconciliation: r.name, left: r.left, right: r.right, buckets: r.buckets }, side, rows, /^\d+$/.test(rows[0] ?? ''));
        const cents = (value: number | undefined) => Math.round((value ?? 0) * 100);
        const sides = r.buckets.filter((b) => b.side === side);
        expect(sides.reduce((sum, b) => sum + cents(b.value), 0), `${r.name} ${side}: gross value`).toBe(cents(r[side].gross_value));
      }
      const matched = (side: string) => r.buckets.filter((b) => b.side === side && b.kind === 'matched').reduce((n, b) => n + b.count, 0);
      expect(matched('left'), r.name).toBe(matched('right'));
    }
  });
});
