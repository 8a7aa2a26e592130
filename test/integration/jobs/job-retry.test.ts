// A planned step whose command keeps failing (issue 11): the job runner retries it with backoff (30 s,
// doubling, at most 30 min), tells each organiser once when it has failed five times, never runs it
// before its retry is due, and runs it once the failure is gone.
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type DispatchResult } from '../../../src/core/index.js';
import type { Store, Tx } from '../../../src/core/kit/store.js';
import type { Database } from '../../../src/storage/connect.js';
import { createDeliveryQueue, createPlatformState, createStore } from '../../../src/storage/index.js';
import { openTestDatabase, type Opened, testDatabases } from '../../storage/databases.js';
import { type Teller, TestClock } from '../forensics/forensics.js';
import { jobs, ORGANISER, outbox, publishedElection, SECRET, voterIds } from './timeline-fixtures.js';

const CO_ORGANISER = 'paula';
const S = 1_000;
/** The wait after each failed run, as the runner promises: 30 s doubling, capped at 30 min. */
const BACKOFF = [30 * S, 60 * S, 120 * S, 240 * S, 480 * S, 960 * S, 1800 * S, 1800 * S];

/** A store whose transactions fail to write an election's key salt while `failing` is set. */
function failingStore(inner: Store): Store & { failing: boolean } {
  const store = {
    failing: false,
    purge: () => inner.purge(),
    transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      return inner.transaction((tx) => {
        if (!store.failing) return fn(tx);
        const secrets: Tx['secrets'] = {
          ...tx.secrets,
          put: async () => {
            throw new Error('disk I/O error');
          },
        };
        return fn({ ...tx, secrets });
      });
    },
  };
  return store;
}

function tellerWith(database: Database, store: Store, clock: TestClock): Teller {
  const errors: string[] = [];
  const core = createCore({
    store,
    delivery: createDeliveryQueue(database),
    platformState: createPlatformState(database),
    clock,
    serverSecret: SECRET,
    logger: { info: () => undefined, error: (m, meta) => errors.push(`${m} ${JSON.stringify(meta)}`) },
  });
  const run = (member: string, text: string): Promise<DispatchResult> =>
    core.dispatch({
      platform: 'console',
      platformOrgId: 'console',
      actor: { memberId: member, displayName: member },
      channelId: 'general',
      command: '',
      args: { text },
    });
  return {
    core,
    errors,
    run,
    async ok(member, text) {
      const r = await run(member, text);
      if (r.kind !== 'ok') throw new Error(`${member}: ${text} -> ${r.kind} ${r.reply.body.text}`);
      return r.reply.body.text;
    },
  };
}

describe.each(testDatabases.filter((d) => d.native !== false))(
  'a failing planned step on $label',
  (target) => {
    let opened: Opened | undefined;
    afterEach(async () => {
      await opened?.dispose();
      opened = undefined;
    });

    it('is retried with backoff, and each organiser is told once after five failures', async () => {
      opened = await openTestDatabase(target);
      const { database } = opened;
      const store = failingStore(createStore(database));
      const clock = new TestClock();
      clock.time = new Date('2026-03-10T07:00:00.000Z');
      const t = tellerWith(database, store, clock);
      await publishedElection(t, clock, 1, voterIds(1, 4));
      await t.ok(ORGANISER, `organiser add 1 @${CO_ORGANISER}`);
      await t.ok(ORGANISER, 'schedule 1 voting-open="2026-03-10 08:00" voting-close="2026-03-12 08:00"');

      const step = async () => (await jobs(database)).find((j) => j.payload.step === 'voting-open')!;
      const alerts = async () =>
        (await outbox(database)).filter((p) => p.memberId !== null && /keeps failing/.test(p.text));

      store.failing = true;
      let due = new Date('2026-03-10T08:00:00.000Z');
      const waits: number[] = [];
      const alertsAfter: number[] = [];
      for (let attempt = 1; attempt <= BACKOFF.length; attempt++) {
        // a moment before it is due, nothing runs
        clock.time = new Date(due.getTime() - 1);
        expect(await t.core.runJobs()).toBe(0);
        clock.time = due;
        expect(await t.core.runJobs()).toBe(1);
        const job = await step();
        expect([attempt, job.status, job.attempts]).toEqual([attempt, 'pending', attempt]);
        waits.push(new Date(job.runAt).getTime() - due.getTime());
        alertsAfter.push((await alerts()).length);
        due = new Date(job.runAt);
      }
      expect(waits).toEqual(BACKOFF);
      // the organisers heard of it with the fifth failure, one DM each, and not again
      expect(alertsAfter).toEqual([0, 0, 0, 0, 2, 2, 2, 2]);
      const sent = await alerts();
      expect(sent.map((a) => a.memberId).sort()).toEqual([ORGANISER, CO_ORGANISER].sort());
      for (const a of sent)
        expect(a.text).toContain('A planned step of election 1, Committee 1, keeps failing');
      // the operator saw every failed run
      const logged = t.errors
        .map((e) => /^job timetable\.step failed \(attempt (\d+)\)/.exec(e)?.[1])
        .filter((n) => n !== undefined)
        .map(Number);
      expect(logged).toEqual(BACKOFF.map((_, i) => i + 1));
      // nothing of a failed run was kept: voting did not open, no ballot went out
      const election = await database.db.selectFrom('elections').select('phase').executeTakeFirstOrThrow();
      expect(election.phase).toBe('published');
      expect((await outbox(database)).filter((p) => p.purpose === 'ballot')).toEqual([]);

      // the disk is fixed: the next retry opens voting, once
      store.failing = false;
      clock.time = due;
      expect(await t.core.runJobs()).toBe(1);
      expect(await step()).toMatchObject({ status: 'done', attempts: BACKOFF.length + 1 });
      expect(
        (await database.db.selectFrom('elections').select('phase').executeTakeFirstOrThrow()).phase,
      ).toBe('voting');
      expect((await outbox(database)).filter((p) => p.purpose === 'ballot')).toHaveLength(4);
      expect(await alerts()).toHaveLength(2);
      clock.advance(60 * 60 * S);
      expect(await t.core.runJobs()).toBe(0);
    });
  },
);
