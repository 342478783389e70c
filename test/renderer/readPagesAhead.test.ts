// readPagesAhead: a page read on a scroll is handed to the grid once, for its own sort and filter, one read at a time.
import { describe, expect, it } from 'vitest';
import type { RowPage } from '../../shared/api';
import { readPagesAhead } from '../../renderer/api/readPagesAhead';

/** A read the test answers itself: which pages were asked for, in order, and a way to finish each. */
function createReads() {
  const asked: number[] = [];
  const finish = new Map<number, (page: RowPage) => void>();
  const read = (startRow: number) => () => {
    asked.push(startRow);
    return new Promise<RowPage>((resolve) => finish.set(startRow, resolve));
  };
  const page = (startRow: number): RowPage => ({ columns: ['record_id'], rows: [[`row ${startRow}`]] });
  return { asked, read, answer: (startRow: number) => finish.get(startRow)?.(page(startRow)) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('readPagesAhead', () => {
  it('hands a page read ahead to the request for the same sort, filter and first row, once', async () => {
    const ahead = readPagesAhead();
    const reads = createReads();
    ahead.want('[[],[]]', 350200, reads.read(350200));
    expect(ahead.take('[["x"],[]]', 350200)).toBeNull();
    expect(ahead.take('[[],[]]', 350100)).toBeNull();
    const page = ahead.take('[[],[]]', 350200);
    expect(page).not.toBeNull();
    reads.answer(350200);
    await expect(page).resolves.toEqual({ columns: ['record_id'], rows: [['row 350200']] });
    expect(ahead.take('[[],[]]', 350200)).toBeNull();
  });

  it('reads one page at a time, then only the last one wanted meanwhile', async () => {
    const ahead = readPagesAhead();
    const reads = createReads();
    ahead.want('k', 100, reads.read(100));
    ahead.want('k', 200, reads.read(200));
    ahead.want('k', 300, reads.read(300));
    ahead.want('k', 100, reads.read(100));
    expect(reads.asked).toEqual([100]);
    reads.answer(100);
    await settle();
    expect(reads.asked).toEqual([100, 300]);
  });

  it('keeps a few pages the grid never asks for, not every page a fast scroll passed', async () => {
    const ahead = readPagesAhead();
    const reads = createReads();
    for (const startRow of [0, 100, 200, 300, 400, 500]) {
      ahead.want('k', startRow, reads.read(startRow));
      reads.answer(startRow);
      await settle();
    }
    expect(reads.asked).toEqual([0, 100, 200, 300, 400, 500]);
    expect([0, 100].map((startRow) => ahead.take('k', startRow))).toEqual([null, null]);
    expect([200, 300, 400, 500].every((startRow) => ahead.take('k', startRow) !== null)).toBe(true);
  });
});
