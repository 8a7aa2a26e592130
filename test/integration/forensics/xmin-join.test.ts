// Forensic attack 1 (issue 8), PostgreSQL: join every ballot, cast ballot and receipt tuple on the
// transaction id that wrote it (xmin) to the audit entry written in the same transaction, which names
// the voter. Before close this links each voter to a ciphertext only, which nothing in the database
// opens; after close nothing joins to any voter's cast, live or dead (read from the raw heap pages).
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type Opened } from '../../storage/databases.js';
import {
  castAll,
  electionIds,
  heapTuples,
  isDead,
  keysWithoutTheSecret,
  matchesOf,
  openElection,
  ORGANISER,
  PG_URL,
  PLAINTEXT,
  pagesOf,
  rawPages,
  SEALED,
  SECRET,
  saltOf,
  secretsOf,
  tellerOn,
  tryOpen,
  voterIds,
  withPageinspect,
} from './forensics.js';

const VOTERS = voterIds(60);
/** The tables whose rows a cast writes or that hold what a cast wrote. */
const BALLOT_TABLES = ['ballots', 'cast_ballots', 'receipts'] as const;

describe.skipIf(!PG_URL)('the xmin join on PostgreSQL', () => {
  let opened: Opened | undefined;
  afterEach(async () => opened?.dispose());

  it('links a voter only to a ciphertext nobody can open before close, and to nothing after', async () => {
    opened = await openTestDatabase({ name: 'postgres', label: 'postgres', url: PG_URL! });
    const { database } = opened;
    const { db } = database;
    await withPageinspect(database);
    const t = tellerOn(database);
    await openElection(t, VOTERS);
    const cast = await castAll(t, VOTERS);
    expect(cast.casts).toBe(72);
    const { electionId, contestId } = await electionIds(database);
    const { salt } = await saltOf(database, electionId);
    const castXmins = new Map(
      (
        await sql<{
          xmin: string;
          actor: string;
        }>`select xmin::text as xmin, actor from audit_entries where event = 'ballot.cast'`.execute(db)
      ).rows.map((r) => [r.xmin, r.actor]),
    );
    // every cast ran in its own transaction, so each has its own join key
    expect(castXmins.size).toBe(cast.casts);

    // ---- before close: the attacker's join, on the live rows
    const joined = async () =>
      (
        await sql<{ tbl: string; value: string; actor: string; event: string }>`
          select 'ballots' as tbl, b.content as value, a.actor, a.event from ballots b join audit_entries a on a.xmin = b.xmin
          union all select 'cast_ballots', c.sealed, a.actor, a.event from cast_ballots c join audit_entries a on a.xmin = c.xmin
          union all select 'receipts', r.code, a.actor, a.event from receipts r join audit_entries a on a.xmin = r.xmin`.execute(
          db,
        )
      ).rows;
    const open = await joined();
    // no plaintext ballot exists yet, so none can join
    expect(await db.selectFrom('ballots').selectAll().execute()).toEqual([]);
    expect(open.filter((j) => j.tbl === 'ballots')).toEqual([]);
    // the join does find every voter's cast ballot (the attack works), but each is a ciphertext
    const linked = open.filter((j) => j.tbl === 'cast_ballots');
    expect(new Set(linked.map((j) => j.actor))).toEqual(new Set(VOTERS));
    expect(
      linked.every((j) => j.event === 'ballot.cast' && new RegExp(`^${SEALED.source}$`).test(j.value)),
    ).toBe(true);
    expect(linked.filter((j) => PLAINTEXT.test(j.value))).toEqual([]);
    // the tuples on the heap pages join as well, and the raw pages still hold the ciphertexts of
    // replaced votes in their free space: every one of them is ciphertext too
    const castRel = {
      name: 'cast_ballots',
      kind: 'r',
      oid: 0,
      pages: await pagesOf(database, 'cast_ballots'),
    };
    const castTuples = (await heapTuples(database, castRel)).filter((h) => castXmins.has(h.xmin));
    expect(castTuples.length).toBeGreaterThanOrEqual(VOTERS.length);
    expect(castTuples.filter((h) => h.data && PLAINTEXT.test(h.data.toString('latin1')))).toEqual([]);
    const castBytes = (await rawPages(database, castRel)).map((p) => p.toString('latin1')).join('');
    const sealedSeen = [...new Set(matchesOf(SEALED, castBytes))];
    expect(sealedSeen.length).toBeGreaterThanOrEqual(VOTERS.length);
    expect(PLAINTEXT.test(castBytes)).toBe(false);
    // no key made from what the database holds (the salt) opens any of them, live or dead ...
    let attempts = 0;
    for (const key of keysWithoutTheSecret(salt)) {
      for (const sealed of sealedSeen) {
        attempts++;
        expect(tryOpen(key, electionId, contestId, sealed)).toBeUndefined();
      }
    }
    expect(attempts).toBeGreaterThanOrEqual(5 * VOTERS.length);
    // ... while the server secret opens each to the ballot its voter cast (so the link is real, and it
    // needs the secret: "before close, only someone holding both the database and the secret")
    const { content } = secretsOf(SECRET, salt, contestId, VOTERS);
    for (const j of linked)
      expect(tryOpen(content, electionId, contestId, j.value)?.content).toBe(cast.final.get(j.actor));
    // nothing else a cast wrote (participation, audit, stored replies, notices) holds a ballot's content
    const tables = (
      await sql<{
        name: string;
      }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(
        db,
      )
    ).rows.map((r) => r.name);
    let rowsSearched = 0;
    for (const table of tables) {
      const rows = (
        await sql<
          Record<string, unknown>
        >`select * from ${sql.table(table)} where xmin::text in (select xmin::text from audit_entries where event = 'ballot.cast')`.execute(
          db,
        )
      ).rows;
      rowsSearched += rows.length;
      expect({ table, plaintext: rows.filter((r) => PLAINTEXT.test(JSON.stringify(r))).length }).toEqual({
        table,
        plaintext: 0,
      });
    }
    expect(rowsSearched).toBeGreaterThan(3 * VOTERS.length);

    // ---- close, then the same join, and every tuple on the pages of the ballot tables, live or dead
    await t.ok(ORGANISER, 'voting close 1');
    const after = await joined();
    // the counted ballots and the rewritten receipts were written by the close: they join only to the
    // close's own entries, which name the organiser and the same transaction for all 60
    const closing = (
      await sql<{
        event: string;
      }>`select event from audit_entries where xmin = (select xmin from audit_entries where event = 'phase.closed')`.execute(
        db,
      )
    ).rows.map((r) => r.event);
    expect(closing).toContain('phase.closed');
    expect(after.filter((j) => j.tbl === 'ballots')).toHaveLength(VOTERS.length * closing.length);
    expect(after.filter((j) => j.tbl === 'receipts')).toHaveLength(VOTERS.length * closing.length);
    expect(after.filter((j) => !closing.includes(j.event))).toEqual([]);
    expect(after.filter((j) => j.tbl === 'cast_ballots')).toEqual([]);
    expect(new Set(after.map((j) => j.actor))).toEqual(new Set([ORGANISER]));
    expect(after.filter((j) => j.event === 'ballot.cast' || VOTERS.includes(j.actor))).toEqual([]);
    let tuplesSearched = 0;
    for (const table of [...BALLOT_TABLES, 'election_secrets', 'requests']) {
      const tuples = await heapTuples(database, { name: table, pages: await pagesOf(database, table) });
      tuplesSearched += tuples.length;
      expect({ table, linked: tuples.filter((h) => castXmins.has(h.xmin)).length }).toEqual({
        table,
        linked: 0,
      });
      expect({ table, dead: tuples.filter(isDead).length }).toEqual({ table, dead: 0 });
    }
    expect(tuplesSearched).toBe(2 * VOTERS.length); // the 60 counted ballots and 60 receipts, nothing else
    // the rows a cast wrote that remain (participation, the audit log) name voters, never content
    let remaining = 0;
    for (const table of tables) {
      const rows = (
        await sql<
          Record<string, unknown>
        >`select * from ${sql.table(table)} where xmin::text in (select xmin::text from audit_entries where event = 'ballot.cast')`.execute(
          db,
        )
      ).rows;
      remaining += rows.length;
      expect({
        table,
        plaintext: rows.filter((r) => PLAINTEXT.test(JSON.stringify(r))).length,
        sealed: rows.filter((r) => SEALED.test(JSON.stringify(r))).length,
      }).toEqual({ table, plaintext: 0, sealed: 0 });
    }
    expect(remaining).toBeGreaterThanOrEqual(2 * VOTERS.length);
    expect(t.errors).toEqual([]);
  }, 60_000);
});
