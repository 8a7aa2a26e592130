// Forensic attack 7 (issue 8): rewriting a whole election's audit log, voting and seal included, and
// covering the tracks in the database, against the checkpoints posted in the election's channel.
// test/integration/audit-anchor.test.ts attacks a log before voting through /election audit verify;
// this adds what an operator would do after a vote: cut the seal off the end, hide that a member voted
// (renumbering, recomputing every hash, forging the chain's own checkpoint records and the outbox's
// copies of the posts), delete the log, delete the whole election. Each is caught by `teller audit
// verify` (verifyStoredAudits) against the posted checkpoints and, where the channel can be read back,
// by /election audit verify; the copies in the database alone would let each one pass.
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { runAuditVerify } from '../../../src/cli/audit-verify.js';
import { entryHash } from '../../../src/core/audit/audit.rules.js';
import { type Checkpoint, readCheckpointLines } from '../../../src/core/audit/audit.verify.js';
import { verifyStoredAudits } from '../../../src/core/index.js';
import type { Database } from '../../../src/storage/connect.js';
import { createStore } from '../../../src/storage/index.js';
import { openTestDatabase, type Opened, testDatabases } from '../../storage/databases.js';
import {
  castAll,
  electionIds,
  openElection,
  ORGANISER,
  type Teller,
  tellerOn,
  voterIds,
} from './forensics.js';

const VOTERS = voterIds(10);

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

/** The checkpoint posts as the database's outbox holds them. */
async function outboxPosts(database: Database): Promise<string[]> {
  const rows = await database.db
    .selectFrom('outbox')
    .select('body')
    .where('purpose', '=', 'checkpoint')
    .execute();
  return rows.map((r) => (JSON.parse(r.body) as { text: string }).text);
}

async function cli(database: Database, args: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const code = await runAuditVerify(createStore(database), args, {
    out: (l) => out.push(l),
    err: (l) => out.push(l),
  });
  return { code, out: out.join('\n') };
}

describe.each(testDatabases)('rewriting a voted and sealed audit log on $label', (target) => {
  let opened: Opened | undefined;
  afterEach(async () => opened?.dispose());

  /** A whole election, voted, closed and sealed; `channel` is what was posted (and cannot be rewritten). */
  async function voted(): Promise<{
    database: Database;
    t: Teller;
    electionId: string;
    channel: string[];
    checkpoints: Checkpoint[];
  }> {
    opened = await openTestDatabase(target);
    const { database } = opened;
    const t = tellerOn(database);
    await openElection(t, VOTERS);
    await castAll(t, VOTERS);
    await t.ok(ORGANISER, 'voting close 1');
    const { electionId } = await electionIds(database);
    const channel = await outboxPosts(database);
    const checkpoints = readCheckpointLines(channel.join('\n'), electionId);
    // nominating, reviewing, published, voting, closed, and the seal
    expect(checkpoints.length).toBeGreaterThanOrEqual(6);
    // untouched, the log reaches every one of them
    const [intact] = await verifyStoredAudits(createStore(database), { electionId, expected: checkpoints });
    expect(intact?.verdict).toMatchObject({ ok: true, checked: checkpoints.length });
    t.core.readChannelsWith('console', async () => channel);
    return { database, t, electionId, channel, checkpoints };
  }

  const verdictOf = async (database: Database, electionId: string, expected: readonly Checkpoint[]) =>
    (await verifyStoredAudits(createStore(database), { electionId, expected }))[0]?.verdict;

  it('catches the seal cut off the end of the log', async () => {
    const { database, t, electionId, checkpoints } = await voted();
    const closed = (
      await database.db
        .selectFrom('audit_entries')
        .select('seq')
        .where('election_id', '=', electionId)
        .where('event', '=', 'phase.closed')
        .executeTakeFirstOrThrow()
    ).seq;
    await database.db
      .deleteFrom('audit_entries')
      .where('election_id', '=', electionId)
      .where('seq', '>', closed)
      .execute();
    // the chain alone is whole
    expect(await verdictOf(database, electionId, [])).toMatchObject({ ok: true });
    expect(await verdictOf(database, electionId, checkpoints)).toMatchObject({
      ok: false,
      problem: 'shorter',
    });
    const last = checkpoints.at(-1)!;
    const byCli = await cli(database, ['--election', electionId, '--expect', `${last.count}:${last.head}`]);
    expect(byCli).toMatchObject({ code: 1 });
    expect(byCli.out).toMatch(/SHORTER than a checkpoint/);
    expect(await t.run(ORGANISER, 'audit verify 1')).toMatchObject({
      kind: 'domain-error',
      code: 'audit.chain_shorter',
    });
  });

  it("catches a hidden vote, though every hash, the chain's checkpoint records and the outbox's posts were forged to match", async () => {
    const { database, t, electionId, checkpoints } = await voted();
    const rows = (await database.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('election_id', '=', electionId)
      .orderBy('seq')
      .execute()) as Row[];
    // hide that one member voted: drop their cast entries, close the gap, and make everything after agree
    const hidden = VOTERS[3]!;
    const kept = rows.filter((r) => !(r.event === 'ballot.cast' && r.actor === hidden));
    expect(rows.length - kept.length).toBe(1);
    await database.db.deleteFrom('audit_entries').where('election_id', '=', electionId).execute();
    const renumber = (count: number) => count - rows.slice(0, count).filter((r) => !kept.includes(r)).length;
    let prev = '0'.repeat(64);
    const forged: Checkpoint[] = [];
    const hashes: string[] = [];
    for (const [i, r] of kept.entries()) {
      let data = JSON.parse(r.data) as Record<string, string | number | boolean | null>;
      if (r.event === 'audit.checkpoint') {
        // the record of a post names the count and head the attacker would have posted
        const count = renumber(Number(data.count));
        data = { count, head: hashes[count - 1]!.slice(0, 16) };
        forged.push({ count, head: String(data.head) });
      }
      const e = { electionId, seq: i + 1, at: r.at, actor: r.actor, event: r.event, data, prevHash: prev };
      prev = entryHash(e);
      hashes.push(prev);
      await sql`insert into audit_entries (election_id, seq, at, actor, event, data, prev_hash, hash) values (${electionId}, ${e.seq}, ${e.at}, ${e.actor}, ${e.event}, ${JSON.stringify(data)}, ${e.prevHash}, ${prev})`.execute(
        database.db,
      );
    }
    expect(forged).toHaveLength(checkpoints.length);
    // ... and rewrite the outbox's copies of the posts to match
    const posts = await database.db
      .selectFrom('outbox')
      .select(['id', 'body'])
      .where('purpose', '=', 'checkpoint')
      .execute();
    for (const p of posts) {
      const body = JSON.parse(p.body) as { text: string };
      const [cp] = readCheckpointLines(body.text, electionId);
      const i = checkpoints.findIndex((c) => c.count === cp?.count && c.head === cp.head);
      const text = body.text.replace(
        `count=${cp!.count} head=${cp!.head}`,
        `count=${forged[i]!.count} head=${forged[i]!.head}`,
      );
      await database.db
        .updateTable('outbox')
        .set({ body: JSON.stringify({ ...body, text }) })
        .where('id', '=', p.id)
        .execute();
    }

    // what the database alone says: intact, reaching every checkpoint it holds a copy of
    const copies = readCheckpointLines((await outboxPosts(database)).join('\n'), electionId);
    expect(await verdictOf(database, electionId, copies)).toMatchObject({
      ok: true,
      checked: checkpoints.length,
    });
    // against what was posted it fails, from the first checkpoint after the hidden vote on
    const firstAfter = checkpoints.find(
      (c) => c.count >= rows.findIndex((r) => r.event === 'ballot.cast' && r.actor === hidden) + 1,
    )!;
    expect(await verdictOf(database, electionId, checkpoints)).toMatchObject({
      ok: false,
      problem: 'differs',
      at: firstAfter.count,
    });
    let caught = 0;
    for (const cp of checkpoints.filter((c) => c.count >= firstAfter.count)) {
      const byCli = await cli(database, ['--election', electionId, '--expect', `${cp.count}:${cp.head}`]);
      expect(byCli.code).toBe(1);
      expect(byCli.out).toMatch(/DIFFERS from a checkpoint|SHORTER than a checkpoint/);
      caught++;
    }
    expect(caught).toBe(2); // the close's and the seal's
    // and /election audit verify, which reads the channel back itself
    expect(await t.run(ORGANISER, 'audit verify 1')).toMatchObject({
      kind: 'domain-error',
      code: 'audit.chain_differs',
    });
  });

  it('catches a deleted log, and a deleted election', async () => {
    const { database, electionId, checkpoints } = await voted();
    await database.db.deleteFrom('audit_entries').where('election_id', '=', electionId).execute();
    expect(await verdictOf(database, electionId, checkpoints)).toMatchObject({
      ok: false,
      problem: 'missing',
    });
    expect((await cli(database, ['--election', electionId])).out).toMatch(/MISSING/);

    // every row of the election, so nothing is left that says it existed: only the posts do
    const tables = (
      database.dialect === 'sqlite'
        ? await sql<{
            name: string;
          }>`select m.name from sqlite_master m, pragma_table_info(m.name) c where m.type = 'table' and c.name = 'election_id'`.execute(
            database.db,
          )
        : await sql<{
            name: string;
          }>`select table_name as name from information_schema.columns where table_schema = current_schema() and column_name = 'election_id'`.execute(
            database.db,
          )
    ).rows.map((r) => r.name);
    await sql`delete from seconders where nomination_id in (select id from nominations where election_id = ${electionId})`.execute(
      database.db,
    );
    for (const table of tables.filter((n) => n !== 'contests' && n !== 'elections'))
      await sql`delete from ${sql.table(table)} where election_id = ${electionId}`.execute(database.db);
    await sql`delete from contests where election_id = ${electionId}`.execute(database.db);
    await sql`delete from elections where id = ${electionId}`.execute(database.db);
    expect(tables.length).toBeGreaterThan(10);
    // the whole-database check has nothing left to doubt; the posted checkpoint names the election
    expect(await cli(database, [])).toEqual({ code: 0, out: 'no elections yet' });
    const last = checkpoints.at(-1)!;
    expect(await cli(database, ['--election', electionId, '--expect', `${last.count}:${last.head}`])).toEqual(
      { code: 1, out: `no election ${electionId}` },
    );
  });
});
