// Sessions recompute only what a contract edit or a changed export touches, reopen without importing, and say what they redid.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Progress, WorkbenchApi } from '../../shared/api';
import { createWorkbench } from '../../electron/engine/createWorkbench';
import { openDatabase } from '../../electron/engine/openDatabase';
import { openInvestigation } from '../../electron/engine/openInvestigation';
import { sessionDatabasePath } from '../../electron/engine/session/openSession';
import { copySampleInvestigation } from './copySampleInvestigation';

const root = path.resolve(import.meta.dirname, '../..');
const sampleContract = path.join(root, 'samples/acme-q3-2026.recon.yaml');
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-incremental-'));
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

const SOURCES = ['hubspot', 'salesforce', 'hubspot_lifecycle', 'opportunities', 'contact_roles', 'lead_conversions', 'tasks', 'spend', 'campaign_members'];
const METRICS = ['MQL', 'CRM Lead', 'SQL', 'Opportunity', 'Won', 'Lost'];

/** The bridge and the metrics report a fresh in-memory compile of the saved contract gives: what the session must equal. */
async function readFreshReports(contract: string) {
  const fresh = await openInvestigation(contract);
  try {
    return { report: await fresh.getReport(), counts: await fresh.getReport({ ids: false }), metrics: await fresh.getMetricsReport() };
  } finally {
    fresh.close();
  }
}

/** The steps of the progress seen while opening (polled as the UI polls it). */
async function openWatched(wb: WorkbenchApi, contract: string) {
  const seen: Progress[] = [];
  const poll = setInterval(() => void wb.getProgress().then((p) => p && seen.push(p)), 1);
  try {
    // The work's first progress says 'import' before anything is known; an import of a source names it.
    return { info: await wb.openContract(contract), steps: seen.map((p) => (p.source ? `${p.step} ${p.source}` : p.step)) };
  } finally {
    clearInterval(poll);
  }
}

/** The session file's derived tables by prefix (a rebuild leaves no table of an earlier definition behind), its views checked to read. */
async function countSessionTables(home: string, contract: string): Promise<Record<string, number>> {
  const db = await openDatabase(sessionDatabasePath(home, contract));
  try {
    const rows = await db.all<{ prefix: string; n: number }>(
      `SELECT regexp_extract(table_name, '^([a-z]+)_', 1) AS prefix, CAST(count(*) AS INTEGER) AS n FROM duckdb_tables()
       WHERE database_name = current_database() AND regexp_matches(table_name, '^(raw|src|steps|pairs|bridge)_') GROUP BY ALL`,
    );
    // Every view left reads tables that are there: none was kept over a dropped table.
    for (const { name } of await db.all<{ name: string }>(`SELECT view_name AS name FROM duckdb_views() WHERE database_name = current_database() AND NOT internal`)) {
      await db.all(`SELECT * FROM "${name}" LIMIT 1`);
    }
    return Object.fromEntries(rows.map((r) => [r.prefix, r.n]));
  } finally {
    db.close();
  }
}

describe('incremental recompute', () => {
  it('recomputes one metric and its bridge for an edit of one exclude rule, all metrics for the period, nothing for a moved line', async () => {
    const home = path.join(base, 'edits-home');
    const contract = copySampleInvestigation(path.join(base, 'edits'));
    const wb = await createWorkbench({ home, sampleContract });
    const opened = await wb.openContract(contract);
    expect(opened.build?.imported).toEqual(SOURCES);
    expect(opened.build?.metrics).toEqual(METRICS);
    expect(opened.build?.reused).toEqual({ sources: 0, metrics: 0, reconciliations: 0 });
    const text = fs.readFileSync(contract, 'utf8');

    const rule = `disqualified: '"Lead Status" = ''Disqualified'''`;
    expect(text).toContain(rule);
    const oneRule = text.replace(rule, `disqualified: '"Lead Status" IN (''Disqualified'', ''Unqualified'')'`);
    const applied = await wb.applyContract(oneRule);
    expect(applied.issues).toEqual([]);
    expect(applied.recompute).toMatchObject({ imported: [], metrics: ['CRM Lead'], reconciliations: ['MQLs vs CRM leads'], reused: { sources: 9, metrics: 5, reconciliations: 0 } });
    expect(applied.recompute?.ms).toBeGreaterThan(0);
    const fresh = await readFreshReports(contract);
    expect(applied.report).toEqual(fresh.counts);
    expect(await wb.getReport()).toEqual(fresh.report);
    // Funnels and shared metrics read the steps tables: they follow the reused and the recomputed ones alike.
    expect(await wb.getMetricsReport()).toEqual(fresh.metrics);

    // A comment line above the metrics moves every line number, and changes nothing computed.
    const moved = oneRule.replace('\nmetrics:\n', '\n# definitions agreed with sales\nmetrics:\n');
    expect(moved).not.toBe(oneRule);
    expect((await wb.applyContract(moved)).recompute).toMatchObject({ imported: [], metrics: [], reconciliations: [] });

    const period = moved.replace('period: { from: 2026-07-01, to: 2026-09-30 }', 'period: { from: 2026-08-01, to: 2026-09-30 }');
    expect(period).not.toBe(moved);
    const periodApplied = await wb.applyContract(period);
    expect(periodApplied.recompute).toMatchObject({ imported: [], metrics: METRICS, reconciliations: ['MQLs vs CRM leads'], reused: { sources: 9, metrics: 0 } });
    const freshPeriod = await readFreshReports(contract);
    expect(periodApplied.report).toEqual(freshPeriod.counts);
    expect(await wb.getReport()).toEqual(freshPeriod.report);
    expect(await wb.getMetricsReport()).toEqual(freshPeriod.metrics);
    await wb.close();
    // Every table of an earlier definition was dropped with the rebuild that replaced it.
    expect(await countSessionTables(home, contract)).toEqual({ src: 9, steps: 6, pairs: 1, bridge: 1 });
  });

  it('reopens without importing while the exports are unchanged, and imports again the one whose file was touched', async () => {
    const home = path.join(base, 'reopen-home');
    const contract = copySampleInvestigation(path.join(base, 'reopen'));
    const first = await createWorkbench({ home, sampleContract });
    const built = await openWatched(first, contract);
    expect(built.info.build?.imported).toEqual(SOURCES);
    const report = await first.getReport();
    await first.close();

    const second = await createWorkbench({ home, sampleContract });
    const reopened = await openWatched(second, contract);
    // Only the work's placeholder: no source imported, nothing reconciled.
    expect(reopened.steps.filter((s) => s !== 'import')).toEqual([]);
    expect(reopened.info.build).toBeUndefined();
    // The counts the screens draw first come from the session file as stored: they equal a fresh reading's.
    const fresh = await openInvestigation(contract);
    const counts = await fresh.getReport({ ids: false });
    fresh.close();
    expect(counts.reconciliations[0]?.buckets.length).toBeGreaterThan(3);
    expect(await second.getReport({ ids: false })).toEqual(counts);
    expect(await second.getReport()).toEqual(report);
    await second.close();

    // Same bytes, a new modification time: what re-saving an export does. Size and time are the check (docs: sessions).
    const leads = path.join(path.dirname(contract), 'exports/hubspot_contacts.csv');
    const later = new Date(fs.statSync(leads).mtimeMs + 60_000);
    fs.utimesSync(leads, later, later);
    const third = await createWorkbench({ home, sampleContract });
    const touched = await openWatched(third, contract);
    expect(touched.steps.filter((s) => s.endsWith(' salesforce'))).toEqual([]);
    expect(touched.info.build).toMatchObject({ imported: ['hubspot'], metrics: ['MQL'], reconciliations: ['MQLs vs CRM leads'], reused: { sources: 8, metrics: 5 } });
    expect(await third.getReport()).toEqual(report);
    await third.close();
    expect(await countSessionTables(home, contract)).toEqual({ src: 9, steps: 6, pairs: 1, bridge: 1 });
  });
});
