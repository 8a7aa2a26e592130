// The databases storage tests run on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. Each
// test file gets its own PostgreSQL schema (files run in parallel), created here and dropped after.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Store } from '../../src/core/shared/store.ports.js';
import { connect, type Database, type Dialect } from '../../src/storage/connect.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { createStore } from '../../src/storage/store.js';
import { MemoryStore } from '../fakes/memory-store.js';

export interface TestDatabase {
  name: Dialect;
  /** how the test run names it */
  label: string;
  url: string;
  /** SQLite: false runs the Store through Kysely's executor instead of the raw-statement fast path */
  native?: boolean;
}

export const testDatabases: TestDatabase[] = [
  { name: 'sqlite', label: 'sqlite', url: ':memory:' },
  // The same SQLite, with the Store's prepared queries going through Kysely's executor, as they do on
  // PostgreSQL: both paths must behave the same.
  { name: 'sqlite', label: 'sqlite via kysely', url: ':memory:', native: false },
  ...(process.env.TEST_DATABASE_URL
    ? [{ name: 'postgres' as const, label: 'postgres', url: process.env.TEST_DATABASE_URL }]
    : []),
];

export interface Opened {
  database: Database;
  /** close, dropping the PostgreSQL schema first */
  dispose(): Promise<void>;
}

export function uniqueSchema(): string {
  return `teller_test_${randomBytes(6).toString('hex')}`;
}

/** A fresh, migrated database; `url` overrides the SQLite location (e.g. a file for byte checks). */
export async function openTestDatabase(
  target: TestDatabase,
  options: { url?: string; migrate?: boolean; poolSize?: number } = {},
): Promise<Opened> {
  const schema = target.name === 'postgres' ? uniqueSchema() : undefined;
  const database = await connect(options.url ?? target.url, {
    ...(schema === undefined ? {} : { schema }),
    ...(options.poolSize === undefined ? {} : { poolSize: options.poolSize }),
  });
  if (options.migrate !== false) await migrateToLatest(database);
  if (target.native === false) delete database.native;
  return {
    database,
    async dispose() {
      if (schema !== undefined) await sql`drop schema ${sql.id(schema)} cascade`.execute(database.db);
      await database.close();
    },
  };
}

export function randomId(prefix = ''): string {
  return prefix + randomBytes(8).toString('hex');
}

/**
 * Where the Store's contract tests run: every test database, and the in-memory store the core tests
 * use (test/fakes/memory-store.ts), so that fake is held to what the real stores do.
 */
export type StoreTarget = TestDatabase | { name: 'memory'; label: string };

export const storeTargets: StoreTarget[] = [...testDatabases, { name: 'memory', label: 'memory store' }];

export interface OpenedStore {
  store: Store;
  /** a SQL target's database, for the checks that look past the Store at the rows */
  database?: Database;
  /** the memory target's store, whose state stands in for those rows */
  memory?: MemoryStore;
  dispose(): Promise<void>;
}

export async function openTestStore(target: StoreTarget): Promise<OpenedStore> {
  if (target.name === 'memory') {
    const memory = new MemoryStore();
    return { store: memory, memory, dispose: async () => undefined };
  }
  const opened = await openTestDatabase(target);
  return { store: createStore(opened.database), database: opened.database, dispose: opened.dispose };
}
