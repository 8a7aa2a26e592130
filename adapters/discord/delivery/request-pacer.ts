// Spaces REST requests to Discord's global budget (50 requests/s per bot). The delivery worker's
// limiter counts messages, but a first ballot DM costs two requests (open the DM channel, post), so
// the sender paces its own requests too; the worker's buckets then rarely meet a 429.
export class RequestPacer {
  private tokens: number;
  private last = Date.now();

  constructor(
    private readonly perSecond: number,
    private readonly burst = perSecond,
  ) {
    this.tokens = burst;
  }

  async take(signal?: AbortSignal): Promise<void> {
    if (this.perSecond <= 0) return;
    for (;;) {
      const now = Date.now();
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      if (signal?.aborted) throw new Error('aborted');
      await new Promise((r) => setTimeout(r, Math.ceil(((1 - this.tokens) / this.perSecond) * 1000)));
    }
  }

  /** a 429 with global scope: nothing goes out until it has passed */
  pause(ms: number): void {
    this.tokens = Math.min(this.tokens, 0) - (ms / 1000) * this.perSecond;
  }
}
