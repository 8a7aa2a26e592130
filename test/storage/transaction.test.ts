import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/shared/store.ports.js';
import { type OpenedStore, openTestStore, storeTargets } from './databases.js';
import { makeElection, makeMessage, makeOrg } from './fixtures.js';

describe.each(storeTargets)('transactions on $label', (target) => {
  let opened: OpenedStore;
  let store: Store;
  beforeAll(async () => {
    opened = await openTestStore(target);
    store = opened.store;
  });
  afterAll(() => opened.dispose());

  it('commits everything when the function resolves, and returns its value', async () => {
    const org = makeOrg();
    const value = await store.transaction(async (tx) => {
      await tx.orgs.insert(org);
      await tx.elections.insert(makeElection(org.id, 1));
      return 'done';
    });
    expect(value).toBe('done');
    expect(await store.transaction((tx) => tx.elections.maxNumber(org.id))).toBe(1);
  });

  it('writes nothing when the function throws', async () => {
    const org = makeOrg();
    const boom = new Error('handler failed');
    await expect(
      store.transaction(async (tx) => {
        await tx.orgs.insert(org);
        await tx.elections.insert(makeElection(org.id, 1));
        await tx.outbox.enqueue(makeMessage(org));
        await tx.requests.put(`req-${org.id}`, 'reply', org.createdAt, null);
        throw boom;
      }),
    ).rejects.toBe(boom);
    await store.transaction(async (tx) => {
      expect(await tx.orgs.get(org.id)).toBeUndefined();
      expect(await tx.elections.list(org.id)).toEqual([]);
      expect(await tx.requests.get(`req-${org.id}`)).toBeUndefined();
    });
    const outbox = opened.database
      ? await opened.database.db.selectFrom('outbox').select('id').where('org_id', '=', org.id).execute()
      : opened.memory!.state.outbox.filter((m) => m.orgId === org.id);
    expect(outbox).toEqual([]);
  });

  it('rolls back a failed statement with the rest of its transaction', async () => {
    const org = makeOrg();
    await expect(
      store.transaction(async (tx) => {
        await tx.orgs.insert(org);
        // Foreign keys are enforced: an election of an unknown organisation is refused.
        await tx.elections.insert(makeElection('no-such-org', 1));
      }),
    ).rejects.toThrow();
    expect(await store.transaction((tx) => tx.orgs.get(org.id))).toBeUndefined();
  });

  it('serialises a read-modify-write under the election lock', async () => {
    const org = makeOrg();
    const election = makeElection(org.id, 1, { title: '0' });
    await store.transaction(async (tx) => {
      await tx.orgs.insert(org);
      await tx.elections.insert(election);
    });
    // Twenty concurrent increments of the title: without the lock (or SQLite's single writer) some
    // would read the same value and updates would be lost.
    await Promise.all(
      Array.from({ length: 20 }, () =>
        store.transaction(async (tx) => {
          const current = await tx.elections.findByNumberLocked(org.id, 1);
          await tx.elections.update({ ...current!, title: String(Number(current!.title) + 1) });
        }),
      ),
    );
    expect((await store.transaction((tx) => tx.elections.get(election.id)))?.title).toBe('20');
  });
});
