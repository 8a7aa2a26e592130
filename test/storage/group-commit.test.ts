// Group commit on SQLite: commands that queue up while a batch runs share one COMMIT, each inside its
// own savepoint, so a failing command changes nothing and the others still commit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/shared/store.ports.js';
import { type OpenedStore, openTestStore, storeTargets } from './databases.js';
import { makeElection, makeOrg } from './fixtures.js';

describe.each(storeTargets)('concurrent transactions on $label', (target) => {
  let opened: OpenedStore;
  let store: Store;
  beforeAll(async () => {
    opened = await openTestStore(target);
    store = opened.store;
  });
  afterAll(() => opened.dispose());

  it('keeps each command whole: the failing ones write nothing, the rest all commit', async () => {
    const org = makeOrg();
    await store.transaction((tx) => tx.orgs.insert(org));
    const attempts = Array.from({ length: 60 }, (_, i) =>
      store.transaction(async (tx) => {
        await tx.elections.insert(makeElection(org.id, i + 1));
        if (i % 3 === 0) throw new Error(`command ${i} failed`);
        return i;
      }),
    );
    const settled = await Promise.allSettled(attempts);
    expect(settled.filter((s) => s.status === 'rejected')).toHaveLength(20);
    expect(
      settled.filter((s) => s.status === 'fulfilled').map((s) => (s as PromiseFulfilledResult<number>).value),
    ).toEqual(Array.from({ length: 60 }, (_, i) => i).filter((i) => i % 3 !== 0));
    const numbers = (await store.transaction((tx) => tx.elections.list(org.id)))
      .map((e) => e.number)
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 60 }, (_, i) => i + 1).filter((n) => (n - 1) % 3 !== 0));
  });

  // SQLite (and the memory store) run queued commands in arrival order; PostgreSQL's concurrent
  // transactions promise no order
  it.runIf(target.name === 'sqlite' || target.name === 'memory')(
    'lets a later command in the same batch see what an earlier one wrote',
    async () => {
      const org = makeOrg();
      const [, seen] = await Promise.all([
        store.transaction((tx) => tx.orgs.insert(org)),
        store.transaction((tx) => tx.orgs.get(org.id)),
      ]);
      expect(seen?.id).toBe(org.id);
    },
  );
});
