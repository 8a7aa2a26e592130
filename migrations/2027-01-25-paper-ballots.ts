// Paper and mail ballots (issue 13). Frozen in time: it imports only kysely.
// - `paper_voters`: members who vote on paper or by mail, as marked or asked for;
// - `ballot_issues`: a paper or mail ballot issued to a member for a round;
// - `ballot_returns`: a member's ballot returned on paper or by mail (the hand at the box, the envelope
//   and its day), which is their participation in that round; a late one is kept and not counted;
// - `paper_batches` and `paper_ballots`: ballots the scrutineers entered, a batch at a time. A paper
//   ballot row holds its marks and nothing of any voter: no member, no time, a random id for its order.
// - `results.channels`: each channel's figures of a round (JSON), for the reconciliation.
// No database defaults: the app writes every value.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('paper_voters')
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('marked_by', 'text', (c) => c.notNull())
    .addColumn('marked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('paper_voters_pk', ['election_id', 'member_id'])
    .execute();
  await db.schema
    .createTable('ballot_issues')
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ballot_issues_pk', ['election_id', 'round', 'member_id'])
    .execute();
  await db.schema
    .createTable('ballot_returns')
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('ballot_returns_pk', ['election_id', 'round', 'member_id'])
    .execute();
  await db.schema
    .createTable('paper_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('contest_id', 'text', (c) => c.notNull().references('contests.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('ballots', 'integer', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addColumn('checked_by', 'text')
    .addColumn('checked_at', 'text')
    .addColumn('note', 'text')
    .addColumn('settled_by', 'text')
    .addUniqueConstraint('paper_batches_number', ['election_id', 'number'])
    .execute();
  await db.schema
    .createTable('paper_ballots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('paper_batches.id'))
    .addColumn('contest_id', 'text', (c) => c.notNull().references('contests.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('spoilt', 'text')
    .execute();
  await db.schema.alterTable('results').addColumn('channels', 'text').execute();
  await db.schema.createIndex('paper_ballots_contest').on('paper_ballots').columns(['contest_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('results').dropColumn('channels').execute();
  await db.schema.dropTable('paper_ballots').execute();
  await db.schema.dropTable('paper_batches').execute();
  await db.schema.dropTable('ballot_returns').execute();
  await db.schema.dropTable('ballot_issues').execute();
  await db.schema.dropTable('paper_voters').execute();
}
