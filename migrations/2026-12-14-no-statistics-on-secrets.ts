// PostgreSQL never samples a secret column. Frozen in time: it imports only kysely.
// ANALYZE (autovacuum runs it on its own) copies sample values of every column into pg_statistic:
// ballot links, ciphertexts, the election salt and key check, receipt codes next to nothing but their
// own column, and stored replies to platform retries. pg_statistic outlives the rows: the close deletes
// and purges them, the samples stay. A statistics target of 0 makes ANALYZE skip a column. It does not
// remove samples already taken; dropping them needs the column's statistics reset (see Store.purge,
// which does so for any it still finds, and rewrites pg_statistic). SQLite keeps no samples of values
// unless sqlite_stat4 is compiled in and ANALYZE is run, which Teller never does: nothing to do there.
import { type Kysely, SqliteAdapter, sql } from 'kysely';

/** Table and column; kept in step with SECRET_COLUMNS in src/storage/store.ts. */
const SECRET_COLUMNS = [
  ['cast_ballots', 'link'],
  ['cast_ballots', 'sealed'],
  ['receipts', 'link'],
  ['receipts', 'code'],
  ['election_secrets', 'salt'],
  ['election_secrets', 'key_check'],
  ['requests', 'response'],
] as const;

function isSqlite(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) return;
  for (const [table, column] of SECRET_COLUMNS) {
    await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} set statistics 0`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) return;
  for (const [table, column] of SECRET_COLUMNS) {
    await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} set statistics -1`.execute(db);
  }
}
