// Archive and retention (issue 14). Frozen in time: it imports only kysely.
// - `orgs.retention_days`: how long an archived election's records are kept (null: one year);
// - `retained_records`: what outlives the retention period, the results, the report and the audit
//   chain's head, as exported at the archive. No database defaults: the app writes every value.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('orgs').addColumn('retention_days', 'integer').execute();
  await db.schema
    .createTable('retained_records')
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('retained_records_pk', ['election_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('retained_records').execute();
  await db.schema.alterTable('orgs').dropColumn('retention_days').execute();
}
