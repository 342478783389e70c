// Before Create writes anything: every currency in the chosen amount columns has a rate, as the engine would otherwise refuse at the first reconcile.
import path from 'node:path';
import type { FieldProblem, NewInvestigation } from '../../../shared/api';
import { checkCurrencyRates } from '../../../shared/checkCurrencyRates';
import { createImportCache } from '../import/createImportCache';
import { openDatabase } from '../openDatabase';
import { listAmountCurrencies } from './listAmountCurrencies';

/** `rates.<code>` for each currency found without a rate; reads both exports whole, so it runs at Create only. */
export async function checkAmountRates(spec: NewInvestigation): Promise<FieldProblem[]> {
  if (!spec.left.value && !spec.right.value) return [];
  const db = await openDatabase(':memory:');
  try {
    const imports = createImportCache(db);
    const read = (side: 'left' | 'right') => listAmountCurrencies(db, imports, { ...spec[side], file: path.resolve(spec[side].file) }, spec.currency);
    return checkCurrencyRates(spec, { left: await read('left'), right: await read('right') });
  } finally {
    db.close();
  }
}
