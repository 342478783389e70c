// The start screen's list of recent investigations, kept as a small JSON file in the app's folder.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RecentInvestigation } from '../../shared/api';

const KEEP = 12;

export function readRecent(home: string): RecentInvestigation[] {
  try {
    const parsed = JSON.parse(readFileSync(path.join(home, 'recent.json'), 'utf8')) as unknown;
    return Array.isArray(parsed) ? (parsed as RecentInvestigation[]).filter((r) => typeof r?.contractPath === 'string') : [];
  } catch {
    // No list yet, or a damaged one: the start screen simply shows none.
    return [];
  }
}

export function recordRecent(home: string, entry: RecentInvestigation): RecentInvestigation[] {
  const list = [entry, ...readRecent(home).filter((r) => r.contractPath !== entry.contractPath)].slice(0, KEEP);
  mkdirSync(home, { recursive: true });
  const file = path.join(home, 'recent.json');
  // Written aside and renamed, so a crash never leaves half a file.
  writeFileSync(`${file}.tmp`, JSON.stringify(list, null, 2));
  renameSync(`${file}.tmp`, file);
  return list;
}
