/**
 * A read-only better-sqlite3 connection beside Prisma's, for the few hot reads (the job lists)
 * where Prisma's per-query work (compiling the query, mapping each value) costs several times
 * the SQLite work. WAL lets it read while Prisma's connection writes; each statement sees what
 * was committed when it started. Statements are prepared once and kept.
 *
 * `cachedRead` keeps results while the database is unchanged: SQLite's `PRAGMA data_version`
 * on this connection (which never writes) moves whenever any other connection, in this
 * process or another, commits. So a cached result is never stale, and a list polled while
 * nothing changes costs one pragma instead of the query.
 */
import Database, { type Statement } from "better-sqlite3";
import type { Db } from "./client";

interface Reader {
  connection: Database.Database;
  statements: Map<string, Statement>;
  dataVersion: Statement;
  /** The data_version the cached results were read at. */
  version: unknown;
  results: Map<string, unknown>;
}

/** The distinct statements kept; beyond it the cache starts over (filters vary in shape). */
const MAX_STATEMENTS = 200;
/** The results kept (pages of up to 100 rows); beyond it the cache starts over. */
const MAX_RESULTS = 64;

const files = new WeakMap<Db, string>();
const readers = new WeakMap<Db, Reader>();

/** Called by createDb: the SQLite file that `db` opened. */
export function rememberDatabaseFile(db: Db, file: string): void {
  files.set(db, file);
}

/** The prepared statement for `sql` on the read-only connection of `db` (opened on first use). */
function readStatement(db: Db, sql: string): Statement {
  const reader = readerOf(db);
  let statement = reader.statements.get(sql);
  if (!statement) {
    if (reader.statements.size >= MAX_STATEMENTS) reader.statements.clear();
    reader.statements.set(sql, (statement = reader.connection.prepare(sql)));
  }
  return statement;
}

/**
 * The result of `read(statement)`, from the cache when nothing was committed since it was
 * read. Callers share cached results: they must not modify them.
 */
export function cachedRead<T>(db: Db, sql: string, params: unknown[], read: (statement: Statement) => T): T {
  const reader = readerOf(db);
  const version = reader.dataVersion.get();
  if (version !== reader.version) {
    reader.results.clear();
    reader.version = version;
  }
  const key = `${sql}\u0000${JSON.stringify(params)}`;
  if (reader.results.has(key)) return reader.results.get(key) as T;
  const result = read(readStatement(db, sql));
  if (reader.results.size >= MAX_RESULTS) reader.results.clear();
  reader.results.set(key, result);
  return result;
}

function readerOf(db: Db): Reader {
  let reader = readers.get(db);
  if (!reader) {
    const file = files.get(db);
    if (!file) throw new Error("This database client was not made by createDb: it has no read-only connection.");
    const connection = new Database(file, { readonly: true, fileMustExist: true });
    connection.pragma("busy_timeout = 5000");
    const dataVersion = connection.prepare("PRAGMA data_version").pluck();
    readers.set(db, (reader = { connection, statements: new Map(), dataVersion, version: undefined, results: new Map() }));
  }
  return reader;
}

/** Closes the read-only connection, if one was opened (with the Prisma client's $disconnect). */
export function closeReader(db: Db): void {
  readers.get(db)?.connection.close();
  readers.delete(db);
}
