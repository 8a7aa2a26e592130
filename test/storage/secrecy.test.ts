// Secret ballot at the storage level (ARCHITECTURE §2): after close no link, no salt and no insertion
// order survives — in query results, in the physical row order, and (SQLite) in the file's bytes.
import { createHmac } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { StoredBallot } from '../../src/core/ballots/ballot.types.js';
import type { Store } from '../../src/core/shared/store.ports.js';
import { createStore } from '../../src/storage/store.js';
import { openTestDatabase, randomId, testDatabases } from './databases.js';
import { type Seeded, seed } from './fixtures.js';

const scratch = mkdtempSync(join(tmpdir(), 'teller-secrecy-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Links as the core makes them: an HMAC of the member under the election key. */
const linkOf = (member: string) => createHmac('sha256', 'test-election-key').update(member).digest('base64url');

/** Cast `voters` ballots (each voter changes their mind once) and issue receipts, in reverse id order. */
async function castAll(store: Store, s: Seeded, voters: number): Promise<{ links: string[]; ballots: StoredBallot[] }> {
  const links = Array.from({ length: voters }, (_, i) => linkOf(`U${i}`));
  const ballots = links.map((link) => ({
    id: randomId('b_'),
    electionId: s.election.id,
    contestId: s.contests[0]!.id,
    link,
    weight: 1,
    content: '1>2',
  }));
  // Insertion order is the reverse of id order, so any order that survives would be visible.
  const castOrder = [...ballots].sort((a, b) => byteOrder(b.id, a.id));
  await store.transaction(async (tx) => {
    await tx.secrets.putSalt(s.election.id, 'salt-that-must-vanish-0123456789');
    for (const [i, b] of castOrder.entries()) {
      await tx.ballots.upsertByLink(b);
      await tx.receipts.insert(s.election.id, `RC-${String(voters - i).padStart(5, '0')}`, b.link!);
      await tx.participation.add({ electionId: s.election.id, contestId: b.contestId, memberId: `U${i}` });
    }
    // A change of vote: same link, new content, the row keeps one ballot.
    for (const b of castOrder.slice(0, 5)) await tx.ballots.upsertByLink({ ...b, id: randomId('b_'), content: '2>1' });
  });
  return { links, ballots };
}

async function close(store: Store, s: Seeded) {
  await store.transaction(async (tx) => {
    await tx.ballots.sealElection(s.election.id);
    await tx.receipts.sealElection(s.election.id);
    await tx.secrets.deleteSalt(s.election.id);
  });
  await store.scrub();
}

function fileBytes(path: string): Buffer {
  const parts = [readFileSync(path)];
  if (existsSync(`${path}-wal`)) parts.push(readFileSync(`${path}-wal`));
  return Buffer.concat(parts);
}

describe.each(testDatabases)('sealing on $label', (target) => {
  it('rewrites the ballots in random-id order and leaves no link', async () => {
    const opened = await openTestDatabase(target);
    try {
      const store = createStore(opened.database);
      const s = await seed(store, 1);
      const { ballots } = await castAll(store, s, 60);
      const idsInOrder = ballots.map((b) => b.id).sort(byteOrder);
      const db = opened.database.db;
      const physical = async () =>
        target.name === 'postgres'
          ? (await sql<{ id: string }>`select id from ballots where election_id = ${s.election.id} order by ctid`.execute(db)).rows.map((r) => r.id)
          : // No ORDER BY on purpose: this is the order the table itself keeps.
            (await sql<{ id: string }>`select id from ballots`.execute(db)).rows.map((r) => r.id);

      if (target.name === 'postgres') {
        // Control: before the seal PostgreSQL's heap still holds the cast order.
        expect(await physical()).not.toEqual(idsInOrder);
      }
      await close(store, s);
      expect(await physical()).toEqual(idsInOrder);
      const linked = await db.selectFrom('ballots').select('id').where('link', 'is not', null).execute();
      expect(linked).toEqual([]);
      const receiptLinks = await db.selectFrom('receipts').select('code').where('link', 'is not', null).execute();
      expect(receiptLinks).toEqual([]);
      expect(await store.transaction((tx) => tx.secrets.getSalt(s.election.id))).toBeUndefined();
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
    const secureDelete = await sql<{ secure_delete: number }>`pragma secure_delete`.execute(opened.database.db);
    expect(secureDelete.rows[0]?.secure_delete).toBe(1);

    // Control: before the seal the links are in the files, so the search below can find them.
    await store.scrub();
    const before = fileBytes(path);
    expect(links.filter((l) => before.includes(l))).toHaveLength(links.length);
    expect(before.includes('salt-that-must-vanish-0123456789')).toBe(true);

    await close(store, s);
    await opened.dispose();
    const after = fileBytes(path);
    expect(links.filter((l) => after.includes(l))).toEqual([]);
    expect(after.includes('salt-that-must-vanish-0123456789')).toBe(false);
    // The ballots are still there, only unlinked.
    expect(after.includes('RC-00001')).toBe(true);
  });
});

describe('scrubbing SQLite while another connection reads', () => {
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
      reader.prepare('select count(*) from ballots').get();
      await store.transaction((tx) => tx.ballots.sealElection(s.election.id));
      await expect(store.scrub()).rejects.toThrow(/scrub incomplete/);
      reader.prepare('commit').run();
      reader.close();
      await expect(store.scrub()).resolves.toBeUndefined();
      expect(readFileSync(`${path}-wal`).length).toBe(0);
    } finally {
      await opened.dispose();
    }
  });
});
