// The public shape of the delivery worker, so platform adapters can wire it before it is finished.

import type { DeliveryQueue, OutboundStatus } from '../../../src/core/index.js';
import type { PlatformSender, RateLimitConfig } from './platform-sender.js';

export interface Clock {
  now(): Date;
  /** resolves after `ms`, or early (without throwing) when `signal` aborts */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface DeliveryWorkerOptions {
  queue: DeliveryQueue;
  sender: PlatformSender;
  limits: RateLimitConfig;
  /** messages claimed per round trip to the queue; default 50 */
  batchSize?: number;
  /** sends in flight at once; default 8 */
  concurrency?: number;
  /** how long a claim protects a message from other workers; default 60 s */
  leaseMs?: number;
  /** failed attempts (5xx, network errors, lookups that could not answer) before a message is marked 'failed'; 429s never count; default 8 */
  maxAttempts?: number;
  /** exponential backoff with full jitter for 5xx and network errors; default 1 s doubling to 5 min */
  backoff?: { baseMs: number; maxMs: number };
  /** how long to wait when nothing is due; default 1 s */
  idleMs?: number;
  clock?: Clock;
  /** [0, 1); injectable for deterministic jitter in tests */
  random?: () => number;
  /** called at most every `progressEveryMs` (default 5 s) per election and purpose while it changes, and once at the end */
  onProgress?: (report: ProgressReport) => void | Promise<void>;
  progressEveryMs?: number;
  /** structured events without message bodies (never log ballot content) */
  log?: (event: DeliveryLogEvent) => void;
}

export interface ProgressReport {
  electionId: string;
  purpose: string;
  /** platformOrgId of the organisation, so the adapter knows which workspace/server to tell */
  platformOrgId: string;
  counts: Record<OutboundStatus, number>;
  total: number;
  /** nothing left pending or sending */
  done: boolean;
}

export type DeliveryLogEvent =
  | { kind: 'sent'; id: string; purpose: string; attempt: number; recovered: boolean }
  | { kind: 'rate-limited'; id: string; retryAfterMs: number; scope: 'global' | 'route' }
  | { kind: 'retry'; id: string; attempt: number; delayMs: number; error: string }
  | { kind: 'gave-up'; id: string; status: 'failed' | 'unreachable'; error: string }
  | { kind: 'error'; where: string; error: string };

export interface DeliveryStats {
  claimed: number;
  sent: number;
  recovered: number;
  rateLimited: number;
  retried: number;
  failed: number;
  unreachable: number;
}

export interface DeliveryWorker {
  /** run until stop(); claims due messages, idles when there are none */
  start(): void;
  /**
   * Stop claiming; wait up to `graceMs` (default 10 s) for sends already in flight, then abort them.
   * Claimed messages not yet started are handed back (retryLater at once), so nothing waits for the lease.
   */
  stop(options?: { graceMs?: number }): Promise<void>;
  /** process until nothing is due now (or, with untilEmpty, until nothing is pending at all); for tests, the console and benchmarks */
  drain(options?: { untilEmpty?: boolean }): Promise<DeliveryStats>;
  readonly stats: Readonly<DeliveryStats>;
}

export type { PlatformSender, RateLimitConfig };
