// A whole election driven only through Discord interactions against the real core, and the same
// election typed into the console harness: the announced results must match.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type TellerCore } from '../../../src/core/index.js';
import { createDiscordAdapter, DiscordSender, type DiscordAdapter } from '../../../adapters/discord/index.js';
import { createDeliveryWorker, renderChart } from '../../../adapters/shared/index.js';
import { FakeDiscord } from '../../fakes/discord/fake-discord.js';
import { FakeClock, harness } from '../../core/harness.js';
import { MemoryStore } from '../../fakes/memory-store.js';
import { FakeQueue } from '../../fakes/fake-queue.js';
import { MemoryPlatformState } from '../../fakes/memory-platform-state.js';
import { DiscordDriver, textOf } from './discord-driver.js';
import { CHANNEL, GUILD, silentLogger } from './harness.js';

const VOTERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank'];
const VOTES: [string, string][] = [
  ['alice', 'Alice'],
  ['bob', 'Alice'],
  ['carol', 'Dave'],
  ['dave', 'Dave'],
  ['erin', 'Dave'],
  ['erin', 'Alice'], // a change of mind: replaces erin's earlier ballot
];

describe('a whole election through Discord', () => {
  let discord: FakeDiscord;
  let core: TellerCore;
  let queue: FakeQueue;
  let bot: DiscordAdapter;
  let errors: string[];
  let store: MemoryStore;

  beforeEach(async () => {
    discord = new FakeDiscord();
    await discord.start();
    queue = new FakeQueue('discord');
    errors = [];
    const platformState = new MemoryPlatformState();
    core = createCore({
      store: (store = new MemoryStore()),
      delivery: queue,
      platformState,
      clock: new FakeClock(),
      serverSecret: 'test-server-secret',
      logger: { info: () => undefined, error: (m, meta) => errors.push(`${m} ${JSON.stringify(meta)}`) },
    });
    bot = createDiscordAdapter({
      core,
      deliveryQueue: queue,
      platformState,
      logger: silentLogger,
      delivery: false,
      config: { token: 't', applicationId: discord.applicationId, apiUrl: discord.apiUrl },
    });
    await bot.start();
  });
  afterEach(async () => {
    await bot.stop();
    await discord.stop();
  });

  it('gives the same result as the console', async () => {
    const d = new DiscordDriver(discord, core, GUILD, CHANNEL);
    // the core writes the outbox through its store port; hand what it wrote to the queue the worker claims
    const deliver = () => {
      for (const m of store.state.outbox) {
        const { orgId, destination, body, dedupeKey, replaces, electionId, purpose } = m;
        queue.enqueue(
          { orgId, destination, body, dedupeKey, replaces, electionId, purpose },
          new Date(0),
          m.platformOrgId,
        );
      }
      return createDeliveryWorker({
        queue,
        sender: new DiscordSender({
          token: 't',
          apiUrl: discord.apiUrl,
          renderChart: async (chart, locale) =>
            (await renderChart(chart, { title: core.translate(locale, chart.title.key, chart.title.params) }))
              .png,
        }),
        limits: { buckets: {} },
        backoff: { baseMs: 5, maxMs: 20 },
      }).drain({ untilEmpty: true });
    };
    const ok = async (cb: Promise<{ data?: any; type: number }>) => {
      const r = await cb;
      const text = textOf(r, false);
      if ((r.data?.embeds?.[0]?.color ?? 0) === 0xed4245)
        throw new Error(`refused: ${text} ${errors.join('\n')}`);
      return text;
    };
    await ok(d.run('olga', 'election.create', { title: 'Staff council 2026' }, true));
    await ok(
      d.run('olga', 'election.contest.add', { election: '1', name: 'Chair', seats: 1, method: 'plurality' }),
    );
    await ok(d.run('olga', 'roll.add', { election: '1', members: VOTERS }));
    await ok(d.run('olga', 'election.scrutineer.add', { election: '1', member: 'sam' }));
    await ok(d.run('olga', 'nominations.open', { election: '1' }));
    await ok(
      d.run('alice', 'nomination.create', { election: '1', contest: 'Chair', statement: 'Fair pay for all' }),
    );
    await ok(d.run('bob', 'nomination.second', { election: '1', nomination: '1' }));
    await ok(d.run('carol', 'nomination.create', { election: '1', contest: 'Chair', member: 'dave' }));
    await ok(d.run('erin', 'nomination.second', { election: '1', nomination: '2' }));
    await ok(d.run('dave', 'nomination.accept', { election: '1', nomination: '2' }));
    await ok(d.run('olga', 'nominations.close', { election: '1' }));
    await ok(d.run('olga', 'nomination.approve', { election: '1', nomination: '1' }));
    await ok(d.run('olga', 'nomination.approve', { election: '1', nomination: '2' }));
    await ok(d.run('olga', 'nominations.publish', { election: '1' }));
    await ok(d.run('olga', 'voting.open', { election: '1' }));
    await deliver();

    for (const v of VOTERS) expect(d.ballotDms(v), v).toHaveLength(1);
    for (const [voter, choice] of VOTES) {
      const receipt = await d.voteMarks(voter, choice);
      expect(textOf({ data: receipt })).not.toMatch(/Alice|Dave/);
    }
    // someone not on the roll is refused and nothing is recorded
    const stranger = await d.run('mallory', 'ballot.get', { election: '1' });
    expect(stranger.data.flags & 64).toBe(64);

    await ok(d.run('olga', 'voting.close', { election: '1' }));
    await ok(d.run('olga', 'result.count.run', { election: '1' }));
    await ok(d.run('sam', 'result.count.confirm', { election: '1' }));
    // the announcement is one post in the channel (the organiser is told where it went)
    expect(await ok(d.run('olga', 'result.announce', { election: '1' }))).toMatch(/Posted in/);
    const resultsNotice = (outbox: typeof store.state.outbox) =>
      outbox
        .filter((m) => m.purpose === 'results')
        .map((m) => [m.body.text, ...(m.body.fields ?? []).map((f) => `${f.label}: ${f.value}`)].join('\n'))
        .join('\n');
    const announced = resultsNotice(store.state.outbox);
    await deliver();

    // the same election in the console
    const h = harness();
    const lines = [
      ['olga', 'create "Staff council 2026"'],
      ['olga', 'contest add 1 Chair 1 plurality'],
      ['olga', `roll add 1 ${VOTERS.map((v) => `@${v}`).join(' ')}`],
      ['olga', 'scrutineer add 1 @sam'],
      ['olga', 'nominations open 1'],
      ['alice', 'nominate 1 Chair statement="Fair pay for all"'],
      ['bob', 'second 1 1'],
      ['carol', 'nominate 1 Chair @dave'],
      ['erin', 'second 1 2'],
      ['dave', 'accept 1 2'],
      ['olga', 'nominations close 1'],
      ['olga', 'review approve 1 1'],
      ['olga', 'review approve 1 2'],
      ['olga', 'candidates publish 1'],
      ['olga', 'voting open 1'],
      ...VOTES.map(([v, c]) => [v, `cast 1 1 ${c === 'Alice' ? 1 : 2}`]),
      ['olga', 'voting close 1'],
      ['olga', 'count 1'],
      ['sam', 'count confirm 1'],
    ];
    for (const [who, line] of lines) await h.ok(who, line);
    await h.ok('olga', 'announce 1');
    const consoleAnnounced = resultsNotice(h.store.state.outbox);
    const normalise = (s: string) =>
      s
        .replace(/<@(\d+)>/g, (_, id: string) => `<@${d.nameOf(id) ?? id}>`)
        .replace(/\s+/g, ' ')
        .trim();
    expect(normalise(announced)).toBe(normalise(consoleAnnounced));
    expect(announced).toMatch(/Alice/);

    // the result notice reached the channel as an embed
    const posts = discord.messagesIn(CHANNEL);
    const results = posts.filter((m) => /Elected/.test(JSON.stringify(m.embeds)));
    expect(results.length).toBeGreaterThan(0);
    // the results post carries the chart as an attached PNG, shown in the embed
    expect(results[0].attachments.map((a) => a.filename)).toEqual(['chart.png']);
    expect(results[0].attachments[0].size).toBeGreaterThan(1000);
    expect(results[0].embeds[0].image).toEqual({ url: 'attachment://chart.png' });
    expect(errors).toEqual([]);
  });
});
