// Objections, their investigation and appeals (issue 14; C10, C15). Frozen in time: it imports only kysely.
// - `objections`: one row per objection, numbered within its election (O-1, O-2 …): the period it was
//   filed in, what it is about, its grounds and evidence (text), who filed it and whether they agreed to
//   be named, the investigator, the findings (JSON), the decision and what its effect changed (JSON, so
//   an upheld appeal can undo it). Nothing here touches a ballot: the effect's record of a voided round
//   holds that round's count, which is published anyway.
// - `objection_appeals`: at most one appeal per objection, and the appeal panel's final decision.
// - `appeal_panels`: each organisation's appeal panel (member ids, JSON) and its appeal window in days.
// No database defaults: the app writes every value.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('objections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('contest_id', 'text', (c) => c.references('contests.id'))
    .addColumn('member_id', 'text')
    .addColumn('about', 'text', (c) => c.notNull())
    .addColumn('grounds', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text')
    .addColumn('objector', 'text', (c) => c.notNull())
    .addColumn('named', 'integer', (c) => c.notNull())
    .addColumn('filed_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('investigator', 'text')
    .addColumn('assigned_at', 'text')
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('reason', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('effect', 'text')
    .addUniqueConstraint('objections_number', ['election_id', 'number'])
    .execute();
  await db.schema
    .createTable('objection_appeals')
    .addColumn('objection_id', 'text', (c) => c.primaryKey().references('objections.id'))
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('appellant', 'text', (c) => c.notNull())
    .addColumn('grounds', 'text', (c) => c.notNull())
    .addColumn('filed_at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('reason', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('effect', 'text')
    .addColumn('not_undone', 'text')
    .execute();
  await db.schema
    .createIndex('objection_appeals_election')
    .on('objection_appeals')
    .columns(['election_id', 'filed_at'])
    .execute();
  await db.schema
    .createTable('appeal_panels')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('orgs.id'))
    .addColumn('members', 'text', (c) => c.notNull())
    .addColumn('appeal_days', 'integer', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull())
    .addColumn('set_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('appeal_panels').execute();
  await db.schema.dropTable('objection_appeals').execute();
  await db.schema.dropTable('objections').execute();
}
