import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDeliveryWorker, systemClock } from '../../../adapters/shared/index.js';
import type { DeliveryQueue, NewOutboundMessage } from '../../../src/core/index.js';
import { FakeQueue } from '../../fakes/fake-queue.js';
import { FakePlatform, type Fault } from '../../fakes/fake-sender.js';
import { VirtualClock } from '../../fakes/virtual-clock.js';

const LEASE = 60_000;

function ballotDm(i: number): NewOutboundMessage {
  return {
    orgId: 'org1',
    destination: { kind: 'dm', memberId: `U${i}` },
    body: { text: 'Voting is open' },
    dedupeKey: `ballot-dm:e1:U${i}`,
    electionId: 'e1',
    purpose: 'ballot-dm',
  };
}

/** the queue as a process sees it: once `dead()`, no call of its ever completes */
function dies(queue: FakeQueue, dead: () => boolean): DeliveryQueue {
  const never = new Promise<never>(() => {});
  const guard =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
    (...a: A): Promise<R> =>
      dead() ? never : f.apply(queue, a);
  return {
    claim: guard(queue.claim),
    markSent: guard(queue.markSent),
    retryLater: guard(queue.retryLater),
    markFailed: guard(queue.markFailed),
    sentRefOf: guard(queue.sentRefOf),
    progress: guard(queue.progress),
  };
}

describe('delivery across a restart', () => {
  it('recovers a crashed worker’s claims after the lease: each voter gets exactly one DM', async () => {
    const clock = new VirtualClock();
    const queue = new FakeQueue();
    for (let i = 0; i < 200; i++) queue.enqueue(ballotDm(i), clock.now());
    // the first worker dies in the middle of its second batch: its in-flight requests reached Slack,
    // but it never heard back, and the rest of that batch stays claimed
    let sends = 0;
    let dying = true;
    const platform = new FakePlatform(clock, (_m, call) =>
      dying && call === 0 && ++sends > 70 ? 'hang-after-post' : 'ok',
    );
    const crashed = createDeliveryWorker({
      queue: dies(queue, () => !dying),
      sender: platform,
      limits: { buckets: {} },
      clock,
      leaseMs: LEASE,
      batchSize: 50,
      concurrency: 4,
    });
    void crashed.drain();
    for (let spin = 0; platform.calls.length < 74 && spin < 10_000; spin++)
      await new Promise((r) => setImmediate(r));
    dying = false; // the process is gone: from now on its queue calls never happen
    const stuck = queue.rows.filter((r) => r.status === 'sending').map((r) => r.id);
    expect(stuck.length).toBeGreaterThan(4); // hung sends plus claimed-but-not-started ones
    const pendingAtRestart = queue.statusCounts().pending;

    const restarted = createDeliveryWorker({
      queue,
      sender: platform,
      limits: { buckets: {} },
      clock,
      leaseMs: LEASE,
      batchSize: 50,
    });
    const early = await restarted.drain();
    // before the lease runs out, nobody may touch the crashed worker's claims
    expect(queue.rows.filter((r) => stuck.includes(r.id)).every((r) => r.status === 'sending')).toBe(true);
    expect(early.claimed).toBe(pendingAtRestart);

    clock.advance(LEASE + 1);
    const stats = await restarted.drain({ untilEmpty: true });
    expect(queue.statusCounts()).toMatchObject({ sent: 200, pending: 0, sending: 0, failed: 0 });
    expect(platform.delivered.size).toBe(200);
    expect(platform.duplicates()).toEqual([]);
    // the four that hung were posted already and are found, not re-sent
    expect(stats.recovered).toBe(4);
    expect(new Set(platform.findCalls)).toEqual(new Set(stuck));
  });

  it('a message rate-limited once and then lost in a crash is looked up before it is sent again', async () => {
    const clock = new VirtualClock();
    const queue = new FakeQueue();
    queue.enqueue(ballotDm(0), clock.now());
    let dying = true;
    const platform = new FakePlatform(clock, (_m, call) =>
      call === 0 ? { status: 429, retryAfterMs: 1_000 } : dying ? 'hang-after-post' : 'ok',
    );
    const crashed = createDeliveryWorker({
      queue,
      sender: platform,
      limits: { buckets: {} },
      clock,
      leaseMs: LEASE,
    });
    void crashed.drain({ untilEmpty: true });
    for (let spin = 0; platform.calls.length < 2 && spin < 10_000; spin++)
      await new Promise((r) => setImmediate(r));
    expect(platform.calls).toHaveLength(2);
    dying = false;
    clock.advance(LEASE + 1);
    const restarted = createDeliveryWorker({
      queue,
      sender: platform,
      limits: { buckets: {} },
      clock,
      leaseMs: LEASE,
    });
    await restarted.drain({ untilEmpty: true });
    expect(platform.findCalls).toEqual(['m000001']);
    expect(platform.delivered.get('m000001')).toHaveLength(1);
    expect(queue.rows[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('a graceful stop hands unsent claims back at once and a new worker finishes without lookups', async () => {
    const queue = new FakeQueue();
    for (let i = 0; i < 300; i++) queue.enqueue(ballotDm(i));
    const platform = new FakePlatform(systemClock);
    const slow = {
      platform: platform.platform,
      rateKeys: platform.rateKeys.bind(platform),
      findSent: platform.findSent.bind(platform),
      send: async (...args: Parameters<FakePlatform['send']>) => {
        await new Promise((r) => setTimeout(r, 1));
        return platform.send(...args);
      },
    };
    const first = createDeliveryWorker({
      queue,
      sender: slow,
      limits: { buckets: {} },
      leaseMs: LEASE,
      batchSize: 100,
      concurrency: 2,
    });
    first.start();
    while (platform.delivered.size < 20) await new Promise((r) => setTimeout(r, 1));
    await first.stop({ graceMs: 2_000 });
    const afterStop = queue.statusCounts();
    expect(afterStop.sending).toBe(0);
    expect(afterStop.sent).toBeLessThan(300);
    expect(afterStop.sent).toBe(platform.delivered.size);

    const second = createDeliveryWorker({ queue, sender: platform, limits: { buckets: {} }, leaseMs: LEASE });
    await second.drain({ untilEmpty: true });
    expect(queue.statusCounts()).toMatchObject({ sent: 300, pending: 0, sending: 0 });
    expect(platform.duplicates()).toEqual([]);
    expect(platform.findCalls).toEqual([]);
  });

  it('never loses or duplicates a message, whatever the platform answers', async () => {
    const fault = fc.oneof(
      fc.constant<Fault>('ok'),
      fc.constant<Fault>('ok'),
      fc.constant<Fault>('refused'),
      fc.constant<Fault>('timeout-after-post'),
      fc.constant<Fault>('dm-closed'),
      fc.record({
        status: fc.constant(429 as const),
        retryAfterMs: fc.integer({ min: 0, max: 120_000 }),
        global: fc.boolean(),
      }),
      fc.record({ status: fc.constant(500 as const), postedAnyway: fc.boolean() }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fault, { maxLength: 6 }), { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 1, max: 6 }),
        async (scripts, concurrency) => {
          const clock = new VirtualClock();
          const queue = new FakeQueue();
          scripts.forEach((_s, i) => queue.enqueue(ballotDm(i), clock.now()));
          const index = (id: string) => Number(id.slice(1)) - 1;
          const platform = new FakePlatform(clock, (m, call) => scripts[index(m.id)][call] ?? 'ok');
          const worker = createDeliveryWorker({
            queue,
            sender: platform,
            limits: { buckets: {} },
            clock,
            concurrency,
            maxAttempts: 4,
            batchSize: 7,
          });
          await worker.drain({ untilEmpty: true });

          expect(platform.duplicates()).toEqual([]);
          for (const row of queue.rows) {
            expect(['sent', 'failed', 'unreachable']).toContain(row.status);
            const posted = platform.delivered.get(row.id);
            // delivered exactly when the queue says sent, with the ref the platform gave
            if (posted) expect(row).toMatchObject({ status: 'sent', sentRef: posted[0] });
            else expect(row.status).not.toBe('sent');
          }
          // after a 429, no send of that message happens before Retry-After has passed
          for (const [i, call] of platform.calls.entries()) {
            if (call.fault === 'ok' || typeof call.fault === 'string' || call.fault.status !== 429) continue;
            const next = platform.calls.slice(i + 1).find((c) => c.id === call.id);
            if (next) expect(next.at - call.at).toBeGreaterThanOrEqual(call.fault.retryAfterMs);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
