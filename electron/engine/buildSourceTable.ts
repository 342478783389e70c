// Lands one imported export as the source table: the file's text columns plus typed canonical columns beside them.
import type { DateOrder, SourceSpec } from '../../shared/contractTypes';
import type { AmountColumn, UnreadableColumn } from '../../shared/reportTypes';
import { amountColumns, planAmountColumns } from './money/buildAmountColumns';
import type { ProgressSpan } from './createProgressMeter';
import { checkAmountCurrencies } from './money/checkAmountCurrencies';
import type { Database } from './openDatabase';
import { quoteIdent } from './openDatabase';
import { rankTimestampFormats } from './rankTimestampFormats';
import { buildInstantSql, buildPairedTimestampSql, buildTimestampSql } from './sql/buildTimestampSql';
import { planDateReading, type DateReading } from './sql/planDateReading';
import { FILE_NO_COLUMN, LINE_COLUMN } from './import/importSourceFiles';
import { UserError } from './UserError';

export interface SourceTableInput {
  rawTable: string;
  table: string;
  source: SourceSpec;
  /** Canonical field -> the file's actual column, as resolved against the header. */
  fields: Record<string, string>;
  idColumn?: string;
  /** Canonical fields read as timestamps. */
  dateFields: ReadonlySet<string>;
  /** Date fields where `YYYY-MM` is the first day of that month. */
  monthFields?: ReadonlySet<string>;
  /** Date fields revenue.md reads as instants (SLA clocks, touches, deals): stored as such too, beside the wall time. */
  instantFields?: ReadonlySet<string>;
  /** Canonical fields read as amounts (money.md). */
  amountFields: ReadonlySet<string>;
  reportingZone: string;
  /** reporting.currency and rates, and where the contract says them, for the message about a currency without a rate. */
  money: { currency?: string; rates: Readonly<Record<string, string>>; where: string };
  excelSerials: boolean;
  fileLabel: string;
  /** Every column of the file, in file order. */
  fileColumns: readonly string[];
  /** The source's share of the long work under way. */
  progress?: ProgressSpan;
  /** Built inside a transaction that also made the raw table (a session's build): see `order` below. */
  inTransaction?: boolean;
  /** A source of several files: their names, so a message about a row says its file and line (importSourceFiles). */
  fileNames?: readonly string[];
}

export interface SourceTable {
  table: string;
  unreadable: UnreadableColumn[];
  amounts: AmountColumn[];
}

/** Internal columns start with two underscores so they cannot be confused with a file's own headers. */
export function canonicalColumn(field: string): string {
  return `__f_${field}`;
}
export function dateOnlyColumn(field: string): string {
  return `__o_${field}`;
}
/** TIMESTAMPTZ: the instant of a date field that revenue.md reads as one (buildInstantSql), where the source keeps it. */
export function instantColumn(field: string): string {
  return `__i_${field}`;
}

export async function buildSourceTable(db: Database, input: SourceTableInput): Promise<SourceTable> {
  const { source, fields, rawTable, progress } = input;
  // Shares measured on the bench's 1M-row exports: the table itself takes most; reading how dates are written and checking ids the rest.
  progress?.part('typing', 0, 0.2);
  await checkRowNumbers(db, rawTable);
  const select: string[] = ['r.row_no AS __row_no', `${input.idColumn ? `CAST(r.${quoteIdent(input.idColumn)} AS VARCHAR)` : 'CAST(r.row_no AS VARCHAR)'} AS __id`];
  const amountFields = Object.fromEntries(Object.entries(fields).filter(([field]) => input.amountFields.has(field)));
  const amounts = await planAmountColumns(db, {
    rawTable,
    amountFields,
    fileColumns: input.fileColumns,
    currencyColumn: fields.currency,
    decimal: source.decimal,
    reportingCurrency: input.money.currency,
    rates: input.money.rates,
  });
  select.push(...amounts.select);
  const dates: DateReading[] = [];
  for (const [field, column] of Object.entries(fields)) {
    const raw = `r.${quoteIdent(column)}`;
    if (input.dateFields.has(field)) {
      const order = source.dateFormat ?? (await detectDateOrder(db, rawTable, column));
      const formats = await rankTimestampFormats(db, rawTable, column, order);
      const options = {
        sourceZone: source.timezone,
        reportingZone: input.reportingZone,
        dateTimeFormats: formats.dateTimes,
        dateOnlyFormats: formats.dateOnly,
        excelSerials: input.excelSerials,
        monthStarts: input.monthFields?.has(field) ?? false,
        usualDateTime: formats.usualDateTime,
      };
      const ts = await planDateReading(db, {
        rawTable,
        column,
        alias: `d${dates.length}`,
        build: (text) => buildTimestampSql(text, options),
        paired: (text) => buildPairedTimestampSql(text, options),
        ...(input.instantFields?.has(field) ? { instant: (text: string) => buildInstantSql(text, options) } : {}),
        usualDateTime: formats.usualDateTime,
        inTransaction: input.inTransaction ?? false,
      });
      dates.push(ts);
      select.push(`${ts.wallTime} AS ${quoteIdent(canonicalColumn(field))}`, `${ts.dateOnly} AS ${quoteIdent(dateOnlyColumn(field))}`);
      if (ts.instant) select.push(`${ts.instant} AS ${quoteIdent(instantColumn(field))}`);
    } else {
      select.push(`${raw} AS ${quoteIdent(canonicalColumn(field))}`);
    }
  }
  const layers = dates.flatMap((d) => (d.layer ? [d.layer] : []));
  const structs = [...Object.keys(amountFields).map((field) => `__amt_${field}`), ...layers.map((l) => l.name)].map(quoteIdent);
  // Readings that share one parse (a date field read as an instant too) compute it in a query of their own, under this one.
  const from = layers.length ? `(SELECT *, ${layers.map((l) => `${l.sql} AS ${quoteIdent(l.name)}`).join(', ')} FROM ${amounts.from} r)` : amounts.from;
  const joins = dates.flatMap((d) => (d.join ? [d.join] : [])).join(' ');
  progress?.part('typing', 0.2, 0.75);
  // The table is kept in row order, so a page's row numbers skip to their row group (narrowPageSql). A query of one
  // table keeps the raw table's order (DuckDB's "order preservation"); a join to a date lookup does not, and only
  // then is the sort paid for (a third of this statement's CPU at 1M rows). Inside the transaction that made the raw
  // table, DuckDB writes the rows of a plain scan on one thread and those of a sort on every thread (planDateReading):
  // 1M rows parsed inline took 4.7-4.9 s of wall time unsorted, 3.8-3.9 s sorted.
  const order = joins === '' && !input.inTransaction ? '' : 'ORDER BY r.row_no';
  await db.run(
    `CREATE OR REPLACE TABLE ${quoteIdent(input.table)} AS SELECT r.* EXCLUDE (${['row_no', ...structs].join(', ')}), ${select.join(', ')} FROM ${from} r ${joins} ${order}`,
  );
  for (const d of dates) if (d.lookup) await db.run(`DROP TABLE IF EXISTS ${quoteIdent(d.lookup)}`);
  progress?.part('checking', 0.75, 1);
  if (input.idColumn) await checkIdsUnique(db, input.table, input.idColumn, input.fileLabel, input.fileNames);
  for (const [field, column] of Object.entries(amountFields)) {
    await checkAmountCurrencies(db, { table: input.table, field, column, fileLabel: input.fileLabel, sourceName: source.name, ...input.money });
  }
  return { table: input.table, unreadable: await listUnreadable(db, input), amounts: amounts.columns };
}

/**
 * Slashed dates are month-first unless the column itself proves day-first: a first part above 12
 * somewhere and never a second part above 12 (spec: DD/MM only where the file makes it unambiguous).
 */
export async function detectDateOrder(db: Database, rawTable: string, column: string): Promise<DateOrder> {
  const col = quoteIdent(column);
  // One regular expression per row gives both parts (a third of the time of trimming and matching twice), and only on
  // rows with a slash: a column of ISO dates costs a scan (0.25 s of CPU less per million rows).
  const [row] = await db.all<{ first: number | null; second: number | null }>(
    `SELECT max(TRY_CAST(p.first AS INTEGER)) AS first, max(TRY_CAST(p.second AS INTEGER)) AS second
     FROM (SELECT regexp_extract(${col}, '^\\s*([0-9]{1,2})/([0-9]{1,2})/', ['first', 'second']) AS p FROM ${quoteIdent(rawTable)} WHERE contains(${col}, '/'))`,
  );
  return (row?.first ?? 0) > 12 && (row?.second ?? 0) <= 12 ? 'DMY' : 'MDY';
}

/** Row numbers are record ids and page keys: they must be exactly 1..n, whatever the importer did. */
async function checkRowNumbers(db: Database, rawTable: string): Promise<void> {
  const [row] = await db.all<{ low: string | null; high: string | null; n: string }>(`SELECT min(row_no) AS low, max(row_no) AS high, count(*) AS n FROM ${quoteIdent(rawTable)}`);
  const n = row?.n ?? '0';
  if (n === '0') return;
  // Within 1..n, n rows are distinct when they set n bits: a bitmap of n bits instead of count(DISTINCT)'s hash
  // table (27 ms against 140 ms of CPU per million rows).
  const [bits] = row?.low === '1' && row.high === n ? await db.all<{ d: string }>(`SELECT bit_count(bitstring_agg(row_no, 1, ${Number(n)})) AS d FROM ${quoteIdent(rawTable)}`) : [];
  if (bits?.d !== n) throw new Error(`import numbered ${n} rows ${row?.low}..${row?.high}${bits ? `, ${bits.d} distinct` : ''}: expected 1..${n}`);
}

async function checkIdsUnique(db: Database, table: string, idColumn: string, fileLabel: string, fileNames?: readonly string[]): Promise<void> {
  const t = quoteIdent(table);
  // A source of several files names each row by its file and line: its row numbers run across the files.
  const origin = fileNames ? `, ${FILE_NO_COLUMN} AS file_no, ${LINE_COLUMN} AS line` : '';
  const describeRow = (row: { row_no: string; file_no?: number; line?: string }) =>
    fileNames ? `${fileNames[Number(row.file_no)] ?? ''} line ${row.line ?? ''}` : `data row ${row.row_no}`;
  const [blank] = await db.all<{ row_no: string; file_no?: number; line?: string }>(
    `SELECT __row_no AS row_no${origin} FROM ${t} WHERE __id IS NULL OR trim(__id) = '' ORDER BY __row_no LIMIT 1`,
  );
  if (blank) {
    throw new UserError(`${fileLabel}: id column '${idColumn}' is empty in ${describeRow(blank)}; every record needs an id (or remove 'id' to use row numbers)`);
  }
  const [repeat] = await db.all<{ id: string; n: string }>(`SELECT __id AS id, count(*) AS n FROM ${t} GROUP BY __id HAVING count(*) > 1 ORDER BY min(__row_no) LIMIT 1`);
  if (repeat) {
    const rows = fileNames ? await db.all<{ row_no: string; file_no: number; line: string }>(`SELECT __row_no AS row_no${origin} FROM ${t} WHERE __id = $1 ORDER BY __row_no LIMIT 3`, [repeat.id]) : [];
    const listed = rows.length ? `: ${rows.map(describeRow).join(', ')}${Number(repeat.n) > rows.length ? ', ...' : ''}` : '';
    throw new UserError(`${fileLabel}: id column '${idColumn}' repeats the value '${repeat.id}' (${repeat.n} rows${listed}); ids must identify one record each (or remove 'id' to use row numbers)`);
  }
}

/** Dates and amounts with something written that reads as no date or no amount (report.md `unreadable`). */
async function listUnreadable(db: Database, input: SourceTableInput): Promise<UnreadableColumn[]> {
  const result: UnreadableColumn[] = [];
  for (const [field, column] of Object.entries(input.fields)) {
    const unreadable = input.dateFields.has(field)
      ? `${quoteIdent(canonicalColumn(field))} IS NULL AND trim(coalesce(${quoteIdent(column)}, '')) <> ''`
      : input.amountFields.has(field)
        ? quoteIdent(amountColumns(field).unreadable)
        : undefined;
    if (unreadable === undefined) continue;
    const rows = await db.all<{ id: string }>(`SELECT __id AS id FROM ${quoteIdent(input.table)} WHERE ${unreadable} ORDER BY ${idOrderSql('__id')}`);
    if (rows.length > 0) result.push({ column, count: rows.length, ids: rows.map((r) => r.id) });
  }
  return result;
}

/** SQL ordering for record ids: numeric ids by value, others as text after them. */
export function idOrderSql(column: string): string {
  return `TRY_CAST(${column} AS HUGEINT) NULLS LAST, ${column}`;
}
