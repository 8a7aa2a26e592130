// Slack-like rate limits for the fake: a sliding window per Web API method and, for chat.postMessage,
// per channel (Slack allows about one message per second per channel). Rejections carry the seconds
// until the window has room, as Slack's Retry-After does.

export interface RateLimits {
  /** method -> at most `limit` accepted calls in any `windowMs` */
  perMethod?: Record<string, { limit: number; windowMs: number }>;
  /** chat.postMessage: at most `limit` per channel in any `windowMs` */
  perChannel?: { limit: number; windowMs: number };
}

export class RateLimiter {
  private readonly accepted = new Map<string, number[]>();

  constructor(private readonly limits: RateLimits) {}

  /** undefined when the call may proceed (and is counted), else Retry-After in whole seconds */
  check(method: string, params: Record<string, unknown>, now = Date.now()): number | undefined {
    const keys: [string, { limit: number; windowMs: number }][] = [];
    const m = this.limits.perMethod?.[method];
    if (m) keys.push([`m:${method}`, m]);
    if (method === 'chat.postMessage' && this.limits.perChannel) {
      keys.push([`c:${String(params.channel)}`, this.limits.perChannel]);
    }
    for (const [key, rule] of keys) {
      const times = this.prune(key, rule.windowMs, now);
      if (times.length >= rule.limit) {
        return Math.max(1, Math.ceil((times[0] + rule.windowMs - now) / 1000));
      }
    }
    for (const [key] of keys) this.accepted.get(key)!.push(now);
    return undefined;
  }

  private prune(key: string, windowMs: number, now: number): number[] {
    const times = this.accepted.get(key) ?? [];
    let drop = 0;
    while (drop < times.length && times[drop] <= now - windowMs) drop++;
    const kept = drop > 0 ? times.slice(drop) : times;
    this.accepted.set(key, kept);
    return kept;
  }
}
