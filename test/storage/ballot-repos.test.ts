import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredBallot } from '../../src/core/ballots/ballot.types.js';
import type { CastBallot, Store } from '../../src/core/shared/store.ports.js';
import { type OpenedStore, openTestStore, randomId, storeTargets } from './databases.js';
import { type Seeded, seed } from './fixtures.js';

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe.each(storeTargets)('secret-ballot repositories on $label', (target) => {
  let opened: OpenedStore;
  let store: Store;
  beforeAll(async () => {
    opened = await openTestStore(target);
    store = opened.store;
  });
  afterAll(() => opened.dispose());

  function ballot(s: Seeded, contest: number, content: string, weight = 1): StoredBallot {
    return {
      id: randomId('b_'),
      electionId: s.election.id,
      contestId: s.contests[contest]!.id,
      weight,
      content,
    };
  }

  function castBallot(s: Seeded, contest: number, link: string, sealed: string): CastBallot {
    return {
      id: randomId('c_'),
      electionId: s.election.id,
      contestId: s.contests[contest]!.id,
      link,
      sealed,
    };
  }

  it('puts, replaces, reads and deletes the per-election salt and key check', async () => {
    const s = await seed(store, 1);
    await store.transaction(async (tx) => {
      expect(await tx.secrets.get(s.election.id)).toBeUndefined();
      await tx.secrets.put(s.election.id, { salt: 'salt-1', keyCheck: 'check-1' });
      expect(await tx.secrets.get(s.election.id)).toEqual({ salt: 'salt-1', keyCheck: 'check-1' });
      await tx.secrets.put(s.election.id, { salt: 'salt-2', keyCheck: null });
      expect(await tx.secrets.get(s.election.id)).toEqual({ salt: 'salt-2', keyCheck: null });
      await tx.secrets.delete(s.election.id);
      expect(await tx.secrets.get(s.election.id)).toBeUndefined();
    });
  });

  it("keeps one sealed ballot per link and contest, says when a cast replaced one, and deletes an election's", async () => {
    const s = await seed(store, 2);
    const other = await seed(store, 1);
    await store.transaction(async (tx) => {
      expect(await tx.castBallots.put(castBallot(s, 0, 'link-a', 'sealed-1'))).toBe(false);
      expect(await tx.castBallots.put(castBallot(s, 0, 'link-b', 'sealed-2'))).toBe(false);
      expect(await tx.castBallots.put(castBallot(s, 0, 'link-a', 'sealed-3'))).toBe(true);
      // The same link in another contest is another ballot.
      expect(await tx.castBallots.put(castBallot(s, 1, 'link-a', 'sealed-4'))).toBe(false);
      await tx.castBallots.put(castBallot(other, 0, 'keep-me', 'sealed-5'));
    });
    const held = await store.transaction((tx) => tx.castBallots.listForElection(s.election.id));
    expect(held.map((b) => b.sealed).sort()).toEqual(['sealed-2', 'sealed-3', 'sealed-4']);
    expect(held.map((b) => b.id)).toEqual([...held.map((b) => b.id)].sort(byteOrder));
    await store.transaction((tx) => tx.castBallots.deleteForElection(s.election.id));
    expect(await store.transaction((tx) => tx.castBallots.listForElection(s.election.id))).toEqual([]);
    expect(await store.transaction((tx) => tx.castBallots.listForElection(other.election.id))).toHaveLength(
      1,
    );
  });

  it('lists counted ballots for the count and for publication in random-id order', async () => {
    const s = await seed(store, 2);
    const written = Array.from({ length: 30 }, (_, i) => ballot(s, i % 2, String(i), 1 + (i % 3)));
    await store.transaction((tx) => tx.ballots.insertMany(written));
    const inIdOrder = [...written].sort((x, y) => byteOrder(x.id, y.id));
    expect(await store.transaction((tx) => tx.ballots.count(s.contests[0]!.id))).toBe(15);
    expect(await store.transaction((tx) => tx.ballots.count('no-such-contest'))).toBe(0);
    const forCount = await store.transaction((tx) => tx.ballots.listForCount(s.contests[1]!.id));
    expect(forCount).toEqual(
      inIdOrder
        .filter((b) => b.contestId === s.contests[1]!.id)
        .map((b) => ({ weight: b.weight, content: b.content })),
    );
    const published = await store.transaction((tx) => tx.ballots.listPublished(s.election.id));
    expect(published).toEqual(
      inIdOrder.map((b) => ({ contestId: b.contestId, weight: b.weight, content: b.content })),
    );
  });

  it('leaves exactly one row when 200 casts for one link race through separate transactions', async () => {
    const s = await seed(store, 1);
    const casts = Array.from({ length: 200 }, (_, i) => castBallot(s, 0, 'the-link', `choice-${i}`));
    await Promise.all(casts.map((b) => store.transaction((tx) => tx.castBallots.put(b))));
    const rows = await store.transaction((tx) => tx.castBallots.listForElection(s.election.id));
    expect(rows).toHaveLength(1);
    // Whichever committed last won, and it is one of the casts.
    expect(casts.map((b) => b.sealed)).toContain(rows[0]!.sealed);
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
    await expect(
      store.transaction((tx) => tx.receipts.insert(s.election.id, 'NEW-ONE', 'voter-link-1')),
    ).rejects.toThrow();
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

  it('seals receipts: no link survives, the receipts stay, other elections are untouched', async () => {
    const s = await seed(store, 2);
    const other = await seed(store, 1);
    await store.transaction(async (tx) => {
      for (let i = 0; i < 20; i++)
        await tx.receipts.insert(s.election.id, `R${String(i).padStart(3, '0')}`, `seal-link-${i}`);
      await tx.receipts.insert(other.election.id, 'KEEP', 'keep-me');
    });
    await store.transaction((tx) => tx.receipts.sealElection(s.election.id));
    await store.transaction(async (tx) => {
      expect(await tx.receipts.list(s.election.id)).toHaveLength(20);
      expect(await tx.receipts.findByLink(s.election.id, 'seal-link-3')).toBeUndefined();
      expect(await tx.receipts.exists(s.election.id, 'R003')).toBe(true);
      expect(await tx.receipts.findByLink(other.election.id, 'keep-me')).toBe('KEEP');
    });
    const receiptLinks = opened.database
      ? await opened.database.db
          .selectFrom('receipts')
          .select('link')
          .where('election_id', '=', s.election.id)
          .execute()
      : opened.memory!.state.receipts.filter((r) => r.electionId === s.election.id);
    expect(receiptLinks.every((r) => r.link === null)).toBe(true);
  });
});
