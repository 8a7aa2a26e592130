// What proxies (C13) store, on every store: one appointment per principal and election, replaced in
// place when approved, listed in byte order of the principal, removed, and only for an election that
// exists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/kit/store.js';
import type { ProxyAppointment } from '../../src/core/proxies/proxy.types.js';
import { type OpenedStore, openTestStore, storeTargets } from './databases.js';
import { T0, makeElection, seed } from './fixtures.js';

const pending = (electionId: string, principal: string, proxy: string): ProxyAppointment => ({
  electionId,
  principal,
  proxy,
  status: 'pending',
  createdAt: T0,
  approvedBy: null,
  approvedAt: null,
});

describe.each(storeTargets)('proxies on $label', (target) => {
  let opened: OpenedStore;
  let store: Store;
  beforeAll(async () => {
    opened = await openTestStore(target);
    store = opened.store;
  });
  afterAll(() => opened.dispose());

  const list = (electionId: string) => store.transaction((tx) => tx.proxies.list(electionId));

  it('puts, approves, lists and removes each election’s appointments apart', async () => {
    const { org, election } = await seed(store, 0);
    const other = makeElection(org.id, 2);
    await store.transaction((tx) => tx.elections.insert(other));
    expect(await list(election.id)).toEqual([]);

    // byte order: "Zoe" before "amy", whatever the database's collation
    const amy = pending(election.id, 'amy', 'dan');
    const zoe = pending(election.id, 'Zoe', 'dan');
    const elsewhere = pending(other.id, 'amy', 'eve');
    await store.transaction(async (tx) => {
      await tx.proxies.put(amy);
      await tx.proxies.put(zoe);
      await tx.proxies.put(elsewhere);
    });
    expect(await list(election.id)).toEqual([zoe, amy]);
    expect(await list(other.id)).toEqual([elsewhere]);
    expect(await store.transaction((tx) => tx.proxies.get(election.id, 'amy'))).toEqual(amy);
    expect(await store.transaction((tx) => tx.proxies.get(election.id, 'nobody'))).toBeUndefined();

    // one appointment per principal: putting it again replaces it, in its own election only
    const approved: ProxyAppointment = {
      ...amy,
      status: 'approved',
      approvedBy: 'U9',
      approvedAt: '2026-11-24T08:00:00.000Z',
    };
    await store.transaction((tx) => tx.proxies.put(approved));
    expect(await list(election.id)).toEqual([zoe, approved]);
    expect(await list(other.id)).toEqual([elsewhere]);

    expect(await store.transaction((tx) => tx.proxies.remove(election.id, 'amy'))).toBe(true);
    expect(await store.transaction((tx) => tx.proxies.remove(election.id, 'amy'))).toBe(false);
    expect(await list(election.id)).toEqual([zoe]);
    expect(await list(other.id)).toEqual([elsewhere]);
  });

  it('refuses an appointment in an election that does not exist, and writes nothing', async () => {
    await expect(
      store.transaction((tx) => tx.proxies.put(pending('no-such-election', 'amy', 'dan'))),
    ).rejects.toThrow();
    expect(await list('no-such-election')).toEqual([]);
  });
});
