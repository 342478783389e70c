// One DuckDB database (a file per investigation, ':memory:' in tests) behind a small promise API.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import nodePath from 'node:path';
import { DuckDBInstance, DuckDBTypeId, type DuckDBAppender, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';

export type SqlParam = string | number | boolean | null;
export type Row = Record<string, unknown>;

export interface Database {
  /** Runs a statement; parameters are bound ($1, $2...), never pasted into the SQL. */
  run(sql: string, params?: SqlParam[]): Promise<void>;
  /** Runs a query and returns its rows as plain JSON values (BIGINT, DATE and TIMESTAMP as strings). */
  all<T = Row>(sql: string, params?: SqlParam[]): Promise<T[]>;
  /**
   * Runs a query and hands its rows over as DuckDB produces them (a chunk of some 2,048 at a time, values as
   * `all` gives them), so a result of a million rows is never held whole. Nothing else may run on the
   * connection until the rows are read or the loop is left.
   */
  stream(sql: string, params?: SqlParam[]): AsyncIterable<unknown[][]>;
  /**
   * `stream` for a query of one VARCHAR column: each chunk's values as one array of texts (null for NULL). Read
   * straight from DuckDB's vector, without a row array and a converted value per row, it costs half the main thread's
   * time of `stream` (2M ids: 0.8-1.1 s of CPU against 2.2-2.4 s).
   */
  streamTexts(sql: string, params?: SqlParam[]): AsyncIterable<(string | null)[]>;
  /** Appends rows to a table through DuckDB's appender (bulk loads from JS); integers go in as BIGINT. */
  appendRows(table: string, rows: readonly (readonly SqlParam[])[]): Promise<void>;
  /** Interrupts the statement that is running (cancellation of long work). */
  interrupt(): void;
  /** How far the running statement is, from 0 to 1 (DuckDB's estimate), or null when DuckDB cannot say or nothing runs. */
  progress(): number | null;
  /**
   * Another connection to the same database: its statements run beside this one's (a long computation that must not
   * hold the screens' queries back), its TEMP tables are its own, and closing it closes the connection alone.
   */
  connect(): Promise<Database>;
  /** Closes the connection, and the database with it when this is the connection it was opened with. */
  close(): void;
}

export async function openDatabase(path = ':memory:'): Promise<Database> {
  const instance = await DuckDBInstance.create(path, path === ':memory:' ? settleInMemory() : undefined);
  return wrapConnection(instance, await connectTo(instance), () => instance.closeSync());
}

async function connectTo(instance: DuckDBInstance): Promise<DuckDBConnection> {
  const connection = await instance.connect();
  // DuckDB measures a statement's progress only with its progress bar on; it prints nothing with printing off.
  await connection.run('SET enable_progress_bar = true');
  await connection.run('SET enable_progress_bar_print = false');
  return connection;
}

function wrapConnection(instance: DuckDBInstance, connection: DuckDBConnection, closeInstance?: () => void): Database {
  return {
    async run(sql, params) {
      await connection.run(sql, params as DuckDBValue[] | undefined);
    },
    async all<T>(sql: string, params?: SqlParam[]) {
      const reader = await connection.runAndReadAll(sql, params as DuckDBValue[] | undefined);
      return reader.getRowObjectsJson() as T[];
    },
    async *stream(sql, params) {
      const result = await connection.stream(sql, params as DuckDBValue[] | undefined);
      yield* result.yieldRowsJson();
    },
    async *streamTexts(sql, params) {
      const result = await connection.stream(sql, params as DuckDBValue[] | undefined);
      if (result.columnCount !== 1 || result.columnTypeId(0) !== DuckDBTypeId.VARCHAR) throw new Error(`streamTexts: not one VARCHAR column: ${sql.slice(0, 80)}`);
      for await (const chunk of result) yield chunk.getColumnValues(0) as (string | null)[];
    },
    async appendRows(table, rows) {
      const appender = await connection.createAppender(table);
      try {
        for (const row of rows) {
          for (const value of row) appendValue(appender, value);
          appender.endRow();
        }
      } finally {
        appender.closeSync();
      }
    },
    interrupt() {
      connection.interrupt();
    },
    progress() {
      const { percentage } = connection.progress;
      return percentage >= 0 ? Math.min(percentage / 100, 1) : null;
    },
    connect: async () => wrapConnection(instance, await connectTo(instance)),
    close() {
      connection.closeSync();
      closeInstance?.();
    },
  };
}

/**
 * Memory DuckDB manages for an in-memory database (the CLI's, the bench's): at most 2 GB (80% of a smaller machine's).
 * Its tables hold both exports whole while it compiles (some 1.3 GB a million rows a side): beyond the cap DuckDB moves
 * the blocks it used least to a temp folder, so a 10M-row reconciliation fits a laptop. Files keep DuckDB's defaults:
 * the workbench's session is a file of its own.
 */
const MEMORY_LIMIT_MB = 2048;

/** DuckDB's default spill folder of an in-memory database is `.tmp` in the working directory: one of the system's instead, per database. */
function settleInMemory(): Record<string, string> {
  const limitMb = Math.min(MEMORY_LIMIT_MB, Math.floor((os.totalmem() / 2 ** 20) * 0.8));
  // DuckDB makes the folder when it first spills and deletes it on close.
  return { memory_limit: `${limitMb}MB`, temp_directory: nodePath.join(os.tmpdir(), `recon-duckdb-${randomUUID()}`) };
}

function appendValue(appender: DuckDBAppender, value: SqlParam): void {
  if (value === null) appender.appendNull();
  else if (typeof value === 'string') appender.appendVarchar(value);
  else if (typeof value === 'boolean') appender.appendBoolean(value);
  else if (Number.isInteger(value)) appender.appendBigInt(BigInt(value));
  else appender.appendDouble(value);
}

/** Quotes an identifier for DuckDB (column and table names come from files and contracts). */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal, for the few places DuckDB takes no parameter (DDL, read_csv options). */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
