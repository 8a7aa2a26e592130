// The durable jobs table on every store: one job per dedupe key, where only a cancelled job comes back
// when the same work is planned again; cancelling touches pending jobs only; claims lease due jobs in
// the order they were due; a retry puts a job back or fails it for good.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Job } from '../../src/core/jobs/job.types.js';
import type { Store } from '../../src/core/kit/store.js';
import { type OpenedStore, openTestStore, randomId, storeTargets } from './databases.js';
import { seed } from './fixtures.js';

const T1 = '2026-11-23T11:00:00.000Z';
const T2 = '2026-11-23T12:00:00.000Z';
const T3 = '2026-11-23T13:00:00.000Z';
const LATER = '2026-11-24T00:00:00.000Z';

function makeJob(over: Partial<Job> = {}): Job {
  return {
    id: randomId('job_'),
    kind: 'timetable.step',
    electionId: null,
    dedupeKey: randomId('key_'),
    payload: { step: 'voting-open' },
    status: 'pending',
    runAt: T1,
    attempts: 0,
    leaseUntil: null,
    lastError: null,
    createdAt: '2026-11-23T10:00:00.000Z',
    doneAt: null,
    ...over,
  };
}

describe.each(storeTargets)('job repository on $label', (target) => {
  let opened: OpenedStore;
  let store: Store;
  beforeAll(async () => {
    opened = await openTestStore(target);
    store = opened.store;
  });
  afterAll(() => opened.dispose());
  // A claim takes every due job in the store, so each test starts with none due: what an earlier test
  // left pending or running is run to the end here.
  beforeEach(async () => {
    const left = await store.transaction((tx) => tx.jobs.claimDue('9999-12-31T00:00:00.000Z', LATER, 1000));
    await store.transaction(async (tx) => {
      for (const j of left) await tx.jobs.finish(j.id, T1);
    });
  });

  /** the stored job with this key, read past the port (which has no getter), as the Job it maps to */
  async function stored(key: string): Promise<Job | undefined> {
    if (opened.memory) return structuredClone(opened.memory.state.jobs.find((j) => j.dedupeKey === key));
    const r = await opened
      .database!.db.selectFrom('jobs')
      .selectAll()
      .where('dedupe_key', '=', key)
      .executeTakeFirst();
    if (!r) return undefined;
    return {
      id: r.id,
      kind: r.kind,
      electionId: r.election_id,
      dedupeKey: r.dedupe_key,
      payload: JSON.parse(r.payload) as Job['payload'],
      status: r.status as Job['status'],
      runAt: r.run_at,
      attempts: Number(r.attempts),
      leaseUntil: r.lease_until,
      lastError: r.last_error,
      createdAt: r.created_at,
      doneAt: r.done_at,
    };
  }
  async function rowsWithKey(key: string): Promise<number> {
    if (opened.memory) return opened.memory.state.jobs.filter((j) => j.dedupeKey === key).length;
    const r = await opened
      .database!.db.selectFrom('jobs')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('dedupe_key', '=', key)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
  const schedule = (job: Job) => store.transaction((tx) => tx.jobs.schedule(job));
  /** claim what is due at `now`; only this test's keys count (files share nothing, tests in a file do) */
  const claim = async (now: string, keys: string[], limit = 100) =>
    (await store.transaction((tx) => tx.jobs.claimDue(now, LATER, limit))).filter((j) =>
      keys.includes(j.dedupeKey),
    );

  /** A job with a fresh key, brought to `status` through the port's own operations. */
  async function jobIn(status: Job['status']): Promise<Job> {
    const job = makeJob({ runAt: '2026-01-01T00:00:00.000Z' });
    expect(await schedule(job)).toBe(true);
    if (status === 'pending') return job;
    if (status === 'cancelled') {
      await store.transaction((tx) => tx.jobs.cancelByKey(job.dedupeKey, T1));
      return job;
    }
    const claimed = await claim(T1, [job.dedupeKey]);
    expect(claimed.map((j) => j.id)).toEqual([job.id]);
    if (status === 'done') await store.transaction((tx) => tx.jobs.finish(job.id, T1));
    if (status === 'failed') await store.transaction((tx) => tx.jobs.retry(job.id, null, 'refused'));
    expect((await stored(job.dedupeKey))?.status).toBe(status);
    return job;
  }

  it('stores a scheduled job as given', async () => {
    const { election } = await seed(store, 0);
    const job = makeJob({ electionId: election.id, payload: { hours: 24, skipAfter: T2, late: null } });
    expect(await schedule(job)).toBe(true);
    expect(await stored(job.dedupeKey)).toEqual(job);
  });

  it.each(['pending', 'running', 'done', 'failed'] as const)(
    'keeps a %s job when the same key is planned again',
    async (status) => {
      const job = await jobIn(status);
      const before = await stored(job.dedupeKey);
      const again = makeJob({ dedupeKey: job.dedupeKey, runAt: T3, payload: { step: 'voting-close' } });
      expect(await schedule(again)).toBe(false);
      expect(await stored(job.dedupeKey)).toEqual(before);
      expect(await rowsWithKey(job.dedupeKey)).toBe(1);
    },
  );

  it('brings a cancelled job back, as planned the second time, in its own row', async () => {
    // a job that had failed once (attempts, an error) before its plan changed
    const job = makeJob({ runAt: '2026-01-01T00:00:00.000Z' });
    await schedule(job);
    await claim(T1, [job.dedupeKey]);
    await store.transaction((tx) => tx.jobs.retry(job.id, T2, 'HTTP 500'));
    await store.transaction((tx) => tx.jobs.cancelByKey(job.dedupeKey, T1));
    expect(await stored(job.dedupeKey)).toMatchObject({ status: 'cancelled', attempts: 1, doneAt: T1 });

    const again = makeJob({
      dedupeKey: job.dedupeKey,
      runAt: T3,
      payload: { step: 'voting-close' },
      createdAt: T2,
    });
    expect(await schedule(again)).toBe(true);
    expect(await rowsWithKey(job.dedupeKey)).toBe(1);
    // the new time and payload, a fresh start; the row (its id, kind, creation) is the first one's
    expect(await stored(job.dedupeKey)).toEqual({
      ...job,
      runAt: T3,
      payload: { step: 'voting-close' },
      status: 'pending',
      attempts: 0,
      leaseUntil: null,
      lastError: null,
      doneAt: null,
    });
    // and it runs at its new time, not before
    expect(await claim(T2, [job.dedupeKey])).toEqual([]);
    expect((await claim(T3, [job.dedupeKey])).map((j) => [j.id, j.attempts])).toEqual([[job.id, 1]]);
    await store.transaction((tx) => tx.jobs.finish(job.id, T3));
  });

  it('cancels a pending job by its key, and nothing else', async () => {
    const pending = await jobIn('pending');
    const neighbour = await jobIn('pending');
    await store.transaction((tx) => tx.jobs.cancelByKey(pending.dedupeKey, T2));
    expect(await stored(pending.dedupeKey)).toEqual({
      ...pending,
      status: 'cancelled',
      doneAt: T2,
    });
    expect(await stored(neighbour.dedupeKey)).toEqual(neighbour);
    // a cancelled job is never claimed
    expect((await claim(T3, [pending.dedupeKey, neighbour.dedupeKey])).map((j) => j.id)).toEqual([
      neighbour.id,
    ]);
    await store.transaction((tx) => tx.jobs.finish(neighbour.id, T3));
    // a key nothing has is no error
    await store.transaction((tx) => tx.jobs.cancelByKey(randomId('none_'), T2));
  });

  it.each(['running', 'done', 'failed'] as const)(
    'leaves a %s job alone when its key is cancelled',
    async (status) => {
      const job = await jobIn(status);
      const before = await stored(job.dedupeKey);
      await store.transaction((tx) => tx.jobs.cancelByKey(job.dedupeKey, T3));
      expect(await stored(job.dedupeKey)).toEqual(before);
      if (status === 'running') {
        // it is still the runner's: claimed again only once its lease runs out
        expect(await claim(T3, [job.dedupeKey])).toEqual([]);
        expect((await claim(LATER, [job.dedupeKey])).map((j) => [j.id, j.attempts])).toEqual([[job.id, 2]]);
        await store.transaction((tx) => tx.jobs.finish(job.id, LATER));
      }
    },
  );

  it('claims due jobs in the order they were due, up to the limit, under a lease', async () => {
    const late = makeJob({ runAt: T2, id: `a${randomId()}` });
    const early = makeJob({ runAt: T1, id: `z${randomId()}` });
    const sameTimeB = makeJob({ runAt: T1, id: `b${randomId()}` });
    const notYet = makeJob({ runAt: T3 });
    const keys = [late, early, sameTimeB, notYet].map((j) => j.dedupeKey);
    for (const j of [late, early, sameTimeB, notYet]) await schedule(j);

    const first = await store.transaction((tx) => tx.jobs.claimDue(T2, '2026-11-23T12:10:00.000Z', 2));
    expect(first.map((j) => j.id)).toEqual([sameTimeB.id, early.id]);
    expect(first.map((j) => [j.status, j.attempts, j.leaseUntil])).toEqual([
      ['running', 1, '2026-11-23T12:10:00.000Z'],
      ['running', 1, '2026-11-23T12:10:00.000Z'],
    ]);
    const second = await claim(T2, keys);
    expect(second.map((j) => j.id)).toEqual([late.id]);
    // the first two are leased until 12:10: not claimed again before, claimed again after
    expect(await claim('2026-11-23T12:05:00.000Z', keys)).toEqual([]);
    const retaken = await claim('2026-11-23T12:10:00.000Z', keys);
    expect(retaken.map((j) => [j.id, j.attempts])).toEqual([
      [sameTimeB.id, 2],
      [early.id, 2],
    ]);
    for (const j of [late, early, sameTimeB]) await store.transaction((tx) => tx.jobs.finish(j.id, T3));
    expect(await stored(early.dedupeKey)).toMatchObject({ status: 'done', doneAt: T3, leaseUntil: null });
    expect(await stored(notYet.dedupeKey)).toEqual(notYet);
    await store.transaction((tx) => tx.jobs.cancelByKey(notYet.dedupeKey, T3));
  });

  it('puts a retried job back at its new time, and keeps the due time of one that failed for good', async () => {
    const job = makeJob({ runAt: T1 });
    await schedule(job);
    await claim(T1, [job.dedupeKey]);
    await store.transaction((tx) => tx.jobs.retry(job.id, T2, 'HTTP 500'));
    expect(await stored(job.dedupeKey)).toEqual({
      ...job,
      runAt: T2,
      attempts: 1,
      lastError: 'HTTP 500',
    });
    expect(await claim('2026-11-23T11:59:59.999Z', [job.dedupeKey])).toEqual([]);
    await claim(T2, [job.dedupeKey]);
    await store.transaction((tx) => tx.jobs.retry(job.id, null, 'refused for good'));
    expect(await stored(job.dedupeKey)).toEqual({
      ...job,
      status: 'failed',
      runAt: T2,
      attempts: 2,
      lastError: 'refused for good',
    });
    expect(await claim(LATER, [job.dedupeKey])).toEqual([]);
    // a finish after a failure clears the error
    const other = await jobIn('pending');
    await claim(T1, [other.dedupeKey]);
    await store.transaction((tx) => tx.jobs.retry(other.id, T1, 'timeout'));
    await claim(T1, [other.dedupeKey]);
    await store.transaction((tx) => tx.jobs.finish(other.id, T2));
    expect(await stored(other.dedupeKey)).toMatchObject({ status: 'done', lastError: null, doneAt: T2 });
  });

  it('marks a pending or running job done by its key, and no other', async () => {
    const pending = await jobIn('pending');
    const running = await jobIn('running');
    const failed = await jobIn('failed');
    const cancelled = await jobIn('cancelled');
    const before = { failed: await stored(failed.dedupeKey), cancelled: await stored(cancelled.dedupeKey) };
    await store.transaction(async (tx) => {
      for (const j of [pending, running, failed, cancelled]) await tx.jobs.finishByKey(j.dedupeKey, T3);
    });
    expect(await stored(pending.dedupeKey)).toMatchObject({ status: 'done', doneAt: T3, leaseUntil: null });
    expect(await stored(running.dedupeKey)).toMatchObject({ status: 'done', doneAt: T3, leaseUntil: null });
    expect(await stored(failed.dedupeKey)).toEqual(before.failed);
    expect(await stored(cancelled.dedupeKey)).toEqual(before.cancelled);
  });

  it('refuses a second row for a key inside one transaction, and the failed transaction writes nothing', async () => {
    const job = makeJob();
    const other = makeJob();
    // same key, planned twice in one command: the second is a no-op, not an error
    expect(
      await store.transaction(async (tx) => [
        await tx.jobs.schedule(job),
        await tx.jobs.schedule({ ...other, dedupeKey: job.dedupeKey }),
      ]),
    ).toEqual([true, false]);
    await expect(
      store.transaction(async (tx) => {
        await tx.jobs.schedule(other);
        throw new Error('the command failed');
      }),
    ).rejects.toThrow('the command failed');
    expect(await stored(other.dedupeKey)).toBeUndefined();
    await store.transaction((tx) => tx.jobs.cancelByKey(job.dedupeKey, T1));
  });
});
