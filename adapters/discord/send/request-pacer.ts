// Keeps REST requests within Discord's global budget (50 requests/s per bot). The delivery worker's
// limiter counts messages, but a first ballot DM costs two requests (open the DM channel, post), so
// the sender paces its own requests too and the worker's buckets rarely meet a 429.
//
// A sliding one-second log rather than a token bucket: Discord counts in fixed windows, and any fixed
// window is one of the sliding ones, so this never overruns it; and unlike a bucket with a small burst
// it loses no capacity when timers fire late on a busy machine. Takes are served in order.
export class RequestPacer {
  private readonly stamps: number[] = [];
  private chain: Promise<void> = Promise.resolve();
  private pausedUntil = 0;

  constructor(
    private readonly perWindow: number,
    /** a little over a second, for the spread between sending a request and Discord receiving it */
    private readonly windowMs = 1020,
  ) {}

  take(signal?: AbortSignal): Promise<void> {
    if (this.perWindow <= 0) return Promise.resolve();
    const turn = this.chain.then(() => this.acquire(signal));
    this.chain = turn.catch(() => undefined);
    return turn;
  }

  /** a 429 with global scope: nothing goes out until it has passed */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
  }

  private async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) throw new Error('aborted');
      const now = Date.now();
      while (this.stamps.length > 0 && this.stamps[0] <= now - this.windowMs) this.stamps.shift();
      let wait = this.pausedUntil - now;
      if (wait <= 0) {
        if (this.stamps.length < this.perWindow) {
          this.stamps.push(now);
          return;
        }
        wait = this.stamps[0] + this.windowMs - now + 1;
      }
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}
