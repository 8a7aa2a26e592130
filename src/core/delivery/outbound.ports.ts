// Both sides of the outbound queue: commands enqueue inside their transaction (OutboxRepo), delivery
// workers claim, send and mark (DeliveryQueue). Implemented by src/storage over Kysely; core tests use test/fakes/memory-store.ts.
import type { OutboundMessage, OutboundStatus, Platform } from './outbound.types.js';

export interface OutboxRepo {
  /** insert unless (orgId, dedupeKey) exists; returns whether it was inserted */
  enqueue(message: OutboundMessage): Promise<boolean>;
  /** at close: the election's receipt DMs not being sent right now (each names its voter and code) */
  forgetReceipts(electionId: string): Promise<void>;
}

/** What delivery workers use. Implemented by storage; wired in main.ts. */
export interface DeliveryQueue {
  /** Claim up to `limit` due messages of a platform; claimed messages move to 'sending' with a lease. */
  claim(platform: Platform, limit: number, now: Date, leaseMs: number): Promise<OutboundMessage[]>;
  markSent(id: string, sentRef: string, now: Date): Promise<void>;
  /** Put back for a later attempt (429 / 5xx / network); attempts is incremented. */
  retryLater(id: string, notBefore: Date, error: string): Promise<void>;
  /** Give up: the destination cannot be reached (e.g. DMs closed) or attempts exhausted. */
  markFailed(id: string, status: 'failed' | 'unreachable', error: string): Promise<void>;
  /** sentRef of an already-sent message by dedupe key, for in-place updates. */
  sentRefOf(orgId: string, dedupeKey: string): Promise<string | undefined>;
  /** Per-election progress: counts by status for a purpose. */
  progress(electionId: string, purpose: string): Promise<Record<OutboundStatus, number>>;
}

// This module's repositories join the one transaction every command runs in (kit/store.ts).
declare module '../kit/store.js' {
  interface Tx {
    outbox: OutboxRepo;
  }
}
