// The identity key's `trim` normaliser on DuckDB against a plain-TypeScript reading: blanks at either end go, inner ones stay.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../electron/engine/openDatabase';
import { buildIdentityKeySql } from '../../electron/engine/sql/buildIdentityKeySql';

let db: Database;

beforeAll(async () => {
  db = await openDatabase(':memory:');
});
afterAll(() => db.close());

/** contract.md's trim: spaces, tabs, line breaks and non-breaking spaces at either end; an empty key is no key. */
function trimReference(text: string | null): string | null {
  if (text === null) return null;
  const trimmed = text.replace(/^[ \t\n\r\u00A0]+|[ \t\n\r\u00A0]+$/g, '');
  return trimmed === '' ? null : trimmed;
}

async function readKeys(texts: (string | null)[], normalizers: Parameters<typeof buildIdentityKeySql>[1]): Promise<(string | null)[]> {
  await db.run('CREATE OR REPLACE TEMP TABLE keys (i INTEGER, v VARCHAR)');
  await db.appendRows('keys', texts.map((text, i) => [i, text]));
  const rows = await db.all<{ k: string | null }>(`SELECT ${buildIdentityKeySql('v', normalizers)} AS k FROM keys ORDER BY i`);
  return rows.map((row) => row.k);
}

describe('buildIdentityKeySql', () => {
  it('trims blanks at either end only, whatever mix of them and of other characters a key has', async () => {
    const text = fc.array(fc.constantFrom(' ', '\t', '\n', '\r', '\u00A0', '\u2009', 'a', 'B', '@', '.', 'é', '+'), { maxLength: 12 }).map((chars) => chars.join(''));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(text, { nil: null }), { minLength: 1, maxLength: 60 }), async (texts) => {
        expect(await readKeys(texts, ['trim'])).toEqual(texts.map(trimReference));
      }),
      { numRuns: 30 },
    );
  });

  it('lower-cases and strips a plus tag after trimming', async () => {
    expect(await readKeys(['\u00A0Ann+news@X.com\t', ' \n ', 'bo@y.org'], ['trim', 'lowercase', 'strip_plus_tag'])).toEqual(['ann@x.com', null, 'bo@y.org']);
  });
});
