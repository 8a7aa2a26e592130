// A better-sqlite3 handle for Kysely that keeps prepared statements. Kysely's SQLite driver prepares
// every query afresh; on the cast path (~8 small queries per vote) preparing costs more than running,
// so statements are cached by their SQL text. Kysely serialises all use of the single connection with
// its own mutex, so a cached statement is never run twice at once.
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

const MAX_CACHED = 1000;

export function cachingSqlite(raw: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    prepare(sqlText: string): SqliteStatement {
      let stmt = cache.get(sqlText);
      if (stmt === undefined) {
        // BEGIN IMMEDIATE takes the write lock at the start, so two processes sharing one SQLite file
        // queue on busy_timeout instead of failing when a reader upgrades to a writer mid-transaction.
        const text = sqlText === 'begin' ? 'begin immediate' : sqlText;
        stmt = raw.prepare(text) as unknown as SqliteStatement;
        // Statements built from ad-hoc SQL (migrations, IN lists of varying length) would grow the cache
        // without bound; starting over keeps the hot path cached and memory flat.
        if (cache.size >= MAX_CACHED) cache.clear();
        cache.set(sqlText, stmt);
      }
      return stmt;
    },
    close(): void {
      cache.clear();
      raw.close();
    },
  };
}
