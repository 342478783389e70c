// The bridge's first line: how the two net counts compare, and how many records only each side counts.
import type { Contract, SystemKind } from '../../shared/contractTypes';
import type { ReconciliationReport, Side } from '../../shared/reportTypes';
import { formatCount } from './formatCount';

export interface OnlyOneSide {
  side: Side;
  /** That side's net minus what both count: its timing, excluded_on_other_side and unmatched records. */
  count: number;
  /** "only the CRM counts", "only marketing counts". */
  words: string;
}

export interface Headline {
  /** "CRM Lead counts 3 more than MQL", "MQL and CRM Lead both count 416". */
  comparison: string;
  /** The right side first: the sentence reads from the side that counts more in the usual question. */
  only: [OnlyOneSide, OnlyOneSide];
  matched: number;
}

/** How people name a system in a sentence; 'other' has no such word and falls back to the metric. */
const SYSTEM_WORDS: Partial<Record<SystemKind, string>> = { marketing: 'marketing', sales: 'the CRM', finance: 'finance' };

function findSystem(contract: Contract | null, source: string): SystemKind | undefined {
  return contract?.sources.find((s) => s.name === source)?.system;
}

/** A side's name in "only X counts": its system's word when the two sides are different systems, else its metric. */
function nameSide(recon: ReconciliationReport, side: Side, contract: Contract | null): string {
  const own = findSystem(contract, recon[side].source);
  const other = findSystem(contract, recon[side === 'left' ? 'right' : 'left'].source);
  const word = own && own !== other ? SYSTEM_WORDS[own] : undefined;
  return word ?? recon[side].metric;
}

function compareNets(recon: ReconciliationReport): string {
  const { left, right } = recon;
  const difference = right.net - left.net;
  if (difference === 0) return `${left.metric} and ${right.metric} both count ${formatCount(right.net)}`;
  return `${right.metric} counts ${formatCount(Math.abs(difference))} ${difference > 0 ? 'more' : 'fewer'} than ${left.metric}`;
}

export function buildHeadline(recon: ReconciliationReport, contract: Contract | null): Headline {
  const matched = recon.buckets.filter((b) => b.side === 'left' && b.kind === 'matched').reduce((n, b) => n + b.count, 0);
  const only = (side: Side): OnlyOneSide => ({ side, count: recon[side].net - matched, words: `only ${nameSide(recon, side, contract)} counts` });
  return { comparison: compareNets(recon), only: [only('right'), only('left')], matched };
}
