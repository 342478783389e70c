// Bills an opportunity in invoice lines: the first line counts for the order, the others are combined into it (dedupe values: sum).
import type { Expectation } from '../expectations';
import type { Account, PipelineKit } from './createPipelineKit';
import { combined } from './pipelineExpectations';
import type { AmountStyle, IdForm, Money, Opportunity } from './pipelineRecords';

export interface InvoicePlan {
  /** Each line's amount, in the order billed. */
  amounts: Money[];
  /** Each line's invoice date (YYYY-MM-DD), ascending, so the first line is the earliest (dedupe keep: earliest). */
  dates: string[];
  /** Where the first line lands; the others are `combined`. */
  first: Expectation;
  form?: IdForm;
}

/** Splits `total` cents into `parts` amounts in the opportunity's currency, in whole hundreds but the last. */
export function splitAmount(kit: PipelineKit, currency: 'USD' | 'EUR', total: number, parts: number): Money[] {
  const styles: AmountStyle[] = currency === 'EUR' ? ['code', 'suffix'] : ['plain', 'plain', 'code'];
  const amounts: Money[] = [];
  let left = total;
  for (let i = parts; i > 1; i--) {
    const cents = Math.floor((left * kit.random.int(30, 60)) / 100 / 10000) * 10000;
    amounts.push({ currency, cents, style: kit.random.pick(styles) });
    left -= cents;
  }
  amounts.push({ currency, cents: left, style: kit.random.pick(styles) });
  return amounts;
}

export function plantInvoice(kit: PipelineKit, account: Account, opportunity: Opportunity | null, plan: InvoicePlan): void {
  if (plan.amounts.length !== plan.dates.length) throw new Error('one date per invoice line');
  if ([...plan.dates].sort().join() !== plan.dates.join()) throw new Error(`invoice dates out of order: ${plan.dates.join(', ')}`);
  let invoice = kit.invoice();
  plan.amounts.forEach((amount, i) => {
    // A later date is a later invoice; lines of one day share theirs.
    if (i > 0 && plan.dates[i] !== plan.dates[i - 1]) invoice = kit.invoice();
    const ref = opportunity ? { opportunity, form: plan.form ?? '18' } : null;
    const credit = 'cents' in amount && amount.cents < 0 ? { lineType: 'Credit Note', description: `Credit note: ${opportunity?.name ?? account.name}` } : {};
    kit.line(account, opportunity, { invoice, amount, invoiceDate: plan.dates[i] ?? null, ref, ...credit }, i === 0 ? plan.first : combined);
  });
}
