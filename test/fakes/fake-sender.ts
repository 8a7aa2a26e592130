// A fake platform and its sender. The "platform" keeps what it really delivered, per outbox id, so tests
// can count duplicates; a script decides per call whether the platform answers normally, with 429, with
// 500 (before or after posting), times out after posting, or never answers (a worker crash).

import type { OutboundMessage } from '../../src/core/index.js';
import type { Clock, PlatformSender, SendContext, SendResult } from '../../adapters/shared/index.js';

export type Fault =
  | 'ok'
  | { status: 429; retryAfterMs: number; global?: boolean }
  | { status: 500; postedAnyway?: boolean }
  | 'refused' // connection refused: certainly not sent
  | 'timeout-after-post' // the platform posted it, the answer never came
  | 'hang-after-post' // posted, and the worker dies before hearing back
  | 'dm-closed'
  | 'find-fails';

export interface SendCall {
  id: string;
  at: number;
  attempt: number;
  fault: Fault;
  replacesRef?: string;
}

export class FakePlatform implements PlatformSender {
  readonly platform = 'slack' as const;
  /** outbox id → platform refs of each copy really posted */
  readonly delivered = new Map<string, string[]>();
  readonly edits: { ref: string; id: string }[] = [];
  readonly calls: SendCall[] = [];
  readonly findCalls: string[] = [];
  private refSeq = 0;

  constructor(
    private readonly clock: Clock,
    private readonly script: (message: OutboundMessage, call: number) => Fault = () => 'ok',
  ) {}

  rateKeys(message: OutboundMessage): string[] {
    const d = message.destination;
    return ['chat.postMessage', d.kind === 'dm' ? `dm:${d.memberId}` : `channel:${d.channelId}`];
  }

  async send(message: OutboundMessage, ctx: SendContext): Promise<SendResult> {
    const fault = this.script(message, this.calls.filter((c) => c.id === message.id).length);
    this.calls.push({
      id: message.id,
      at: this.clock.now().getTime(),
      attempt: ctx.attempt,
      fault,
      replacesRef: ctx.replacesRef,
    });
    if (fault === 'ok') return { kind: 'sent', ref: this.post(message, ctx) };
    if (fault === 'refused') return { kind: 'retry', error: 'ECONNREFUSED', maybeSent: false };
    if (fault === 'dm-closed') return { kind: 'unreachable', error: 'cannot send messages to this user' };
    if (fault === 'find-fails') return { kind: 'retry', error: 'socket hang up', maybeSent: true };
    if (fault === 'timeout-after-post') {
      this.post(message, ctx);
      throw new Error('request timed out');
    }
    if (fault === 'hang-after-post') {
      this.post(message, ctx);
      return new Promise<SendResult>(() => {});
    }
    if (fault.status === 429)
      return {
        kind: 'rate-limited',
        retryAfterMs: fault.retryAfterMs,
        scope: fault.global ? 'global' : 'route',
      };
    if (fault.postedAnyway) this.post(message, ctx);
    return { kind: 'retry', error: 'HTTP 500', maybeSent: true };
  }

  async findSent(message: OutboundMessage): Promise<string | undefined | { unknown: true }> {
    this.findCalls.push(message.id);
    // a message scripted 'find-fails' first time also finds the lookup unavailable the first time
    if (
      this.script(message, 0) === 'find-fails' &&
      this.findCalls.filter((x) => x === message.id).length === 1
    )
      return { unknown: true };
    return this.delivered.get(message.id)?.[0];
  }

  /** messages posted more than once: must always be empty */
  duplicates(): string[] {
    return [...this.delivered].filter(([, refs]) => refs.length > 1).map(([id]) => id);
  }

  private post(message: OutboundMessage, ctx: SendContext): string {
    if (ctx.replacesRef) {
      this.edits.push({ ref: ctx.replacesRef, id: message.id });
      return ctx.replacesRef;
    }
    const ref = `C:${++this.refSeq}`;
    this.delivered.set(message.id, [...(this.delivered.get(message.id) ?? []), ref]);
    return ref;
  }
}
