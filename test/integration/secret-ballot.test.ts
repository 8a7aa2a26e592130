// ARCHITECTURE §2 on real storage: cast ballots through the registry, close, and show that nothing in
// the database (and, on SQLite, nothing in the files) links any ballot to any member.
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { ballotLink, electionKey, receiptLink } from '../../src/core/ballots/ballot.keys.js';
import { createCore, type TellerCore } from '../../src/core/index.js';
import { createDeliveryQueue, createPlatformState, createStore } from '../../src/storage/index.js';
import type { Database } from '../../src/storage/connect.js';
import { openTestDatabase, testDatabases, type Opened } from '../storage/databases.js';

const SECRET = 'integration-test-server-secret';
const VOTERS = ['ann', 'bo', 'cy', 'di', 'ed', 'flo', 'gil', 'hal', 'ida', 'jo'];

async function allRows(database: Database): Promise<Record<string, Record<string, unknown>[]>> {
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
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const t of tables)
    out[t] = (await sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(database.db)).rows;
  return out;
}

function coreOn(database: Database): TellerCore {
  return createCore({
    store: createStore(database),
    delivery: createDeliveryQueue(database),
    platformState: createPlatformState(database),
    clock: { now: () => new Date() },
    serverSecret: SECRET,
    logger: { info: () => undefined, error: (m, meta) => console.error(m, meta) },
  });
}

function typer(core: TellerCore) {
  return async (member: string, text: string) => {
    const r = await core.dispatch({
      platform: 'console',
      platformOrgId: 'console',
      actor: { memberId: member, displayName: member },
      channelId: 'general',
      command: '',
      args: { text },
    });
    if (r.kind !== 'ok') throw new Error(`${member}: ${text} -> ${r.kind} ${r.reply.body.text}`);
    return r.reply.body;
  };
}

describe.each(testDatabases)('secret ballot on $name', (target) => {
  let opened: Opened | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await opened?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('leaves nothing that links a ballot to a member after close', async () => {
    dir = target.name === 'sqlite' ? mkdtempSync(join(tmpdir(), 'teller-secrecy-')) : undefined;
    const file = dir ? join(dir, 'teller.db') : undefined;
    opened = await openTestDatabase(target, file ? { url: file } : {});
    const { database } = opened;
    const core = coreOn(database);
    const type = typer(core);

    await type('olga', 'create "Secret test"');
    await type('olga', 'contest add 1 Chair 1 plurality');
    await type('olga', `roll add 1 ${VOTERS.map((v) => `@${v}`).join(' ')}`);
    await type('olga', 'nominations open 1');
    await type('ann', 'nominate 1 Chair');
    await type('bo', 'second 1 1');
    await type('bo', 'nominate 1 Chair');
    await type('cy', 'second 1 2');
    await type('olga', 'nominations close 1');
    await type('olga', 'review approve 1 1');
    await type('olga', 'review approve 1 2');
    await type('olga', 'candidates publish 1');
    await type('olga', 'voting open 1');
    for (const [i, v] of VOTERS.entries()) await type(v, `cast 1 1 ${(i % 2) + 1}`);
    await type('ann', 'cast 1 1 2'); // a changed vote

    // what an attacker with database and key could compute while voting is open
    const before = await allRows(database);
    const salt = String(before.election_secrets?.[0]?.salt ?? '');
    expect(salt).not.toBe('');
    const key = electionKey(SECRET, salt);
    const contestId = String(before.contests[0].id);
    const links = VOTERS.flatMap((v) => [ballotLink(key, contestId, v), receiptLink(key, v)]);
    const stored = JSON.stringify(before.cast_ballots);
    expect(links.filter((l) => stored.includes(l))).toHaveLength(VOTERS.length); // the links exist while open
    // while open the content is ciphertext: no stored ballot holds a choice in the clear
    expect(before.ballots).toEqual([]);
    expect(before.cast_ballots.every((b) => /^v1\./.test(String(b.sealed)))).toBe(true);
    const castIds = before.cast_ballots.map((b) => String(b.id));

    await type('olga', 'voting close 1');
    const after = await allRows(database);

    // the ballot table has no voter, no time and no link; no ciphertext is left
    expect(Object.keys(after.ballots[0]).sort()).toEqual([
      'content',
      'contest_id',
      'election_id',
      'id',
      'weight',
    ]);
    expect(after.ballots).toHaveLength(VOTERS.length);
    expect(after.cast_ballots).toEqual([]);
    expect(after.receipts.every((r) => r.link === null)).toBe(true);
    expect(after.election_secrets ?? []).toHaveLength(0);

    // no value anywhere equals a link, and no other table mentions a ballot id
    const everything = JSON.stringify(after);
    expect(links.filter((l) => everything.includes(l))).toEqual([]);
    const ballotIds = after.ballots.map((b) => String(b.id));
    const others = JSON.stringify(Object.fromEntries(Object.entries(after).filter(([t]) => t !== 'ballots')));
    expect(ballotIds.filter((id) => others.includes(id))).toEqual([]);
    // no member id appears in the ballot table
    const ballotsText = JSON.stringify(after.ballots);
    expect(VOTERS.filter((v) => ballotsText.includes(`"${v}"`))).toEqual([]);

    // counted ballots are new rows with new random ids, written in shuffled order: nothing of the cast
    // (its id, its place in the table) carries over, and on SQLite the table keeps id order
    const physical =
      database.dialect === 'sqlite'
        ? (await sql<{ id: string }>`select id from ballots`.execute(database.db)).rows.map((r) => r.id)
        : (await sql<{ id: string }>`select id from ballots order by ctid`.execute(database.db)).rows.map(
            (r) => r.id,
          );
    if (database.dialect === 'sqlite') expect(physical).toEqual([...physical].sort());
    expect(physical.filter((id) => castIds.includes(id))).toEqual([]);

    if (file) {
      await opened.dispose();
      opened = undefined;
      const bytes = [file, `${file}-wal`]
        .filter(existsSync)
        .map((f) => readFileSync(f).toString('latin1'))
        .join('');
      expect(bytes.length).toBeGreaterThan(0);
      expect(links.filter((l) => bytes.includes(l))).toEqual([]);
      expect(bytes.includes(salt)).toBe(false);
    }
  });
});

describe.each(testDatabases)('concurrent casts on $name', (target) => {
  let opened: Opened | undefined;
  afterEach(async () => {
    await opened?.dispose();
  });

  it('keeps exactly one counted ballot for 200 concurrent casts by one voter', async () => {
    opened = await openTestDatabase(target);
    const core = coreOn(opened.database);
    const type = typer(core);
    await type('olga', 'create "Race"');
    await type('olga', 'contest add 1 Chair 1 plurality');
    await type('olga', 'roll add 1 @ann @bo @cy');
    await type('olga', 'nominations open 1');
    await type('ann', 'nominate 1 Chair');
    await type('bo', 'second 1 1');
    await type('bo', 'nominate 1 Chair');
    await type('cy', 'second 1 2');
    await type('olga', 'nominations close 1');
    await type('olga', 'review approve 1 1');
    await type('olga', 'review approve 1 2');
    await type('olga', 'candidates publish 1');
    await type('olga', 'voting open 1');
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        core.dispatch({
          platform: 'console',
          platformOrgId: 'console',
          actor: { memberId: 'ann' },
          command: 'ballot.cast',
          args: { election: 1, contest: '1', choices: String((i % 2) + 1) },
        }),
      ),
    );
    expect(results.filter((r) => r.kind !== 'ok').map((r) => r.reply.body.text)).toEqual([]);
    const rows = await allRows(opened.database);
    expect(rows.cast_ballots).toHaveLength(1);
    expect(rows.receipts).toHaveLength(1);
    await type('olga', 'voting close 1');
    expect((await allRows(opened.database)).ballots).toHaveLength(1);
    const counted = await type('olga', 'count 1');
    expect(counted.fields?.find((f) => f.label.includes('Ballots'))?.value).toContain('valid 1');
  }, 120_000);
});
