// Reads a `normalize:` list (identity or a bridge's match): known normalisers only, and never two that contradict.
import { NORMALIZERS, type Normalizer } from '../../../shared/contractTypes';
import type { ContractReader, Entry } from './ContractReader';
import { suggestNearest } from '../../../shared/suggestNearest';

/** Used when `normalize` is absent, for identity and for a bridge's match alike (contract.md). */
export const DEFAULT_NORMALIZE: Normalizer[] = ['trim', 'lowercase'];

export function readNormalizers(reader: ContractReader, entry: Entry | undefined, parent: Entry): Normalizer[] {
  const names = reader.readTextList(entry) ?? DEFAULT_NORMALIZE;
  const line = entry?.line ?? parent.line;
  const key = `${parent.key}.normalize`;
  const normalize = names.filter((name): name is Normalizer => {
    if ((NORMALIZERS as readonly string[]).includes(name)) return true;
    reader.report(line, key, `'${name}' is not one of ${NORMALIZERS.join(' | ')}${suggestNearest(name, NORMALIZERS)}`);
    return false;
  });
  // 15-character Salesforce ids differ by case alone: folding case would make two records one.
  if (normalize.includes('salesforce_id') && normalize.includes('lowercase')) {
    reader.report(line, key, "'salesforce_id' keeps case (15-character Salesforce ids differ by case alone), so it cannot be combined with 'lowercase'");
  }
  return normalize;
}
