// Reads a `normalize:` list (identity, a bridge's match, a link's sides): known normalisers only, and never two that contradict.
import { NORMALIZERS, type Normalizer } from '../../../shared/contractTypes';
import type { ContractReader, Entry } from './ContractReader';
import { suggestNearest } from '../../../shared/suggestNearest';

/** Used when `normalize` is absent, for identity and for a bridge's match alike (contract.md). */
export const DEFAULT_NORMALIZE: Normalizer[] = ['trim', 'lowercase'];

/** The normalisers written in `entry`, or `fallback` when the key is absent. */
export function readNormalizers(reader: ContractReader, entry: Entry | undefined, fallback: Normalizer[] = DEFAULT_NORMALIZE): Normalizer[] {
  if (!entry) return fallback;
  const names = reader.readTextList(entry) ?? fallback;
  const normalize = names.filter((name): name is Normalizer => {
    if ((NORMALIZERS as readonly string[]).includes(name)) return true;
    reader.report(entry.line, entry.key, `'${name}' is not one of ${NORMALIZERS.join(' | ')}${suggestNearest(name, NORMALIZERS)}`);
    return false;
  });
  // 15-character Salesforce ids differ by case alone: folding case would make two records one.
  if (normalize.includes('salesforce_id') && normalize.includes('lowercase')) {
    reader.report(entry.line, entry.key, "'salesforce_id' keeps case (15-character Salesforce ids differ by case alone), so it cannot be combined with 'lowercase'");
  }
  return normalize;
}
