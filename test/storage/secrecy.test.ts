// Secret ballot at the storage level (ARCHITECTURE §2): after close no link, no salt, no ciphertext and
// no insertion order survives — in query results, in the physical row order, and (SQLite) in the file's
// bytes. The core's whole close is attacked in test/integration.
import { createHmac } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { CastBallot } from '../../src/core/ballots/ballot.types.js';
import type { Store } from '../../src/core/kit/store.js';
import { createStore } from '../../src/storage/store.js';
import { openTestDatabase, randomId, testDatabases } from './databases.js';
import { type Seeded, seed } from './fixtures.js';

const scratch = mkdtempSync(join(tmpdir(), 'teller-secrecy-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Links as the core makes them: an HMAC of the member under the election key. */
const linkOf = (member: string) =>
  createHmac('sha256', 'test-election-key').update(member).digest('base64url');

/** Cast `voters` ballots (each voter changes their mind once) and issue receipts, in reverse id order. */
async function castAll(
  store: Store,
  s: Seeded,
  voters: number,
): Promise<{ links: string[]; ballots: CastBallot[] }> {
  const links = Array.from({ length: voters }, (_, i) => linkOf(`U${i}`));
  const ballots = links.map((link) => ({
    id: randomId('b_'),
    electionId: s.election.id,
    contestId: s.contests[0]!.id,
    link,
    sealed: `sealed-1>2-${link}`,
  }));
  // Insertion order is the reverse of id order, so any order that survives would be visible.
  const castOrder = [...ballots].sort((a, b) => byteOrder(b.id, a.id));
  await store.transaction(async (tx) => {
    await tx.secrets.put(s.election.id, {
      salt: 'salt-that-must-vanish-0123456789',
      keyCheck: 'key-check-that-must-vanish',
    });
    for (const [i, b] of castOrder.entries()) {
      await tx.castBallots.put(b);
      await tx.receipts.insert(s.election.id, `RC-${String(voters - i).padStart(5, '0')}`, b.link);
      await tx.participation.add({ electionId: s.election.id, contestId: b.contestId, memberId: `U${i}` });
    }
    // A change of vote: same link, new content, the row keeps one ballot.
    for (const b of castOrder.slice(0, 5))
      await tx.castBallots.put({ ...b, id: randomId('b_'), sealed: `sealed-2>1-${b.link}` });
  });
  return { links, ballots };
}

/** What the core's close does to storage: plaintext in shuffled order, then every ciphertext, link and the salt gone. */
async function close(store: Store, s: Seeded): Promise<string[]> {
  const written = await store.transaction(async (tx) => {
    const cast = await tx.castBallots.listForElection(s.election.id);
    const plain = cast.map((b) => ({
      id: randomId('p_'),
      electionId: b.electionId,
      contestId: b.contestId,
      weight: 1,
      content: b.sealed.split('-')[1]!,
    }));
    const shuffled = [...plain].sort(() => Math.random() - 0.5);
    await tx.ballots.insertMany(shuffled);
    await tx.castBallots.deleteForElection(s.election.id);
    await tx.receipts.sealElection(s.election.id);
    await tx.secrets.delete(s.election.id);
    return shuffled.map((b) => b.id);
  });
  await store.purge();
  return written;
}

function fileBytes(path: string): Buffer {
  const parts = [readFileSync(path)];
  if (existsSync(`${path}-wal`)) parts.push(readFileSync(`${path}-wal`));
  return Buffer.concat(parts);
}

describe.each(testDatabases)('sealing on $label', (target) => {
  it('keeps the counted ballots in the order the seal wrote them and leaves no ciphertext, link or salt', async () => {
    const opened = await openTestDatabase(target);
    try {
      const store = createStore(opened.database);
      const s = await seed(store, 1);
      const { ballots } = await castAll(store, s, 60);
      const castOrder = [...ballots].sort((a, b) => byteOrder(b.id, a.id)).map((b) => b.id);
      const db = opened.database.db;
      const physical = async (table: 'ballots' | 'cast_ballots') =>
        target.name === 'postgres'
          ? (
              await sql<{
                id: string;
              }>`select id from ${sql.table(table)} where election_id = ${s.election.id} order by ctid`.execute(
                db,
              )
            ).rows.map((r) => r.id)
          : // No ORDER BY on purpose: this is the order the table itself keeps.
            (await sql<{ id: string }>`select id from ${sql.table(table)}`.execute(db)).rows.map((r) => r.id);

      if (target.name === 'postgres') {
        // Control: before the seal PostgreSQL's heap still holds the cast order (re-votes moved to the end).
        expect(await physical('cast_ballots')).not.toEqual([...castOrder].sort(byteOrder));
        expect((await physical('cast_ballots')).slice(0, 10)).toEqual(castOrder.slice(5, 15));
      }
      const written = await close(store, s);
      // The counted ballots are new rows with new ids: nothing of the cast order can carry over, and the
      // table keeps the seal's (shuffled) order on PostgreSQL and id order on SQLite (WITHOUT ROWID).
      expect(await physical('ballots')).toEqual(
        target.name === 'postgres' ? written : [...written].sort(byteOrder),
      );
      expect(await physical('cast_ballots')).toEqual([]);
      const receiptLinks = await db
        .selectFrom('receipts')
        .select('code')
        .where('link', 'is not', null)
        .execute();
      expect(receiptLinks).toEqual([]);
      expect(await store.transaction((tx) => tx.secrets.get(s.election.id))).toBeUndefined();
      // The ballots themselves survive, five of them changed.
      const counted = await store.transaction((tx) => tx.ballots.listForCount(s.contests[0]!.id));
      expect(counted.filter((b) => b.content === '2>1')).toHaveLength(5);
      expect(counted).toHaveLength(60);
    } finally {
      await opened.dispose();
    }
  });
});

describe('sealing on SQLite, byte by byte', () => {
  it('keeps secure_delete on and leaves no link or salt in the database or WAL file', async () => {
    const path = join(scratch, 'seal', 'teller.db');
    const opened = await openTestDatabase({ name: 'sqlite', label: 'sqlite file', url: path });
    const store = createStore(opened.database);
    const s = await seed(store, 1);
    const { links } = await castAll(store, s, 200);
    const secureDelete = await sql<{ secure_delete: number }>`pragma secure_delete`.execute(
      opened.database.db,
    );
    expect(secureDelete.rows[0]?.secure_delete).toBe(1);

    // Control: before the seal the links are in the files, so the search below can find them.
    await store.purge();
    const before = fileBytes(path);
    expect(links.filter((l) => before.includes(l))).toHaveLength(links.length);
    expect(before.includes('salt-that-must-vanish-0123456789')).toBe(true);

    await close(store, s);
    await opened.dispose();
    const after = fileBytes(path);
    expect(links.filter((l) => after.includes(l))).toEqual([]);
    expect(after.includes('salt-that-must-vanish-0123456789')).toBe(false);
    expect(after.includes('key-check-that-must-vanish')).toBe(false);
    expect(after.includes('sealed-1>2-')).toBe(false);
    // The receipts are still there, only unlinked.
    expect(after.includes('RC-00001')).toBe(true);
  });
});

describe('purging SQLite while another connection reads', () => {
  it('refuses to report success while a reader keeps the WAL alive, and succeeds once it is gone', async () => {
    const path = join(scratch, 'busy', 'teller.db');
    const opened = await openTestDatabase({ name: 'sqlite', label: 'sqlite file', url: path });
    const store = createStore(opened.database);
    try {
      const s = await seed(store, 1);
      await castAll(store, s, 5);
      await sql`pragma busy_timeout = 50`.execute(opened.database.db);
      // A second process holding a read snapshot, as `teller` commands run beside the bot might.
      const reader = new BetterSqlite3(path);
      reader.prepare('begin').run();
      reader.prepare('select count(*) from cast_ballots').get();
      await store.transaction((tx) => tx.castBallots.deleteForElection(s.election.id));
      await expect(store.purge()).rejects.toThrow(/purge incomplete/);
      reader.prepare('commit').run();
      reader.close();
      await expect(store.purge()).resolves.toBeUndefined();
      expect(readFileSync(`${path}-wal`).length).toBe(0);
    } finally {
      await opened.dispose();
    }
  });
});
