// Further rounds (issue 12). Frozen in time: it imports only kysely.
// A further round of a contest (a run-off, a re-vote among the tied, another ballot, the seats left
// unfilled) is a contest of its own, so its ballots, count and result are kept beside the round before:
// `round` numbers it (1 for the first ballot), `parent_id` names the contest it continues.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // no database default (the app writes every value); a contest from before this migration reads as round 1
  await db.schema.alterTable('contests').addColumn('round', 'integer').execute();
  await db.schema.alterTable('contests').addColumn('parent_id', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('contests').dropColumn('parent_id').execute();
  await db.schema.alterTable('contests').dropColumn('round').execute();
}
