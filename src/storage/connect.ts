// Open the database named by a URL: PostgreSQL for postgres:// and postgresql:// URLs (several bot
// processes can share one), otherwise SQLite through better-sqlite3 at a file path or ':memory:'.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { ConnectTimeoutError, DatabaseUrlError, sqlitePath } from './open-errors.js';
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
  /**
   * PostgreSQL only: collect what the server tells the backend with this process id (the INFO lines of
   * VACUUM VERBOSE, which say how many deleted rows it had to keep) until the returned function is
   * called, which returns them. Store.purge uses it to tell whether a purge really purged.
   */
  noticesOf?(pid: number): () => PgNotice[];
  close(): Promise<void>;
}

export interface PgNotice {
  message: string;
  detail?: string;
}

export interface ConnectOptions {
  /** PostgreSQL: work in this schema (created when missing); same as `?schema=name` in the URL */
  schema?: string;
  /** PostgreSQL: most connections in the pool */
  poolSize?: number;
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
/** How long the first PostgreSQL connection may take before start-up gives up with a clear message. */
const FIRST_CONNECT_MS = 10_000;

export async function connect(url: string, options: ConnectOptions = {}): Promise<Database> {
  if (/^postgres(ql)?:\/\//i.test(url)) return connectPostgres(url, options);
  return connectSqlite(url);
}

function connectSqlite(url: string): Database {
  const path = sqlitePath(url);
  if (path !== ':memory:' && path !== '') mkdirSync(dirname(resolve(path)), { recursive: true });
  const raw = new BetterSqlite3(path === '' ? ':memory:' : path);
  try {
    // the first statement is where a file that is not a database, or cannot be written, shows
    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    // Secret ballot: links and salts deleted at close must not linger in free pages of the file.
    raw.pragma('secure_delete = ON');
    raw.pragma('busy_timeout = 5000');
    // With WAL, NORMAL keeps the database consistent on power loss and only risks the last commits.
    raw.pragma('synchronous = NORMAL');
  } catch (error) {
    raw.close();
    throw error;
  }
  const native = nativeSqlite(raw);
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: native.forKysely }) });
  return { db, dialect: 'sqlite', native, close: () => db.destroy() };
}

async function connectPostgres(url: string, options: ConnectOptions): Promise<Database> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseUrlError(
      'it is not a valid URL (percent-encode special characters in the user name or password)',
    );
  }
  const schema = options.schema ?? parsed.searchParams.get('schema') ?? undefined;
  parsed.searchParams.delete('schema');
  if (schema !== undefined && !SCHEMA_NAME.test(schema))
    throw new DatabaseUrlError(`invalid schema name: ${schema}`);
  await probe(parsed.toString());

  const pool = new pg.Pool({
    connectionString: parsed.toString(),
    max: options.poolSize ?? 10,
    // Every pooled connection starts in the schema, so unqualified table names resolve there.
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // pg emits 'error' when an idle pooled connection dies (server restart, network); the pool already
  // drops that client, and without a listener Node would crash the process on the event.
  pool.on('error', () => undefined);
  const listening = new Map<number, PgNotice[]>();
  pool.on('connect', (client) => {
    client.on('notice', (n) => {
      const pid = (client as unknown as { processID: number | null }).processID;
      if (pid !== null)
        listening.get(pid)?.push({ message: n.message ?? '', ...(n.detail ? { detail: n.detail } : {}) });
    });
  });
  const noticesOf = (pid: number) => {
    const heard: PgNotice[] = [];
    listening.set(pid, heard);
    return () => {
      listening.delete(pid);
      return heard;
    };
  };
  if (schema !== undefined) {
    try {
      await pool.query(`create schema if not exists "${schema}"`);
    } catch (error) {
      await pool.end();
      throw error;
    }
  }
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    ...(schema === undefined ? {} : { schema }),
    noticesOf,
    close: () => db.destroy(),
  };
}

/**
 * Open and close one connection first: the pool connects lazily, and without a bound a firewalled host
 * would keep start-up waiting for the operating system's TCP timeout (minutes) before saying anything.
 */
async function probe(connectionString: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  client.on('error', () => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ConnectTimeoutError(`no answer within ${FIRST_CONNECT_MS / 1000} s`)),
      FIRST_CONNECT_MS,
    );
  });
  const connecting = client.connect();
  // after a timeout the attempt may still fail; that is already answered
  connecting.catch(() => undefined);
  try {
    await Promise.race([connecting, timeout]);
  } finally {
    clearTimeout(timer);
    await client.end().catch(() => undefined);
  }
}
