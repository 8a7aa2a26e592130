// Delivery worker figures: a 10,000-DM fan-out through the worker against an in-process platform that
// enforces its own rate limit (answering 429 with Retry-After when exceeded), beside a baseline that
// sends the same messages with the same limiter but no queue, no leases and no marking. Then the same
// fan-out with faults (5xx, timeouts after posting) and with a crash and restart halfway. And the chart
// renderer: a results chart with Chinese names, beside the same chart with Latin names.
//   npm run bench delivery
import { performance } from 'node:perf_hooks';
import {
  createDeliveryWorker,
  RateLimiter,
  renderChart,
  systemClock,
  type PlatformSender,
  type SendResult,
} from '../adapters/shared/index.js';
import type { ChartData, OutboundMessage } from '../src/core/index.js';
import { FakeQueue } from '../test/fakes/fake-queue.js';

const N = Number(process.env.DELIVERY_BENCH_N ?? 10_000);
const RATE = 500; // messages per second the fake platform allows (Discord allows 50 a second; Slack less)
// The worker is configured a little under the platform's rate with a small burst, as the Slack and
// Discord adapters are: event-loop stalls bunch sends together, and a 429 costs far more than 5%.
const LIMITS = {
  global: { ratePerSecond: RATE * 0.95, burst: 10 },
  buckets: { dm: { ratePerSecond: 1, burst: 1 } },
};

/** the platform side: its own token bucket, what it delivered, and scripted faults */
class Platform implements PlatformSender {
  readonly platform = 'slack' as const;
  readonly delivered = new Map<string, number>();
  rejected429 = 0;
  private tokens = 20;
  private at = performance.now();
  private readonly calls = new Map<string, number>();
  constructor(
    private readonly fault: (m: OutboundMessage, call: number) => 'ok' | '500' | 'timeout' | 'hang' = () =>
      'ok',
  ) {}
  rateKeys(m: OutboundMessage): string[] {
    return [m.destination.kind === 'dm' ? `dm:${m.destination.memberId}` : 'channel'];
  }
  async findSent(m: OutboundMessage): Promise<string | undefined> {
    return this.delivered.has(m.id) ? `ref:${m.id}` : undefined;
  }
  async send(m: OutboundMessage): Promise<SendResult> {
    await new Promise((r) => setImmediate(r)); // an I/O turn, as a real request would take
    if (!this.take()) {
      this.rejected429++;
      return { kind: 'rate-limited', retryAfterMs: 50, scope: 'global' };
    }
    const call = this.calls.get(m.id) ?? 0;
    this.calls.set(m.id, call + 1);
    const f = this.fault(m, call);
    if (f === '500') return { kind: 'retry', error: 'HTTP 500', maybeSent: true };
    this.delivered.set(m.id, (this.delivered.get(m.id) ?? 0) + 1);
    if (f === 'timeout') throw new Error('timed out after posting');
    if (f === 'hang') return new Promise<SendResult>(() => {});
    return { kind: 'sent', ref: `ref:${m.id}` };
  }
  private take(): boolean {
    const now = performance.now();
    this.tokens = Math.min(20, this.tokens + ((now - this.at) / 1000) * RATE);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
  duplicates(): number {
    return [...this.delivered.values()].filter((n) => n > 1).length;
  }
}

function fill(queue: FakeQueue): void {
  for (let i = 0; i < N; i++)
    queue.enqueue(
      {
        orgId: 'o',
        destination: { kind: 'dm', memberId: `U${i}` },
        body: { text: 'Voting is open' },
        dedupeKey: `b:${i}`,
        electionId: 'e',
        purpose: 'ballot',
      },
      new Date(Date.now() - 1_000),
    );
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function fanOut(fault?: ConstructorParameters<typeof Platform>[0]) {
  const queue = new FakeQueue();
  fill(queue);
  const platform = new Platform(fault);
  const worker = createDeliveryWorker({
    queue,
    sender: platform,
    limits: LIMITS,
    concurrency: 32,
    batchSize: 200,
    backoff: { baseMs: 20, maxMs: 500 },
  });
  const t0 = performance.now();
  await worker.drain({ untilEmpty: true });
  const seconds = (performance.now() - t0) / 1000;
  const counts = queue.statusCounts();
  return {
    seconds,
    rate: N / seconds,
    stats: worker.stats,
    lost: N - counts.sent - counts.failed - counts.unreachable + counts.pending,
    failed: counts.failed,
    dup: platform.duplicates(),
    r429: platform.rejected429,
    delivered: platform.delivered.size,
  };
}

async function baseline() {
  const platform = new Platform();
  const limiter = new RateLimiter(LIMITS, systemClock);
  const messages = Array.from(
    { length: N },
    (_, i) => ({ id: `m${i}`, destination: { kind: 'dm', memberId: `U${i}` } }) as OutboundMessage,
  );
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < N) {
        const m = messages[next++];
        // a plain sender: wait for a token, send, and on 429 wait Retry-After and send again
        for (;;) {
          await limiter.acquire(platform.rateKeys(m), Number.MAX_SAFE_INTEGER);
          const result = await platform.send(m);
          if (result.kind !== 'rate-limited') break;
          limiter.pause('global', result.retryAfterMs);
        }
      }
    }),
  );
  return N / ((performance.now() - t0) / 1000);
}

async function crashAndRestart() {
  const queue = new FakeQueue();
  fill(queue);
  let dying = true;
  // the first worker dies once half the DMs are out: its in-flight posts reach the platform but never answer
  const platform: Platform = new Platform((): 'ok' | 'hang' =>
    dying && platform.delivered.size >= N / 2 ? 'hang' : 'ok',
  );
  const first = createDeliveryWorker({
    queue,
    sender: platform,
    limits: LIMITS,
    concurrency: 32,
    batchSize: 200,
    leaseMs: 2_000,
  });
  void first.drain({ untilEmpty: true });
  while (platform.delivered.size < N / 2 + 32) await new Promise((r) => setTimeout(r, 5));
  dying = false;
  const second = createDeliveryWorker({
    queue,
    sender: platform,
    limits: LIMITS,
    concurrency: 32,
    batchSize: 200,
    leaseMs: 2_000,
  });
  const t0 = performance.now();
  let stats = await second.drain({ untilEmpty: true });
  // the dead worker's claims come back only when their lease runs out; drain knows only its own retries
  while (queue.statusCounts().sending > 0 || queue.statusCounts().pending > 0) {
    await new Promise((r) => setTimeout(r, 100));
    stats = await second.drain({ untilEmpty: true });
  }
  return {
    seconds: (performance.now() - t0) / 1000,
    recovered: stats.recovered,
    delivered: platform.delivered.size,
    dup: platform.duplicates(),
    sent: queue.statusCounts().sent,
  };
}

async function charts() {
  const latin = [
    'Alice Smith',
    'Bob Jones',
    'Carol White',
    'Dan Brown',
    'Eve Black',
    'Frank Green',
    'Grace Hall',
    'Heidi Klum',
  ];
  const chinese = ['张伟', '王芳', '李娜', '刘洋', '陈静', '欧阳堃', '赵敏', '孙丽'];
  const chart = (labels: string[]): ChartData => ({
    kind: 'bars',
    title: { key: 't' },
    labels,
    series: [{ name: 'v', values: [120, 95, 80, 61, 33, 20, 12, 7] }],
    line: 70,
  });
  const time = async (labels: string[], title: string) => {
    const xs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await renderChart(chart(labels), { title, systemFonts: false });
      xs.push(performance.now() - t0);
    }
    return median(xs);
  };
  return { chinese: await time(chinese, '2026 理事会选举'), latin: await time(latin, '2026 Board election') };
}

export async function run(): Promise<void> {
  const runs = [];
  const bases = [];
  for (let i = 0; i < 3; i++) {
    bases.push(await baseline());
    runs.push(await fanOut());
    console.log(
      `  run ${i + 1}: worker ${runs[i].rate.toFixed(0)} msg/s, baseline ${bases[i].toFixed(0)} msg/s`,
    );
  }
  const rate = median(runs.map((r) => r.rate));
  const base = median(bases);
  console.log(`fan-out ${N} DMs, platform allows ${RATE}/s (median of 3)`);
  console.log(
    `  worker:   ${rate.toFixed(0)} msg/s = ${((rate / RATE) * 100).toFixed(1)}% of allowed; lost ${Math.max(...runs.map((r) => r.lost))}, duplicated ${Math.max(...runs.map((r) => r.dup))}, 429s ${runs.map((r) => r.r429).join('/')}`,
  );
  console.log(
    `  baseline: ${base.toFixed(0)} msg/s (same limiter, no queue) → worker/baseline ${(rate / base).toFixed(2)}`,
  );

  // the first two attempts of ~1% of messages get 500, the first attempt of another ~1% times out after posting
  const faulty = await fanOut((m, call) => {
    const n = Number(m.id.slice(1));
    return n % 97 === 0 && call < 2 ? '500' : n % 101 === 0 && call === 0 ? 'timeout' : 'ok';
  });
  console.log(
    `with ~1% 5xx and ~1% timeouts after posting: ${faulty.rate.toFixed(0)} msg/s, 429s ${faulty.r429}, ${JSON.stringify(faulty.stats)}, delivered ${faulty.delivered}/${N}, failed ${faulty.failed}, duplicated ${faulty.dup}, lost ${faulty.lost}`,
  );

  const crash = await crashAndRestart();
  console.log(
    `crash at half, restart (lease 2 s): delivered ${crash.delivered}/${N}, marked sent ${crash.sent}, recovered by lookup ${crash.recovered}, duplicated ${crash.dup}, restart drained in ${crash.seconds.toFixed(1)} s`,
  );

  const c = await charts();
  console.log(
    `chart PNG (8 bars, median of 5): Chinese names ${c.chinese.toFixed(0)} ms, Latin names ${c.latin.toFixed(0)} ms (same packaged font)`,
  );
}
