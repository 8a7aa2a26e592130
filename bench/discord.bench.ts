// Discord adapter benchmarks against the local fake Discord:
//  1. a 10,000-voter ballot fan-out through the delivery worker + DiscordSender, with the fake enforcing a
//     global request budget (Discord's 50/s by default; BENCH_DISCORD_RPS to change)
//     and per-channel buckets; reports achieved requests/s as a share of the allowed rate, lost, duplicated.
//     Baseline: the same sender with the fake unlimited, i.e. what this machine can push at all.
//  2. interaction response time (median, p99) at 20 concurrent slash commands through the real discord.js
//     client; baseline: a bare discord.js client that replies with interaction.reply().
import { Client, Events } from 'discord.js';
import { createDiscordAdapter, DiscordSender } from '../adapters/discord/index.js';
import { createDeliveryWorker } from '../adapters/shared/index.js';
import { FakeQueue } from '../test/fakes/fake-queue.js';
import { FakeCore } from '../test/fakes/discord/fake-core.js';
import { MemoryPlatformState } from '../test/fakes/memory-platform-state.js';
import { FakeDiscord } from '../test/fakes/discord/fake-discord.js';
import { interact, slashCommand } from '../test/fakes/discord/interactions.js';

const GUILD = '100000000000000001';
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

async function fanOut(
  voters: number,
  rps: number,
): Promise<{
  seconds: number;
  requests: number;
  windows: number[];
  refused: number;
  lost: number;
  duplicated: number;
  unreachable: number;
}> {
  const discord = new FakeDiscord(
    rps > 0 ? { globalPerSecond: rps, routeLimit: 5, routeWindowMs: 5000 } : undefined,
  );
  await discord.start();
  const queue = new FakeQueue('discord');
  const ids = Array.from({ length: voters }, (_, i) => String(500000000000000000n + BigInt(i)));
  for (const id of ids) {
    queue.enqueue(
      {
        orgId: 'org',
        destination: { kind: 'dm', memberId: id },
        body: {
          title: 'Voting is open',
          text: 'Press Vote.',
          actions: [{ label: 'Vote', command: 'ballot.get', args: { election: '1' } }],
        },
        dedupeKey: `ballot:${id}`,
        electionId: 'e1',
        purpose: 'ballot-dm',
      },
      new Date(0),
      GUILD,
    );
  }
  const limit = rps > 0 ? rps : 100_000;
  const sender = new DiscordSender({ token: 't', apiUrl: discord.apiUrl, requestsPerSecond: limit });
  const worker = createDeliveryWorker({
    queue,
    sender,
    limits: {
      global: { ratePerSecond: limit, burst: limit },
      buckets: { dm: { ratePerSecond: 1, burst: 5 } },
    },
    concurrency: 16,
    batchSize: 200,
    backoff: { baseMs: 50, maxMs: 1000 },
  });
  const started = performance.now();
  await worker.drain({ untilEmpty: true });
  const seconds = (performance.now() - started) / 1000;
  let lost = 0;
  let duplicated = 0;
  for (const id of ids) {
    const n = discord.dmsTo(id).length;
    if (n === 0) lost++;
    if (n > 1) duplicated += n - 1;
  }
  const ok = discord.requests.filter((r) => r.status < 400);
  const requests = ok.length;
  const windows: number[] = [];
  const t0 = ok[0]?.at ?? 0;
  for (const q of ok) {
    const w = Math.floor((q.at - t0) / 10_000);
    windows[w] = (windows[w] ?? 0) + 1;
  }
  const refused = discord.limiter.refused;
  await discord.stop();
  return {
    seconds,
    requests,
    windows: Array.from(windows, (n) => (n ?? 0) / 10),
    refused,
    lost,
    duplicated,
    unreachable: queue.statusCounts().unreachable,
  };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function responseTimes(kind: 'teller' | 'bare', rounds: number, concurrent: number): Promise<number[]> {
  const discord = new FakeDiscord();
  await discord.start();
  let stop: () => Promise<void>;
  if (kind === 'teller') {
    const core = new FakeCore();
    const bot = createDiscordAdapter({
      core,
      deliveryQueue: new FakeQueue('discord'),
      platformState: new MemoryPlatformState(),
      logger: quiet,
      delivery: false,
      config: { token: 't', applicationId: discord.applicationId, apiUrl: discord.apiUrl },
    });
    await bot.start();
    stop = () => bot.stop();
  } else {
    const client = new Client({ intents: [], rest: { api: discord.apiUrl } });
    client.on(Events.InteractionCreate, (i) => {
      if (i.isChatInputCommand()) void i.reply({ content: 'ok', flags: 64 });
    });
    await client.login('t');
    stop = () => client.destroy();
  }
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    await Promise.all(
      Array.from({ length: concurrent }, async (_, k) => {
        const payload = slashCommand(
          { userId: String(600 + k), guildId: GUILD, channelId: '7' },
          'election',
          [{ name: 'list', type: 1, options: [] }],
        );
        const t0 = performance.now();
        await interact(discord, payload);
        times.push(performance.now() - t0);
      }),
    );
  }
  await stop();
  await discord.stop();
  return times.sort((a, b) => a - b);
}

export async function run(): Promise<void> {
  const voters = Number(process.env.BENCH_DISCORD_VOTERS ?? 10_000);
  // Discord's own global limit; the fan-out then takes about 7 minutes (BENCH_DISCORD_RPS / _VOTERS to change)
  const rps = Number(process.env.BENCH_DISCORD_RPS ?? 50);

  const base = await fanOut(2000, 0);
  console.log(
    `fan-out baseline (fake unlimited, 2000 voters): ${(base.requests / base.seconds).toFixed(0)} requests/s`,
  );
  // One long run (10,000 voters at 50 requests/s takes about 7 minutes); its rate is reported overall
  // and as the median of 10-second windows, which is the "several runs" for a figure this long.
  const r = await fanOut(voters, rps);
  const overall = r.requests / r.seconds;
  const windows = r.windows.slice(1, -1).sort((a, b) => a - b);
  const medianWindow = windows.length > 0 ? windows[Math.floor(windows.length / 2)] : overall;
  console.log(
    `fan-out ${voters} voters, allowed ${rps} requests/s: ${overall.toFixed(1)} requests/s overall = ${((100 * overall) / rps).toFixed(1)}% of the allowed rate; ` +
      `median 10 s window ${medianWindow.toFixed(1)} requests/s = ${((100 * medianWindow) / rps).toFixed(1)}% (${windows.length} windows); ` +
      `${r.seconds.toFixed(1)} s, ${r.refused} answered 429; lost ${r.lost}, duplicated ${r.duplicated}`,
  );

  const concurrent = 20;
  const rounds = Number(process.env.BENCH_DISCORD_ROUNDS ?? 25);
  for (const kind of ['bare', 'teller'] as const) {
    const medians: number[] = [];
    const p99s: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = await responseTimes(kind, rounds, concurrent);
      medians.push(quantile(t, 0.5));
      p99s.push(quantile(t, 0.99));
    }
    medians.sort((a, b) => a - b);
    p99s.sort((a, b) => a - b);
    console.log(
      `interaction response at ${concurrent} concurrent (${kind === 'bare' ? 'baseline: bare discord.js reply' : 'Teller adapter + fake core'}): ` +
        `median ${medians[1].toFixed(1)} ms, p99 ${p99s[1].toFixed(1)} ms (median of 3 runs of ${rounds * concurrent})`,
    );
  }
}
