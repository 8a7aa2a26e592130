// Keeps the worker's senders busy: claims messages ahead in batches, hands them to `concurrency`
// runners, and claims more when the local buffer runs low, without waiting for a whole batch to finish.
// (Waiting per batch let one message held back by its channel's limit idle every other runner.)
// Messages for one destination never run at the same time, and run in claim order: a notice and
// its later in-place edit must not swap.

import type { OutboundMessage } from '../../../src/core/index.js';
import type { Clock } from './delivery-worker.types.js';

export interface PumpOptions {
  claim(limit: number, now: Date, leaseMs: number): Promise<OutboundMessage[]>;
  /** handle one message; must not throw */
  process(message: OutboundMessage, leaseEnd: number): Promise<void>;
  claimLimit(): number;
  concurrency: number;
  batchSize: number;
  leaseMs: number;
  idleMs: number;
  clock: Clock;
  /** called when there is nothing to do right now (progress reports) */
  onIdle(): Promise<void>;
  /** called after messages finished (throttled progress reports) */
  onProgress(): Promise<void>;
  onClaimError(error: unknown): void;
}

interface Item {
  message: OutboundMessage;
  leaseEnd: number;
  destination: string;
}

/** how soon (real time) to ask the queue again after it had nothing due, while other work is running */
const RECLAIM_MS = 200;

export class ClaimPump {
  private readonly buffer: Item[] = [];
  private readonly busy = new Set<string>();
  private active = 0;
  private waiters: (() => void)[] = [];
  private lastEmptyClaim = -Infinity;

  constructor(private readonly o: PumpOptions) {}

  /**
   * Run until `stop` aborts (forever), or until nothing is due and nothing is running (drain). With
   * `nextScheduled`, a drain waits for retries scheduled in the future instead of returning.
   */
  async run(mode: {
    forever: boolean;
    stop: AbortSignal;
    nextScheduled?: () => number | undefined;
  }): Promise<void> {
    for (;;) {
      if (mode.stop.aborted) break;
      const low = this.buffer.length < Math.max(1, this.o.batchSize / 2);
      const mayClaim =
        performance.now() - this.lastEmptyClaim >= RECLAIM_MS ||
        (this.buffer.length === 0 && this.active === 0);
      if (low && mayClaim) {
        const claimed = await this.claim();
        if (claimed > 0) continue;
        if (this.buffer.length === 0 && this.active === 0) {
          await this.o.onIdle();
          if (mode.forever) {
            await this.o.clock.sleep(this.o.idleMs, mode.stop);
            continue;
          }
          const next = mode.nextScheduled?.();
          if (next === undefined) return;
          await this.o.clock.sleep(Math.max(1, next - this.o.clock.now().getTime()));
          this.lastEmptyClaim = -Infinity;
          continue;
        }
      }
      await this.changed(RECLAIM_MS);
      await this.o.onProgress();
    }
    // stopping: runners hand back what is left in the buffer (process() sees the stop) and finish
    this.startRunners();
    while (this.active > 0) await this.changed(RECLAIM_MS);
  }

  private async claim(): Promise<number> {
    const now = this.o.clock.now();
    let batch: OutboundMessage[];
    try {
      batch = await this.o.claim(Math.max(1, this.o.claimLimit() - this.buffer.length), now, this.o.leaseMs);
    } catch (error) {
      this.o.onClaimError(error);
      batch = [];
    }
    if (batch.length === 0) {
      this.lastEmptyClaim = performance.now();
      return 0;
    }
    // stop sending a little before the lease ends, so no other worker can hold a message while we send it
    const leaseEnd = now.getTime() + this.o.leaseMs - Math.min(5_000, this.o.leaseMs / 10);
    for (const message of batch) this.buffer.push({ message, leaseEnd, destination: destinationOf(message) });
    this.startRunners();
    return batch.length;
  }

  private startRunners(): void {
    while (this.active < this.o.concurrency && this.buffer.some((it) => !this.busy.has(it.destination))) {
      this.active++;
      void this.runner();
    }
  }

  private async runner(): Promise<void> {
    try {
      for (;;) {
        const i = this.buffer.findIndex((it) => !this.busy.has(it.destination));
        if (i < 0) return;
        const [item] = this.buffer.splice(i, 1);
        this.busy.add(item.destination);
        try {
          await this.o.process(item.message, item.leaseEnd);
        } finally {
          this.busy.delete(item.destination);
          this.notify();
        }
      }
    } finally {
      this.active--;
      this.notify();
    }
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** resolves when a message finishes, or after `ms` of real time */
  private changed(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref?.();
      const self = this;
      function done() {
        clearTimeout(timer);
        self.waiters = self.waiters.filter((w) => w !== done);
        resolve();
      }
      this.waiters.push(done);
    });
  }
}

function destinationOf(m: OutboundMessage): string {
  return `${m.platformOrgId}/${m.destination.kind === 'dm' ? `dm:${m.destination.memberId}` : m.destination.channelId}`;
}
