// What the operator must change when the database cannot be opened: driver and file-system errors
// (pg's SQLSTATE and socket codes, better-sqlite3's SQLITE_* codes, node's errno codes) turned into one
// sentence naming the setting to fix. Anything not recognised here is a bug and is left alone, so it
// keeps its stack trace.
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The variable that chose the database location: DATABASE_URL, or TELLER_DATA_DIR when it was left unset. */
export type DatabaseSetting = 'DATABASE_URL' | 'TELLER_DATA_DIR';

/** A problem connect() itself found in the URL, before any driver ran. */
export class DatabaseUrlError extends Error {}

/** The PostgreSQL server did not answer the first connection in time. */
export class ConnectTimeoutError extends Error {
  readonly code = 'TELLER_CONNECT_TIMEOUT';
}

export interface OpenTarget {
  url: string;
  setting: DatabaseSetting;
}

const isPostgres = (url: string) => /^postgres(ql)?:\/\//i.test(url);

/** The SQLite path connect() opens for a URL (file:/sqlite: prefixes removed). */
export function sqlitePath(url: string): string {
  return url.replace(/^(sqlite|file):(\/\/)?/i, '');
}

/** One sentence naming the setting to change, or undefined when the error is not an operator's problem. */
export function explainOpenError(error: unknown, target: OpenTarget): string | undefined {
  for (const e of causes(error)) {
    const why = isPostgres(target.url) ? explainPostgres(e, target.url) : explainSqlite(e, target);
    if (why) return why;
  }
  return undefined;
}

interface Coded {
  code?: unknown;
  message?: unknown;
}

/** The error, its causes (Kysely's migrator and ours wrap them) and the parts of an AggregateError. */
function causes(error: unknown): Coded[] {
  const out: Coded[] = [];
  const queue = [error];
  while (queue.length > 0 && out.length < 20) {
    const e = queue.shift();
    if (typeof e !== 'object' || e === null) continue;
    out.push(e as Coded);
    const { cause, errors } = e as { cause?: unknown; errors?: unknown };
    if (cause !== undefined) queue.push(cause);
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return out;
}

const codeOf = (e: Coded) => (typeof e.code === 'string' ? e.code : '');
const messageOf = (e: Coded) => (typeof e.message === 'string' ? e.message : '');

function explainPostgres(e: Coded, url: string): string | undefined {
  if (e instanceof DatabaseUrlError) return `DATABASE_URL is not usable: ${e.message}.`;
  let where = 'the PostgreSQL server';
  let user = '';
  let database = '';
  try {
    // never echo the URL itself: it may hold a password
    const u = new URL(url);
    where = `PostgreSQL at ${u.hostname || 'the local socket'}${u.port ? `:${u.port}` : ''}`;
    user = decodeURIComponent(u.username);
    database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  } catch {
    // an unparsable URL is refused in config.ts; keep the generic wording
  }
  const code = codeOf(e);
  switch (code) {
    case 'ECONNREFUSED':
      return `Cannot reach ${where}: nothing accepts connections there; start PostgreSQL or correct the host and port in DATABASE_URL.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot reach ${where}: the host name is not known; correct the host in DATABASE_URL.`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ECONNRESET':
    case 'TELLER_CONNECT_TIMEOUT':
      return `Cannot reach ${where} (${code === 'TELLER_CONNECT_TIMEOUT' ? 'no answer in time' : code}): check the host and port in DATABASE_URL and that the network lets Teller through.`;
    case '3D000':
      return `${where} has no database${database ? ` "${database}"` : ' by that name'}: create it, or correct the database name in DATABASE_URL.`;
    case '28000':
      return `${where} refused the connection (${messageOf(e)}): correct the user in DATABASE_URL, or create that role and let it log in.`;
    case '28P01':
      return `${where} rejected the password${user ? ` for role "${user}"` : ''}: correct the password in DATABASE_URL.`;
    case '42501':
      return `The PostgreSQL role${user ? ` "${user}"` : ''} may not create or change Teller's tables (${messageOf(e)}): grant it that right, or use another role in DATABASE_URL.`;
    case '53300':
      return `${where} has no connection slots left: raise max_connections, or make other clients use fewer; DATABASE_URL itself looks right.`;
    case '57P03':
      return `${where} is not accepting connections yet (starting up or shutting down): try again shortly, or check DATABASE_URL.`;
  }
  const message = messageOf(e);
  // pg's own client-side checks carry no code
  if (/password must be a string|SASL/.test(message))
    return `${where} asks for a password${user ? ` for role "${user}"` : ''}: put it in DATABASE_URL (postgres://user:password@host/db).`;
  if (/does not support SSL/.test(message))
    return `${where} does not support SSL: remove sslmode from DATABASE_URL or enable SSL on the server.`;
  return undefined;
}

function explainSqlite(e: Coded, target: OpenTarget): string | undefined {
  const path = resolve(sqlitePath(target.url));
  const fix =
    target.setting === 'DATABASE_URL'
      ? 'set DATABASE_URL to another path'
      : 'set TELLER_DATA_DIR (or DATABASE_URL) to another location';
  const code = codeOf(e);
  if (code === 'SQLITE_NOTADB')
    return `${path} is not a SQLite database (another kind of file, or damaged): move it away, or ${fix}.`;
  if (code.startsWith('SQLITE_CORRUPT'))
    return `The SQLite database ${path} is damaged: restore it from a backup, or ${fix}.`;
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC')
    return `The disk holding ${path} is full: free some space, or ${fix}.`;
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM' || code === 'EROFS')
    return diagnosePath(path, target, fix) ?? readOnly(path, fix);
  const fileSystem = ['ENOTDIR', 'EEXIST', 'EISDIR', 'EACCES', 'EPERM'].includes(code);
  const driverCannotOpen =
    code.startsWith('SQLITE_CANTOPEN') ||
    code.startsWith('SQLITE_IOERR') ||
    /Cannot open database because the directory does not exist/.test(messageOf(e));
  if (!fileSystem && !driverCannotOpen) return undefined;
  return (
    diagnosePath(path, target, fix) ??
    `Cannot open the SQLite database ${path} (${code || messageOf(e)}): ${fix}.`
  );
}

function readOnly(path: string, fix: string): string {
  return `The SQLite database ${path} cannot be written (read-only file system or file): make it writable, or ${fix}.`;
}

/** Look at the path itself to say why SQLite could not open it. */
function diagnosePath(path: string, target: OpenTarget, fix: string): string | undefined {
  const kind = kindOf(path);
  if (kind === 'directory') {
    return target.setting === 'DATABASE_URL'
      ? `DATABASE_URL points at a directory (${path}), not a database file: give a file path such as ${join(path, 'teller.db')}.`
      : `${path} is a directory, not Teller's database file: remove it, or ${fix}.`;
  }
  // the nearest existing ancestor must be a directory Teller can write in
  let parent = dirname(path);
  while (kindOf(parent) === 'missing' && dirname(parent) !== parent) parent = dirname(parent);
  if (kindOf(parent) !== 'directory') {
    return target.setting === 'TELLER_DATA_DIR' && parent === resolve(dirname(path))
      ? `TELLER_DATA_DIR (${parent}) is a file, not a directory: point TELLER_DATA_DIR at a directory.`
      : `Cannot create the SQLite database ${path} because ${parent} is a file, not a directory: ${fix}.`;
  }
  const writable = (p: string) => {
    try {
      accessSync(p, constants.W_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (kind === 'missing' && !writable(parent))
    return `Cannot create the SQLite database ${path}: ${parent} is read-only; make it writable, or ${fix}.`;
  if (kind === 'file' && (!writable(path) || !writable(dirname(path)))) return readOnly(path, fix);
  return undefined;
}

function kindOf(path: string): 'missing' | 'directory' | 'file' | 'other' {
  try {
    const s = statSync(path);
    return s.isDirectory() ? 'directory' : s.isFile() ? 'file' : 'other';
  } catch (e) {
    // ENOTDIR: a component of the path is a file, so the path cannot exist
    return (e as Coded).code === 'ENOENT' || (e as Coded).code === 'ENOTDIR' ? 'missing' : 'other';
  }
}
