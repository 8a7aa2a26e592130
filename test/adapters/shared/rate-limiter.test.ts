import { describe, expect, it } from 'vitest';
import { backoffDelay, RateLimiter, systemClock, type Clock } from '../../../adapters/shared/index.js';
import { VirtualClock } from '../../fakes/virtual-clock.js';

const FAR = Number.MAX_SAFE_INTEGER;

describe('rate limiter', () => {
  it('lets a burst through, then spaces sends at the bucket rate', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter(
      { buckets: { 'chat.postMessage': { ratePerSecond: 2, burst: 3 } } },
      clock,
    );
    const start = clock.now().getTime();
    const times: number[] = [];
    for (let i = 0; i < 9; i++) {
      expect(await limiter.acquire(['chat.postMessage'], FAR)).toBe(true);
      times.push(clock.now().getTime() - start);
    }
    expect(times.slice(0, 3)).toEqual([0, 0, 0]);
    // then one every 500 ms: 6 more sends need 3 s
    expect(times[8]).toBeGreaterThanOrEqual(3_000);
    for (let i = 4; i < 9; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(499);
  });

  it('limits each channel separately through the prefix rule and all of them through the global bucket', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter(
      { global: { ratePerSecond: 10, burst: 10 }, buckets: { channel: { ratePerSecond: 1, burst: 1 } } },
      clock,
    );
    const start = clock.now().getTime();
    for (let i = 0; i < 10; i++) await limiter.acquire([`channel:C${i}`], FAR);
    expect(clock.now().getTime() - start).toBe(0);
    // same channel again: a second has to pass for that channel
    await limiter.acquire(['channel:C0'], FAR);
    expect(clock.now().getTime() - start).toBeGreaterThanOrEqual(1_000);
  });

  it('refuses to wait past the deadline and says when to come back', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ buckets: { m: { ratePerSecond: 1, burst: 1 } } }, clock);
    const now = clock.now().getTime();
    expect(await limiter.acquire(['m'], now)).toBe(true);
    expect(await limiter.acquire(['m'], now + 100)).toBe(false);
    expect(limiter.availableAt(['m'])).toBe(now + 1_000);
    expect(clock.now().getTime()).toBe(now);
  });

  it('holds every key back for the Retry-After of a 429, and a global pause holds all keys', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ buckets: {} }, clock);
    const start = clock.now().getTime();
    limiter.pause(['channel:C1'], 7_000);
    expect(await limiter.acquire(['channel:C2'], FAR)).toBe(true);
    expect(clock.now().getTime()).toBe(start);
    await limiter.acquire(['channel:C1'], FAR);
    expect(clock.now().getTime() - start).toBeGreaterThanOrEqual(7_000);
    const before = clock.now().getTime();
    limiter.pause('global', 2_500);
    await limiter.acquire(['anything'], FAR);
    expect(clock.now().getTime() - before).toBeGreaterThanOrEqual(2_500);
  });

  it('stops early when the platform reports an empty bucket', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ buckets: {} }, clock);
    const start = clock.now().getTime();
    limiter.hint({ key: 'route', remaining: 0, resetAfterMs: 1_200 });
    await limiter.acquire(['route'], FAR);
    expect(clock.now().getTime() - start).toBeGreaterThanOrEqual(1_200);
  });
});

describe('rate limiter waiters', () => {
  it('lines concurrent waiters up instead of waking them all for every token', async () => {
    let sleeps = 0;
    const counting: Clock = {
      now: () => systemClock.now(),
      sleep: (ms, signal) => (sleeps++, systemClock.sleep(ms, signal)),
    };
    const limiter = new RateLimiter({ global: { ratePerSecond: 200, burst: 1 }, buckets: {} }, counting);
    const started = performance.now();
    const got: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, () =>
        limiter.acquire([], FAR).then(() => got.push(performance.now() - started)),
      ),
    );
    expect(got).toHaveLength(20);
    // 19 tokens at 200/s take at least 95 ms (a lower bound: a loaded machine only makes it later)
    expect(Math.max(...got)).toBeGreaterThanOrEqual(90);
    // each waiter sleeps about once; waking all 19 for every token would be about 190 sleeps
    expect(sleeps).toBeLessThan(60);
  });
});

describe('backoff', () => {
  it('doubles up to the cap, with jitter inside [cap/2, cap]', () => {
    const policy = { baseMs: 1_000, maxMs: 10_000 };
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffDelay(policy, a, () => 0))).toEqual([
      500, 1_000, 2_000, 4_000, 5_000, 5_000,
    ]);
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffDelay(policy, a, () => 0.999999))).toEqual([
      1_000, 2_000, 4_000, 8_000, 10_000, 10_000,
    ]);
  });
});
