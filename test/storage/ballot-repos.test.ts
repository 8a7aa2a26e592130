import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredBallot } from '../../src/core/ballots/ballot.types.js';
import type { Store } from '../../src/core/shared/store.ports.js';
import { createStore } from '../../src/storage/store.js';
import { type Opened, openTestDatabase, randomId, testDatabases } from './databases.js';
import { type Seeded, seed } from './fixtures.js';

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe.each(testDatabases)('secret-ballot repositories on $label', (target) => {
  let opened: Opened;
  let store: Store;
  beforeAll(async () => {
    opened = await openTestDatabase(target);
    store = createStore(opened.database);
  });
  afterAll(() => opened.dispose());

  function ballot(s: Seeded, contest: number, link: string | null, content: string, weight = 1): StoredBallot {
    return { id: randomId('b_'), electionId: s.election.id, contestId: s.contests[contest]!.id, link, weight, content };
  }

  it('puts, replaces, reads and deletes the per-election salt', async () => {
    const s = await seed(store, 1);
    await store.transaction(async (tx) => {
      expect(await tx.secrets.getSalt(s.election.id)).toBeUndefined();
      await tx.secrets.putSalt(s.election.id, 'salt-1');
      expect(await tx.secrets.getSalt(s.election.id)).toBe('salt-1');
      await tx.secrets.putSalt(s.election.id, 'salt-2');
      expect(await tx.secrets.getSalt(s.election.id)).toBe('salt-2');
      await tx.secrets.deleteSalt(s.election.id);
      expect(await tx.secrets.getSalt(s.election.id)).toBeUndefined();
    });
  });

  it('keeps one ballot per link and contest: the last cast counts', async () => {
    const s = await seed(store, 2);
    await store.transaction(async (tx) => {
      await tx.ballots.upsertByLink(ballot(s, 0, 'link-a', '1'));
      await tx.ballots.upsertByLink(ballot(s, 0, 'link-b', '2', 3));
      await tx.ballots.upsertByLink(ballot(s, 0, 'link-a', '3', 2));
      // The same link in another contest is another ballot.
      await tx.ballots.upsertByLink(ballot(s, 1, 'link-a', '1'));
    });
    await store.transaction(async (tx) => {
      expect(await tx.ballots.count(s.contests[0]!.id)).toBe(2);
      expect(await tx.ballots.count(s.contests[1]!.id)).toBe(1);
      expect(await tx.ballots.count('no-such-contest')).toBe(0);
      const counted = await tx.ballots.listForCount(s.contests[0]!.id);
      expect(counted.sort((x, y) => byteOrder(x.content, y.content))).toEqual([
        { weight: 3, content: '2' },
        { weight: 2, content: '3' },
      ]);
    });
  });

  it('lists ballots for the count and for publication in random-id order', async () => {
    const s = await seed(store, 2);
    const written = Array.from({ length: 30 }, (_, i) => ballot(s, i % 2, `link-${i}`, String(i), 1 + (i % 3)));
    await store.transaction(async (tx) => {
      for (const b of written) await tx.ballots.upsertByLink(b);
    });
    const inIdOrder = [...written].sort((x, y) => byteOrder(x.id, y.id));
    const forCount = await store.transaction((tx) => tx.ballots.listForCount(s.contests[1]!.id));
    expect(forCount).toEqual(inIdOrder.filter((b) => b.contestId === s.contests[1]!.id).map((b) => ({ weight: b.weight, content: b.content })));
    const published = await store.transaction((tx) => tx.ballots.listPublished(s.election.id));
    expect(published).toEqual(inIdOrder.map((b) => ({ contestId: b.contestId, weight: b.weight, content: b.content })));
  });

  it('leaves exactly one row when 200 casts for one link race through separate transactions', async () => {
    const s = await seed(store, 1);
    const casts = Array.from({ length: 200 }, (_, i) => ballot(s, 0, 'the-link', `choice-${i}`));
    await Promise.all(casts.map((b) => store.transaction((tx) => tx.ballots.upsertByLink(b))));
    const rows = await store.transaction((tx) => tx.ballots.listForCount(s.contests[0]!.id));
    expect(rows).toHaveLength(1);
    // Whichever committed last won, and it is one of the casts.
    expect(casts.map((b) => b.content)).toContain(rows[0]!.content);
  });

  it('issues receipts apart from ballots, finds them by link and by code, lists them by code', async () => {
    const s = await seed(store, 1);
    await store.transaction(async (tx) => {
      expect(await tx.receipts.findByLink(s.election.id, 'voter-link-1')).toBeUndefined();
      await tx.receipts.insert(s.election.id, 'ZK3-P9Q', 'voter-link-1');
      await tx.receipts.insert(s.election.id, 'AB7-X2M', 'voter-link-2');
      await tx.receipts.insert(s.election.id, 'ab1-x2m', 'voter-link-3');
    });
    await store.transaction(async (tx) => {
      expect(await tx.receipts.findByLink(s.election.id, 'voter-link-1')).toBe('ZK3-P9Q');
      expect(await tx.receipts.findByLink('other-election', 'voter-link-1')).toBeUndefined();
      expect(await tx.receipts.exists(s.election.id, 'AB7-X2M')).toBe(true);
      expect(await tx.receipts.exists(s.election.id, 'AB7-X2N')).toBe(false);
      expect(await tx.receipts.list(s.election.id)).toEqual(['AB7-X2M', 'ZK3-P9Q', 'ab1-x2m']);
    });
    // A link has one receipt.
    await expect(store.transaction((tx) => tx.receipts.insert(s.election.id, 'NEW-ONE', 'voter-link-1'))).rejects.toThrow();
  });

  it('records participation once per contest and counts it', async () => {
    const s = await seed(store, 2);
    const [c1, c2] = s.contests.map((c) => c.id) as [string, string];
    const e = s.election.id;
    await store.transaction(async (tx) => {
      await tx.participation.add({ electionId: e, contestId: c1, memberId: 'u2' });
      await tx.participation.add({ electionId: e, contestId: c1, memberId: 'U9' });
      await tx.participation.add({ electionId: e, contestId: c2, memberId: 'u2' });
      await tx.participation.add({ electionId: e, contestId: c1, memberId: 'u2' });
    });
    await store.transaction(async (tx) => {
      expect(await tx.participation.has(e, c1, 'u2')).toBe(true);
      expect(await tx.participation.has(e, c2, 'U9')).toBe(false);
      expect(await tx.participation.count(e, c1)).toBe(2);
      expect(await tx.participation.count(e, c2)).toBe(1);
      expect(await tx.participation.voters(e)).toEqual(['U9', 'u2']);
      expect(await tx.participation.voters('nobody')).toEqual([]);
    });
  });

  it('seals an election: no link survives, ballots and receipts stay, other elections are untouched', async () => {
    const s = await seed(store, 2);
    const other = await seed(store, 1);
    const ballots = Array.from({ length: 40 }, (_, i) => ballot(s, i % 2, `seal-link-${i}`, String(i % 5), 1));
    await store.transaction(async (tx) => {
      for (const b of ballots) await tx.ballots.upsertByLink(b);
      for (let i = 0; i < 20; i++) await tx.receipts.insert(s.election.id, `R${String(i).padStart(3, '0')}`, `seal-link-${i}`);
      await tx.ballots.upsertByLink(ballot(other, 0, 'keep-me', '1'));
      await tx.receipts.insert(other.election.id, 'KEEP', 'keep-me');
    });
    const before = await store.transaction((tx) => tx.ballots.listPublished(s.election.id));
    await store.transaction(async (tx) => {
      await tx.ballots.sealElection(s.election.id);
      await tx.receipts.sealElection(s.election.id);
    });
    await store.transaction(async (tx) => {
      expect(await tx.ballots.listPublished(s.election.id)).toEqual(before);
      expect(await tx.receipts.list(s.election.id)).toHaveLength(20);
      expect(await tx.receipts.findByLink(s.election.id, 'seal-link-3')).toBeUndefined();
      expect(await tx.receipts.exists(s.election.id, 'R003')).toBe(true);
      expect(await tx.receipts.findByLink(other.election.id, 'keep-me')).toBe('KEEP');
    });
    const links = await opened.database.db.selectFrom('ballots').select(['election_id', 'link']).where('link', 'is not', null).execute();
    expect(links.filter((r) => r.election_id === s.election.id)).toEqual([]);
    expect(links.filter((r) => r.election_id === other.election.id)).toEqual([{ election_id: other.election.id, link: 'keep-me' }]);
    const receiptLinks = await opened.database.db.selectFrom('receipts').select('link').where('election_id', '=', s.election.id).execute();
    expect(receiptLinks.every((r) => r.link === null)).toBe(true);
  });
});
