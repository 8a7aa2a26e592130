// Slack adapter figures, each beside a baseline from the same run:
//  1. acknowledgement time for /vote at 20 concurrent requests through Teller's Bolt app, next to a
//     bare Bolt app that only acks (target: Teller median at most 1.5x the bare one);
//  2. a 10,000-voter ballot fan-out through the delivery worker against the fake Slack enforcing a
//     per-method and per-channel limit (target: at least 90% of the allowed rate, none lost or doubled),
//     next to the same sender with no limits (what this machine can push at all).
import { spawn, type ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { createDeliveryWorker } from '../adapters/shared/index.js';
import { createSlackAdapter } from '../adapters/slack/slack-adapter.js';
import { SlackSender } from '../adapters/slack/send/slack-sender.js';
import type { RateLimits } from '../test/fakes/slack/rate-limits.js';
import { FakeCore, ok } from '../test/fakes/slack/fake-core.js';
import { quietLogger } from '../test/adapters/slack/harness.js';
import { FakeQueue } from '../test/fakes/fake-queue.js';
import { MemoryPlatformState } from '../test/fakes/memory-platform-state.js';

const SECRET = 'bench-secret';
const CONCURRENCY = 20;
const PER_CLIENT = 15;
const RUNS = 9;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))];
}

/** the fake Slack in a child process, so its work does not share the measured app's event loop */
interface RemoteFake {
  apiUrl: string;
  baseUrl: string;
  fail(method: string, fault: unknown, times: number): Promise<void>;
  stats(): Promise<{ calls: Record<string, number>; perChannel: Record<string, number> }>;
  stop(): Promise<void>;
}

async function startFake(limits: RateLimits = {}): Promise<RemoteFake> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      new URL('../test/fakes/slack/serve.ts', import.meta.url).pathname,
      JSON.stringify(limits),
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      const m = /port (\d+)/.exec(String(d));
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`fake exited ${code}`)));
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    apiUrl: `${baseUrl}/api/`,
    baseUrl,
    fail: async (method, fault, times) => {
      await fetch(`${baseUrl}/_fail`, { method: 'POST', body: JSON.stringify({ method, fault, times }) });
    },
    stats: async () => (await fetch(`${baseUrl}/_stats`)).json() as never,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** run the load generator in its own process, so only the app's work shares the measured event loop */
async function load(url: string, fakeBase: string): Promise<number[]> {
  const script = new URL('../test/fakes/slack/load-client.ts', import.meta.url).pathname;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', script, url, SECRET, fakeBase, String(CONCURRENCY), String(PER_CLIENT)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += String(d)));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`load client exited ${code}`);
  return JSON.parse(out) as number[];
}

async function ackBench(): Promise<void> {
  const fake = await startFake();
  const bare = new App({
    receiver: new HTTPReceiver({ signingSecret: SECRET, logLevel: LogLevel.ERROR }),
    token: 'xoxb-bench',
    clientOptions: { slackApiUrl: fake.apiUrl },
    logLevel: LogLevel.ERROR,
  });
  bare.command('/vote', async ({ ack }) => ack());
  const bareServer = (await bare.start(0)) as Server;
  const bareUrl = `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}/slack/events`;

  const core = new FakeCore();
  // /vote answers with a ballot, as the real core does for a voter on the roll: Teller acks, then opens the modal
  core.handler = () =>
    ok('ballot', 'only-you', {
      ballot: {
        election: '3',
        electionTitle: 'Board',
        contest: '1',
        contestName: 'Chair',
        kind: 'marks',
        options: [
          { number: 1, name: 'Ann' },
          { number: 2, name: 'Bo' },
        ],
        minChoices: 1,
        maxChoices: 1,
        allowBlank: false,
        instructions: 'Pick one',
      },
    });
  const teller = createSlackAdapter({
    core,
    deliveryQueue: new FakeQueue('slack'),
    platformState: new MemoryPlatformState(),
    config: { botToken: 'xoxb-bench', signingSecret: SECRET, apiUrl: fake.apiUrl, port: 0 },
    logger: quietLogger,
    deliver: false,
  });
  await teller.start();
  const tellerUrl = `http://127.0.0.1:${teller.port}/slack/events`;

  await load(bareUrl, fake.baseUrl); // warm-up both (JIT, auth.test, profile cache)
  await load(tellerUrl, fake.baseUrl);
  const bareRuns: number[][] = [];
  const tellerRuns: number[][] = [];
  for (let r = 0; r < RUNS; r++) {
    bareRuns.push(await load(bareUrl, fake.baseUrl));
    tellerRuns.push(await load(tellerUrl, fake.baseUrl));
  }
  const bareMed = median(bareRuns.map((t) => median(t)));
  const tellerMed = median(tellerRuns.map((t) => median(t)));
  const bareP99 = median(bareRuns.map((t) => pct(t, 99)));
  const tellerP99 = median(tellerRuns.map((t) => pct(t, 99)));
  // Each Teller run follows a bare run moments earlier; the ratio of each pair cancels most of the
  // drift of a shared, busy machine, so the median of those ratios is the headline figure.
  const pairRatio = median(tellerRuns.map((t, i) => median(t) / median(bareRuns[i])));
  const pairRatioP99 = median(tellerRuns.map((t, i) => pct(t, 99) / pct(bareRuns[i], 99)));
  console.log(
    `/vote ack, ${CONCURRENCY} concurrent x ${PER_CLIENT} requests per run, ${RUNS} paired runs, load from another process:`,
  );
  console.log(`  bare Bolt (ack only): median ${bareMed.toFixed(2)} ms  p99 ${bareP99.toFixed(2)} ms`);
  console.log(`  Teller:               median ${tellerMed.toFixed(2)} ms  p99 ${tellerP99.toFixed(2)} ms`);
  console.log(
    `  Teller / bare, median of paired runs: median ${pairRatio.toFixed(2)} (target <= 1.5), p99 ${pairRatioP99.toFixed(2)}`,
  );
  await teller.stop();
  await bare.stop();
  await fake.stop();
}

async function fanOut(
  voters: number,
  allowed: number,
): Promise<{ seconds: number; sent: number; distinct: number; doubled: number; limitedCalls: number }> {
  const limited = allowed > 0;
  const fake = await startFake(
    // Slack states its method limits per minute (bursts tolerated inside the minute); the per-channel
    // limit is about one message a second.
    limited
      ? {
          perMethod: { 'chat.postMessage': { limit: allowed * 60, windowMs: 60_000 } },
          perChannel: { limit: 1, windowMs: 1000 },
        }
      : {},
  );
  if (limited) {
    // a few faults on the way, including posts that happen and then answer 500
    await fake.fail('chat.postMessage', { status: 500 }, 10);
    await fake.fail('chat.postMessage', { status: 500, applied: true }, 10);
  }
  const queue = new FakeQueue('slack');
  for (let i = 0; i < voters; i++) {
    queue.enqueue(
      {
        orgId: 'o',
        destination: { kind: 'dm', memberId: `U${i}` },
        body: {
          text: 'Voting is open',
          actions: [{ label: 'Vote', command: 'ballot.get', args: { election: '3' } }],
        },
        dedupeKey: `b${i}`,
        electionId: 'e',
        purpose: 'ballot',
      },
      new Date(),
      'T1',
    );
  }
  const sender = new SlackSender({ tokenFor: async () => 'xoxb-bench', apiUrl: fake.apiUrl });
  // One second of burst: late timer wake-ups on a busy machine would otherwise waste tokens, and
  // burst + 60 s at 98% stays under the fake's per-minute allowance.
  const rate = limited ? allowed * 0.98 : 1_000_000;
  const worker = createDeliveryWorker({
    queue,
    sender,
    limits: {
      buckets: {
        'chat.postMessage': { ratePerSecond: rate, burst: limited ? allowed : 1_000_000 },
        channel: { ratePerSecond: 1, burst: 1 },
        'find-sent': { ratePerSecond: 100, burst: 20 },
      },
    },
    concurrency: 48,
    batchSize: 500,
    backoff: { baseMs: 50, maxMs: 500 },
    idleMs: 5,
  });
  const t0 = performance.now();
  await worker.drain({ untilEmpty: true });
  const seconds = (performance.now() - t0) / 1000;
  const stats = await fake.stats();
  const counts = Object.values(stats.perChannel);
  const result = {
    seconds,
    sent: queue.rows.filter((r) => r.status === 'sent').length,
    distinct: counts.length,
    doubled: counts.filter((c) => c > 1).length,
    limitedCalls: stats.calls['chat.postMessage rate-limited'] ?? 0,
  };
  await fake.stop();
  return result;
}

export async function run(): Promise<void> {
  // SLACK_BENCH=ack or SLACK_BENCH=fanout runs one half
  const part = process.env.SLACK_BENCH ?? 'all';
  if (part !== 'fanout') await ackBench();
  if (part === 'ack') return;
  const base = await fanOut(2_000, 0);
  const ceiling = 2_000 / base.seconds;
  console.log(
    `fan-out baseline, no limits: 2,000 DMs in ${base.seconds.toFixed(2)} s = ${ceiling.toFixed(0)}/s (this machine's ceiling right now)`,
  );
  // The limit must sit below what the machine can push at all, or the figure measures the machine.
  const allowed = Math.max(10, Math.min(100, Math.floor(ceiling / 2)));
  const voters = 10_000;
  const r = await fanOut(voters, allowed);
  const achieved = voters / r.seconds;
  console.log(
    `fan-out ${voters.toLocaleString()} voters, fake allows ${allowed * 60} chat.postMessage/min (${allowed}/s) and 1/s per channel, 20 injected 500s:`,
  );
  console.log(
    `  ${r.seconds.toFixed(2)} s = ${achieved.toFixed(1)}/s = ${((achieved / allowed) * 100).toFixed(1)}% of the allowed rate (target >= 90%)`,
  );
  console.log(
    `  sent ${r.sent}/${voters}, distinct DMs ${r.distinct}, lost ${voters - r.distinct}, doubled ${r.doubled}, 429s ${r.limitedCalls}`,
  );
}
