// The platform-agnostic delivery worker: claim due messages with a lease, wait for rate-limit tokens,
// send through the platform's sender, and record the outcome in the queue. Nothing is lost (a message
// leaves 'sending' only through markSent/markFailed/retryLater, and a crashed worker's claims come back
// when the lease runs out) and nothing is sent twice (a message that may already have reached the
// platform is looked up with sender.findSent before any re-send).

import { setMaxListeners } from 'node:events';
import type { OutboundMessage } from '../../../src/core/index.js';
import { backoffDelay } from './backoff.js';
import { ClaimPump } from './claim-pump.js';
import { systemClock } from './clock.js';
import type { DeliveryStats, DeliveryWorker, DeliveryWorkerOptions } from './delivery-worker.types.js';
import type { SendResult } from './platform-sender.js';
import { ProgressTracker } from './progress-tracker.js';
import { RateLimiter } from './rate-limiter.js';
import { countersOf, maybeSentBefore, notSent, UNKNOWN, withCounters } from './send-markers.js';

/** the limiter key findSent spends from (Slack conversations.history is Tier 3) */
export const FIND_SENT_KEY = 'find-sent';
/** how many times an update waits for the message it edits (2 s, 4 s ... 20 s: almost two minutes in all) before it is posted as a new one */
const REPLACE_WAITS = 10;

export function createDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  return new Worker(options);
}

class Worker implements DeliveryWorker {
  readonly stats: DeliveryStats = {
    claimed: 0,
    sent: 0,
    recovered: 0,
    rateLimited: 0,
    retried: 0,
    failed: 0,
    unreachable: 0,
  };
  private readonly o: Required<Omit<DeliveryWorkerOptions, 'onProgress'>>;
  private readonly limiter: RateLimiter;
  private readonly progress: ProgressTracker;
  /** retries this worker scheduled, so drain({ untilEmpty }) knows when the queue is truly empty */
  private readonly scheduled = new Map<string, number>();
  private stopping = listenable(new AbortController());
  private hardAbort = listenable(new AbortController());
  private loop: Promise<void> | undefined;
  private readonly pump: ClaimPump;

  constructor(options: DeliveryWorkerOptions) {
    this.o = {
      batchSize: 50,
      concurrency: 8,
      leaseMs: 60_000,
      maxAttempts: 8,
      backoff: { baseMs: 1_000, maxMs: 300_000 },
      idleMs: 1_000,
      clock: systemClock,
      random: Math.random,
      progressEveryMs: 5_000,
      log: () => {},
      ...options,
    };
    this.limiter = new RateLimiter(this.o.limits, this.o.clock);
    this.progress = new ProgressTracker(
      this.o.queue,
      this.o.clock,
      this.o.progressEveryMs,
      options.onProgress,
      this.o.log,
    );
    this.pump = this.createPump();
  }

  start(): void {
    if (this.loop) return;
    this.stopping = listenable(new AbortController());
    this.hardAbort = listenable(new AbortController());
    this.loop = this.pump
      .run({ forever: true, stop: this.stopping.signal })
      .finally(() => (this.loop = undefined));
  }

  async stop(options: { graceMs?: number } = {}): Promise<void> {
    this.stopping.abort();
    const loop = this.loop;
    if (!loop) return;
    const grace = new AbortController();
    const finished = await Promise.race([
      loop.then(() => true),
      systemClock.sleep(options.graceMs ?? 10_000, grace.signal).then(() => false),
    ]);
    grace.abort();
    if (!finished) {
      this.hardAbort.abort();
      await loop;
    }
  }

  async drain(options: { untilEmpty?: boolean } = {}): Promise<DeliveryStats> {
    const nextScheduled = () => {
      // a retry long overdue was taken by another worker; do not wait for it forever
      for (const [id, at] of this.scheduled) if (at < this.now() - this.o.leaseMs) this.scheduled.delete(id);
      const next = Math.min(...this.scheduled.values());
      return options.untilEmpty && Number.isFinite(next) ? next : undefined;
    };
    await this.pump.run({ forever: false, stop: new AbortController().signal, nextScheduled });
    return { ...this.stats };
  }

  private createPump(): ClaimPump {
    return new ClaimPump({
      claim: async (limit, now, leaseMs) => {
        const batch = await this.o.queue.claim(this.o.sender.platform, limit, now, leaseMs);
        this.stats.claimed += batch.length;
        return batch;
      },
      process: (message, leaseEnd) => this.processSafely(message, leaseEnd),
      claimLimit: () => this.claimLimit(),
      concurrency: this.o.concurrency,
      batchSize: this.o.batchSize,
      leaseMs: this.o.leaseMs,
      idleMs: this.o.idleMs,
      clock: this.o.clock,
      onIdle: () => this.progress.flush(true),
      onProgress: () => this.progress.flush(false),
      onClaimError: (error) => this.o.log({ kind: 'error', where: 'claim', error: String(error) }),
    });
  }

  /** never claim more than the platform-wide limit lets us send within half a lease */
  private claimLimit(): number {
    const g = this.o.limits.global;
    if (!g) return this.o.batchSize;
    const capacity = Math.floor(g.burst + (g.ratePerSecond * this.o.leaseMs) / 2_000);
    return Math.max(1, Math.min(this.o.batchSize, capacity));
  }

  private async processSafely(message: OutboundMessage, leaseEnd: number): Promise<void> {
    this.scheduled.delete(message.id);
    try {
      await this.process(message, leaseEnd);
    } catch (error) {
      // a queue write failed: the message stays 'sending' and returns after its lease through findSent
      this.o.log({ kind: 'error', where: `message ${message.id}`, error: String(error) });
    }
    this.progress.touch(message);
  }

  private async process(message: OutboundMessage, leaseEnd: number): Promise<void> {
    const attempt = message.attempts + 1;
    if (this.stopping.signal.aborted) return this.handBack(message, this.now(), 'worker stopped');

    let replacesRef: string | undefined;
    if (message.replaces) {
      replacesRef = await this.o.queue.sentRefOf(message.orgId, message.replaces);
      const { waits } = countersOf(message.lastError);
      if (!replacesRef && waits < REPLACE_WAITS)
        return this.handBack(
          message,
          this.now() + Math.min(30_000, 2_000 * (waits + 1)),
          'waiting for the message it replaces',
          1,
        );
      // editing is idempotent, so an update whose earlier outcome is unknown is simply sent again
    } else if (maybeSentBefore(message)) {
      if (await this.recover(message, attempt, leaseEnd)) return;
    }

    const keys = this.o.sender.rateKeys(message);
    if (!(await this.limiter.acquire(keys, leaseEnd, this.stopping.signal))) {
      const reason = this.stopping.signal.aborted ? 'worker stopped' : 'rate limit wait outlasts the lease';
      return this.handBack(message, this.limiter.availableAt(keys), reason);
    }
    const result = await this.send(message, attempt, replacesRef, leaseEnd);
    await this.record(message, attempt, result, keys);
  }

  /** true when the message turned out to be sent already, or could not be checked (then it is retried later) */
  private async recover(message: OutboundMessage, attempt: number, leaseEnd: number): Promise<boolean> {
    if (!(await this.limiter.acquire([FIND_SENT_KEY], leaseEnd, this.stopping.signal))) {
      await this.o.queue.retryLater(
        message.id,
        new Date(this.limiter.availableAt([FIND_SENT_KEY])),
        message.lastError ?? `${UNKNOWN}not checked yet`,
      );
      return true;
    }
    let found: string | undefined | { unknown: true };
    try {
      found = await this.o.sender.findSent(message, this.hardAbort.signal);
    } catch (error) {
      found = { unknown: true };
      this.o.log({ kind: 'error', where: `findSent ${message.id}`, error: String(error) });
    }
    if (typeof found === 'string') {
      await this.o.queue.markSent(message.id, found, new Date(this.now()));
      this.stats.recovered++;
      this.o.log({ kind: 'sent', id: message.id, purpose: message.purpose, attempt, recovered: true });
      return true;
    }
    if (found) {
      await this.retry(message, attempt, {
        kind: 'retry',
        error: 'could not check whether it was sent',
        maybeSent: true,
      });
      return true;
    }
    return false;
  }

  /** findSent without retries: true when it was found and marked sent */
  private async lookUp(message: OutboundMessage): Promise<boolean> {
    try {
      const found = await this.o.sender.findSent(message, this.hardAbort.signal);
      if (typeof found !== 'string') return false;
      await this.o.queue.markSent(message.id, found, new Date(this.now()));
      this.stats.recovered++;
      return true;
    } catch {
      return false;
    }
  }

  private async send(
    message: OutboundMessage,
    attempt: number,
    replacesRef: string | undefined,
    leaseEnd: number,
  ): Promise<SendResult> {
    const abort = new AbortController();
    const onHard = () => abort.abort();
    this.hardAbort.signal.addEventListener('abort', onHard, { once: true });
    const timer = setTimeout(() => abort.abort(), Math.max(0, leaseEnd - this.now()));
    timer.unref?.();
    try {
      return await this.o.sender.send(message, { replacesRef, attempt, signal: abort.signal });
    } catch (error) {
      return { kind: 'retry', error: errorText(error), maybeSent: true };
    } finally {
      clearTimeout(timer);
      this.hardAbort.signal.removeEventListener('abort', onHard);
    }
  }

  private async record(
    message: OutboundMessage,
    attempt: number,
    result: SendResult,
    keys: string[],
  ): Promise<void> {
    switch (result.kind) {
      case 'sent':
        await this.o.queue.markSent(message.id, result.ref, new Date(this.now()));
        for (const hint of result.hints ?? []) this.limiter.hint(hint);
        this.stats.sent++;
        this.o.log({ kind: 'sent', id: message.id, purpose: message.purpose, attempt, recovered: false });
        return;
      case 'rate-limited': {
        const scope = result.scope ?? 'route';
        this.limiter.pause(scope === 'global' ? 'global' : (result.keys ?? keys), result.retryAfterMs);
        this.stats.rateLimited++;
        this.o.log({ kind: 'rate-limited', id: message.id, retryAfterMs: result.retryAfterMs, scope });
        // a 429 is the platform declining to act, so it never counts towards giving up
        return this.handBack(message, this.now() + result.retryAfterMs, 'rate limited (429)');
      }
      case 'retry':
        return this.retry(message, attempt, result);
      case 'unreachable':
      case 'failed':
        return this.giveUp(message, result.kind, result.error);
    }
  }

  private async retry(
    message: OutboundMessage,
    attempt: number,
    result: Extract<SendResult, { kind: 'retry' }>,
  ): Promise<void> {
    const counters = countersOf(message.lastError);
    const failures = counters.failures + 1;
    if (failures >= this.o.maxAttempts) {
      // before calling it failed, make sure the last attempt did not in fact post it
      if ((result.maybeSent || maybeSentBefore(message)) && !message.replaces && (await this.lookUp(message)))
        return;
      return this.giveUp(message, 'failed', `${result.error} (gave up after ${failures} failed attempts)`);
    }
    const delayMs = Math.max(backoffDelay(this.o.backoff, failures, this.o.random), result.retryAfterMs ?? 0);
    // a maybe-sent error stays marked so that the next attempt looks before it sends
    const text = withCounters(result.error, { ...counters, failures });
    const error = result.maybeSent || maybeSentBefore(message) ? UNKNOWN + text : notSent(message, text);
    await this.o.queue.retryLater(message.id, new Date(this.now() + delayMs), error);
    this.scheduled.set(message.id, this.now() + delayMs);
    this.stats.retried++;
    this.o.log({ kind: 'retry', id: message.id, attempt, delayMs, error: result.error });
  }

  private async handBack(message: OutboundMessage, at: number, reason: string, addWaits = 0): Promise<void> {
    // handing back never follows a send that may have happened, so the message stays "certainly not sent"
    // unless an earlier attempt left it unknown; the failure count carries over, a 429 adds nothing to it
    const counters = countersOf(message.lastError);
    const text = withCounters(reason, { ...counters, waits: counters.waits + addWaits });
    const error = maybeSentBefore(message) && !message.replaces ? UNKNOWN + text : notSent(message, text);
    await this.o.queue.retryLater(message.id, new Date(at), error);
    this.scheduled.set(message.id, at);
  }

  private async giveUp(
    message: OutboundMessage,
    status: 'failed' | 'unreachable',
    error: string,
  ): Promise<void> {
    await this.o.queue.markFailed(message.id, status, error);
    if (status === 'failed') this.stats.failed++;
    else this.stats.unreachable++;
    this.o.log({ kind: 'gave-up', id: message.id, status, error });
  }

  private now(): number {
    return this.o.clock.now().getTime();
  }
}

/** every in-flight send and rate-limit wait listens on these two signals; that is expected, not a leak */
function listenable(controller: AbortController): AbortController {
  setMaxListeners(0, controller.signal);
  return controller;
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
