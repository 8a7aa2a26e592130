// The audit chain against checkpoints posted outside the database (issue: an auditor could truncate the
// tail, delete a whole log, or edit an entry and recompute every hash after it, and verification still
// passed). Each attack is made on real storage, directly in the database, the way its operator could.
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { entryHash } from '../../src/core/audit/audit.rules.js';
import { readCheckpointLines } from '../../src/core/audit/audit.verify.js';
import { createCore, type DispatchResult, type TellerCore } from '../../src/core/index.js';
import type { Database } from '../../src/storage/connect.js';
import { createDeliveryQueue, createPlatformState, createStore } from '../../src/storage/index.js';
import { openTestDatabase, testDatabases, type Opened } from '../storage/databases.js';

function coreOn(database: Database): TellerCore {
  return createCore({
    store: createStore(database),
    delivery: createDeliveryQueue(database),
    platformState: createPlatformState(database),
    clock: { now: () => new Date() },
    serverSecret: 'audit-anchor-test-secret',
    logger: { info: () => undefined, error: () => undefined },
  });
}

const typed = (core: TellerCore, member: string, text: string): Promise<DispatchResult> =>
  core.dispatch({
    platform: 'console',
    platformOrgId: 'console',
    actor: { memberId: member },
    channelId: 'general',
    command: '',
    args: { text },
  });

async function posted(database: Database, electionId: string) {
  const rows = await database.db
    .selectFrom('outbox')
    .select('body')
    .where('purpose', '=', 'checkpoint')
    .execute();
  return rows.flatMap((r) => readCheckpointLines((JSON.parse(r.body) as { text: string }).text, electionId));
}

interface Row {
  election_id: string;
  seq: number;
  at: string;
  actor: string;
  event: string;
  data: string;
  prev_hash: string;
  hash: string;
}

/** What an operator who knows the hashing can do: rewrite every entry's hash from `from` on. */
async function recompute(database: Database, electionId: string): Promise<void> {
  const rows = (await database.db
    .selectFrom('audit_entries')
    .selectAll()
    .where('election_id', '=', electionId)
    .orderBy('seq')
    .execute()) as Row[];
  let prev = '0'.repeat(64);
  for (const r of rows) {
    const hash = entryHash({
      electionId,
      seq: Number(r.seq),
      at: r.at,
      actor: r.actor,
      event: r.event,
      data: JSON.parse(r.data),
      prevHash: prev,
    });
    await database.db
      .updateTable('audit_entries')
      .set({ prev_hash: prev, hash })
      .where('election_id', '=', electionId)
      .where('seq', '=', r.seq)
      .execute();
    prev = hash;
  }
}

describe.each(testDatabases)('the audit chain against posted checkpoints on $label', (target) => {
  let opened: Opened | undefined;
  afterEach(async () => opened?.dispose());

  async function setUp() {
    opened = await openTestDatabase(target);
    const { database } = opened;
    const core = coreOn(database);
    for (const text of [
      'create "Anchored"',
      'contest add 1 Chair 1 plurality',
      'roll add 1 @a @b @c',
      'nominations open 1',
      'roll add 1 @d',
      'nominations close 1',
    ]) {
      expect((await typed(core, 'olga', text)).kind).toBe('ok');
    }
    const electionId = (await database.db.selectFrom('elections').select('id').executeTakeFirstOrThrow()).id;
    const checkpoints = await posted(database, electionId);
    const verify = (extra = '') => typed(core, 'olga', `audit verify 1${extra}`);
    return { database, core, electionId, checkpoints, verify };
  }

  it('posts one checkpoint per phase change, records each in the chain, and verifies against them', async () => {
    const { database, electionId, checkpoints, verify } = await setUp();
    // two phase changes (nominating, reviewing): two posts, each named in the chain that follows it
    expect(checkpoints).toHaveLength(2);
    const records = await database.db
      .selectFrom('audit_entries')
      .select(['seq', 'data'])
      .where('election_id', '=', electionId)
      .where('event', '=', 'audit.checkpoint')
      .execute();
    expect(records.map((r) => JSON.parse(r.data))).toEqual(
      checkpoints.map((c) => ({ count: c.count, head: c.head })),
    );
    for (const cp of checkpoints) {
      const r = await verify(` count=${cp.count} head=${cp.head}`);
      expect(r.kind).toBe('ok');
      expect(r.reply.body.text).toMatch(
        /intact: \d+ entries, head [0-9a-f]{16}\. It reaches the checkpoint you gave/,
      );
    }
  });

  it('fails after the tail is truncated below a checkpoint', async () => {
    const { database, electionId, checkpoints, verify } = await setUp();
    const last = checkpoints.at(-1)!;
    await database.db
      .deleteFrom('audit_entries')
      .where('election_id', '=', electionId)
      .where('seq', '>=', last.count)
      .execute();
    expect((await verify()).kind).toBe('ok'); // the chain alone cannot tell
    const r = await verify(` count=${last.count} head=${last.head}`);
    expect(r).toMatchObject({ kind: 'domain-error', code: 'audit.chain_shorter' });
  });

  it("fails when a whole election's log is deleted", async () => {
    const { database, electionId, verify } = await setUp();
    await database.db.deleteFrom('audit_entries').where('election_id', '=', electionId).execute();
    expect(await verify()).toMatchObject({ kind: 'domain-error', code: 'audit.chain_missing' });
  });

  it('fails after an entry is edited and every hash after it recomputed', async () => {
    const { database, electionId, checkpoints, verify } = await setUp();
    await database.db
      .updateTable('audit_entries')
      .set({ data: '{"members":"@mallory","weight":1}' })
      .where('election_id', '=', electionId)
      .where('seq', '=', 3)
      .execute();
    await recompute(database, electionId);
    expect((await verify()).kind).toBe('ok'); // self-consistent again
    const cp = checkpoints[0]!;
    expect(await verify(` count=${cp.count} head=${cp.head}`)).toMatchObject({
      kind: 'domain-error',
      code: 'audit.chain_differs',
    });
  });

  it('fails when forged entries replace the real ones after a checkpoint, and reports entries no checkpoint vouches for', async () => {
    const { database, electionId, checkpoints, verify } = await setUp();
    const last = checkpoints.at(-1)!;
    // a correctly hashed forgery appended after the last checkpoint is not yet anchored: said plainly
    const tail = (await database.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('election_id', '=', electionId)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()) as Row;
    const forged = {
      electionId,
      seq: Number(tail.seq) + 1,
      at: new Date().toISOString(),
      actor: 'mallory',
      event: 'roll.added',
      data: { members: '@mallory' },
      prevHash: tail.hash,
    };
    await sql`insert into audit_entries (election_id, seq, at, actor, event, data, prev_hash, hash) values (${electionId}, ${forged.seq}, ${forged.at}, ${forged.actor}, ${forged.event}, ${JSON.stringify(forged.data)}, ${forged.prevHash}, ${entryHash(forged)})`.execute(
      database.db,
    );
    const r = await verify(` count=${last.count} head=${last.head}`);
    expect(r.kind).toBe('ok');
    expect(r.reply.body.text).toMatch(/\d+ entries after the last checkpoint are not anchored yet/);
    // forging from before the checkpoint on (the same count, other content) is caught
    await database.db
      .deleteFrom('audit_entries')
      .where('election_id', '=', electionId)
      .where('seq', '>=', last.count - 1)
      .execute();
    const before = (await database.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('election_id', '=', electionId)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()) as Row;
    let prev = before.hash;
    for (let seq = Number(before.seq) + 1; seq <= last.count; seq++) {
      const e = {
        electionId,
        seq,
        at: new Date().toISOString(),
        actor: 'mallory',
        event: 'roll.added',
        data: { members: `@m${seq}` },
        prevHash: prev,
      };
      prev = entryHash(e);
      await sql`insert into audit_entries (election_id, seq, at, actor, event, data, prev_hash, hash) values (${electionId}, ${seq}, ${e.at}, ${e.actor}, ${e.event}, ${JSON.stringify(e.data)}, ${e.prevHash}, ${prev})`.execute(
        database.db,
      );
    }
    expect((await verify()).kind).toBe('ok');
    expect(await verify(` count=${last.count} head=${last.head}`)).toMatchObject({
      kind: 'domain-error',
      code: 'audit.chain_differs',
    });
  });

  it('compares against the channel itself where the platform can read it back', async () => {
    const { database, core, electionId, verify } = await setUp();
    const bodies = async () =>
      (await database.db.selectFrom('outbox').select('body').execute()).map(
        (r) => (JSON.parse(r.body) as { text: string }).text,
      );
    core.readChannelsWith('console', async () => bodies());
    const good = await verify();
    expect(good.kind).toBe('ok');
    expect(good.reply.body.text).toMatch(/It reaches all 2 checkpoint\(s\) posted in the channel/);
    await database.db
      .updateTable('audit_entries')
      .set({ actor: 'mallory' })
      .where('election_id', '=', electionId)
      .where('seq', '=', 2)
      .execute();
    await recompute(database, electionId);
    expect(await verify()).toMatchObject({ kind: 'domain-error', code: 'audit.chain_differs' });
    // a channel that cannot be read is said to be so, not counted as agreement
    core.readChannelsWith('console', () => Promise.reject(new Error('channel_not_found')));
    expect((await verify()).reply.body.text).toMatch(/could not be read back/);
  });
});
