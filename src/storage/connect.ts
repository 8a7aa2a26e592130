// Open the database named by a URL: PostgreSQL for postgres:// and postgresql:// URLs (several bot
// processes can share one), otherwise SQLite through better-sqlite3 at a file path or ':memory:'.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Schema } from './schema.js';
import { type NativeSqlite, nativeSqlite } from './sqlite-statements.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<Schema>;
  dialect: Dialect;
  /** PostgreSQL only: the schema every connection works in (search_path), when one was asked for */
  schema?: string;
  /**
   * SQLite only: the same connection without Kysely in between, for the Store's fast path. Use it only
   * while holding Kysely's connection (Store.transaction does), or it would run inside someone else's
   * transaction.
   */
  native?: NativeSqlite;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** PostgreSQL: work in this schema (created when missing); same as `?schema=name` in the URL */
  schema?: string;
  /** PostgreSQL: most connections in the pool */
  poolSize?: number;
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export async function connect(url: string, options: ConnectOptions = {}): Promise<Database> {
  if (/^postgres(ql)?:\/\//.test(url)) return connectPostgres(url, options);
  return connectSqlite(url);
}

function connectSqlite(url: string): Database {
  const path = url.replace(/^(sqlite|file):(\/\/)?/, '');
  if (path !== ':memory:' && path !== '') mkdirSync(dirname(resolve(path)), { recursive: true });
  const raw = new BetterSqlite3(path === '' ? ':memory:' : path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  // Secret ballot: links and salts deleted at close must not linger in free pages of the file.
  raw.pragma('secure_delete = ON');
  raw.pragma('busy_timeout = 5000');
  // With WAL, NORMAL keeps the database consistent on power loss and only risks the last commits.
  raw.pragma('synchronous = NORMAL');
  const native = nativeSqlite(raw);
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: native.forKysely }) });
  return { db, dialect: 'sqlite', native, close: () => db.destroy() };
}

async function connectPostgres(url: string, options: ConnectOptions): Promise<Database> {
  const parsed = new URL(url);
  const schema = options.schema ?? parsed.searchParams.get('schema') ?? undefined;
  parsed.searchParams.delete('schema');
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name: ${schema}`);

  const pool = new pg.Pool({
    connectionString: parsed.toString(),
    max: options.poolSize ?? 10,
    // Every pooled connection starts in the schema, so unqualified table names resolve there.
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // pg emits 'error' when an idle pooled connection dies (server restart, network); the pool already
  // drops that client, and without a listener Node would crash the process on the event.
  pool.on('error', () => undefined);
  if (schema !== undefined) {
    try {
      await pool.query(`create schema if not exists "${schema}"`);
    } catch (error) {
      await pool.end();
      throw error;
    }
  }
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', ...(schema === undefined ? {} : { schema }), close: () => db.destroy() };
}
