// The organisers' language for their organisation (`/election language`). Frozen in time: it imports
// only kysely. Null until chosen: the platform's default (a Discord server's preferred locale, else the
// language of whoever first used Teller there, `default_locale`) applies until then.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('orgs').addColumn('language', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('orgs').dropColumn('language').execute();
}
