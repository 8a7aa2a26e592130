// The translation of driver errors into one sentence for the operator, for the cases the process tests
// in test/cli/startup-errors.test.ts cannot produce on this machine (a server asking for a password, a
// role without rights) and for a read-only database made by the driver itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { explainOpenError } from '../../src/storage/open-errors.js';

const scratch = mkdtempSync(join(tmpdir(), 'teller-open-errors-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const pg = { url: 'postgres://teller:s3cret@db.example:5433/elections', setting: 'DATABASE_URL' as const };
const serverError = (code: string, message: string) =>
  Object.assign(new Error(message), { code, severity: 'FATAL' });

describe('PostgreSQL errors', () => {
  it('names DATABASE_URL and what to change, never the password', () => {
    const cases: [Error, RegExp][] = [
      [
        serverError('28P01', 'password authentication failed for user "teller"'),
        /rejected the password for role "teller": correct the password in DATABASE_URL/,
      ],
      [
        serverError('42501', 'permission denied for schema public'),
        /role "teller" may not create or change Teller's tables \(permission denied for schema public\).*DATABASE_URL/,
      ],
      [serverError('53300', 'sorry, too many clients already'), /no connection slots left/],
      [
        new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string'),
        /asks for a password for role "teller": put it in DATABASE_URL/,
      ],
      [
        Object.assign(new Error('connect ETIMEDOUT 10.0.0.1:5433'), { code: 'ETIMEDOUT' }),
        /Cannot reach PostgreSQL at db\.example:5433 \(ETIMEDOUT\).*DATABASE_URL/,
      ],
    ];
    for (const [error, expected] of cases) {
      const why = explainOpenError(error, pg);
      expect(why).toMatch(expected);
      expect(why).not.toContain('s3cret');
    }
  });

  it('looks through the migrator wrapping and an AggregateError (localhost on IPv4 and IPv6)', () => {
    const refused = (address: string) =>
      Object.assign(new Error(`connect ECONNREFUSED ${address}`), { code: 'ECONNREFUSED' });
    const aggregate = new AggregateError([refused('::1:5433'), refused('127.0.0.1:5433')], '');
    const wrapped = new Error('migration  failed: AggregateError', { cause: aggregate });
    expect(explainOpenError(wrapped, pg)).toMatch(
      /^Cannot reach PostgreSQL at db\.example:5433: nothing accepts connections there/,
    );
  });

  it('leaves anything else alone: a bug keeps its stack trace', () => {
    expect(explainOpenError(serverError('42601', 'syntax error at or near "tabel"'), pg)).toBeUndefined();
    expect(explainOpenError(new TypeError('x is not a function'), pg)).toBeUndefined();
    expect(explainOpenError('a string', pg)).toBeUndefined();
  });
});

describe('SQLite errors', () => {
  it('a database the driver can open only read-only: the real SQLITE_READONLY from writing to it', () => {
    // Simulated at the driver level (the file is writable, but better-sqlite3 opens it read-only, as
    // SQLite does by itself on a read-only mount); the CLI test mounts a real read-only folder.
    const file = join(scratch, 'readonly.db');
    new BetterSqlite3(file).close();
    const raw = new BetterSqlite3(file, { readonly: true });
    let error: unknown;
    try {
      raw.exec('create table t (x)');
    } catch (e) {
      error = e;
    } finally {
      raw.close();
    }
    expect((error as { code?: string }).code).toBe('SQLITE_READONLY');
    expect(explainOpenError(error, { url: file, setting: 'DATABASE_URL' })).toBe(
      `The SQLite database ${file} cannot be written (read-only file system or file): make it writable, or set DATABASE_URL to another path.`,
    );
    expect(explainOpenError(error, { url: `sqlite:${file}`, setting: 'TELLER_DATA_DIR' })).toMatch(
      /set TELLER_DATA_DIR \(or DATABASE_URL\)/,
    );
  });

  it('a migration that fails for a reason of its own is not dressed up as a settings problem', () => {
    const bug = Object.assign(new Error('no such table: elections'), { code: 'SQLITE_ERROR' });
    expect(
      explainOpenError(new Error('migration x failed', { cause: bug }), {
        url: join(scratch, 'x.db'),
        setting: 'DATABASE_URL',
      }),
    ).toBeUndefined();
  });
});
