// Proxies (委托投票, C13, issue 12). Frozen in time: it imports only kysely.
// - `proxies`: one row per principal and election, naming the member who votes for them, pending until
//   an organiser approves it. It links proxy and principal, which C13 makes public anyway; it holds
//   nothing of any ballot. No database defaults: the app writes every value.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('proxies')
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id'))
    .addColumn('principal', 'text', (c) => c.notNull())
    .addColumn('proxy', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addPrimaryKeyConstraint('proxies_pk', ['election_id', 'principal'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('proxies').execute();
}
