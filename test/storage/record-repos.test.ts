import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/core/audit/audit.types.js';
import type { StoredResult } from '../../src/core/results/result.types.js';
import type { Store } from '../../src/core/kit/store.js';
import type { CountResult } from '../../src/counting/types.js';
import { type OpenedStore, openTestStore, randomId, storeTargets } from './databases.js';
import { T0, makeMessage, seed } from './fixtures.js';

// Storage keeps a result as JSON and never looks inside; a partial object is enough to prove the round trip.
const countResult = (winner: number) =>
  ({
    method: 'plurality',
    seats: 1,
    candidates: ['Ann', '李明'],
    winners: [winner],
    rounds: [],
    ties: [],
  }) as unknown as CountResult;

describe.each(storeTargets)('record repositories on $label', (target) => {
  let opened: OpenedStore;
  let store: Store;
  beforeAll(async () => {
    opened = await openTestStore(target);
    store = opened.store;
  });
  afterAll(() => opened.dispose());

  it('puts results (replacing the same round), lists them by contest number then round, deletes them', async () => {
    const s = await seed(store, 2);
    const e = s.election.id;
    const [c1, c2] = s.contests.map((c) => c.id) as [string, string];
    const result = (contestId: string, round: number, winner = 0): StoredResult => ({
      electionId: e,
      contestId,
      round,
      result: countResult(winner),
      eligible: 10,
      issued: 7.5,
      // the attendance kept beside a round (C5's present base); a result without one reads back without
      ...(round === 2 ? { present: 8 } : {}),
      createdAt: T0,
    });
    await store.transaction(async (tx) => {
      await tx.results.put(result(c2, 1));
      await tx.results.put(result(c1, 2));
      await tx.results.put(result(c1, 1));
      await tx.results.put(result(c1, 2, 1));
    });
    expect(await store.transaction((tx) => tx.results.list(e))).toEqual([
      result(c1, 1),
      result(c1, 2, 1),
      result(c2, 1),
    ]);
    await store.transaction((tx) => tx.results.deleteForElection(e));
    expect(await store.transaction((tx) => tx.results.list(e))).toEqual([]);
  });

  it('records each scrutineer confirmation once', async () => {
    const s = await seed(store, 1);
    const e = s.election.id;
    await store.transaction(async (tx) => {
      await tx.results.addConfirmation({ electionId: e, memberId: 'S2', at: '2026-11-23T12:00:00.000Z' });
      await tx.results.addConfirmation({ electionId: e, memberId: 'S1', at: '2026-11-23T12:05:00.000Z' });
      await tx.results.addConfirmation({ electionId: e, memberId: 'S2', at: '2026-11-23T12:09:00.000Z' });
    });
    expect(await store.transaction((tx) => tx.results.confirmations(e))).toEqual([
      { electionId: e, memberId: 'S2', at: '2026-11-23T12:00:00.000Z' },
      { electionId: e, memberId: 'S1', at: '2026-11-23T12:05:00.000Z' },
    ]);
  });

  it('appends the audit chain and reads it back in order; a sequence number is used once', async () => {
    const a = await seed(store, 1);
    const b = await seed(store, 1);
    const entry = (electionId: string, seq: number): AuditEntry => ({
      electionId,
      seq,
      at: T0,
      actor: 'U1',
      event: 'election.opened',
      data: { contests: 2, note: '开始', flag: true, none: null },
      prevHash: seq === 1 ? '' : `h${seq - 1}`,
      hash: `h${seq}`,
    });
    await store.transaction(async (tx) => {
      expect(await tx.audit.last(a.election.id)).toBeUndefined();
      await tx.audit.append(entry(a.election.id, 1));
      await tx.audit.append(entry(a.election.id, 2));
      await tx.audit.append(entry(a.election.id, 3));
      await tx.audit.append(entry(b.election.id, 1));
    });
    await store.transaction(async (tx) => {
      expect(await tx.audit.last(a.election.id)).toEqual(entry(a.election.id, 3));
      expect(await tx.audit.list(a.election.id)).toEqual([1, 2, 3].map((n) => entry(a.election.id, n)));
      const ids = await tx.audit.electionIds();
      expect(ids).toEqual(expect.arrayContaining([a.election.id, b.election.id]));
      expect(new Set(ids).size).toBe(ids.length);
    });
    await expect(store.transaction((tx) => tx.audit.append(entry(a.election.id, 3)))).rejects.toThrow();
  });

  it('enqueues a message once per dedupe key and organisation', async () => {
    const s = await seed(store, 1);
    const first = makeMessage(s.org, {
      dedupeKey: 'ballot:U9',
      electionId: s.election.id,
      replaces: 'turnout',
    });
    await store.transaction(async (tx) => {
      expect(await tx.outbox.enqueue(first)).toBe(true);
      expect(
        await tx.outbox.enqueue(makeMessage(s.org, { dedupeKey: 'ballot:U9', body: { text: 'second' } })),
      ).toBe(false);
    });
    const rows = opened.database
      ? await opened.database.db
          .selectFrom('outbox')
          .select(['id', 'body'])
          .where('org_id', '=', s.org.id)
          .execute()
      : opened
          .memory!.state.outbox.filter((m) => m.orgId === s.org.id)
          .map((m) => ({ id: m.id, body: JSON.stringify(m.body) }));
    expect(rows).toEqual([{ id: first.id, body: JSON.stringify(first.body) }]);
  });

  it('remembers handled requests and their reply', async () => {
    const key = randomId('req_');
    await store.transaction(async (tx) => {
      expect(await tx.requests.get(key)).toBeUndefined();
      await tx.requests.put(key, '{"kind":"ok"}', T0, null);
      expect(await tx.requests.get(key)).toBe('{"kind":"ok"}');
      await tx.requests.put(key, '{"kind":"ok","again":true}', T0, null);
      expect(await tx.requests.get(key)).toBe('{"kind":"ok","again":true}');
    });
  });

  it("purges an election's stored replies, and every reply older than a time", async () => {
    const s = await seed(store, 1);
    const [cast, other, old] = [randomId('req_'), randomId('req_'), randomId('req_')];
    await store.transaction(async (tx) => {
      await tx.requests.put(cast, '{"receipt":"K7QX"}', '2026-11-24T10:00:00.000Z', s.election.id);
      await tx.requests.put(other, '{"kind":"ok"}', '2026-11-24T10:00:00.000Z', null);
      await tx.requests.put(old, '{"kind":"ok"}', '2026-11-20T10:00:00.000Z', null);
    });
    await store.transaction((tx) => tx.requests.deleteForElection(s.election.id));
    expect(await store.transaction((tx) => tx.requests.get(cast))).toBeUndefined();
    expect(await store.transaction((tx) => tx.requests.get(other))).toBe('{"kind":"ok"}');
    const purged = await store.transaction((tx) => tx.requests.deleteBefore('2026-11-23T00:00:00.000Z'));
    expect(purged).toBeGreaterThanOrEqual(1);
    expect(await store.transaction((tx) => tx.requests.get(old))).toBeUndefined();
    expect(await store.transaction((tx) => tx.requests.get(other))).toBe('{"kind":"ok"}');
  });
});
