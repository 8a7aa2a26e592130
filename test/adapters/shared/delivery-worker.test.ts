import { describe, expect, it } from 'vitest';
import {
  createDeliveryWorker,
  type DeliveryWorkerOptions,
  type ProgressReport,
} from '../../../adapters/shared/index.js';
import type { NewOutboundMessage } from '../../../src/core/index.js';
import { FakeQueue } from '../../fakes/fake-queue.js';
import { FakePlatform, type Fault } from '../../fakes/fake-sender.js';
import { VirtualClock } from '../../fakes/virtual-clock.js';

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

function setup(
  count: number,
  script?: (id: string, call: number) => Fault,
  opts: Partial<DeliveryWorkerOptions> = {},
) {
  const clock = new VirtualClock();
  const queue = new FakeQueue();
  for (let i = 0; i < count; i++) queue.enqueue(ballotDm(i), clock.now());
  const platform = new FakePlatform(clock, script ? (m, call) => script(m.id, call) : undefined);
  const worker = createDeliveryWorker({
    queue,
    sender: platform,
    limits: { buckets: {} },
    clock,
    random: () => 0.5,
    leaseMs: 60_000,
    ...opts,
  });
  return { clock, queue, platform, worker };
}

describe('delivery worker', () => {
  it('sends every due message once and records its platform reference', async () => {
    const { queue, platform, worker } = setup(120);
    const stats = await worker.drain({ untilEmpty: true });
    expect(stats.sent).toBe(120);
    expect(queue.statusCounts()).toMatchObject({ sent: 120, pending: 0, sending: 0 });
    expect(platform.delivered.size).toBe(120);
    expect(platform.duplicates()).toEqual([]);
    for (const row of queue.rows) expect(row.sentRef).toBe(platform.delivered.get(row.id)?.[0]);
    // fresh messages need no lookup before sending
    expect(platform.findCalls).toEqual([]);
  });

  it('waits out Retry-After on a route 429 before sending that message again', async () => {
    const { queue, platform, worker } = setup(5, (id, call) =>
      id === 'm000003' && call === 0 ? { status: 429, retryAfterMs: 30_000 } : 'ok',
    );
    await worker.drain({ untilEmpty: true });
    const tries = platform.calls.filter((c) => c.id === 'm000003');
    expect(tries.map((c) => c.fault)).toEqual([{ status: 429, retryAfterMs: 30_000 }, 'ok']);
    expect(tries[1].at - tries[0].at).toBeGreaterThanOrEqual(30_000);
    expect(queue.statusCounts().sent).toBe(5);
    expect(platform.duplicates()).toEqual([]);
    // a 429 is certainly not a delivery, so no lookup is needed afterwards
    expect(platform.findCalls).toEqual([]);
  });

  it('pauses every send on a global 429', async () => {
    const { platform, worker } = setup(
      40,
      (id, call) =>
        id === 'm000010' && call === 0 ? { status: 429, retryAfterMs: 5_000, global: true } : 'ok',
      {
        concurrency: 1,
      },
    );
    await worker.drain({ untilEmpty: true });
    const limited = platform.calls.find((c) => c.fault !== 'ok');
    expect(limited).toBeDefined();
    const during = platform.calls.filter((c) => c.at > limited!.at && c.at < limited!.at + 5_000);
    expect(during).toEqual([]);
    expect(platform.delivered.size).toBe(40);
  });

  it('retries 5xx with growing backoff and gives up after maxAttempts', async () => {
    const { queue, platform, worker } = setup(2, (id) => (id === 'm000001' ? { status: 500 } : 'ok'), {
      maxAttempts: 4,
      backoff: { baseMs: 1_000, maxMs: 60_000 },
    });
    await worker.drain({ untilEmpty: true });
    const tries = platform.calls.filter((c) => c.id === 'm000001');
    expect(tries).toHaveLength(4);
    const gaps = tries.slice(1).map((c, i) => c.at - tries[i].at);
    // equal jitter with random 0.5: 3/4 of 1 s, 2 s, 4 s at least
    expect(gaps[0]).toBeGreaterThanOrEqual(750);
    expect(gaps[1]).toBeGreaterThanOrEqual(1_500);
    expect(gaps[2]).toBeGreaterThanOrEqual(3_000);
    expect(queue.rows[0].status).toBe('failed');
    expect(queue.rows[0].lastError).toContain('after 4 failed attempts');
    expect(queue.rows[1].status).toBe('sent');
  });

  it('does not count 429s towards giving up', async () => {
    const { queue, platform, worker } = setup(
      1,
      (_id, call) => (call < 6 ? { status: 429, retryAfterMs: 1_000 } : call < 9 ? { status: 500 } : 'ok'),
      {
        maxAttempts: 4,
      },
    );
    await worker.drain({ untilEmpty: true });
    // six 429s and three 500s: the queue counted nine attempts, but only three failures
    expect(platform.calls).toHaveLength(10);
    expect(queue.rows[0]).toMatchObject({ status: 'sent', attempts: 9 });
  });

  it('lets an update wait almost two minutes for the message it edits before posting it as new', async () => {
    const clock = new VirtualClock();
    const queue = new FakeQueue();
    queue.enqueue(
      {
        orgId: 'org1',
        destination: { kind: 'channel', channelId: 'C1' },
        body: { text: 'turnout' },
        dedupeKey: 't1',
        replaces: 'never-sent',
        purpose: 'turnout',
      },
      clock.now(),
    );
    const platform = new FakePlatform(clock);
    const start = clock.now().getTime();
    await createDeliveryWorker({ queue, sender: platform, limits: { buckets: {} }, clock }).drain({
      untilEmpty: true,
    });
    expect(platform.calls).toHaveLength(1);
    expect(platform.calls[0].replacesRef).toBeUndefined();
    expect(platform.calls[0].at - start).toBeGreaterThanOrEqual(110_000);
    expect(queue.rows[0].status).toBe('sent');
  });

  it('does not post twice when the platform answered 500 after posting', async () => {
    const { queue, platform, worker } = setup(3, (id, call) =>
      id === 'm000002' && call === 0 ? { status: 500, postedAnyway: true } : 'ok',
    );
    const stats = await worker.drain({ untilEmpty: true });
    expect(platform.duplicates()).toEqual([]);
    expect(platform.findCalls).toEqual(['m000002']);
    expect(stats.recovered).toBe(1);
    expect(queue.rows[1]).toMatchObject({ status: 'sent', sentRef: platform.delivered.get('m000002')?.[0] });
  });

  it('does not post twice after a timeout whose request went through', async () => {
    const { queue, platform, worker } = setup(4, (_id, call) => (call === 0 ? 'timeout-after-post' : 'ok'));
    const stats = await worker.drain({ untilEmpty: true });
    expect(platform.duplicates()).toEqual([]);
    expect(platform.delivered.size).toBe(4);
    expect(stats.recovered).toBe(4);
    // the lookup found each one, so send was called exactly once per message
    expect(platform.calls).toHaveLength(4);
    expect(queue.statusCounts().sent).toBe(4);
  });

  it('sends again, after looking, when a failed request certainly did not post', async () => {
    const { platform, worker } = setup(1, (_id, call) => (call === 0 ? { status: 500 } : 'ok'));
    await worker.drain({ untilEmpty: true });
    expect(platform.findCalls).toEqual(['m000001']);
    expect(platform.calls.map((c) => c.fault)).toEqual([{ status: 500 }, 'ok']);
    expect(platform.delivered.get('m000001')).toHaveLength(1);
  });

  it('retries later rather than risk a duplicate when the lookup itself fails', async () => {
    const { queue, platform, worker } = setup(1, (_id, call) => (call === 0 ? 'find-fails' : 'ok'));
    await worker.drain({ untilEmpty: true });
    expect(platform.findCalls).toEqual(['m000001', 'm000001']);
    expect(platform.calls).toHaveLength(2);
    expect(queue.rows[0].status).toBe('sent');
  });

  it('marks closed DMs unreachable without retrying', async () => {
    const { queue, platform, worker } = setup(3, (id) => (id === 'm000002' ? 'dm-closed' : 'ok'));
    const stats = await worker.drain({ untilEmpty: true });
    expect(stats.unreachable).toBe(1);
    expect(queue.rows[1].status).toBe('unreachable');
    expect(platform.calls.filter((c) => c.id === 'm000002')).toHaveLength(1);
  });

  it('edits the replaced message in place once it has been sent', async () => {
    const clock = new VirtualClock();
    const queue = new FakeQueue();
    const notice = (key: string, replaces?: string): NewOutboundMessage => ({
      orgId: 'org1',
      destination: { kind: 'channel', channelId: 'C1' },
      body: { text: key },
      dedupeKey: key,
      replaces,
      electionId: 'e1',
      purpose: 'notice',
    });
    // the update is enqueued in a separate channel group first, so it must wait for the original
    queue.enqueue(
      { ...notice('turnout-1', 'voting-open'), destination: { kind: 'channel', channelId: 'C1' } },
      clock.now(),
    );
    queue.enqueue(notice('voting-open'), new Date(clock.now().getTime() + 1));
    const platform = new FakePlatform(clock);
    const worker = createDeliveryWorker({
      queue,
      sender: platform,
      limits: { buckets: {} },
      clock,
      random: () => 0.5,
    });
    await worker.drain({ untilEmpty: true });
    const original = queue.rows[1];
    expect(original.status).toBe('sent');
    expect(platform.edits).toEqual([{ ref: original.sentRef, id: queue.rows[0].id }]);
    expect(queue.rows[0]).toMatchObject({ status: 'sent', sentRef: original.sentRef });
    expect(platform.delivered.size).toBe(1);
  });

  it('reports progress to the organiser and a final report when the fan-out is done', async () => {
    const reports: ProgressReport[] = [];
    const { worker } = setup(30, (id) => (id === 'm000007' ? 'dm-closed' : 'ok'), {
      batchSize: 10,
      progressEveryMs: 0,
      onProgress: (r) => {
        reports.push(r);
      },
    });
    await worker.drain({ untilEmpty: true });
    expect(reports.length).toBeGreaterThanOrEqual(3);
    expect(reports[0]).toMatchObject({
      electionId: 'e1',
      purpose: 'ballot-dm',
      platformOrgId: 'T1',
      total: 30,
      done: false,
    });
    const sentSeries = reports.map((r) => r.counts.sent);
    expect([...sentSeries].sort((a, b) => a - b)).toEqual(sentSeries);
    expect(reports.at(-1)).toMatchObject({
      done: true,
      counts: { sent: 29, unreachable: 1, pending: 0, sending: 0 },
    });
  });
});
