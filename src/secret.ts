// The server secret the election keys derive from. It lives outside the database on purpose: with the
// database alone nobody can recompute a voter's link, even while voting is open (ARCHITECTURE §2).
import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { StartupError } from './startup-error.js';

/** As long as TELLER_SECRET must be; a generated key is 44 characters. */
const MIN_LENGTH = 16;
const OR_SECRET = 'or set TELLER_SECRET (the same value on every start)';

export function loadServerSecret(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const dir = resolve(dataDir);
  const file = join(dir, 'teller.key');
  const existing = readKey(file);
  if (existing !== undefined) return existing;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw cannotCreate(e, dir, file);
  }
  const secret = randomBytes(32).toString('base64');
  // Written whole under a temporary name, then linked into place: link fails if another process made
  // the key first (then theirs is used), and nobody ever reads a half-written key.
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, `${secret}\n`, { flag: 'wx', mode: 0o600 });
    chmodSync(temporary, 0o600);
    linkSync(temporary, file);
    return secret;
  } catch (e) {
    if (codeOf(e) !== 'EEXIST') throw cannotCreate(e, dir, file);
    return readKey(file) ?? loadServerSecret(configured, dataDir);
  } finally {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // nothing was written (a read-only directory): nothing to remove
    }
  }
}

/** The key in the file, undefined when there is no file yet; anything unusable stops start-up. */
function readKey(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (e) {
    const code = codeOf(e);
    if (code === 'ENOENT') return undefined;
    if (code === 'ENOTDIR') return undefined; // the data directory is a file: reported when creating it
    if (code === 'EISDIR')
      throw new StartupError(
        `${file} is a directory, not Teller's key file: remove it, point TELLER_DATA_DIR elsewhere, ${OR_SECRET}.`,
        { cause: e },
      );
    throw new StartupError(
      `Cannot read Teller's key file ${file} (${code || String(e)}): fix its permissions, point TELLER_DATA_DIR elsewhere, ${OR_SECRET}.`,
      { cause: e },
    );
  }
  // a truncated or emptied file would silently derive every election key from too little
  if (text.length < MIN_LENGTH) {
    throw new StartupError(
      `Teller's key file ${file} is ${text.length === 0 ? 'empty' : `shorter than ${MIN_LENGTH} characters`}: restore it from your backup, ${OR_SECRET}.`,
    );
  }
  return text;
}

function cannotCreate(e: unknown, dir: string, file: string): StartupError {
  const code = codeOf(e);
  const isFile = (() => {
    try {
      return !statSync(dir).isDirectory();
    } catch {
      return false;
    }
  })();
  if (isFile || code === 'ENOTDIR')
    return new StartupError(
      `TELLER_DATA_DIR (${dir}) is not a directory, so Teller cannot keep its key file there: point TELLER_DATA_DIR at a directory, ${OR_SECRET}.`,
      { cause: e },
    );
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return new StartupError(
      `Cannot create Teller's key file ${file}: ${dir} is read-only; make it writable, point TELLER_DATA_DIR elsewhere, ${OR_SECRET}.`,
      { cause: e },
    );
  if (code === 'ENOSPC')
    return new StartupError(
      `Cannot create Teller's key file ${file}: the disk is full; free some space, point TELLER_DATA_DIR elsewhere, ${OR_SECRET}.`,
      { cause: e },
    );
  return new StartupError(
    `Cannot create Teller's key file ${file} (${code || String(e)}): point TELLER_DATA_DIR elsewhere, ${OR_SECRET}.`,
    { cause: e },
  );
}

const codeOf = (e: unknown): string =>
  typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string'
    ? (e as { code: string }).code
    : '';
