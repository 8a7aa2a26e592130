// Token buckets per platform method/route/channel plus one platform-wide bucket, and pauses that a 429
// imposes. The worker acquires a token from every bucket a send spends from before sending, so the
// platform rarely has to say 429 at all; when it does, the pause it asks for applies to every message
// sharing that bucket, not only the one that was refused.

import type { Clock } from './delivery-worker.types.js';
import type { BucketLimit, RateHint, RateLimitConfig } from './platform-sender.js';

const GLOBAL = '*global*';
/** per-key buckets are kept in a map; full, unpaused ones are dropped past this size (10k DM channels) */
const MAX_IDLE_BUCKETS = 5_000;

interface Bucket {
  limit?: BucketLimit;
  tokens: number;
  refilledAt: number;
  pausedUntil: number;
  /** acquirers asleep on this bucket, so each sleeps until its own turn */
  waiting: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  /** prune when the map grows past this; doubled after a prune that freed little, so pruning stays amortised O(1) */
  private pruneAt = MAX_IDLE_BUCKETS;

  constructor(
    private readonly config: RateLimitConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Wait until every bucket of `keys` (and the global one) has a token, then take one from each.
   * Returns false without taking anything if that cannot happen before `deadline` (ms since epoch) or
   * the signal aborts; `availableAt()` then says when to try again.
   */
  async acquire(keys: readonly string[], deadline: number, signal?: AbortSignal): Promise<boolean> {
    const buckets = this.bucketsFor(keys);
    for (;;) {
      if (signal?.aborted) return false;
      const now = this.clock.now().getTime();
      const readyAt = Math.max(...buckets.map((b) => this.readyAt(b, now)));
      if (readyAt <= now) {
        for (const b of buckets) if (b.limit) b.tokens -= 1;
        return true;
      }
      if (readyAt > deadline) return false;
      // Waiters queue up: each sleeps until the token its place in line will get, instead of all
      // waking for every token and all but one going back to sleep (thousands of wake-ups a second
      // in a big fan-out, which cost more than the sends).
      const blocked = buckets.filter((b) => this.readyAt(b, now) > now);
      const wakeAt = Math.max(...blocked.map((b) => this.readyAt(b, now, b.waiting)));
      for (const b of blocked) b.waiting++;
      try {
        await this.clock.sleep(Math.min(wakeAt, deadline) - now, signal);
      } finally {
        for (const b of blocked) b.waiting--;
      }
    }
  }

  /** the earliest time (ms since epoch) at which `keys` could all have a token */
  availableAt(keys: readonly string[]): number {
    const now = this.clock.now().getTime();
    return Math.max(now, ...this.bucketsFor(keys).map((b) => this.readyAt(b, now)));
  }

  /** a 429: nothing spends from these buckets (or, for 'global', from any) until `ms` from now */
  pause(keys: readonly string[] | 'global', ms: number): void {
    const until = this.clock.now().getTime() + Math.max(0, ms);
    const targets = keys === 'global' ? [this.bucket(GLOBAL)] : keys.map((k) => this.bucket(k));
    for (const b of targets) {
      b.pausedUntil = Math.max(b.pausedUntil, until);
      // after the pause the platform's window starts fresh, but ours must not burst past it either
      if (b.limit) b.tokens = Math.min(b.tokens, 0);
    }
  }

  /** the platform told us how many requests remain in a bucket's window: never spend more than that */
  hint(h: RateHint): void {
    const b = this.bucket(h.key);
    if (h.remaining <= 0)
      b.pausedUntil = Math.max(b.pausedUntil, this.clock.now().getTime() + h.resetAfterMs);
  }

  /** when the bucket has a token for a waiter with `ahead` others in line before it */
  private readyAt(b: Bucket, now: number, ahead = 0): number {
    const start = Math.max(now, b.pausedUntil);
    if (!b.limit) return start;
    this.refill(b, now);
    // tokens do not accrue while paused, so the count now is the count when the pause ends
    const missing = 1 + ahead - b.tokens;
    return missing > 0 ? start + (missing / b.limit.ratePerSecond) * 1000 : start;
  }

  private refill(b: Bucket, now: number): void {
    if (!b.limit) return;
    // paused time does not earn tokens: the platform's window restarts when the pause ends
    const from = Math.max(b.refilledAt, Math.min(b.pausedUntil, now));
    if (now > from)
      b.tokens = Math.min(b.limit.burst, b.tokens + ((now - from) / 1000) * b.limit.ratePerSecond);
    b.refilledAt = Math.max(b.refilledAt, now);
  }

  private bucketsFor(keys: readonly string[]): Bucket[] {
    return [this.bucket(GLOBAL), ...keys.map((k) => this.bucket(k))];
  }

  private bucket(key: string): Bucket {
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size > this.pruneAt) {
        this.prune();
        this.pruneAt = Math.max(MAX_IDLE_BUCKETS, this.buckets.size * 2);
      }
      const limit = key === GLOBAL ? this.config.global : this.limitFor(key);
      b = {
        limit,
        tokens: limit?.burst ?? 0,
        refilledAt: this.clock.now().getTime(),
        pausedUntil: 0,
        waiting: 0,
      };
      this.buckets.set(key, b);
    }
    return b;
  }

  private limitFor(key: string): BucketLimit | undefined {
    const exact = this.config.buckets[key];
    if (exact) return exact;
    const colon = key.indexOf(':');
    return colon > 0 ? this.config.buckets[key.slice(0, colon)] : undefined;
  }

  private prune(): void {
    const now = this.clock.now().getTime();
    for (const [key, b] of this.buckets) {
      if (key === GLOBAL || b.pausedUntil > now || b.waiting > 0) continue;
      this.refill(b, now);
      if (!b.limit || b.tokens >= b.limit.burst) this.buckets.delete(key);
    }
  }
}
