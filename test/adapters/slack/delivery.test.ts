import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../../src/core/index.js';
import {
  createDeliveryWorker,
  type DeliveryWorker,
  type RateLimitConfig,
} from '../../../adapters/shared/index.js';
import { SlackSender } from '../../../adapters/slack/send/slack-sender.js';
import { FakeSlackServer } from '../../fakes/slack/fake-slack-server.js';
import { FakeQueue } from '../../fakes/fake-queue.js';

const ROOMY: RateLimitConfig = {
  buckets: {
    'chat.postMessage': { ratePerSecond: 1000, burst: 1000 },
    channel: { ratePerSecond: 1000, burst: 1000 },
  },
};
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);

let fake: FakeSlackServer;
let queue: FakeQueue;
let sender: SlackSender;

beforeEach(async () => {
  fake = new FakeSlackServer();
  await fake.start();
  queue = new FakeQueue('slack');
  sender = new SlackSender({
    tokenFor: async () => 'xoxb-test',
    apiUrl: fake.apiUrl,
    renderChart: () => PNG,
  });
});
afterEach(async () => fake.stop());

function worker(leaseMs = 10_000): DeliveryWorker {
  return createDeliveryWorker({
    queue,
    sender,
    limits: ROOMY,
    leaseMs,
    backoff: { baseMs: 20, maxMs: 100 },
    idleMs: 10,
  });
}

function enqueueBallots(n: number): OutboundMessage[] {
  return Array.from(
    { length: n },
    (_, i) =>
      queue.enqueue(
        {
          orgId: 'org1',
          destination: { kind: 'dm', memberId: `U${i}` },
          body: {
            text: 'Voting is open',
            actions: [{ label: 'Vote', command: 'ballot.get', args: { election: '3' } }],
          },
          dedupeKey: `ballot-3-U${i}`,
          electionId: 'e3',
          purpose: 'ballot',
        },
        new Date(),
        'T1',
      )!,
  );
}

function dmCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of fake.messages) counts.set(m.channel, (counts.get(m.channel) ?? 0) + 1);
  return counts;
}

describe('Slack sender through the delivery worker', () => {
  it('fans out ballot DMs through 429s and 500s: every voter exactly one DM, Retry-After waited out', async () => {
    const rows = enqueueBallots(40);
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    fake.failNext('chat.postMessage', { status: 500 }, 3);
    fake.failNext('chat.postMessage', { status: 500, applied: true }, 2);
    await worker().drain({ untilEmpty: true });

    expect(queue.rows.every((r) => r.status === 'sent')).toBe(true);
    const counts = dmCounts();
    expect(counts.size).toBe(40);
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    for (const row of queue.rows)
      expect(row.sentRef).toMatch(
        new RegExp(`^D${row.destination.kind === 'dm' ? row.destination.memberId : ''}:`),
      );
    // the outbox id rides in message metadata, which is how "applied then 500" was found instead of re-sent
    const ids = fake.messages.map((m) => m.metadata?.event_payload.outbox_id).sort();
    expect(ids).toEqual(rows.map((r) => r.id).sort());
    expect(fake.callsOf('conversations.history').length).toBeGreaterThanOrEqual(2);
  });

  it('waits out Retry-After before the next post', async () => {
    enqueueBallots(3);
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    // one send at a time, so no request is already in flight when the 429 comes back
    await createDeliveryWorker({
      queue,
      sender,
      limits: ROOMY,
      concurrency: 1,
      backoff: { baseMs: 20, maxMs: 100 },
      idleMs: 10,
    }).drain({ untilEmpty: true });
    const posts = fake.callsOf('chat.postMessage', 'any');
    expect(posts.map((c) => c.outcome)).toEqual(['rate-limited', 'ok', 'ok', 'ok']);
    expect(posts[1].at - posts[0].at).toBeGreaterThanOrEqual(990);
    expect(queue.rows.every((r) => r.status === 'sent')).toBe(true);
    expect(dmCounts().size).toBe(3);
  });

  it('recovers after a crash mid fan-out: claims come back after the lease, nothing lost or repeated', async () => {
    enqueueBallots(20);
    // a worker that claimed everything, posted half, and died before recording anything
    const crashed = await queue.claim('slack', 20, new Date(), 300);
    const abort = new AbortController();
    for (const m of crashed.slice(0, 10)) await sender.send(m, { attempt: 1, signal: abort.signal });
    expect(fake.messages).toHaveLength(10);

    await new Promise((r) => setTimeout(r, 350));
    await worker().drain({ untilEmpty: true });
    const counts = dmCounts();
    expect(counts.size).toBe(20);
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    expect(queue.rows.every((r) => r.status === 'sent')).toBe(true);
  });

  it('marks members whose DMs cannot be reached as unreachable and still reaches the rest', async () => {
    enqueueBallots(5);
    fake.closedDms.add('U2');
    await worker().drain({ untilEmpty: true });
    const byMember = new Map(queue.rows.map((r) => [r.dedupeKey, r.status]));
    expect(byMember.get('ballot-3-U2')).toBe('unreachable');
    expect([...byMember.values()].filter((s) => s === 'sent')).toHaveLength(4);
  });

  it('uploads the results chart with the external upload flow beside the results post', async () => {
    const chart = {
      kind: 'bars' as const,
      title: { key: 'x' },
      labels: ['王小明', 'Bob'],
      series: [{ name: 'votes', values: [5, 3] }],
    };
    queue.enqueue(
      {
        orgId: 'org1',
        destination: { kind: 'channel', channelId: 'C1' },
        body: { title: 'Results', text: 'Chair: 王小明', chart: chart as never },
        dedupeKey: 'results-3',
        purpose: 'results',
      },
      new Date(),
      'T1',
    );
    await worker().drain({ untilEmpty: true });
    const order = fake.calls
      .map((c) => c.method)
      .filter((m) => m.startsWith('files.') || m === 'chat.postMessage');
    expect(order).toEqual(['files.getUploadURLExternal', 'chat.postMessage', 'files.completeUploadExternal']);
    const fileId = (fake.callsOf('files.completeUploadExternal')[0].params.files as { id: string }[])[0].id;
    expect(fake.uploads.get(fileId)).toEqual(PNG);
    expect(fake.callsOf('files.completeUploadExternal')[0].params).toMatchObject({ channel_id: 'C1' });
    expect(fake.callsOf('files.getUploadURLExternal')[0].params).toMatchObject({
      filename: 'chart.png',
      length: String(PNG.length),
    });
  });

  it('updates the turnout line in place with chat.update', async () => {
    const first = {
      orgId: 'org1',
      destination: { kind: 'channel' as const, channelId: 'C1' },
      body: { text: 'Turnout 0 of 40' },
      dedupeKey: 'turnout-3',
      purpose: 'notice',
    };
    queue.enqueue(first, new Date(), 'T1');
    await worker().drain({ untilEmpty: true });
    queue.enqueue(
      { ...first, body: { text: 'Turnout 12 of 40' }, dedupeKey: 'turnout-3-12', replaces: 'turnout-3' },
      new Date(),
      'T1',
    );
    await worker().drain({ untilEmpty: true });
    expect(fake.callsOf('chat.postMessage')).toHaveLength(1);
    const update = fake.callsOf('chat.update')[0].params;
    expect(update).toMatchObject({ channel: 'C1', ts: fake.messages[0].ts, text: 'Turnout 12 of 40' });
    expect(fake.messages[0].text).toBe('Turnout 12 of 40');
  });
});
