import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/storage/connect.js';
import { uniqueSchema } from './databases.js';

const scratch = mkdtempSync(join(tmpdir(), 'teller-connect-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function pragma(db: Kysely<any>, name: string): Promise<unknown> {
  const r = await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(db);
  return Object.values(r.rows[0] ?? {})[0];
}

describe('connect to SQLite', () => {
  it('creates the parent folder and turns on WAL, foreign keys, secure_delete, busy timeout, NORMAL sync', async () => {
    const path = join(scratch, 'nested', 'deeper', 'teller.db');
    const database = await connect(path);
    try {
      expect(database.dialect).toBe('sqlite');
      expect(existsSync(join(scratch, 'nested', 'deeper'))).toBe(true);
      expect(await pragma(database.db, 'journal_mode')).toBe('wal');
      expect(await pragma(database.db, 'foreign_keys')).toBe(1);
      expect(await pragma(database.db, 'secure_delete')).toBe(1);
      expect(await pragma(database.db, 'busy_timeout')).toBe(5000);
      // 1 = NORMAL
      expect(await pragma(database.db, 'synchronous')).toBe(1);
    } finally {
      await database.close();
    }
    expect(existsSync(path)).toBe(true);
  });

  it('accepts ":memory:" and a sqlite: prefix', async () => {
    const memory = await connect(':memory:');
    expect(await pragma(memory.db, 'secure_delete')).toBe(1);
    await memory.close();
    const prefixed = await connect(`sqlite:${join(scratch, 'prefixed.db')}`);
    await prefixed.close();
    expect(existsSync(join(scratch, 'prefixed.db'))).toBe(true);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('connect to PostgreSQL', () => {
  const url = process.env.TEST_DATABASE_URL ?? '';

  it('works inside the schema named by ?schema=, creating it', async () => {
    const schema = uniqueSchema();
    const sep = url.includes('?') ? '&' : '?';
    const database = await connect(`${url}${sep}schema=${schema}`);
    try {
      expect(database.dialect).toBe('postgres');
      expect(database.schema).toBe(schema);
      const r = await sql<{ s: string }>`select current_schema() as s`.execute(database.db);
      expect(r.rows[0]?.s).toBe(schema);
    } finally {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(database.db);
      await database.close();
    }
  });

  it('takes the schema as an option too, and rejects names that are not plain identifiers', async () => {
    const schema = uniqueSchema();
    const database = await connect(url, { schema });
    const r = await sql<{ s: string }>`select current_schema() as s`.execute(database.db);
    expect(r.rows[0]?.s).toBe(schema);
    await sql`drop schema ${sql.id(schema)} cascade`.execute(database.db);
    await database.close();
    await expect(connect(url, { schema: 'x"; drop table y; --' })).rejects.toThrow(/invalid schema/);
  });
});
