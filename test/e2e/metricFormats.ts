// The expected figures of samples/expected-metrics.json as the metrics screens write them (en-US, the browser tests' locale).
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const percent = (share: number | null) => (share === null ? 'none (nothing to divide by)' : `${(share * 100).toFixed(1)}%`);
export const dollars = (value: number) => usd.format(value);
export const days = (n: number) => `${Number.isInteger(n) ? n : n.toFixed(1)} day${n === 1 ? '' : 's'}`;
export const count = (n: number) => n.toLocaleString('en-US');
