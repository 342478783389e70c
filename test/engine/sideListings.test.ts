// A side's totals as listings (gross, net, net_unmatched) and the inspector's counterparts, on the sample's planted bridge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openInvestigation, type Investigation } from '../../electron/engine/openInvestigation';
import type { BucketQuery } from '../../shared/api';
import type { BucketKind, ListingKind, Side } from '../../shared/reportTypes';
import { readExpectedBridge, sampleContractFile } from './readExpectedBridge';

const contractFile = sampleContractFile;
/** Written by the sample's generator, never computed by the engine. */
const expected = readExpectedBridge();

const ALL_KINDS: BucketKind[] = ['excluded', 'duplicate', 'out_of_period', 'matched', 'timing', 'excluded_on_other_side', 'unmatched'];
const PLANTED: Record<'gross' | 'net' | 'net_unmatched', BucketKind[]> = {
  gross: ALL_KINDS,
  net: ['matched', 'timing', 'excluded_on_other_side', 'unmatched'],
  net_unmatched: ['timing', 'excluded_on_other_side', 'unmatched'],
};

function plantedIds(side: Side, kinds: BucketKind[]): string[] {
  return expected.buckets.filter((b) => b.side === side && kinds.includes(b.kind)).flatMap((b) => b.ids);
}

describe('listings of a side', () => {
  let inv: Investigation;
  beforeAll(async () => {
    inv = await openInvestigation(contractFile);
  });
  afterAll(() => inv?.close());

  for (const side of ['left', 'right'] as const) {
    for (const kind of ['gross', 'net', 'net_unmatched'] as const satisfies readonly ListingKind[]) {
      it(`${side} ${kind}: the count and the pages list exactly the planted records`, async () => {
        const query: BucketQuery = { reconciliation: expected.reconciliation, side, kind };
        const ids = plantedIds(side, PLANTED[kind]);
        expect(ids.length).toBeGreaterThan(0);
        expect(await inv.countRows(query)).toBe(ids.length);
        const first = await inv.fetchRows(query, { offset: 0, limit: 100 });
        const rest = await inv.fetchRows(query, { offset: 100, limit: 10_000 });
        const at = first.columns.indexOf('record_id');
        const listed = [...first.rows, ...rest.rows].map((row) => String(row[at]));
        expect(listed.sort()).toEqual([...ids].sort());
      });
    }
  }

  it('net_unmatched is the side net minus matched, in the planted totals', () => {
    for (const side of ['left', 'right'] as const) {
      const matched = plantedIds(side, ['matched']).length;
      expect(plantedIds(side, PLANTED.net_unmatched).length).toBe(expected[side].net - matched);
    }
  });
});

describe("the inspector's counterparts", () => {
  let inv: Investigation;
  beforeAll(async () => {
    inv = await openInvestigation(contractFile);
  });
  afterAll(() => inv?.close());

  const cases: { kind: BucketKind; counterpartSide: 'other' | 'own'; counterpartKinds: BucketKind[] }[] = [
    { kind: 'matched', counterpartSide: 'other', counterpartKinds: ['matched'] },
    { kind: 'timing', counterpartSide: 'other', counterpartKinds: ['out_of_period'] },
    { kind: 'excluded_on_other_side', counterpartSide: 'other', counterpartKinds: ['excluded'] },
    { kind: 'duplicate', counterpartSide: 'own', counterpartKinds: ['matched', 'timing', 'excluded_on_other_side', 'unmatched', 'out_of_period', 'excluded'] },
  ];
  for (const { kind, counterpartSide, counterpartKinds } of cases) {
    for (const side of ['left', 'right'] as const) {
      it(`a ${side} ${kind} record names its counterpart, shown in the same inspection`, async () => {
        const bucket = expected.buckets.find((b) => b.side === side && b.kind === kind && b.ids.length > 0);
        const recordId = bucket?.ids[0];
        if (!bucket || !recordId) throw new Error(`the sample plants no ${side} ${kind} record`);
        const inspection = await inv.inspectRecord(expected.reconciliation, side, recordId);
        const row = inspection.rows.find((r) => r.side === side && r.id === recordId);
        const wantSide = counterpartSide === 'own' ? side : side === 'left' ? 'right' : 'left';
        expect(row?.counterpart?.side).toBe(wantSide);
        const other = inspection.rows.find((r) => r.side === row?.counterpart?.side && r.id === row?.counterpart?.id);
        expect(other, 'the counterpart is among the rows of the key').toBeDefined();
        expect(counterpartKinds).toContain(other?.kind);
        if (kind === 'duplicate') expect(other?.kind).not.toBe('duplicate');
        if (kind === 'excluded_on_other_side') expect(other?.reason).toBe(bucket.reason);
      });
    }
  }

  it('a record with no counterpart names none', async () => {
    const bucket = expected.buckets.find((b) => b.side === 'left' && b.kind === 'unmatched' && b.reason === 'no_counterpart');
    const recordId = bucket?.ids[0] ?? '';
    const inspection = await inv.inspectRecord(expected.reconciliation, 'left', recordId);
    expect(inspection.rows.find((r) => r.id === recordId)?.counterpart).toBeUndefined();
  });
});
