// The seam between the platform-agnostic delivery worker and one platform's API client.
// A sender turns one OutboundMessage into platform calls (open the DM, post, or edit in place) and
// classifies what happened; the worker owns retries, rate limits, leases and marking the queue.

import type { OutboundMessage, Platform } from '../../../src/core/index.js';

/** What one send attempt came to. The worker decides what to do with the queue from this alone. */
export type SendResult =
  /** delivered; `ref` is what a later in-place update needs (Slack "channel:ts", Discord "channel:message") */
  | { kind: 'sent'; ref: string; hints?: RateHint[] }
  /**
   * 429. `retryAfterMs` from Retry-After (Slack, seconds) or retry_after (Discord, seconds as a float).
   * `scope: 'global'` pauses every send on this platform; otherwise only the given buckets (default: the
   * message's own buckets from rateKeys) pause. A 429 means the platform did not act on the request.
   */
  | { kind: 'rate-limited'; retryAfterMs: number; scope?: 'global' | 'route'; keys?: string[] }
  /**
   * 5xx, timeouts, resets. `maybeSent` is false only when the request certainly never reached the
   * platform (connection refused, DNS); when true the next attempt first asks findSent, because Slack in
   * particular may have posted the message before answering 500 or before the connection dropped.
   */
  | { kind: 'retry'; error: string; maybeSent: boolean; retryAfterMs?: number }
  /** the destination cannot receive it: DMs closed (Discord 50007), user gone, bot removed from channel */
  | { kind: 'unreachable'; error: string }
  /** a permanent refusal (4xx other than 429): retrying would not help */
  | { kind: 'failed'; error: string };

/** Rate-limit state a platform reports on success (Discord X-RateLimit-*), so the limiter can slow down early. */
export interface RateHint {
  key: string;
  remaining: number;
  resetAfterMs: number;
}

export interface SendContext {
  /** when the message edits an earlier one (`message.replaces`), that message's sentRef */
  replacesRef?: string;
  /** 1 for the first attempt; counts every attempt including this one */
  attempt: number;
  /** aborted when the worker is stopped hard or the lease is about to run out; senders pass it to fetch */
  signal: AbortSignal;
}

export interface PlatformSender {
  readonly platform: Platform;
  /**
   * Send (or, with ctx.replacesRef, update) the message. Should return a SendResult rather than throw;
   * a thrown error is treated as { kind: 'retry', maybeSent: true }.
   * Never log message.body: ballot DMs and receipts must not reach logs.
   */
  send(message: OutboundMessage, ctx: SendContext): Promise<SendResult>;
  /**
   * The idempotent recovery path. Called before re-sending a message whose earlier attempt may have
   * reached the platform (lease expired mid-send, timeout, 5xx). Return the sentRef if the platform
   * already has it (Slack: conversations.history filtered by the outbox id in message metadata;
   * Discord: a message carrying the outbox id as nonce), or undefined if it certainly does not.
   * Throw (or return { unknown: true }) if the platform cannot be asked right now: the worker retries later
   * rather than risk a duplicate.
   * A sender whose sends are themselves idempotent (Discord nonce with enforce_nonce inside its window)
   * may return undefined without looking.
   */
  findSent(message: OutboundMessage, signal: AbortSignal): Promise<string | undefined | { unknown: true }>;
  /**
   * Rate-limit buckets the message's send will spend from, most specific last, e.g. Slack
   * ['chat.postMessage', 'channel:D123'] or Discord ['POST /channels/:id/messages', 'channel:123'].
   * Limits for each key come from the worker's RateLimitConfig; the platform-wide bucket is implicit.
   * A DM whose channel is not known yet may name the member ('dm:U123').
   */
  rateKeys(message: OutboundMessage): string[];
}

/** Token-bucket limits for one platform. Rates are per second; `burst` is the bucket size. */
export interface BucketLimit {
  ratePerSecond: number;
  burst: number;
}

export interface RateLimitConfig {
  /** every send on this platform (Discord: 50 requests/s per bot) */
  global?: BucketLimit;
  /** a limit per key, matched by exact key first, then by the key's prefix up to the first ':' */
  buckets: Record<string, BucketLimit>;
}
