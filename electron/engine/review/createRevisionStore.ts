// The contract texts applied in an investigation (review.md's revisions), kept in a table of the session's DuckDB file.
import type { Revision, RevisionSummary } from '../../../shared/reviewTypes';
import type { Database } from '../openDatabase';
import { UserError } from '../UserError';
import { formatLocalTime } from './formatLocalTime';
import { hashText } from './hashFile';

export interface RevisionStore {
  /** Keeps the text as the next revision, unless it is the last one's text; returns the revision that holds it. */
  record(text: string, version: string, by: string | null): Promise<RevisionSummary>;
  list(): Promise<RevisionSummary[]>;
  read(number: number): Promise<Revision>;
}

interface RevisionRow {
  number: number;
  at: string;
  by: string | null;
  version: string;
  sha256: string;
}

// The session's model tables are rebuilt, dropped and replaced; this table is only ever appended to, and
// sessionMeta's format changes never drop it (an old session's revisions stay with its contract).
const TABLE = 'recon_revisions';
// `at` and `by` are keywords in DuckDB's SQL: always quoted.
const SUMMARY = 'number, "at", "by", version, sha256';

export function createRevisionStore(db: Database): RevisionStore {
  let created = false;
  const ensureTable = async () => {
    if (!created) await db.run(`CREATE TABLE IF NOT EXISTS ${TABLE} (number INTEGER PRIMARY KEY, "at" VARCHAR NOT NULL, "by" VARCHAR, version VARCHAR NOT NULL, sha256 VARCHAR NOT NULL, text VARCHAR NOT NULL)`);
    created = true;
  };
  const list = async () => {
    await ensureTable();
    return db.all<RevisionRow>(`SELECT ${SUMMARY} FROM ${TABLE} ORDER BY number`);
  };
  return {
    list,
    async record(text, version, by) {
      await ensureTable();
      const sha256 = hashText(text);
      const [last] = await db.all<RevisionRow>(`SELECT ${SUMMARY} FROM ${TABLE} ORDER BY number DESC LIMIT 1`);
      if (last?.sha256 === sha256) return last;
      const revision = { number: (last?.number ?? 0) + 1, at: formatLocalTime(new Date()), by, version, sha256 };
      await db.run(`INSERT INTO ${TABLE} VALUES ($1, $2, $3, $4, $5, $6)`, [revision.number, revision.at, by, version, sha256, text]);
      return revision;
    },
    async read(number) {
      await ensureTable();
      const [row] = await db.all<RevisionRow & { text: string }>(`SELECT ${SUMMARY}, text FROM ${TABLE} WHERE number = $1`, [number]);
      if (!row) {
        const count = (await list()).length;
        throw new UserError(`no revision ${number}: this investigation has ${count === 0 ? 'none' : count === 1 ? 'revision 1 only' : `revisions 1 to ${count}`}`, 'not_found');
      }
      return row;
    },
  };
}
