// Sealed ballots. Frozen in time: it imports only kysely.
// - While voting is open a ballot is ciphertext in `cast_ballots`, keyed by the voter's link; at close
//   it is decrypted, shuffled and written to `ballots` as plaintext with no link, and `cast_ballots`
//   rows are deleted (then physically purged). `ballots` therefore loses its link column.
// - `election_secrets.key_check` lets a process with a different server secret refuse to cast.
// - `elections.seal` says whether the physical purge after close is still pending.
// - `requests.election_id` lets the close purge stored replies to platform retries.
// - `jobs` holds durable work (retrying a purge; later, the timetable).
// - `settings` holds the server secret's fingerprint, checked at start-up.
import { type Kysely, SqliteAdapter, sql } from 'kysely';

function isSqlite(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  // No voter column, no time, random id. Unlike `ballots` this is an ordinary (rowid) table, on purpose:
  // its rows are ciphertext that only the secret opens, and with the secret the link already tells whose
  // each one is, so the order they were written in adds nothing; the close deletes them all. A rowid
  // table appends a cast cheaply, where a WITHOUT ROWID B-tree of rows this wide splits pages at random
  // places. One index: the link, which finds a voter's ballot again; the close finds an election's rows
  // through its contests, so no second index is kept up to date on every cast.
  await db.schema
    .createTable('cast_ballots')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('contest_id', 'text', (c) => c.notNull().references('contests.id'))
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('sealed', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cast_ballots_contest_link_unique').on('cast_ballots').columns(['contest_id', 'link']).unique().execute();

  // Ballots of elections still voting when this migration runs were stored in plaintext with their
  // link; they move over unchanged (marked 'plain:'), and the close treats them like decrypted ones.
  await sql`insert into cast_ballots (id, election_id, contest_id, link, sealed)
    select id, election_id, contest_id, link, 'plain:' || cast(weight as text) || ':' || content from ballots where link is not null`.execute(db);
  await sql`delete from ballots where link is not null`.execute(db);
  await db.schema.dropIndex('ballots_contest_link_unique').execute();
  await db.schema.alterTable('ballots').dropColumn('link').execute();

  await db.schema.alterTable('election_secrets').addColumn('key_check', 'text').execute();
  await db.schema.alterTable('elections').addColumn('seal', 'text').execute();

  await db.schema.alterTable('requests').addColumn('election_id', 'text').execute();
  await db.schema.createIndex('requests_election').on('requests').column('election_id').execute();
  await db.schema.createIndex('requests_at').on('requests').column('at').execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('election_id', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addUniqueConstraint('jobs_dedupe_unique', ['dedupe_key'])
    .execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'run_at']).execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('settings').execute();
  await db.schema.dropTable('jobs').execute();
  await db.schema.dropIndex('requests_at').execute();
  await db.schema.dropIndex('requests_election').execute();
  await db.schema.alterTable('requests').dropColumn('election_id').execute();
  await db.schema.alterTable('elections').dropColumn('seal').execute();
  await db.schema.alterTable('election_secrets').dropColumn('key_check').execute();
  await db.schema.alterTable('ballots').addColumn('link', 'text').execute();
  await db.schema.createIndex('ballots_contest_link_unique').on('ballots').columns(['contest_id', 'link']).unique().execute();
  // Ballots still sealed cannot go back without the server secret: undoing this migration during an
  // open vote loses them, which is why `down` is only for resetting a development database.
  await db.schema.dropTable('cast_ballots').execute();
}
