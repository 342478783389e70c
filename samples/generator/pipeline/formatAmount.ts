// How each export of the pipeline sample writes an amount cell: HubSpot and Salesforce with a decimal point, finance with a comma.
import type { Money } from './pipelineRecords';

function groupThousands(whole: number, separator: string): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** The magnitude with two decimals: `12,500.00` (point) or `12.500,00` (comma); `groupWith` '' leaves thousands ungrouped. */
function writeNumber(cents: number, decimal: '.' | ',', groupWith: string): string {
  const magnitude = Math.abs(cents);
  return `${groupThousands(Math.floor(magnitude / 100), groupWith)}${decimal}${String(magnitude % 100).padStart(2, '0')}`;
}

/** HubSpot: a number property, `12500` as the API stores it, or as typed by hand (`$12,500.00`, `USD 12,500.00`). */
export function formatHubspotAmount(money: Money): string {
  if ('text' in money) return money.text;
  const sign = money.cents < 0 ? '-' : '';
  switch (money.style) {
    case 'symbol':
      return `${sign}$${writeNumber(money.cents, '.', ',')}`;
    case 'code':
      return `${money.currency} ${sign}${writeNumber(money.cents, '.', ',')}`;
    case 'grouped':
      return `${sign}${writeNumber(money.cents, '.', ',')}`;
    default: {
      // HubSpot drops a zero fraction: 12500, 12500.5, 12500.25.
      const whole = Math.floor(Math.abs(money.cents) / 100);
      const fraction = Math.abs(money.cents) % 100;
      const tail = fraction === 0 ? '' : `.${String(fraction).padStart(2, '0').replace(/0$/, '')}`;
      return `${sign}${whole}${tail}`;
    }
  }
}

/** Salesforce report, multi-currency org: the ISO code sits in `Amount Currency`, the amount reads `12,500.00`. */
export function formatSalesforceAmount(money: Money): string {
  if ('text' in money) return money.text;
  return `${money.cents < 0 ? '-' : ''}${writeNumber(money.cents, '.', ',')}`;
}

/**
 * Finance's ERP writes European amounts: `12.500,00`, `EUR 1.234,56`, `12 500,00 €`, credit notes `(1.200,00)` or
 * `-1.200,00`. A line without a currency is in USD; a EUR line always says so, before or after the number.
 */
export function formatFinanceAmount(money: Money): string {
  if ('text' in money) return money.text;
  const negative = money.cents < 0;
  const dotted = writeNumber(money.cents, ',', '.');
  if (money.style === 'suffix') return `${negative ? '-' : ''}${writeNumber(money.cents, ',', ' ')} ${money.currency === 'EUR' ? '€' : money.currency}`;
  const code = money.style === 'code' || money.currency !== 'USD' ? `${money.currency} ` : '';
  if (money.style === 'parentheses' && negative) return `(${code}${dotted})`;
  return `${code}${negative ? '-' : ''}${dotted}`;
}
