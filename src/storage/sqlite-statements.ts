// better-sqlite3 with a statement cache, used two ways: as the database Kysely's SQLite driver talks
// to, and directly by the Store's fast path (see prepared.ts). Kysely's driver prepares every query
// afresh; on the cast path (~8 small queries per vote) preparing costs more than running, so
// statements are kept by their SQL text. All use of the one connection is serialised (Kysely's mutex,
// and the fast path only runs while the Store holds that connection), so a cached statement never
// runs twice at once.
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

const MAX_CACHED = 1000;

export interface NativeSqlite {
  /** rows of a statement that returns rows */
  all(sqlText: string, parameters: readonly unknown[]): unknown[];
  /** the first row, or undefined */
  get(sqlText: string, parameters: readonly unknown[]): unknown;
  /** run a statement; the number of rows it changed */
  run(sqlText: string, parameters: readonly unknown[]): number;
  readonly inTransaction: boolean;
  /** Kysely's view of the same connection */
  readonly forKysely: SqliteDatabase;
}

export function nativeSqlite(raw: BetterSqlite3.Database): NativeSqlite {
  const cache = new Map<string, BetterSqlite3.Statement>();
  const prepare = (sqlText: string): BetterSqlite3.Statement => {
    let stmt = cache.get(sqlText);
    if (stmt === undefined) {
      // BEGIN IMMEDIATE takes the write lock at the start, so two processes sharing one SQLite file
      // queue on busy_timeout instead of failing when a reader upgrades to a writer mid-transaction.
      stmt = raw.prepare(sqlText === 'begin' ? 'begin immediate' : sqlText);
      // Ad-hoc SQL (migrations, batch inserts of varying size) would grow the cache without bound;
      // starting over keeps memory flat and the hot statements are back after one use.
      if (cache.size >= MAX_CACHED) cache.clear();
      cache.set(sqlText, stmt);
    }
    return stmt;
  };
  return {
    all: (sqlText, parameters) => prepare(sqlText).all(...parameters),
    get: (sqlText, parameters) => prepare(sqlText).get(...parameters),
    run: (sqlText, parameters) => prepare(sqlText).run(...parameters).changes,
    get inTransaction() {
      return raw.inTransaction;
    },
    forKysely: {
      prepare: (sqlText) => prepare(sqlText) as unknown as SqliteStatement,
      close() {
        cache.clear();
        raw.close();
      },
    },
  };
}
