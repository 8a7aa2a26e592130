// The feedback survey after the announcement (issue 14). Frozen in time: it imports only kysely.
// Kept like ballots (ARCHITECTURE §2): nothing joins who answered to what was answered.
// - `survey_secrets`: the open survey's salt and key check; deleted at its close;
// - `survey_sealed`: answers while the survey is open, ciphertext under a random id, no member, no time;
// - `survey_answers`: the answers after the close, opened and written again in one go under fresh
//   random ids (shuffled): scores, and the comment in a column of its own, so retention can purge the
//   free text and keep the figures;
// - `survey_respondents`: who answered, only to refuse a second answer: no time, no answer, no id.
// On SQLite all four are WITHOUT ROWID: rows are kept in key order, and no hidden rowid records the
// order of the writes. On PostgreSQL the secret columns are never sampled by ANALYZE (as in
// 2026-12-14-no-statistics-on-secrets). No database defaults: the app writes every value.
import { type Kysely, SqliteAdapter, sql } from 'kysely';

const SECRET_COLUMNS = [
  ['survey_secrets', 'salt'],
  ['survey_secrets', 'key_check'],
  ['survey_sealed', 'sealed'],
] as const;

function isSqlite(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  const noRowid = isSqlite(db) ? sql`without rowid` : sql``;
  await db.schema
    .createTable('survey_secrets')
    .addColumn('election_id', 'text', (c) => c.primaryKey().references('elections.id'))
    .addColumn('salt', 'text', (c) => c.notNull())
    .addColumn('key_check', 'text', (c) => c.notNull())
    .modifyEnd(noRowid)
    .execute();
  await db.schema
    .createTable('survey_sealed')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('sealed', 'text', (c) => c.notNull())
    .modifyEnd(noRowid)
    .execute();
  await db.schema.createIndex('survey_sealed_election').on('survey_sealed').columns(['election_id', 'id']).execute();
  await db.schema
    .createTable('survey_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('satisfaction', 'integer', (c) => c.notNull())
    .addColumn('ease', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .modifyEnd(noRowid)
    .execute();
  await db.schema.createIndex('survey_answers_election').on('survey_answers').columns(['election_id', 'id']).execute();
  await db.schema
    .createTable('survey_respondents')
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_respondents_pk', ['election_id', 'member_id'])
    .modifyEnd(noRowid)
    .execute();
  if (!isSqlite(db))
    for (const [table, column] of SECRET_COLUMNS)
      await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} set statistics 0`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['survey_respondents', 'survey_answers', 'survey_sealed', 'survey_secrets'])
    await db.schema.dropTable(table).execute();
}
