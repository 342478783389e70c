// Test support, run as its own process: appends decisions to a file in a loop (COUNT of them, or until killed), each note `TAG SEQ`.
import { appendDecision } from '../../electron/engine/review/decisionsFile';
import type { DecisionLine } from '../../shared/reviewTypes';

const [file, count, tag] = process.argv.slice(2);
if (!file || !count || !tag) throw new Error('usage: appendDecisionsChild.ts FILE COUNT|forever TAG');
const limit = count === 'forever' ? Infinity : Number(count);

// Long lines (several KB, many inputs) so a write that is not whole would show as a torn or interleaved line.
const inputs = Array.from({ length: 40 }, (_, i) => ({ source: `source_${i}`, file: `exports/file_${i}.csv`, sha256: `${tag}${i}`.padEnd(64, 'f') }));
for (let seq = 0; seq < limit; seq++) {
  const decision: DecisionLine = {
    reconciliation: 'MQLs vs CRM leads',
    side: 'left',
    kind: 'excluded',
    reason: `rule_${seq % 7}`,
    record: null,
    status: 'accepted',
    note: `${tag} ${seq}`,
    by: `Reviewer ${tag}`,
    at: '2026-12-01T14:03:00+01:00',
    version: '7',
    contract_sha256: 'a'.repeat(64),
    inputs,
    count: seq,
    value: null,
  };
  appendDecision(file, decision);
  // Tell the parent once the first lines are on disk, so it kills us mid-loop and not before we start.
  if (seq === 50 && process.send) process.send('appending');
}
