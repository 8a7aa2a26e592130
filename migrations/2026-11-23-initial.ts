// The first schema. Frozen in time: it imports only kysely, so later changes to src/ never rewrite history.
// Portable between SQLite and PostgreSQL: app-made text ids and ISO-8601 UTC times, no database defaults,
// no booleans, JSON as text.
import { type Kysely, SqliteAdapter, sql } from 'kysely';

// Secret ballot (ARCHITECTURE §2): on SQLite these tables are WITHOUT ROWID, so rows are kept in primary-key
// order and no hidden rowid records the order in which voters cast.
function isSqlite(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  const noRowid = isSqlite(db) ? sql`without rowid` : sql``;

  await db.schema
    .createTable('orgs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('platform_org_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('default_locale', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('orgs_platform_org_unique', ['platform', 'platform_org_id'])
    .execute();

  await db.schema
    .createTable('members')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text')
    .addColumn('locale', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('members_pk', ['org_id', 'member_id'])
    .execute();

  await db.schema
    .createTable('elections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text')
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('cancel_reason', 'text')
    .addColumn('phase_since', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('elections_org_number_unique', ['org_id', 'number'])
    .execute();

  await db.schema
    .createTable('contests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('seats', 'integer', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull())
    .addUniqueConstraint('contests_election_number_unique', ['election_id', 'number'])
    .execute();

  await db.schema
    .createTable('election_roles')
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('election_roles_pk', ['election_id', 'member_id', 'role'])
    .execute();

  await db.schema
    .createTable('roll_entries')
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('roll_entries_pk', ['election_id', 'member_id'])
    .execute();

  await db.schema
    .createTable('nominations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('contest_id', 'text', (c) => c.notNull().references('contests.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('nominee', 'text', (c) => c.notNull())
    .addColumn('nominator', 'text', (c) => c.notNull())
    .addColumn('statement', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('candidate_number', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('nominations_election_number_unique', ['election_id', 'number'])
    .execute();

  await db.schema
    .createTable('seconders')
    .addColumn('nomination_id', 'text', (c) => c.notNull().references('nominations.id'))
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('seconders_pk', ['nomination_id', 'member_id'])
    .execute();

  await db.schema
    .createTable('election_secrets')
    .addColumn('election_id', 'text', (c) => c.primaryKey().references('elections.id'))
    .addColumn('salt', 'text', (c) => c.notNull())
    .modifyEnd(noRowid)
    .execute();

  // No voter column and no time; the only tie to a voter is `link`, an HMAC wiped at close.
  await db.schema
    .createTable('ballots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('contest_id', 'text', (c) => c.notNull().references('contests.id'))
    .addColumn('link', 'text')
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .modifyEnd(noRowid)
    .execute();
  // One ballot per voter and contest while voting is open; after close every link is NULL, and NULLs
  // never collide, so the index stays valid.
  await db.schema.createIndex('ballots_contest_link_unique').on('ballots').columns(['contest_id', 'link']).unique().execute();
  await db.schema.createIndex('ballots_election').on('ballots').column('election_id').execute();

  await db.schema
    .createTable('receipts')
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addPrimaryKeyConstraint('receipts_pk', ['election_id', 'code'])
    .modifyEnd(noRowid)
    .execute();
  await db.schema.createIndex('receipts_election_link_unique').on('receipts').columns(['election_id', 'link']).unique().execute();

  await db.schema
    .createTable('participation')
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('contest_id', 'text', (c) => c.notNull().references('contests.id'))
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('participation_pk', ['election_id', 'contest_id', 'member_id'])
    .modifyEnd(noRowid)
    .execute();

  await db.schema
    .createTable('results')
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('contest_id', 'text', (c) => c.notNull().references('contests.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('eligible', 'double precision', (c) => c.notNull())
    .addColumn('issued', 'double precision', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('results_pk', ['election_id', 'contest_id', 'round'])
    .execute();

  await db.schema
    .createTable('count_confirmations')
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('count_confirmations_pk', ['election_id', 'member_id'])
    .execute();

  await db.schema
    .createTable('audit_entries')
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_entries_pk', ['election_id', 'seq'])
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('platform_org_id', 'text', (c) => c.notNull())
    .addColumn('destination', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('replaces', 'text')
    .addColumn('election_id', 'text')
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('not_before', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'text')
    .addColumn('sent_ref', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('outbox_org_dedupe_unique', ['org_id', 'dedupe_key'])
    .execute();
  await db.schema.createIndex('outbox_due').on('outbox').columns(['platform', 'status', 'not_before']).execute();
  await db.schema.createIndex('outbox_progress').on('outbox').columns(['election_id', 'purpose']).execute();

  await db.schema
    .createTable('requests')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('platform_state')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('platform_state_pk', ['platform', 'kind', 'key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  // Children before parents, so foreign keys never block the drop.
  for (const table of [
    'platform_state',
    'requests',
    'outbox',
    'audit_entries',
    'count_confirmations',
    'results',
    'participation',
    'receipts',
    'ballots',
    'election_secrets',
    'seconders',
    'nominations',
    'roll_entries',
    'election_roles',
    'contests',
    'elections',
    'members',
    'orgs',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
