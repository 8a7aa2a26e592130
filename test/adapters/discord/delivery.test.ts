// Ballot fan-out through the shared delivery worker and the Discord sender, against the fake with
// closed DMs, 429s with retry_after, 500s before and after the post, and a worker that dies mid-send.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryQueue, NewOutboundMessage } from '../../../src/core/index.js';
import { DiscordSender } from '../../../adapters/discord/index.js';
import { createDeliveryWorker, type PlatformSender } from '../../../adapters/shared/index.js';
import { FakeDiscord } from '../../fakes/discord/fake-discord.js';
import { FakeQueue } from '../../fakes/fake-queue.js';
import { CHANNEL, GUILD, startHarness, until as waitUntil } from './harness.js';

const voters = (n: number) => Array.from({ length: n }, (_, i) => String(400000000000000000n + BigInt(i)));
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

function ballotMessage(member: string): NewOutboundMessage {
  return {
    orgId: 'org1',
    destination: { kind: 'dm', memberId: member },
    body: {
      title: 'Voting is open',
      text: 'Press Vote.',
      actions: [{ label: 'Vote', command: 'ballot.get', args: { election: '3' } }],
    },
    dedupeKey: `ballot:3:${member}`,
    electionId: 'e3',
    purpose: 'ballot-dm',
  };
}

function worker(queue: DeliveryQueue, sender: PlatformSender, leaseMs = 5000) {
  return createDeliveryWorker({
    queue,
    sender,
    limits: { global: { ratePerSecond: 500, burst: 100 }, buckets: {} },
    backoff: { baseMs: 5, maxMs: 40 },
    leaseMs,
    idleMs: 20,
    concurrency: 4,
  });
}

describe('Discord delivery', () => {
  let discord: FakeDiscord;
  let queue: FakeQueue;
  beforeEach(async () => {
    discord = new FakeDiscord();
    await discord.start();
    queue = new FakeQueue('discord');
  });
  afterEach(() => discord.stop());

  const sender = () =>
    new DiscordSender({
      token: 't',
      apiUrl: discord.apiUrl,
      requestsPerSecond: 500,
      renderChart: async () => PNG,
    });

  it('every voter gets exactly one ballot through 429s and 500s; closed DMs are unreachable', async () => {
    const all = voters(30);
    const closed = [all[4], all[17]];
    for (const c of closed) discord.closedDms.add(c);
    discord.faults.push(
      { method: 'POST', path: /^\/channels\/\d+\/messages$/, status: 429, times: 3, retryAfterSeconds: 0.05 },
      { method: 'POST', path: /^\/channels\/\d+\/messages$/, status: 500, times: 2, afterEffect: true },
      { method: 'POST', path: /^\/channels\/\d+\/messages$/, status: 503, times: 2 },
      { method: 'POST', path: /^\/users\/@me\/channels$/, status: 500, times: 1 },
    );
    for (const v of all) queue.enqueue(ballotMessage(v), new Date(0), GUILD);
    const w = worker(queue, sender());
    await w.drain({ untilEmpty: true });

    for (const v of all) expect(discord.dmsTo(v).length, v).toBe(closed.includes(v) ? 0 : 1);
    expect(await queue.progress('e3', 'ballot-dm')).toEqual({
      pending: 0,
      sending: 0,
      sent: 28,
      failed: 0,
      unreachable: 2,
    });
    expect(discord.faults.every((f) => f.times === 0)).toBe(true);
    // the posts that 500'd after the fact were re-sent with the same nonce and answered with the first message
    const posts = discord.requests.filter(
      (r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path) && r.status === 200,
    );
    expect(posts.length).toBe(28);
    const dm = discord.dmsTo(all[0])[0];
    expect(dm.components[0].components[0].custom_id).toBe(`ballot.get:election=3;g=${GUILD}`);
  });

  it('honours retry_after before the next attempt', async () => {
    discord.faults.push({
      method: 'POST',
      path: /^\/channels\/\d+\/messages$/,
      status: 429,
      times: 1,
      retryAfterSeconds: 0.3,
      global: true,
    });
    queue.enqueue(ballotMessage(voters(1)[0]), new Date(0), GUILD);
    await worker(queue, sender()).drain({ untilEmpty: true });
    const tries = discord.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/channels/'));
    expect(tries.map((r) => r.status)).toEqual([429, 200]);
    expect(tries[1].at - tries[0].at).toBeGreaterThanOrEqual(290);
  });

  it('a worker that dies after posting leaves no duplicate when another takes over', async () => {
    const all = voters(12);
    for (const v of all) queue.enqueue(ballotMessage(v), new Date(0), GUILD);
    const crash = new CrashingQueue(queue);
    const real = sender();
    let sends = 0;
    const dying: PlatformSender = {
      platform: 'discord',
      rateKeys: (m) => real.rateKeys(m),
      findSent: () => real.findSent(),
      async send(m, ctx) {
        const result = await real.send(m, ctx);
        // the process dies right after Discord accepted the 5th post, before the queue heard of it
        if (++sends === 5) crash.crashed = true;
        return result;
      },
    };
    // the lease is generous so a slow machine does not end it before the sends (the worker aborts near its end)
    createDeliveryWorker({
      queue: crash,
      sender: dying,
      limits: { buckets: {} },
      leaseMs: 1500,
      idleMs: 10,
      concurrency: 1,
    }).start();
    await until(() => crash.crashed);
    expect(queue.statusCounts().sent).toBe(4);
    await new Promise((r) => setTimeout(r, 1600)); // the dead worker's lease runs out
    await worker(queue, sender()).drain({ untilEmpty: true });
    for (const v of all) expect(discord.dmsTo(v).length, v).toBe(1);
    expect(queue.statusCounts()).toMatchObject({ sent: 12, pending: 0, sending: 0 });
  });

  it('edits in place for `replaces` and attaches the chart as a PNG', async () => {
    const s = sender();
    const first = queue.enqueue(
      {
        orgId: 'org1',
        destination: { kind: 'channel', channelId: CHANNEL },
        body: { text: 'Turnout 1/10' },
        dedupeKey: 'turnout:3',
        purpose: 'turnout',
      },
      new Date(0),
      GUILD,
    );
    await worker(queue, s).drain({ untilEmpty: true });
    queue.enqueue(
      {
        orgId: 'org1',
        destination: { kind: 'channel', channelId: CHANNEL },
        body: {
          text: 'Turnout 2/10',
          chart: {
            kind: 'bars',
            title: { key: 'x' },
            labels: ['张三', 'Bo'],
            series: [{ name: 'r1', values: [2, 1] }],
          },
        },
        dedupeKey: 'turnout:3:2',
        replaces: 'turnout:3',
        purpose: 'turnout',
      },
      new Date(0),
      GUILD,
    );
    await worker(queue, s).drain({ untilEmpty: true });
    const msgs = discord.messagesIn(CHANNEL);
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatchObject({
      edits: 1,
      attachments: [{ filename: 'chart.png', size: PNG.length, contentType: 'image/png' }],
    });
    expect(msgs[0].embeds[0]).toMatchObject({
      description: 'Turnout 2/10',
      image: { url: 'attachment://chart.png' },
    });
    expect(queue.rows.find((r) => r.id === first.id)!.sentRef).toBe(`${CHANNEL}:${msgs[0].id}`);
  });
});

/** a queue whose process has died: after `crashed`, no call ever returns */
class CrashingQueue implements DeliveryQueue {
  crashed = false;
  constructor(private readonly inner: DeliveryQueue) {}
  private gate<T>(f: () => Promise<T>): Promise<T> {
    return this.crashed ? new Promise<T>(() => {}) : f();
  }
  claim: DeliveryQueue['claim'] = (...a) => this.gate(() => this.inner.claim(...a));
  markSent: DeliveryQueue['markSent'] = (...a) => this.gate(() => this.inner.markSent(...a));
  retryLater: DeliveryQueue['retryLater'] = (...a) => this.gate(() => this.inner.retryLater(...a));
  markFailed: DeliveryQueue['markFailed'] = (...a) => this.gate(() => this.inner.markFailed(...a));
  sentRefOf: DeliveryQueue['sentRefOf'] = (...a) => this.gate(() => this.inner.sentRefOf(...a));
  progress: DeliveryQueue['progress'] = (...a) => this.gate(() => this.inner.progress(...a));
}

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe("the bot's own delivery worker", () => {
  it('hands the final progress of a fan-out to the core, which tells the organisers; the channel is not told', async () => {
    const h = await startHarness({
      delivery: { limits: { global: { ratePerSecond: 200, burst: 20 }, buckets: {} } },
    });
    try {
      const all = voters(5);
      h.discord.closedDms.add(all[1]);
      h.discord.closedDms.add(all[3]);
      h.delivery.enqueue(
        {
          orgId: 'org1',
          destination: { kind: 'channel', channelId: CHANNEL },
          body: {
            text: 'Voting is open',
            actions: [{ label: 'Vote', command: 'ballot.get', args: { election: '3' } }],
          },
          dedupeKey: 'e3:voting-open',
          electionId: 'e3',
          purpose: 'notice',
        },
        new Date(0),
        GUILD,
      );
      for (const v of all) h.delivery.enqueue({ ...ballotMessage(v), purpose: 'ballot' }, new Date(0), GUILD);
      await waitUntil(
        () => h.delivery.statusCounts().pending + h.delivery.statusCounts().sending === 0,
        15000,
      );
      await waitUntil(
        () =>
          h.core.deliveryReports.some(
            (r) => r.electionId === 'e3' && r.purpose === 'ballot' && (r as { done?: boolean }).done === true,
          ),
        15000,
      );
      expect(h.delivery.statusCounts()).toMatchObject({ sent: 4, unreachable: 2 });
      // the adapter itself posts nothing about it: only the voting-open notice is in the channel
      const posts = h.discord.messagesIn(CHANNEL);
      expect(posts).toHaveLength(1);
      expect(posts[0].components[0].components[0].custom_id).toBe(`ballot.get:election=3;g=${GUILD}`);
    } finally {
      await h.stop();
    }
  });
});
