// The durable outbound queue (ARCHITECTURE §5). Commands enqueue inside their transaction, so a
// message exists exactly when the change that caused it committed. Delivery workers (adapters/shared)
// claim, send, and mark; a message is never sent twice because the claim, the send's platform
// reference and the final mark are recorded, and a message whose send outcome is unknown is retried
// only through an idempotent path (see adapters/shared/delivery).

import type { Platform } from '../shared/platform.js';
import type { MessageBody } from '../shared/reply.js';

export type { Platform };

export type OutboundDestination = { kind: 'channel'; channelId: string } | { kind: 'dm'; memberId: string };

export type OutboundStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'unreachable';

export interface OutboundMessage {
  id: string;
  orgId: string;
  platform: Platform;
  /** the organisation's id on its platform (Slack team id, Discord guild id, 'console') */
  platformOrgId: string;
  destination: OutboundDestination;
  body: MessageBody;
  /** unique per organisation: enqueueing the same key twice keeps the first message */
  dedupeKey: string;
  /** when set, this message edits the already-sent message with that dedupe key (e.g. the live turnout line) */
  replaces?: string;
  /** an election the message belongs to, for progress reports */
  electionId?: string;
  /** ballot DM, reminder, notice ... for progress reports */
  purpose: string;
  status: OutboundStatus;
  attempts: number;
  /** ISO time before which it must not be sent (backoff, Retry-After) */
  notBefore: string;
  /** the platform's reference to the sent message (Slack channel+ts, Discord channel+message id) */
  sentRef?: string;
  lastError?: string;
  createdAt: string;
}

export interface NewOutboundMessage {
  orgId: string;
  destination: OutboundDestination;
  body: MessageBody;
  dedupeKey: string;
  replaces?: string;
  electionId?: string;
  purpose: string;
}
