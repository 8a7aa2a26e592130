// Attendance (issue 12). Frozen in time: it imports only kysely.
// C5's `present` base (实到): how many voters were present at a round, kept with each result so the
// announcement shows 应到, 实到 and 投票人数 side by side. Null for results counted before it was kept.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('results').addColumn('present', 'double precision').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('results').dropColumn('present').execute();
}
