// The engine on real data: Olist's marketing-qualified leads against its closed deals, keyed on mql_id.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openInvestigation, type Investigation } from '../../electron/engine/openInvestigation';
import { checkBridgeInvariants } from './checkBridgeInvariants';
import { datasetPath, findMissingDataset } from './datasetPath';

const dir = datasetPath('olist-marketing-funnel');

/**
 * Plain comma split of the first `columns` fields: in these files quoted fields come only after them
 * (checked below), so this is a reading independent of the engine's CSV import.
 */
function readSimpleCsv(file: string, columns: number): Record<string, string>[] {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const names = (header ?? '').split(',');
  return lines.map((line) => {
    const fields = line.split(',').slice(0, columns);
    expect(fields.join(',')).not.toContain('"');
    return Object.fromEntries(fields.map((v, i) => [names[i], v]));
  });
}

describe.skipIf(findMissingDataset('olist-marketing-funnel'))('Olist MQLs vs closed deals', () => {
  let inv: Investigation;
  let work: string;
  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-olist-'));
    fs.writeFileSync(
      path.join(work, 'olist.recon.yaml'),
      `contract: Olist MQLs vs won deals, H1 2018
version: 1
reporting:
  timezone: America/Sao_Paulo
  period: { from: 2018-01-01, to: 2018-06-30 }
sources:
  mqls:
    system: marketing
    file: ${path.join(dir, 'olist_marketing_qualified_leads_dataset.csv')}
    id: mql_id
    fields: { mql_id: mql_id, first_contact_date: first_contact_date, origin: origin }
  deals:
    system: sales
    file: ${path.join(dir, 'olist_closed_deals_dataset.csv')}
    id: mql_id
    fields: { mql_id: mql_id, won_date: won_date, business_segment: business_segment }
identity:
  key: mql_id
metrics:
  MQL:
    source: mqls
    date: first_contact_date
    exclude:
      unknown_origin: "origin IS NULL OR origin = 'unknown'"
  Won deal:
    source: deals
    date: won_date
reconcile:
  - name: MQLs vs won deals
    left: MQL
    right: Won deal
`,
    );
    inv = await openInvestigation(path.join(work, 'olist.recon.yaml'));
  });
  afterAll(() => {
    inv?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('holds the invariants of report.md, every bucket opening to exactly its records', async () => {
    const report = await checkBridgeInvariants(inv);
    const r = report.reconciliations[0];
    expect(r?.left.gross).toBe(8000);
    expect(r?.right.gross).toBe(842);
  });

  it('agrees with an independent count of the same files', async () => {
    const mqls = readSimpleCsv('olist_marketing_qualified_leads_dataset.csv', 4);
    const deals = readSimpleCsv('olist_closed_deals_dataset.csv', 5);
    const inPeriod = (d: string | undefined) => !!d && d.slice(0, 10) >= '2018-01-01' && d.slice(0, 10) <= '2018-06-30';
    const excluded = (m: Record<string, string>) => !m.origin || m.origin === 'unknown';
    const netMqls = new Set(mqls.filter((m) => !excluded(m) && inPeriod(m.first_contact_date)).map((m) => m.mql_id));
    // won_date is a UTC-less timestamp read in Sao Paulo (the reporting zone), so its own date decides.
    const netDeals = new Set(deals.filter((d) => inPeriod(d.won_date)).map((d) => d.mql_id));
    const matched = [...netMqls].filter((id) => netDeals.has(id)).length;
    const excludedCount = mqls.filter(excluded).length;
    const report = await inv.getReport();
    const r = report.reconciliations[0];
    const count = (side: string, kind: string) => r?.buckets.filter((b) => b.side === side && b.kind === kind).reduce((n, b) => n + b.count, 0);
    expect(count('left', 'matched')).toBe(matched);
    expect(count('left', 'excluded')).toBe(excludedCount);
    expect(r?.left.net).toBe(netMqls.size);
    expect(r?.right.net).toBe(netDeals.size);
    // A won deal whose MQL came before 2018 is counted by marketing in another period: timing on the right.
    const outOfPeriodMqls = new Set(mqls.filter((m) => !excluded(m) && !inPeriod(m.first_contact_date)).map((m) => m.mql_id));
    const timingRight = [...netDeals].filter((id) => !netMqls.has(id) && outOfPeriodMqls.has(id)).length;
    expect(count('right', 'timing')).toBe(timingRight);
  });
});
