// Decisions and sign-off on the pipeline sample (money.md): a line's value is decided on too, and a changed amount makes the decision stale and breaks the sign-off, both naming the value.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkbench } from '../../electron/engine/createWorkbench';
import type { DecisionLine } from '../../shared/reviewTypes';
import { changeOneByte } from './copySampleInvestigation';

const root = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recon-review-money-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const RECON = 'Sourced pipeline';
const TEST_DEALS = { reconciliation: RECON, side: 'left', kind: 'excluded', reason: 'test_deal' } as const;

describe('decisions on a money bridge', () => {
  it('keeps the line value; ten dollars more on one deal makes the decision stale and the sign-off fail, saying so', async () => {
    fs.cpSync(path.join(root, 'samples/pipeline'), path.join(dir, 'pipeline'), { recursive: true });
    const contract = path.join(dir, 'pipeline/acme-pipeline-q3-2026.recon.yaml');
    const wb = await createWorkbench({ home: path.join(dir, 'home'), sampleContract: path.join(root, 'samples/acme-q3-2026.recon.yaml') });
    try {
      await wb.openContract(contract);
      await wb.setReviewer('Dana Ruiz');
      const bucket = (await wb.getReport({ ids: false })).reconciliations[0]?.buckets.find((b) => b.side === 'left' && b.kind === 'excluded' && b.reason === 'test_deal');
      const decided = await wb.decide(TEST_DEALS, 'accepted', 'test deals');
      const line = JSON.parse(fs.readFileSync(decided.file, 'utf8').trimEnd()) as DecisionLine;
      expect(line).toMatchObject({ count: bucket?.count, value: bucket?.value });
      expect(typeof line.value).toBe('number');
      await wb.signOff(RECON, '');

      // "Test deal 63 - please ignore": $26,750.00 -> $26,760.00, same count, ten dollars more.
      changeOneByte(path.join(path.dirname(contract), 'exports/hubspot_deals.csv'), '"$26,750.00"', '"$26,760.00"');
      await wb.openContract(contract);
      const state = await wb.getReview();
      const review = state.reconciliations.find((r) => r.name === RECON);
      const after = (line.value ?? 0) + 10;
      expect(review?.lines.find((l) => l.kind === 'excluded' && l.reason === 'test_deal')?.decision?.stale).toEqual([
        `value was ${line.value}, now ${after}`,
        'exports/hubspot_deals.csv changed since',
      ]);
      expect(review?.signOff?.holds).toBe(false);
      expect(review?.signOff?.changes).toEqual(['input exports/hubspot_deals.csv (source hubspot_deals) changed', `left excluded test_deal: value ${line.value} -> ${after}`]);
    } finally {
      await wb.close();
    }
  });
});
