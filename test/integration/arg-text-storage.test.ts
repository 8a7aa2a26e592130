// A NUL in a text argument on real storage: PostgreSQL cannot hold it in text (it used to surface as
// "Something went wrong"), so the command is refused as invalid input naming the field, before any write.
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type DispatchResult, type TellerCore } from '../../src/core/index.js';
import type { Database } from '../../src/storage/connect.js';
import { createDeliveryQueue, createPlatformState, createStore } from '../../src/storage/index.js';
import { openTestDatabase, testDatabases, type Opened } from '../storage/databases.js';

async function rowCounts(database: Database): Promise<Record<string, number>> {
  const tables =
    database.dialect === 'sqlite'
      ? (
          await sql<{
            name: string;
          }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(
            database.db,
          )
        ).rows.map((r) => r.name)
      : (
          await sql<{
            name: string;
          }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(
            database.db,
          )
        ).rows.map((r) => r.name);
  const out: Record<string, number> = {};
  for (const t of tables)
    out[t] = Number(
      (await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(database.db)).rows[0]?.n,
    );
  return out;
}

function coreOn(database: Database, errors: string[]): TellerCore {
  return createCore({
    store: createStore(database),
    delivery: createDeliveryQueue(database),
    platformState: createPlatformState(database),
    clock: { now: () => new Date() },
    serverSecret: 'arg-text-storage-test-secret',
    logger: { info: () => undefined, error: (m) => errors.push(m) },
  });
}

describe.each(testDatabases)('NUL in a text argument on $label', (target) => {
  let opened: Opened | undefined;
  afterEach(async () => opened?.dispose());

  it("is refused naming the field, in the member's language, and writes nothing", async () => {
    opened = await openTestDatabase(target);
    const { database } = opened;
    if (database.dialect === 'postgres') {
      // why this matters: the value cannot even be sent as text
      await expect(sql`select ${'a\u0000b'}::text as t`.execute(database.db)).rejects.toMatchObject({
        code: '22021',
      });
    }
    const errors: string[] = [];
    const core = coreOn(database, errors);
    const run = (
      args: Record<string, unknown> | { text: string },
      command = '',
      locale?: string,
    ): Promise<DispatchResult> =>
      core.dispatch({
        platform: 'slack',
        platformOrgId: 'T1',
        actor: { memberId: 'U1', displayName: 'Olga', ...(locale ? { locale } : {}) },
        channelId: 'C1',
        command,
        args,
      });
    expect((await run({ text: 'create "Branch AGM"' })).kind).toBe('ok');
    const before = await rowCounts(database);

    const cases: [DispatchResult, string, RegExp][] = [
      [await run({ text: 'create "Branch\u0000AGM"' }), 'title', /control character \(U\+0000\)/],
      [await run({ title: 'AGM\u0000' }, 'election.create', 'zh-CN'), 'title', /控制字符（U\+0000）/],
      [await run({ election: 1, reason: 'duplicate\u0000' }, 'election.cancel'), 'reason', /U\+0000/],
    ];
    for (const [r, field, text] of cases) {
      expect(r.kind, r.reply.body.text).toBe('invalid');
      if (r.kind !== 'invalid') continue;
      expect(r.issues.find((i) => i.field === field)?.message).toMatch(text);
    }
    expect(await rowCounts(database)).toEqual(before);
    expect(errors).toEqual([]);
  });
});
