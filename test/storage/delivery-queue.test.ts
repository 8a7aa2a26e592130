import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryQueue } from '../../src/core/delivery/outbound.ports.js';
import type { Store } from '../../src/core/kit/store.js';
import { createDeliveryQueue } from '../../src/storage/delivery-queue.js';
import { createStore } from '../../src/storage/store.js';
import { type Opened, openTestDatabase, testDatabases } from './databases.js';
import { makeMessage, makeOrg, seed } from './fixtures.js';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 10, minute));
const iso = (minute: number) => at(minute).toISOString();

describe.each(testDatabases)('delivery queue on $label', (target) => {
  let opened: Opened;
  let store: Store;
  let queue: DeliveryQueue;
  beforeAll(async () => {
    opened = await openTestDatabase(target);
    store = createStore(opened.database);
    queue = createDeliveryQueue(opened.database);
  });
  afterAll(() => opened.dispose());

  // Each test uses its own platform-unique organisation; claims are per platform, so tests on the same
  // platform would see each other's messages. Drain what earlier tests left before claiming.
  async function drain(platform: 'slack' | 'discord' | 'console') {
    for (;;) {
      const left = await queue.claim(platform, 100, new Date(Date.UTC(2100, 0, 1)), 0);
      if (left.length === 0) return;
      for (const m of left) await queue.markFailed(m.id, 'failed', 'drained by test');
    }
  }

  it('claims due messages of one platform, oldest first, up to the limit, and leases them', async () => {
    await drain('slack');
    const s = await seed(store, 1);
    const due1 = makeMessage(s.org, { notBefore: iso(0), createdAt: iso(0) });
    const due2 = makeMessage(s.org, { notBefore: iso(1), createdAt: iso(0) });
    const due3 = makeMessage(s.org, { notBefore: iso(2), createdAt: iso(0) });
    const later = makeMessage(s.org, { notBefore: iso(30), createdAt: iso(0) });
    const discordOrg = makeOrg({ platform: 'discord' });
    const otherPlatform = makeMessage(discordOrg, { notBefore: iso(0) });
    await store.transaction(async (tx) => {
      await tx.orgs.insert(discordOrg);
      for (const m of [due3, later, due1, due2, otherPlatform]) await tx.outbox.enqueue(m);
    });

    const first = await queue.claim('slack', 2, at(5), 60_000);
    expect(first.map((m) => m.id)).toEqual([due1.id, due2.id]);
    expect(first[0]).toEqual({ ...due1, status: 'sending' });
    const second = await queue.claim('slack', 10, at(5), 60_000);
    expect(second.map((m) => m.id)).toEqual([due3.id]);
    // Leased messages are not handed out again while the lease runs; `later` is not due yet.
    expect(await queue.claim('slack', 10, at(5), 60_000)).toEqual([]);
    expect(await queue.claim('slack', 0, at(59), 60_000)).toEqual([]);
  });

  it('hands a message out again once its lease expires, counting the unknown attempt', async () => {
    await drain('slack');
    const s = await seed(store, 1);
    const m = makeMessage(s.org, { notBefore: iso(0) });
    await store.transaction((tx) => tx.outbox.enqueue(m));
    const [claimed] = await queue.claim('slack', 5, at(1), 60_000);
    expect(claimed?.attempts).toBe(0);
    // Lease runs until 10:02.
    expect(await queue.claim('slack', 5, at(1), 60_000)).toEqual([]);
    const [again] = await queue.claim('slack', 5, at(2), 60_000);
    expect(again?.id).toBe(m.id);
    expect(again?.attempts).toBe(1);
    expect(again?.status).toBe('sending');
  });

  it('marks sent with the platform reference, which sentRefOf finds by dedupe key', async () => {
    await drain('slack');
    const s = await seed(store, 1);
    const m = makeMessage(s.org, { dedupeKey: 'turnout:1', notBefore: iso(0) });
    await store.transaction((tx) => tx.outbox.enqueue(m));
    expect(await queue.sentRefOf(s.org.id, 'turnout:1')).toBeUndefined();
    await queue.claim('slack', 1, at(0), 60_000);
    await queue.markSent(m.id, 'C1:1700000000.000100', at(0));
    expect(await queue.sentRefOf(s.org.id, 'turnout:1')).toBe('C1:1700000000.000100');
    expect(await queue.sentRefOf(s.org.id, 'turnout:2')).toBeUndefined();
    // Sent is final: an expired lease never brings it back.
    expect(await queue.claim('slack', 5, at(50), 0)).toEqual([]);
  });

  it('puts a message back for later with the error, and gives up on it when told', async () => {
    await drain('slack');
    const s = await seed(store, 1);
    const m = makeMessage(s.org, { notBefore: iso(0) });
    const dead = makeMessage(s.org, { notBefore: iso(0) });
    await store.transaction(async (tx) => {
      await tx.outbox.enqueue(m);
      await tx.outbox.enqueue(dead);
    });
    await queue.claim('slack', 5, at(0), 60_000);
    await queue.retryLater(m.id, at(10), 'HTTP 429');
    await queue.markFailed(dead.id, 'unreachable', 'cannot_dm_user');
    expect(await queue.claim('slack', 5, at(9), 60_000)).toEqual([]);
    const [retried] = await queue.claim('slack', 5, at(10), 60_000);
    expect(retried).toMatchObject({
      id: m.id,
      attempts: 1,
      lastError: 'HTTP 429',
      notBefore: iso(10),
      status: 'sending',
    });
    // A late retryLater after another worker marked it sent must not resurrect it.
    await queue.markSent(m.id, 'ref', at(11));
    await queue.retryLater(m.id, at(12), 'late');
    expect(await queue.claim('slack', 5, at(59), 0)).toEqual([]);
    expect(await queue.sentRefOf(s.org.id, m.dedupeKey)).toBe('ref');
  });

  it('reports progress by status for an election and purpose', async () => {
    const s = await seed(store, 1);
    const e = s.election.id;
    const make = (purpose: string, minute: number) =>
      makeMessage(s.org, { platform: 'console', electionId: e, purpose, notBefore: iso(minute) });
    // Reminders are not due yet, so the claim below takes notices only.
    const reminders = [make('reminder', 50), make('reminder', 50)];
    const notices = [make('notice', 0), make('notice', 0), make('notice', 0), make('notice', 0)];
    await store.transaction(async (tx) => {
      for (const m of [...reminders, ...notices]) await tx.outbox.enqueue(m);
    });
    const claimed = await queue.claim('console', 3, at(0), 60_000);
    expect(claimed.every((m) => m.purpose === 'notice')).toBe(true);
    await queue.markSent(claimed[0]!.id, 'r', at(0));
    await queue.markFailed(claimed[1]!.id, 'unreachable', 'dm closed');
    expect(await queue.progress(e, 'notice')).toEqual({
      pending: 1,
      sending: 1,
      sent: 1,
      failed: 0,
      unreachable: 1,
    });
    expect(await queue.progress(e, 'reminder')).toEqual({
      pending: 2,
      sending: 0,
      sent: 0,
      failed: 0,
      unreachable: 0,
    });
    expect(await queue.progress('none', 'notice')).toEqual({
      pending: 0,
      sending: 0,
      sent: 0,
      failed: 0,
      unreachable: 0,
    });
  });

  it('never hands the same message to two concurrent claimers', async () => {
    await drain('discord');
    const org = makeOrg({ platform: 'discord' });
    const msgs = Array.from({ length: 300 }, (_, i) =>
      makeMessage(org, { notBefore: iso(0), createdAt: iso(i % 60) }),
    );
    await store.transaction(async (tx) => {
      await tx.orgs.insert(org);
      for (const m of msgs) await tx.outbox.enqueue(m);
    });
    // On PostgreSQL each claimer gets its own pool connection, so the claims really overlap.
    const workers = Array.from({ length: 8 }, async () => {
      const got: string[] = [];
      for (;;) {
        const batch = await queue.claim('discord', 7, at(1), 600_000);
        if (batch.length === 0) return got;
        got.push(...batch.map((m) => m.id));
      }
    });
    const results = await Promise.all(workers);
    const all = results.flat();
    expect(all).toHaveLength(300);
    expect(new Set(all).size).toBe(300);
    expect(new Set(all)).toEqual(new Set(msgs.map((m) => m.id)));
  });
});
