// The fixture of the progress and cancel tests (vitest and Playwright): a two-source contract, and exports long enough to cancel mid-import.
import { writeFileSync } from 'node:fs';

/** A contract over two exports with Id, Email and When: each side's `file:` as given, the period around the rows' dates. */
export function composeTwoSourceContract(name: string, leftFile: string, rightFile: string): string {
  return `contract: ${name}
version: 1
reporting: { period: { from: 2026-07-01, to: 2026-09-30 } }
sources:
  a: { system: marketing, file: ${leftFile}, id: Id, fields: { email: Email, at: When } }
  b: { system: sales, file: ${rightFile}, id: Id, fields: { email: Email, at: When } }
identity: { key: email }
metrics:
  A: { source: a, date: at }
  B: { source: b, date: at }
reconcile:
  - { name: a vs b, left: A, right: B }
`;
}

/**
 * An export of `rows` people (ids from 1, dates in August 2026, a quoted company with a comma), with a title line
 * above the header when given (such a file is imported through a temp copy).
 */
export function writeLongExport(file: string, rows: number, title?: string): void {
  const lines = Array.from({ length: rows }, (_, i) => `${i + 1},person${i}@example.com,2026-08-${String((i % 28) + 1).padStart(2, '0')} 10:00,"Company ${i % 97}, Inc."`);
  writeFileSync(file, `${title === undefined ? '' : `${title}\n`}Id,Email,When,Company\n${lines.join('\n')}\n`);
}

/** The two-row export the contracts start from before a test points them at a long one. */
export function writeShortExport(file: string): void {
  writeFileSync(file, 'Id,Email,When\n1,a@x.com,2026-08-01 10:00\n2,b@x.com,2026-08-02 10:00\n');
}
