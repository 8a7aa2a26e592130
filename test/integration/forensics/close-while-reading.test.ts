// Forensic attack 4 (issue 8): close while another connection holds a read snapshot from before the
// close (a backup, the sqlite3 shell, a long query, another process). That snapshot keeps what the close
// deleted: SQLite cannot empty its WAL, PostgreSQL's VACUUM FULL must copy the deleted rows. The close is
// then not reported as done, the election shows "sealing", the durable seal job retries until the
// reader lets go and tells the organisers, and `voting seal` runs the purge again on demand.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/storage/connect.js';
import { openTestDatabase, type Opened } from '../../storage/databases.js';
import {
  castAll,
  electionIds,
  findSecrets,
  heapTuples,
  openElection,
  ORGANISER,
  PG_URL,
  pagesOf,
  SECRET,
  saltOf,
  secretsOf,
  TestClock,
  type Teller,
  tellerOn,
  voterIds,
  withPageinspect,
} from './forensics.js';

const VOTERS = voterIds(12);
const HOUR = 60 * 60_000;

/** What organisers were sent by DM, in the outbox. */
async function dmsTo(database: Database, member: string): Promise<string[]> {
  const rows = await database.db.selectFrom('outbox').select(['destination', 'body']).execute();
  return rows
    .filter((r) => {
      const d = JSON.parse(r.destination) as { kind: string; memberId?: string };
      return d.kind === 'dm' && d.memberId === member;
    })
    .map((r) => (JSON.parse(r.body) as { text: string }).text);
}

/** The close and the first retries while the reader holds on: each says the seal is not done. */
async function closeWhileRead(t: Teller, clock: TestClock): Promise<void> {
  const closed = await t.run(ORGANISER, 'voting close 1');
  expect(closed).toMatchObject({ kind: 'domain-error', code: 'voting.seal_incomplete' });
  expect(closed.reply.body.text).toMatch(
    /closed and no more ballots are accepted, but the seal is NOT complete/,
  );
  expect(t.errors.join('\n')).toMatch(/the seal is not complete/);
  expect(await t.ok(ORGANISER, 'show 1')).toMatch(/sealing/);
  // voting did close
  expect(await t.run(VOTERS[0]!, 'cast 1 1 1>2>3>4')).toMatchObject({
    kind: 'domain-error',
    code: 'election.wrong_phase',
  });
  // the organiser's retry, and the durable job's, fail the same way while the reader holds on
  expect((await t.run(ORGANISER, 'voting seal 1')).reply.body.text).toMatch(/seal is NOT complete/);
  clock.advance(HOUR);
  expect(await t.core.runJobs()).toBe(1);
  expect(await t.ok(ORGANISER, 'show 1')).toMatch(/sealing/);
}

/** Once the reader is gone: the job's next run seals, tells the organisers once, and there is nothing left to do. */
async function sealAfterRead(t: Teller, clock: TestClock, database: Database): Promise<void> {
  expect((await dmsTo(database, ORGANISER)).filter((m) => /now complete/.test(m))).toEqual([]);
  clock.advance(HOUR);
  expect(await t.core.runJobs()).toBe(1);
  expect(await t.ok(ORGANISER, 'show 1')).not.toMatch(/sealing/);
  expect(
    (await dmsTo(database, ORGANISER)).filter((m) =>
      /The seal of election 1 "Forensic" is now complete/.test(m),
    ),
  ).toHaveLength(1);
  expect(await t.ok(ORGANISER, 'voting seal 1')).toMatch(/already sealed/);
  clock.advance(HOUR);
  expect(await t.core.runJobs()).toBe(0);
  const sealed = await database.db
    .selectFrom('audit_entries')
    .select('event')
    .where('event', '=', 'ballots.sealed')
    .execute();
  expect(sealed).toHaveLength(1);
}

describe('closing SQLite while another connection reads', () => {
  let opened: Opened | undefined;
  let dir: string | undefined;
  let reader: BetterSqlite3.Database | undefined;
  afterEach(async () => {
    reader?.close();
    await opened?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the election sealing until the WAL is gone, retries, and tells the organisers', async () => {
    dir = mkdtempSync(join(tmpdir(), 'teller-forensic-read-'));
    const file = join(dir, 'teller.db');
    opened = await openTestDatabase({ name: 'sqlite', label: 'sqlite file', url: file });
    const { database } = opened;
    // each purge attempt waits this long for the reader instead of the bot's 5 s
    await sql`pragma busy_timeout = 50`.execute(database.db);
    const clock = new TestClock();
    const t = tellerOn(database, { clock });
    await openElection(t, VOTERS);
    await castAll(t, VOTERS);
    const { electionId, contestId } = await electionIds(database);
    const { salt, keyCheck } = await saltOf(database, electionId);
    const { links } = secretsOf(SECRET, salt, contestId, VOTERS);
    const needles = new Map<string, string>([
      ...links.map((l) => [l, 'link'] as const),
      [salt, 'salt'],
      [keyCheck, 'key check'],
    ]);

    // the sqlite3 shell, a backup or a second process, in the middle of a read
    reader = new BetterSqlite3(file, { readonly: true });
    reader.prepare('begin').run();
    expect(reader.prepare('select count(*) as n from cast_ballots').get()).toEqual({ n: VOTERS.length });

    await closeWhileRead(t, clock);
    // what the failure means: the WAL still holds every link, and the salt, for anyone to read
    const walWhileRead = readFileSync(`${file}-wal`);
    const exposed = findSecrets(walWhileRead.toString('latin1'), needles);
    expect(exposed.get('link')).toBeGreaterThanOrEqual(links.length);
    expect(exposed.get('salt')).toBeGreaterThan(0);

    reader.prepare('commit').run();
    reader.close();
    reader = undefined;
    await sealAfterRead(t, clock, database);

    // the WAL was emptied: what it holds now are the seal's own commits after the purge (a new WAL
    // generation: its header's checkpoint sequence moved on), and neither file holds a secret
    const wal = readFileSync(`${file}-wal`);
    expect(wal.length).toBeLessThan(walWhileRead.length);
    expect(wal.readUInt32BE(12)).toBeGreaterThan(walWhileRead.readUInt32BE(12));
    const bytes = [file, `${file}-wal`]
      .filter(existsSync)
      .map((f) => readFileSync(f).toString('latin1'))
      .join('');
    expect(bytes.length).toBeGreaterThan(100_000);
    expect(findSecrets(bytes, needles)).toEqual(new Map());
  });
});

describe.skipIf(!PG_URL)('closing PostgreSQL while another transaction holds an older snapshot', () => {
  let opened: Opened | undefined;
  let reader: pg.Client | undefined;
  afterEach(async () => {
    await reader?.end();
    await opened?.dispose();
  });

  it('does not call the seal done while VACUUM FULL must keep the deleted rows, and seals once the reader is gone', async () => {
    opened = await openTestDatabase({ name: 'postgres', label: 'postgres', url: PG_URL! });
    const { database } = opened;
    await withPageinspect(database);
    const clock = new TestClock();
    const t = tellerOn(database, { clock });
    await openElection(t, VOTERS);
    await castAll(t, VOTERS);
    const castXmins = new Set(
      (
        await sql<{
          xmin: string;
        }>`select xmin::text as xmin from audit_entries where event = 'ballot.cast'`.execute(database.db)
      ).rows.map((r) => r.xmin),
    );

    // a backup (pg_dump takes one snapshot for its whole run) that has so far read only the elections:
    // it holds no lock on the ballot tables, so VACUUM FULL does not wait for it, but it must keep for
    // it every row the close deletes, with the xmin that joins each to its voter's audit entry
    reader = new pg.Client({ connectionString: PG_URL });
    await reader.connect();
    await reader.query('begin isolation level repeatable read');
    await reader.query(`select count(*) from "${database.schema}".elections`);

    await closeWhileRead(t, clock);
    const kept = async () => {
      let n = 0;
      for (const table of ['cast_ballots', 'receipts', 'election_secrets']) {
        n += (await heapTuples(database, { name: table, pages: await pagesOf(database, table) })).filter(
          (h) => castXmins.has(h.xmin) || table === 'election_secrets',
        ).length;
      }
      return n;
    };
    // what the failure means: the deleted rows are still on the pages, each joining a voter's cast
    expect(await kept()).toBeGreaterThanOrEqual(2 * VOTERS.length);
    expect(t.errors.join('\n')).toMatch(/still visible to a transaction that began before the close/);

    await reader.query('commit');
    await sealAfterRead(t, clock, database);
    expect(await kept()).toBe(0);
  }, 30_000);
});
