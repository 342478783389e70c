// `recon metrics` and the metrics drills as a user runs them: a real process on the planted fixture's YAML and CSV files.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MetricsReport } from '../../shared/metricsReportTypes';
import { openInvestigation } from '../../electron/engine/openInvestigation';
import { FILES, writeMetricsFixture } from './metricsFixture';

const root = path.resolve(import.meta.dirname, '../..');
const contract = writeMetricsFixture();

function recon(...args: string[]) {
  const run = spawnSync(process.execPath, [path.join(root, 'bin/recon.mjs'), ...args], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The first column of each CSV line after the header (the fixture's values hold no line breaks). */
function readRecordIds(csv: string): string[] {
  return csv.trim().split(/\r?\n/).slice(1).map((line) => line.split(',')[0] ?? '');
}

describe('recon metrics', () => {
  const json = recon('metrics', contract, '--json');
  const report = JSON.parse(json.stdout) as MetricsReport;

  it('prints the report of revenue.md on stdout only', () => {
    expect(json.status).toBe(0);
    expect(Object.keys(report)).toEqual(['contract', 'currency', 'funnels', 'attribution', 'shared_metrics', 'sla']);
    expect(report.funnels[0]?.stages.map((s) => s.reached)).toEqual([2, 2, 1]);
    expect(json.stderr).toMatch(/\[recon\] imported hubspot/);
  });

  it('prints readable tables: stages with reached, conversion, days and value; the SLA; shared metrics with their basis', () => {
    const table = recon('metrics', contract);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/2\. Opportunity +2 +100\.0% +33\.3% +1 +1\.8 +\$1,200\.00 +0 +1 +4\n/);
    expect(table.stdout).toContain('met 2, breached 2, never 1; met share 40.0%; median 1,470 min, p90 2,466 min');
    expect(table.stdout).toMatch(/pipeline_velocity +\(all\) +\$65\.45\/day +INTERPRETATION +an estimate/);
    expect(table.stdout).toMatch(/cac +\(all\) +\$583\.51 +fact /);
  });

  it('drills into every kind of list: the records of exactly its ids', () => {
    const funnel = report.funnels[0];
    const stage = funnel?.stages[1];
    expect(readRecordIds(recon('drill', contract, '--funnel', funnel?.name ?? '', '--list', 'cohort').stdout)).toEqual(funnel?.cohort.ids);
    for (const list of ['reached', 'ids', 'dropped', 'skipped', 'outside_cohort'] as const) {
      const run = recon('drill', contract, '--funnel', funnel?.name ?? '', '--stage', '2', '--list', list);
      expect(run.status).toBe(0);
      expect(readRecordIds(run.stdout)).toEqual(list === 'reached' ? stage?.reached_ids : stage?.[list]);
    }
    const breached = recon('drill', contract, '--sla', 'Speed to lead', '--list', 'breached');
    expect(breached.stdout).toBe('record_id,Id,Email,MQL Date\r\nh2,h2,b@x.com,2026-07-05 09:30\r\nh3,h3,c@x.com,2026-07-10\r\n');
    expect(readRecordIds(recon('drill', contract, '--shared', 'win_rate', '--by', '(empty)').stdout)).toEqual(['O2', 'O7']);
    expect(readRecordIds(recon('drill', contract, '--shared', 'pipeline_velocity').stdout)).toEqual(['O1', 'O2', 'O3', 'O5', 'O6', 'O7']);
    const attribution = report.attribution[0];
    const line = attribution?.models.first_touch?.find((l) => l.channel === 'Webinar');
    expect(readRecordIds(recon('drill', contract, '--attribution', attribution?.name ?? '', '--model', 'first_touch', '--channel', 'Webinar').stdout)).toEqual(line?.ids);
    // The touch behind the line: the touches export's own row (it has no id column: its record id is its row's).
    const touches = recon('drill', contract, '--attribution', attribution?.name ?? '', '--model', 'first_touch', '--channel', 'Webinar', '--list', 'touches');
    expect(touches.stdout.split(/\r?\n/).slice(1, -1).map((row) => row.split(',').slice(1).join(','))).toEqual(['a@x.com,2026-06-15,Webinar']);
    expect(readRecordIds(recon('drill', contract, '--attribution', attribution?.name ?? '', '--list', 'no_touch').stdout)).toEqual(attribution?.no_touch.ids);
    expect(readRecordIds(recon('drill', contract, '--attribution', attribution?.name ?? '', '--list', 'crm_only').stdout)).toEqual(attribution?.sourced.crm_only.ids);
  });

  it('prints each attribution entry as channels x models with the sourced bridge', () => {
    const table = recon('metrics', contract).stdout;
    expect(table).toMatch(/Attribution: Q3 pipeline +\[INTERPRETATION; depends on lookback 365 days; people all via opportunity_people/);
    expect(table).toMatch(/\n +No touch +\$1,850\.00\n +Webinar +\$1,000\.00\n +total \(every model\) +\$2,850\.00\n/);
    expect(table).toMatch(/sourced \(CRM rule x touches\): both 1 \(\$1,000\.00\); CRM only 3 /);
  });

  it('says what is wrong with a drill in one line, and documents the flags in --help', () => {
    // Progress lines come first on stderr (the contract is opened before the list is known); the error is the last line.
    const lastLine = (stderr: string) => stderr.trimEnd().split('\n').at(-1);
    expect(lastLine(recon('drill', contract, '--funnel', 'Q3 MQLs to revenue', '--stage', '4', '--list', 'ids').stderr)).toBe(
      "recon: funnel 'Q3 MQLs to revenue' has stages 1 to 3; --stage 4 is none of them",
    );
    expect(lastLine(recon('drill', contract, '--shared', 'cac', '--by', 'Web').stderr)).toBe("recon: no shared metric 'cac' by 'Web'; it is reported by: (all, no --by), Events, Paid Search, Webinar");
    expect(lastLine(recon('drill', contract, '--attribution', 'Q3 pipeline', '--model', 'linear', '--channel', 'Webinar').stderr)).toMatch(
      /^recon: attribution 'Q3 pipeline' has no linear line 'Webinar'; its lines: /,
    );
    expect(recon('drill', contract, '--attribution', 'Q3 pipeline', '--list', 'sourced').stderr).toMatch(/^recon: --list must be one of no_touch, influenced, both, crm_only, touches_only, neither, not 'sourced'/);
    expect(recon('drill', contract, '--sla', 'Speed to lead', '--list', 'late').stderr).toBe("recon: --list must be one of met, breached, never, not 'late'\n");
    const help = recon('--help').stdout;
    for (const flag of ['recon metrics CONTRACT.yaml [--json]', '--funnel NAME --stage N --list', '--sla NAME --list met|breached|never', '--shared NAME [--by GROUP]', '--attribution NAME --model MODEL --channel CHANNEL', '--agreement MODEL']) {
      expect(help).toContain(flag);
    }
  });

  it('writes every list as the report holds it, ids with quotes, backslashes, commas, line breaks and accents included', async () => {
    // The JSON's lists are DuckDB's own JSON texts pasted in (writeMetricsReportJson): they must read back as the ids.
    const odd = ['h"1', 'h\\2', 'h,3', 'h\n9', 'hé8'];
    const quoted = (id: string) => `"${id.replaceAll('"', '""')}"`;
    const hubspot = (FILES['hubspot.csv'] ?? '').replace(/^h1,/m, `${quoted(odd[0] ?? '')},`).replace(/^h2,/m, `${quoted(odd[1] ?? '')},`).replace(/^h3,/m, `${quoted(odd[2] ?? '')},`)
      .replace(/^h9,/m, `${quoted(odd[3] ?? '')},`).replace(/^h8,/m, `${quoted(odd[4] ?? '')},`);
    const file = writeMetricsFixture({ files: { ...FILES, 'hubspot.csv': hubspot } });
    const run = recon('metrics', file, '--json');
    expect(run.status).toBe(0);
    const written = JSON.parse(run.stdout) as MetricsReport;
    const inv = await openInvestigation(file);
    try {
      const held = await inv.getMetricsReport();
      expect(written).toEqual(held);
      expect([...(held.funnels[0]?.cohort.ids ?? [])].sort()).toEqual([...odd, 'h4'].sort());
    } finally {
      inv.close();
    }
  });
});
