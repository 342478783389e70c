// The definition shown beside a bucket: the contract's own rule or date, or the meaning from spec/report.md.
import type { Contract } from '../../shared/contractTypes';
import type { ListingKind, ReconReport, ReconciliationReport, Side } from '../../shared/reportTypes';
import { formatCount } from './formatCount';

export interface BucketRef {
  side: Side;
  kind?: ListingKind;
  reason?: string;
  total?: 'gross' | 'net';
}

function findRule(contract: Contract | null, metricName: string, rule: string): string | null {
  const metric = contract?.metrics.find((m) => m.name === metricName);
  return metric?.exclude.find((r) => r.name === rule)?.expression ?? null;
}

export function describeBucket(ref: BucketRef, recon: ReconciliationReport, report: ReconReport, contract: Contract | null): string {
  const own = ref.side === 'left' ? recon.left : recon.right;
  const other = ref.side === 'left' ? recon.right : recon.left;
  const { from, to, timezone } = report.period;
  const total = ref.total ?? (ref.kind === 'gross' || ref.kind === 'net' ? ref.kind : undefined);
  if (total === 'gross') {
    const file = report.sources.find((s) => s.name === own.source)?.file ?? own.source;
    return `Every data row of the ${own.source} export (${file}), before any rule of ${own.metric}.`;
  }
  if (total === 'net') return `What ${own.metric} counts: rows of ${own.source} left after exclusions, duplicates and records outside ${from} to ${to}.`;
  const metric = contract?.metrics.find((m) => m.name === own.metric);
  const dateField = metric?.date ?? 'date';
  const column = contract?.sources.find((s) => s.name === own.source)?.fields[dateField];
  const dateName = column ? `${dateField} ("${column}")` : dateField;
  switch (ref.kind) {
    case 'excluded': {
      const expression = findRule(contract, own.metric, ref.reason ?? '');
      return `Removed by the rule "${ref.reason}" of ${own.metric}${expression ? `: ${expression}` : ''}. A record is removed by the first rule it matches.`;
    }
    case 'duplicate': {
      const keep = metric?.dedupe ?? 'earliest';
      const entry = contract?.reconcile.find((r) => r.name === recon.name);
      const key = (ref.side === 'left' ? entry?.match.left : entry?.match.right) ?? 'identity key';
      return `Another row of ${own.source} has the same ${key}; ${own.metric} keeps one survivor (${keep === 'first_row' ? 'the first row' : `the ${keep} ${dateField}`}).`;
    }
    case 'out_of_period':
      if (ref.reason === 'unreadable_date') return `The record's ${dateName} holds a value that could not be read as a date, so it falls in no period.`;
      return ref.reason === 'missing_date'
        ? `The record's ${dateName} is empty, so it falls in no period.`
        : `The record's ${dateName} falls outside the period ${from} to ${to}, read as calendar dates in ${timezone}.`;
    case 'net_unmatched': {
      const matched = recon.buckets.filter((b) => b.side === ref.side && b.kind === 'matched').reduce((n, b) => n + b.count, 0);
      return `Counted by ${own.metric} but not by ${other.metric}: its net ${formatCount(own.net)} minus the ${formatCount(matched)} both count (timing, excluded on the other side and unmatched records).`;
    }
    case 'matched':
      return `Counted by both sides: the identity key is among the net records of ${recon.left.metric} and of ${recon.right.metric}.`;
    case 'timing':
      return `Counted by ${own.metric}, but ${other.metric} counts this person in another period (sync lag, a different date field, a time zone): the key is on the other side only among its out-of-period records.`;
    case 'excluded_on_other_side': {
      const expression = findRule(contract, other.metric, ref.reason ?? '');
      return `Counted by ${own.metric}, but ${other.metric} removed this person with its rule "${ref.reason}"${expression ? `: ${expression}` : ''}.`;
    }
    case 'unmatched':
      return ref.reason === 'missing_key'
        ? `Counted by ${own.metric}, but the identity key is empty, so it cannot match any record of ${other.source}.`
        : `Counted by ${own.metric}; the identity key appears nowhere in the ${other.source} export.`;
    default:
      return '';
  }
}
