// Test support: the bridge of report.md computed in plain JS over simple rows, as an independent reading.
import type { BucketKind, Side } from '../../shared/reportTypes';

export interface ExportRow {
  email: string;
  status: string;
  /** 'YYYY-MM-DD HH:MM' in UTC, empty (or blank) or unreadable text. */
  date: string;
}

export interface RandomContract {
  leftRules: string[];
  rightRules: string[];
  normalize: ('trim' | 'lowercase' | 'strip_plus_tag' | 'gmail_dots')[];
  keep: 'earliest' | 'latest' | 'first_row';
  from: string;
  to: string;
}

interface Stepped {
  id: string;
  rowNo: number;
  key: string | null;
  step: 'excluded' | 'duplicate' | 'out_of_period' | 'net';
  reason: string;
}

function normalizeKey(value: string, normalizers: RandomContract['normalize']): string | null {
  let v = value;
  for (const n of normalizers) {
    if (n === 'trim') v = v.trim();
    if (n === 'lowercase') v = v.toLowerCase();
    if (n === 'strip_plus_tag') v = v.replace(/\+[^@]*@/, '@');
    if (n === 'gmail_dots') {
      const [local = '', domain = ''] = v.split('@');
      if (['gmail.com', 'googlemail.com'].includes(domain.toLowerCase())) v = `${local.replaceAll('.', '')}@${domain}`;
    }
  }
  return v === '' ? null : v;
}

/** The value when it is a real moment (no month 13, no day 45), else null. */
function readDate(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(value)) return null;
  const moment = new Date(`${value.replace(' ', 'T')}:00Z`);
  return !Number.isNaN(moment.getTime()) && moment.toISOString().slice(0, 16) === value.replace(' ', 'T') ? value : null;
}

/** The rows whose date is given but does not read as one, by 1-based row number: the source's unreadable values. */
export function expectUnreadable(rows: ExportRow[]): string[] {
  return rows.flatMap((r, i) => (r.date.trim() !== '' && readDate(r.date) === null ? [String(i + 1)] : []));
}

function stepRows(rows: ExportRow[], rules: string[], c: RandomContract): Stepped[] {
  const stepped = rows.map((r, i) => {
    const rule = rules.find((name) => r.status === name);
    return { id: String(i + 1), rowNo: i + 1, key: normalizeKey(r.email, c.normalize), date: readDate(r.date), given: r.date.trim() !== '', rule };
  });
  const survivors = new Map<string, (typeof stepped)[number]>();
  const better = (a: (typeof stepped)[number], b: (typeof stepped)[number]) => {
    if (c.keep === 'first_row' || a.date === b.date) return a.rowNo < b.rowNo;
    if (a.date === null || b.date === null) return a.date !== null;
    return c.keep === 'earliest' ? a.date < b.date : a.date > b.date;
  };
  for (const s of stepped) {
    if (s.rule || s.key === null) continue;
    const current = survivors.get(s.key);
    if (!current || better(s, current)) survivors.set(s.key, s);
  }
  return stepped.map((s) => {
    if (s.rule) return { ...s, step: 'excluded', reason: s.rule };
    if (s.key !== null && survivors.get(s.key) !== s) return { ...s, step: 'duplicate', reason: 'duplicate' };
    if (s.date === null) return { ...s, step: 'out_of_period', reason: s.given ? 'unreadable_date' : 'missing_date' };
    const day = s.date.slice(0, 10);
    if (day < c.from || day > c.to) return { ...s, step: 'out_of_period', reason: 'outside_period' };
    return { ...s, step: 'net', reason: 'net' };
  });
}

function bucketOf(s: Stepped, other: Stepped[]): [BucketKind, string] {
  if (s.step !== 'net') return [s.step, s.reason];
  if (s.key === null) return ['unmatched', 'missing_key'];
  const same = other.filter((o) => o.key === s.key);
  if (same.some((o) => o.step === 'net')) return ['matched', 'matched'];
  if (same.some((o) => o.step === 'out_of_period')) return ['timing', 'timing'];
  const excluded = same.find((o) => o.step === 'excluded');
  if (excluded) return ['excluded_on_other_side', excluded.reason];
  return ['unmatched', 'no_counterpart'];
}

const KIND_ORDER: BucketKind[] = ['excluded', 'duplicate', 'out_of_period', 'matched', 'timing', 'excluded_on_other_side', 'unmatched'];
const FIXED_REASONS = ['outside_period', 'missing_date', 'unreadable_date', 'no_counterpart', 'missing_key'];

/** Buckets in the report's order: left first, kinds in spec order, rule reasons in contract order. */
export function expectBuckets(left: ExportRow[], right: ExportRow[], c: RandomContract) {
  const l = stepRows(left, c.leftRules, c);
  const r = stepRows(right, c.rightRules, c);
  const buckets = new Map<string, { side: Side; kind: BucketKind; reason: string; ids: string[] }>();
  for (const [side, own, other] of [['left', l, r], ['right', r, l]] as const) {
    for (const s of own) {
      const [kind, reason] = bucketOf(s, other);
      const key = `${side}|${kind}|${reason}`;
      if (!buckets.has(key)) buckets.set(key, { side, kind, reason, ids: [] });
      buckets.get(key)?.ids.push(s.id);
    }
  }
  const rank = (b: { side: Side; kind: BucketKind; reason: string }) => {
    const rules = b.kind === 'excluded' ? (b.side === 'left' ? c.leftRules : c.rightRules) : b.side === 'left' ? c.rightRules : c.leftRules;
    return b.kind === 'excluded' || b.kind === 'excluded_on_other_side' ? rules.indexOf(b.reason) : FIXED_REASONS.indexOf(b.reason);
  };
  return [...buckets.values()]
    .map((b) => ({ ...b, ids: b.ids.sort((x, y) => Number(x) - Number(y)) }))
    .sort((a, b) => (a.side === b.side ? 0 : a.side === 'left' ? -1 : 1) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || rank(a) - rank(b));
}
