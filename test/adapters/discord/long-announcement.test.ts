// A long announcement on Discord (issue 13): more than one message holds, so it is posted as several in
// the channel, one after another, each within Discord's limits (the fake answers 400 / 50035 as Discord
// does), together holding every figure, with every contest's chart; a send cut short is repeated with
// the same nonces, so Discord keeps each part once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiscordSender } from '../../../adapters/discord/index.js';
import { createDeliveryWorker } from '../../../adapters/shared/index.js';
import type { DispatchResult, Field, Invocation } from '../../../src/core/index.js';
import { discordParts } from '../../../adapters/discord/render/discord-parts.js';
import { FakeCore } from '../../fakes/discord/fake-core.js';
import { interact, slashCommand, type Who } from '../../fakes/discord/interactions.js';
import { FakeDiscord, type FakeMessage } from '../../fakes/discord/fake-discord.js';
import { messageProblems } from '../../fakes/discord/message-limits.js';
import { FakeQueue } from '../../fakes/fake-queue.js';
import { joinSplit, longAnnouncement, plainFields } from '../shared/long-announcement.js';
import { CHANNEL, GUILD, startHarness, until as waitUntil } from './harness.js';

const EPHEMERAL = 64;
const who: Who = { userId: '300000000000000001', guildId: GUILD, channelId: CHANNEL };

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

let discord: FakeDiscord;
let queue: FakeQueue;
beforeEach(async () => {
  discord = new FakeDiscord();
  await discord.start();
  queue = new FakeQueue('discord');
});
afterEach(() => discord.stop());

function enqueue() {
  const { body } = longAnnouncement();
  queue.enqueue(
    {
      orgId: 'org1',
      destination: { kind: 'channel', channelId: CHANNEL },
      body,
      dedupeKey: 'results-1',
      purpose: 'results',
    },
    new Date(0),
    GUILD,
  );
  return body;
}

async function deliver(fetchFn?: typeof fetch) {
  const sender = new DiscordSender({
    token: 't',
    apiUrl: discord.apiUrl,
    requestsPerSecond: 500,
    renderChart: async () => PNG,
    ...(fetchFn ? { fetch: fetchFn } : {}),
  });
  await createDeliveryWorker({
    queue,
    sender,
    limits: { global: { ratePerSecond: 500, burst: 100 }, buckets: {} },
    backoff: { baseMs: 5, maxMs: 40 },
    idleMs: 20,
  }).drain({ untilEmpty: true });
}

const ZWSP = '\u200b';

/** the fields a message shows, read back from its embeds */
function fieldsOf(m: FakeMessage): Field[] {
  return m.embeds.flatMap((e) =>
    (e.fields ?? []).map((f: { name: string; value: string }) => {
      const mono = /^```\n([\s\S]*)\n```$/.exec(f.value);
      const value = f.value === ZWSP ? '' : f.value;
      return mono ? { label: f.name, value: mono[1], mono: true } : { label: f.name, value };
    }),
  );
}

/** the parts as posted: the messages with an announcement embed, in order */
const textParts = () => discord.messagesIn(CHANNEL).filter((m) => m.embeds.some((e) => e.description));

describe('a long announcement on Discord', () => {
  it('goes out as several messages in the channel, each within limits, holding every figure', async () => {
    const body = enqueue();
    await deliver();
    expect(queue.rows[0].status).toBe('sent');
    expect(discord.rejected).toEqual([]);
    const parts = textParts();
    expect(parts.length).toBeGreaterThan(1);
    for (const m of discord.messagesIn(CHANNEL)) expect(messageProblems(m)).toEqual([]);
    expect(parts.map((m) => m.embeds[0].title)).toEqual(
      parts.map((_, i) => `Results: City council (${i + 1}/${parts.length})`),
    );
    expect(plainFields(joinSplit(parts.flatMap(fieldsOf)))).toEqual(plainFields(body.fields!));
    // a later edit or a reader refers to the first message
    expect(queue.rows[0].sentRef).toBe(`${CHANNEL}:${parts[0].id}`);
    // each part carries its own nonce, so a repeated post of any of them is recognised
    const nonces = discord.messagesIn(CHANNEL).map((m) => m.nonce);
    expect(new Set(nonces).size).toBe(nonces.length);
  });

  it('attaches every contest chart: ten with the first message, the rest in a message after the parts', async () => {
    enqueue();
    await deliver();
    const all = discord.messagesIn(CHANNEL);
    const [first] = all;
    expect(first.attachments.map((a) => a.filename)).toEqual(
      Array.from({ length: 10 }, (_, i) => `chart-${i + 1}.png`),
    );
    expect(first.embeds).toHaveLength(10);
    expect(first.embeds.map((e) => e.image?.url)).toEqual(
      Array.from({ length: 10 }, (_, i) => `attachment://chart-${i + 1}.png`),
    );
    const last = all.at(-1)!;
    expect(last.attachments.map((a) => a.filename)).toEqual(['chart-11.png', 'chart-12.png']);
    expect(last.embeds.map((e) => e.image?.url)).toEqual([
      'attachment://chart-11.png',
      'attachment://chart-12.png',
    ]);
    expect(all.flatMap((m) => m.attachments)).toHaveLength(12);
  });

  it('posts every part once when the send is cut short after the third and tried again', async () => {
    const body = enqueue();
    let posts = 0;
    // the third post reaches Discord, and the answer is lost to a 500
    const flaky: typeof fetch = async (input, init) => {
      if (init?.method === 'POST' && String(input).endsWith(`/channels/${CHANNEL}/messages`) && ++posts === 3)
        discord.faults.push({
          method: 'POST',
          path: /\/messages$/,
          status: 500,
          times: 1,
          afterEffect: true,
        });
      return fetch(input, init);
    };
    await deliver(flaky);
    expect(queue.rows[0].status).toBe('sent');
    // the parts and the message of the last two charts, each once, though more were posted
    expect(discord.messagesIn(CHANNEL)).toHaveLength(textParts().length + 1);
    expect(posts).toBeGreaterThan(textParts().length + 1);
    expect(plainFields(joinSplit(textParts().flatMap(fieldsOf)))).toEqual(plainFields(body.fields!));
  });
});

describe('a long announcement under a channel rate limit on Discord', () => {
  it('waits for the channel between parts, and posts each part once without posting the first ones again', async () => {
    await discord.stop();
    discord = new FakeDiscord({ globalPerSecond: 0, routeLimit: 5, routeWindowMs: 500 });
    await discord.start();
    const body = enqueue();
    await deliver();
    expect(queue.rows[0].status).toBe('sent');
    expect(plainFields(joinSplit(textParts().flatMap(fieldsOf)))).toEqual(plainFields(body.fields!));
    // every post that got through made a message: none was a part Discord had already
    const posts = discord.requests.filter(
      (r) => r.method === 'POST' && r.path === `/channels/${CHANNEL}/messages` && r.status === 200,
    );
    expect(posts).toHaveLength(discord.messagesIn(CHANNEL).length);
  });
});

describe('a long answer to a command on Discord', () => {
  it('answers with the first part and follows up with the rest, all ephemeral, holding every figure', async () => {
    const { body } = longAnnouncement();
    class LongCore extends FakeCore {
      override async dispatch(inv: Invocation): Promise<DispatchResult> {
        if (inv.command !== 'election.list') return super.dispatch(inv);
        return { kind: 'ok', reply: { visibility: 'only-you', body } };
      }
    }
    const h = await startHarness({ deferAfterMs: 2000, core: new LongCore(), renderChart: async () => PNG });
    try {
      const payload = slashCommand(who, 'election', [{ name: 'list', type: 1, options: [] }]);
      const cb = await interact(h.discord, payload);
      expect(cb.problems).toBeUndefined();
      expect(cb.type).toBe(4);
      const followUps = () =>
        h.discord
          .webhookMessages(String(payload.token))
          .filter((m) => m.channelId === 'interaction-followup');
      const parts = discordParts(body).length;
      // the rest of the parts, and the message of the two charts the first could not take
      await waitUntil(() => followUps().length === parts, 10_000);
      expect(h.discord.rejected).toEqual([]);
      const shown = [{ embeds: cb.data.embeds } as FakeMessage, ...followUps()];
      for (const m of shown.slice(1)) expect((m.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
      expect(cb.data.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(plainFields(joinSplit(shown.flatMap(fieldsOf)))).toEqual(plainFields(body.fields!));
      expect([...cb.attachments, ...followUps().flatMap((m) => m.attachments)]).toHaveLength(12);
    } finally {
      await h.stop();
    }
  });
});
