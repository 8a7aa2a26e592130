// Start-up failures the operator can fix, through the real CLI process: one sentence on stderr naming
// the variable to change, exit status 2, and no stack trace. Every command that opens storage is tried.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'teller-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SECRET = 'startup-errors-test-secret';
const COMMANDS = [['start'], ['migrate'], ['demo'], ['audit', 'verify']];

interface Outcome {
  code: number | null;
  out: string;
  err: string;
}

/** Run the CLI with exactly these variables; `wrap` runs it under another program (unshare). */
function teller(
  args: string[],
  vars: Record<string, string>,
  wrap?: (argv: string[]) => string[],
): Promise<Outcome> {
  return new Promise((done) => {
    const env = { PATH: process.env.PATH ?? '', HOME: dir, LOG_LEVEL: 'silent', ...vars };
    const argv = [process.execPath, '--import', 'tsx', 'src/cli.ts', ...args];
    const [cmd, ...rest] = wrap ? wrap(argv) : argv;
    const child = spawn(cmd, rest, { cwd: root, env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => done({ code, out, err }));
    child.stdin.end('/quit\n');
  });
}

function expectStartupError(r: Outcome, variable: RegExp, what: RegExp): void {
  expect(r.err, `stdout: ${r.out}`).toMatch(variable);
  expect(r.err).toMatch(what);
  expect(r.err).not.toMatch(/^\s+at /m);
  expect(r.err.trim().split('\n')).toHaveLength(1);
  expect(r.code).toBe(2);
}

function scratch(name: string): string {
  const path = join(dir, name);
  mkdirSync(path, { recursive: true });
  return path;
}

describe('SQLite start-up errors', () => {
  const storageCommands = COMMANDS.filter((c) => c[0] !== 'demo');

  it.each(storageCommands)('DATABASE_URL naming a directory (%s)', async (...args) => {
    const target = scratch('a-directory');
    const r = await teller(args, {
      DATABASE_URL: target,
      TELLER_DATA_DIR: scratch('data-1'),
      TELLER_SECRET: SECRET,
    });
    expectStartupError(r, /DATABASE_URL/, /directory/);
  });

  it.each(storageCommands)('a file that is not a database (%s)', async (...args) => {
    const file = join(dir, 'garbage.db');
    writeFileSync(file, 'this is a spreadsheet, not a database\n'.repeat(200));
    const r = await teller(args, {
      DATABASE_URL: file,
      TELLER_DATA_DIR: scratch('data-2'),
      TELLER_SECRET: SECRET,
    });
    expectStartupError(r, /DATABASE_URL/, /not a SQLite database/);
  });

  it.each(storageCommands)(
    'a data directory whose path runs through a regular file (%s)',
    async (...args) => {
      const file = join(dir, 'plain-file');
      writeFileSync(file, 'x');
      const r = await teller(args, { TELLER_DATA_DIR: file, TELLER_SECRET: SECRET });
      expectStartupError(r, /TELLER_DATA_DIR/, /is a file, not a directory/);
      const deeper = await teller(args, {
        DATABASE_URL: join(file, 'sub', 'teller.db'),
        TELLER_SECRET: SECRET,
      });
      expectStartupError(deeper, /DATABASE_URL/, /is a file, not a directory/);
    },
  );

  it('start with a platform configured stops before connecting to it', async () => {
    // the Discord API URL points nowhere reachable: reaching it would hang or fail differently
    const platform = {
      DISCORD_TOKEN: 'x',
      DISCORD_APPLICATION_ID: '123456789012345678',
      DISCORD_API_URL: 'http://127.0.0.1:1/api',
    };
    const r = await teller(['start'], {
      DATABASE_URL: scratch('a-directory'),
      TELLER_DATA_DIR: scratch('data-p'),
      TELLER_SECRET: SECRET,
      ...platform,
    });
    expectStartupError(r, /DATABASE_URL/, /directory/);
  });

  it('a damaged teller.db in the default place names TELLER_DATA_DIR', async () => {
    const data = scratch('data-3');
    writeFileSync(join(data, 'teller.db'), Buffer.alloc(8192, 0x5a));
    const r = await teller(['start'], { TELLER_DATA_DIR: data, TELLER_SECRET: SECRET });
    expectStartupError(r, /TELLER_DATA_DIR/, /not a SQLite database/);
  });
});

describe('key file start-up errors', () => {
  it('a data directory that is a file, with the database elsewhere', async () => {
    const file = join(dir, 'key-dir-is-a-file');
    writeFileSync(file, 'x');
    const r = await teller(['start'], { DATABASE_URL: ':memory:', TELLER_DATA_DIR: file });
    expectStartupError(r, /TELLER_DATA_DIR.*TELLER_SECRET/, /not a directory/);
  });

  it('teller.key that is a directory, or empty', async () => {
    const a = scratch('key-a');
    mkdirSync(join(a, 'teller.key'));
    expectStartupError(
      await teller(['start'], { DATABASE_URL: ':memory:', TELLER_DATA_DIR: a }),
      /TELLER_DATA_DIR.*TELLER_SECRET/,
      /is a directory/,
    );
    const b = scratch('key-b');
    writeFileSync(join(b, 'teller.key'), '\n');
    expectStartupError(
      await teller(['start'], { DATABASE_URL: ':memory:', TELLER_DATA_DIR: b }),
      /TELLER_SECRET/,
      /is empty/,
    );
  });
});

describe('configuration refused before anything opens', () => {
  it.each(COMMANDS)('DATABASE_URL with a scheme Teller does not support (%s)', async (...args) => {
    const data = scratch('data-mysql');
    const r = await teller(args, {
      DATABASE_URL: 'mysql://teller@db.example/teller',
      TELLER_DATA_DIR: data,
      TELLER_SECRET: SECRET,
    });
    expect(r.err).toContain('DATABASE_URL: mysql:// is not a database Teller supports');
    expect(r.err).toContain('postgres://');
    expect(r.err).not.toMatch(/^\s+at /m);
    expect(r.code).toBe(2);
  });
});

// A real read-only file system: a private mount namespace (unshare -m) bind-mounts the folder read-only
// for the one child process, so nothing leaks onto the host and even root cannot write there.
const canMount =
  spawnSync('unshare', [
    '-m',
    'sh',
    '-c',
    `mount --bind "${dir}" "${dir}" && mount -o remount,bind,ro "${dir}"`,
  ]).status === 0;

describe.runIf(canMount)('on a read-only file system', () => {
  const readOnly = (folder: string) => (argv: string[]) => [
    'unshare',
    '-m',
    'sh',
    '-c',
    `mount --bind "${folder}" "${folder}" && mount -o remount,bind,ro "${folder}" && exec "$@"`,
    'sh',
    ...argv,
  ];

  it('an existing database that cannot be written (start, migrate, audit verify)', async () => {
    const data = scratch('ro-with-db');
    const made = await teller(['migrate'], { TELLER_DATA_DIR: data });
    expect(made.code).toBe(0);
    for (const args of [['start'], ['migrate'], ['audit', 'verify']]) {
      const r = await teller(args, { TELLER_DATA_DIR: data, TELLER_SECRET: SECRET }, readOnly(data));
      expectStartupError(r, /TELLER_DATA_DIR/, /cannot be written/);
    }
  });

  it('an empty data directory where neither the database nor the key can be created', async () => {
    const data = scratch('ro-empty');
    expectStartupError(
      await teller(['migrate'], { TELLER_DATA_DIR: data }, readOnly(data)),
      /TELLER_DATA_DIR/,
      /read-only/,
    );
    expectStartupError(
      await teller(['start'], { DATABASE_URL: ':memory:', TELLER_DATA_DIR: data }, readOnly(data)),
      /TELLER_DATA_DIR.*TELLER_SECRET/,
      /read-only/,
    );
  });
});

const pgUrl = process.env.TEST_DATABASE_URL;

describe.runIf(pgUrl)('PostgreSQL start-up errors', () => {
  const base = new URL(pgUrl ?? 'postgres://localhost/x');
  const variant = (change: (u: URL) => void) => {
    const u = new URL(base.toString());
    change(u);
    return u.toString();
  };
  const storageCommands = COMMANDS.filter((c) => c[0] !== 'demo');

  it.each(storageCommands)('nothing listening on the port (%s)', async (...args) => {
    const url = variant((u) => {
      u.hostname = '127.0.0.1';
      u.port = '1';
    });
    const r = await teller(args, {
      DATABASE_URL: url,
      TELLER_DATA_DIR: scratch('pg-1'),
      TELLER_SECRET: SECRET,
    });
    expectStartupError(r, /DATABASE_URL/, /Cannot reach PostgreSQL at 127\.0\.0\.1:1/);
  });

  it.each(storageCommands)('a database that does not exist (%s)', async (...args) => {
    const url = variant((u) => void (u.pathname = '/teller_no_such_database'));
    const r = await teller(args, {
      DATABASE_URL: url,
      TELLER_DATA_DIR: scratch('pg-2'),
      TELLER_SECRET: SECRET,
    });
    expectStartupError(r, /DATABASE_URL/, /no database "teller_no_such_database"/);
  });

  it.each(storageCommands)('a role that does not exist (%s)', async (...args) => {
    const url = variant((u) => {
      u.username = 'teller_no_such_role';
      u.password = '';
    });
    const r = await teller(args, {
      DATABASE_URL: url,
      TELLER_DATA_DIR: scratch('pg-3'),
      TELLER_SECRET: SECRET,
    });
    expectStartupError(r, /DATABASE_URL/, /teller_no_such_role/);
  });

  it('never prints the password', async () => {
    const url = variant((u) => {
      u.port = '1';
      u.hostname = '127.0.0.1';
      u.password = 'hunter2-do-not-print';
    });
    const r = await teller(['migrate'], {
      DATABASE_URL: url,
      TELLER_DATA_DIR: scratch('pg-4'),
      TELLER_SECRET: SECRET,
    });
    expect(r.code).toBe(2);
    expect(r.err + r.out).not.toContain('hunter2');
  });
});
