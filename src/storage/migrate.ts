// Schema migrations with Kysely's Migrator. The migrations themselves live in migrations/ (frozen, no
// imports from src/); this file only runs them.
import { type MigrationProvider, type MigrationResultSet, Migrator, NO_MIGRATIONS } from 'kysely';
import { migrations } from '../../migrations/index.js';
import type { Database } from './connect.js';

const provider: MigrationProvider = {
  getMigrations: async () => migrations,
};

function migrator(database: Database): Migrator {
  return new Migrator({
    db: database.db,
    provider,
    // Kysely looks for its bookkeeping tables across every schema unless told which one is ours.
    ...(database.schema === undefined ? {} : { migrationTableSchema: database.schema }),
  });
}

function check(outcome: MigrationResultSet): string[] {
  if (outcome.error !== undefined) {
    const failed = outcome.results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`migration ${failed ?? ''} failed: ${String(outcome.error)}`, { cause: outcome.error });
  }
  return (outcome.results ?? []).map((r) => r.migrationName);
}

/** Run every pending migration; returns the names that ran. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  return check(await migrator(database).migrateToLatest());
}

/** Undo every migration (used by the round-trip test and to reset a development database). */
export async function migrateDown(database: Database): Promise<string[]> {
  return check(await migrator(database).migrateTo(NO_MIGRATIONS));
}
