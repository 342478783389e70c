// A decision on screen: its badge word (a stale one never shows its old status), its hover text, the form's starting status, and line row ids.
import { describe, expect, it } from 'vitest';
import type { DecisionLine, DecisionState } from '../../shared/reviewTypes';
import { chooseInitialStatus, describeDecision, formatDecisionDate, labelDecision } from '../../renderer/model/labelDecision';
import { identifyLineRow } from '../../renderer/model/nameLine';

const line: DecisionLine = {
  reconciliation: 'MQLs vs CRM leads',
  side: 'left',
  kind: 'timing',
  reason: 'timing',
  record: null,
  status: 'disputed',
  note: 'sync lag, 18 records',
  by: 'Dana Ruiz',
  at: '2026-12-01T14:03:00+01:00',
  version: '7',
  contract_sha256: 'a'.repeat(64),
  inputs: [],
  count: 18,
  value: null,
};

const state = (stale: string[], current: DecisionLine = line): DecisionState => ({ current, line: 1, history: [], stale });

describe('labelDecision', () => {
  it('names the status of a current decision, and "Stale" for one whose numbers or files changed', () => {
    expect(labelDecision(state([]))).toBe('Disputed');
    expect(labelDecision(state([], { ...line, status: 'follow_up' }))).toBe('Follow up');
    expect(labelDecision(state(['count was 18, now 20']))).toBe('Stale');
  });

  it('says on hover who decided what and when, and for a stale decision every change', () => {
    expect(describeDecision(state([]))).toBe('Disputed by Dana Ruiz on 2026-12-01 14:03: sync lag, 18 records');
    expect(describeDecision(state(['count was 18, now 20', 'exports/hubspot_contacts.csv changed since']))).toBe(
      'Stale. Was Disputed by Dana Ruiz on 2026-12-01 14:03: sync lag, 18 records. Since then: count was 18, now 20; exports/hubspot_contacts.csv changed since',
    );
  });

  it('starts the form from the current status, never from a stale one or a sign-off', () => {
    expect(chooseInitialStatus(state([]))).toBe('disputed');
    expect(chooseInitialStatus(state(['count was 18, now 20']))).toBeNull();
    expect(chooseInitialStatus(state([], { ...line, status: 'signed_off' }))).toBeNull();
    expect(chooseInitialStatus(null)).toBeNull();
  });

  it('names the day as the reviewer wrote it, whatever the offset', () => {
    expect(formatDecisionDate('2026-12-01T23:30:00-08:00')).toBe('2026-12-01');
  });
});

describe('identifyLineRow', () => {
  it('gives every line of free-text reasons its own valid id', () => {
    const ids = ['Not an MQL', 'Not_an_MQL', 'not an mql', 'rule "x" / y', 'règle', 'a b', 'a_20b', 'a\u020bb'].map((reason) =>
      identifyLineRow('MQLs vs CRM leads', { side: 'left', kind: 'excluded', reason }),
    );
    // A reconciliation's name cannot run into the side and kind that follow it.
    ids.push(identifyLineRow('MQLs-left-excluded', { side: 'left', kind: 'excluded', reason: 'x' }), identifyLineRow('MQLs', { side: 'left', kind: 'excluded', reason: 'left-excluded-x' }));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
