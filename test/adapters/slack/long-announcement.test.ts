// A long announcement on Slack (issue 13): more than one message holds, so it is posted as a first
// message in the channel and the rest as replies in its thread, each within Slack's limits (the fake
// refuses what Slack would, invalid_blocks / msg_too_long), together holding every figure; a send cut
// short half-way is finished without a part posted twice.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeliveryWorker, type RateLimitConfig } from '../../../adapters/shared/index.js';
import { SlackSender } from '../../../adapters/slack/send/slack-sender.js';
import type { Field } from '../../../src/core/index.js';
import { FakeQueue } from '../../fakes/fake-queue.js';
import { blockProblems, blocksText, MAX_BLOCKS_TEXT } from '../../fakes/slack/block-limits.js';
import { slackParts } from '../../../adapters/slack/render/slack-parts.js';
import { startHttp, waitFor } from './harness.js';
import { FakeSlackServer, type PostedMessage } from '../../fakes/slack/fake-slack-server.js';
import { joinSplit, longAnnouncement, plainFields } from '../shared/long-announcement.js';

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
    chartTitle: (_m, i) => `chart ${i + 1}`,
  });
});
afterEach(async () => fake.stop());

const unescaped = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

type Block = { type: string; text?: { text: string }; fields?: { text: string }[] };

/** the fields a message shows, read back from its blocks */
function fieldsOf(m: PostedMessage): Field[] {
  const out: Field[] = [];
  for (const b of (m.blocks ?? []) as Block[]) {
    const mono = b.type === 'section' && b.text ? /^\*(.+?)\*\n```([\s\S]*)```$/.exec(b.text.text) : null;
    if (mono) out.push({ label: unescaped(mono[1]), value: unescaped(mono[2]), mono: true });
    for (const f of b.fields ?? []) {
      const [, label, value] = /^\*(.+?)\*\n([\s\S]*)$/.exec(f.text)!;
      out.push({ label: unescaped(label), value: unescaped(value) });
    }
  }
  return out;
}

const titleOf = (m: PostedMessage) =>
  ((m.blocks ?? []) as Block[]).find((b) => b.type === 'header')?.text?.text;

function enqueue() {
  const { body } = longAnnouncement();
  queue.enqueue(
    {
      orgId: 'org1',
      destination: { kind: 'channel', channelId: 'C1' },
      body,
      dedupeKey: 'results-1',
      purpose: 'results',
    },
    new Date(),
    'T1',
  );
  return body;
}

async function deliver(limits = ROOMY) {
  await createDeliveryWorker({
    queue,
    sender,
    limits,
    backoff: { baseMs: 20, maxMs: 100 },
    idleMs: 10,
  }).drain({
    untilEmpty: true,
  });
}

/** the parts as posted: the first in the channel, the rest in its thread */
function thread(): { first: PostedMessage; replies: PostedMessage[] } {
  const first = fake.messages.filter((m) => m.channel === 'C1' && !m.thread_ts);
  expect(first).toHaveLength(1);
  return { first: first[0], replies: fake.messages.filter((m) => m.thread_ts === first[0].ts) };
}

describe('a long announcement on Slack', () => {
  it('goes out as a first message and replies in its thread, each within limits, holding every figure', async () => {
    const body = enqueue();
    await deliver();
    expect(queue.rows[0].status).toBe('sent');
    expect(fake.rejected).toEqual([]);
    const { first, replies } = thread();
    expect(replies.length).toBeGreaterThan(0);
    expect(fake.messages).toHaveLength(1 + replies.length);
    const parts = [first, ...replies];
    for (const m of parts) expect(blockProblems(m.blocks)).toEqual([]);
    // every reply says which message it belongs to, and which part of it it is
    expect(parts.map((m) => m.metadata?.event_payload)).toEqual(
      parts.map((_, i) =>
        i === 0 ? { outbox_id: queue.rows[0].id } : { outbox_id: queue.rows[0].id, part: i },
      ),
    );
    expect(parts.map(titleOf)).toEqual(
      parts.map((_, i) => `Results: City council (${i + 1}/${parts.length})`),
    );
    // between them, every field of the announcement, every figure unchanged
    expect(plainFields(joinSplit(parts.flatMap(fieldsOf)))).toEqual(plainFields(body.fields!));
    expect(queue.rows[0].sentRef).toBe(`C1:${first.ts}`);
  });

  it('shares every contest chart in the channel under the first message, ten to a message', async () => {
    enqueue();
    await deliver();
    expect(fake.callsOf('files.getUploadURLExternal')).toHaveLength(12);
    expect(fake.uploads.size).toBe(12);
    const shares = fake.callsOf('files.completeUploadExternal');
    expect(shares.map((c) => (c.params.files as unknown[]).length)).toEqual([10, 2]);
    for (const c of shares) {
      expect(c.params.channel_id).toBe('C1');
      expect(c.params.thread_ts).toBeUndefined();
    }
    const titles = shares.flatMap((c) => (c.params.files as { title: string }[]).map((f) => f.title));
    expect(titles).toEqual(Array.from({ length: 12 }, (_, i) => `chart ${i + 1}`));
    // shared right after the first message, before its thread
    const order = fake.calls
      .map((c) => c.method)
      .filter((m) => m === 'chat.postMessage' || m === 'files.completeUploadExternal');
    expect(order.slice(0, 3)).toEqual([
      'chat.postMessage',
      'files.completeUploadExternal',
      'files.completeUploadExternal',
    ]);
  });

  it('finishes a send cut short half-way: the thread is read back and only the missing parts are posted', async () => {
    const body = enqueue();
    // the third post reaches Slack, then Slack answers 500; the fourth is refused outright
    fake.failNext('chat.postMessage', { status: 500, applied: true }, 1, 2);
    fake.failNext('chat.postMessage', { status: 500 }, 1);
    await deliver();
    expect(queue.rows[0].status).toBe('sent');
    const { first, replies } = thread();
    const partsSeen = replies.map((m) => m.metadata?.event_payload.part);
    expect(new Set(partsSeen).size).toBe(partsSeen.length);
    expect(partsSeen).toEqual(partsSeen.map((_, i) => i + 1));
    expect(plainFields(joinSplit([first, ...replies].flatMap(fieldsOf)))).toEqual(plainFields(body.fields!));
    expect(fake.callsOf('conversations.replies').length).toBeGreaterThan(0);
    // the charts went up once, with the first message
    expect(fake.callsOf('files.getUploadURLExternal')).toHaveLength(12);
  });

  it('keeps to a channel limit of a few posts a second: replies refused with 429 come after the wait', async () => {
    const body = enqueue();
    await fake.stop();
    fake = new FakeSlackServer({ perChannel: { limit: 3, windowMs: 1000 } });
    await fake.start();
    sender = new SlackSender({ tokenFor: async () => 'xoxb-test', apiUrl: fake.apiUrl });
    await deliver();
    expect(queue.rows[0].status).toBe('sent');
    expect(fake.callsOf('chat.postMessage', 'rate-limited').length).toBeGreaterThan(0);
    const { first, replies } = thread();
    expect(plainFields(joinSplit([first, ...replies].flatMap(fieldsOf)))).toEqual(plainFields(body.fields!));
    expect(new Set(replies.map((m) => m.metadata?.event_payload.part)).size).toBe(replies.length);
  });
});

describe('a long answer to a command on Slack', () => {
  it('acknowledges with the first part, then five through response_url, the rest by chat.postEphemeral', async () => {
    const { body } = longAnnouncement();
    const h = await startHttp();
    try {
      h.core.handler = () => ({ kind: 'ok', reply: { visibility: 'only-you', body } });
      const res = await h.command('/election', 'results 1');
      const ack = (await res.json()) as { response_type: string; blocks: unknown[] };
      const parts = slackParts(body).length;
      expect(parts).toBeGreaterThan(6);
      await waitFor(() => h.fake.callsOf('chat.postEphemeral').length === parts - 6, 10_000);
      expect(h.fake.rejected).toEqual([]);
      expect(h.fake.responses).toHaveLength(5);
      const ephemeral = h.fake.callsOf('chat.postEphemeral').map((c) => c.params);
      for (const p of ephemeral) expect(p).toMatchObject({ channel: 'C1', user: 'U1' });
      const shown = [ack, ...h.fake.responses.map((r) => r.body as typeof ack)];
      for (const m of shown) expect(m.response_type).toBe('ephemeral');
      for (const m of [...shown, ...ephemeral]) {
        expect(blockProblems(m.blocks)).toEqual([]);
        expect(blocksText(m.blocks)).toBeLessThanOrEqual(MAX_BLOCKS_TEXT);
      }
      const fields = [...shown, ...ephemeral].flatMap((m) =>
        fieldsOf({ channel: '', ts: '', blocks: m.blocks }),
      );
      expect(plainFields(joinSplit(fields))).toEqual(plainFields(body.fields!));
    } finally {
      await h.stop();
    }
  });
});
