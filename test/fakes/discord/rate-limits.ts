// Discord's rate limits as the fake enforces them: a fixed window per route bucket plus a global
// per-second budget. Real Discord documents 50 requests/s globally and per-route buckets (about
// 5 messages per 5 s per channel); the fake lets tests and the benchmark pick the numbers.

export interface FakeLimits {
  /** requests per second for the whole bot; 0 = unlimited */
  globalPerSecond: number;
  /** per-route bucket: `limit` requests per `windowMs` (0 = unlimited) */
  routeLimit: number;
  routeWindowMs: number;
}

export const UNLIMITED: FakeLimits = { globalPerSecond: 0, routeLimit: 0, routeWindowMs: 1000 };

interface Window {
  startedAt: number;
  used: number;
}

export type LimitVerdict =
  | { ok: true; headers: Record<string, string> }
  | { ok: false; global: boolean; retryAfterMs: number; headers: Record<string, string> };

export class FakeRateLimiter {
  private readonly routes = new Map<string, Window>();
  private global: Window = { startedAt: 0, used: 0 };
  /** how many requests were refused with 429, for assertions and the benchmark */
  refused = 0;

  constructor(public limits: FakeLimits) {}

  check(bucket: string, perRoute = true, now = Date.now()): LimitVerdict {
    const { globalPerSecond, routeLimit, routeWindowMs } = this.limits;
    if (globalPerSecond > 0) {
      if (now - this.global.startedAt >= 1000) this.global = { startedAt: now, used: 0 };
      if (this.global.used >= globalPerSecond) {
        this.refused++;
        const retryAfterMs = Math.max(1, 1000 - (now - this.global.startedAt));
        return {
          ok: false,
          global: true,
          retryAfterMs,
          headers: {
            'X-RateLimit-Global': 'true',
            'X-RateLimit-Scope': 'global',
            'Retry-After': String(Math.ceil(retryAfterMs / 1000)),
          },
        };
      }
    }
    if (routeLimit <= 0 || !perRoute) {
      if (globalPerSecond > 0) this.global.used++;
      return { ok: true, headers: {} };
    }
    let w = this.routes.get(bucket);
    if (!w || now - w.startedAt >= routeWindowMs) {
      w = { startedAt: now, used: 0 };
      this.routes.set(bucket, w);
    }
    const resetAfterMs = Math.max(1, routeWindowMs - (now - w.startedAt));
    const base = {
      'X-RateLimit-Limit': String(routeLimit),
      'X-RateLimit-Bucket': hashBucket(bucket),
      'X-RateLimit-Reset-After': (resetAfterMs / 1000).toFixed(3),
      'X-RateLimit-Reset': ((now + resetAfterMs) / 1000).toFixed(3),
    };
    if (w.used >= routeLimit) {
      this.refused++;
      return {
        ok: false,
        global: false,
        retryAfterMs: resetAfterMs,
        headers: {
          ...base,
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Scope': 'user',
          'Retry-After': String(Math.ceil(resetAfterMs / 1000)),
        },
      };
    }
    w.used++;
    if (globalPerSecond > 0) this.global.used++;
    return { ok: true, headers: { ...base, 'X-RateLimit-Remaining': String(routeLimit - w.used) } };
  }
}

function hashBucket(bucket: string): string {
  let h = 0;
  for (const ch of bucket) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return `b${(h >>> 0).toString(16)}`;
}
