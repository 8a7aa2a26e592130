// The election timeline. Frozen in time: it imports only kysely.
// - `orgs.time_zone`: the zone organisers chose for their organisation's times (null: UTC).
// - `members.time_zone`: a member's own zone, where the platform tells it (Slack's profile does).
// - `timetable`: when each planned step of an election happens (one row per step). The jobs that carry
//   them out live in `jobs`, written in the same transaction as the row.
// - `jobs_by_election`: the worker runs an election's jobs in order, one at a time.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('orgs').addColumn('time_zone', 'text').execute();
  await db.schema.alterTable('members').addColumn('time_zone', 'text').execute();
  await db.schema
    .createTable('timetable')
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull())
    .addColumn('set_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('timetable_pk', ['election_id', 'step'])
    .execute();
  // the worker runs an election's jobs one at a time, in order: it looks for an earlier one still open
  await db.schema.createIndex('jobs_by_election').on('jobs').columns(['election_id', 'status', 'run_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('jobs_by_election').execute();
  await db.schema.dropTable('timetable').execute();
  await db.schema.alterTable('members').dropColumn('time_zone').execute();
  await db.schema.alterTable('orgs').dropColumn('time_zone').execute();
}
