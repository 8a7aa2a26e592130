// An in-memory DeliveryQueue that keeps the contract the storage implementation keeps, including the
// part the delivery worker's recovery relies on: a message claimed again after its lease ran out comes
// back with attempts raised (lastError untouched), because its earlier send may have happened.

import type {
  DeliveryQueue,
  NewOutboundMessage,
  OutboundMessage,
  OutboundStatus,
  Platform,
} from '../../src/core/index.js';

interface Row extends OutboundMessage {
  leaseUntil?: number;
}

export class FakeQueue implements DeliveryQueue {
  readonly rows: Row[] = [];
  private readonly byId = new Map<string, Row>();
  /** every queue call, for assertions about what the worker recorded */
  readonly calls: { op: string; id?: string; at?: number; error?: string }[] = [];
  private seq = 0;

  constructor(private readonly platform: Platform = 'slack') {}

  enqueue(message: NewOutboundMessage, createdAt = new Date(0), platformOrgId = 'T1'): OutboundMessage {
    const existing = this.rows.find((r) => r.orgId === message.orgId && r.dedupeKey === message.dedupeKey);
    if (existing) return existing;
    const row: Row = {
      ...message,
      id: `m${String(++this.seq).padStart(6, '0')}`,
      platform: this.platform,
      platformOrgId,
      status: 'pending',
      attempts: 0,
      notBefore: createdAt.toISOString(),
      createdAt: createdAt.toISOString(),
    };
    this.rows.push(row);
    this.byId.set(row.id, row);
    return row;
  }

  async claim(platform: Platform, limit: number, now: Date, leaseMs: number): Promise<OutboundMessage[]> {
    const t = now.getTime();
    const due = this.rows.filter(
      (r) =>
        r.platform === platform &&
        ((r.status === 'pending' && Date.parse(r.notBefore) <= t) ||
          (r.status === 'sending' && (r.leaseUntil ?? 0) <= t)),
    );
    const claimed = due.slice(0, limit);
    for (const r of claimed) {
      // like storage: the lease ran out, so that attempt's outcome is unknown and it counts; lastError stays
      if (r.status === 'sending') r.attempts += 1;
      r.status = 'sending';
      r.leaseUntil = t + leaseMs;
    }
    this.calls.push({ op: 'claim', at: t });
    return claimed.map((r) => structuredClone(withoutLease(r)));
  }

  async markSent(id: string, sentRef: string, now: Date): Promise<void> {
    const r = this.row(id);
    this.calls.push({ op: 'markSent', id, at: now.getTime() });
    r.status = 'sent';
    r.sentRef = sentRef;
    r.lastError = undefined;
    r.leaseUntil = undefined;
  }

  async retryLater(id: string, notBefore: Date, error: string): Promise<void> {
    const r = this.row(id);
    this.calls.push({ op: 'retryLater', id, at: notBefore.getTime(), error });
    // storage ignores this for a message no longer 'sending'; the fake is stricter so that a worker
    // touching a message it does not hold fails the test
    if (r.status !== 'sending') throw new Error(`retryLater on ${r.status} message ${id}`);
    r.status = 'pending';
    r.attempts += 1;
    r.notBefore = notBefore.toISOString();
    r.lastError = error;
    r.leaseUntil = undefined;
  }

  async markFailed(id: string, status: 'failed' | 'unreachable', error: string): Promise<void> {
    const r = this.row(id);
    this.calls.push({ op: 'markFailed', id, error });
    if (r.status !== 'sending') throw new Error(`markFailed on ${r.status} message ${id}`);
    r.status = status;
    r.lastError = error;
    r.leaseUntil = undefined;
  }

  async sentRefOf(orgId: string, dedupeKey: string): Promise<string | undefined> {
    return this.rows.find((r) => r.orgId === orgId && r.dedupeKey === dedupeKey && r.status === 'sent')
      ?.sentRef;
  }

  async progress(electionId: string, purpose: string): Promise<Record<OutboundStatus, number>> {
    const counts: Record<OutboundStatus, number> = {
      pending: 0,
      sending: 0,
      sent: 0,
      failed: 0,
      unreachable: 0,
    };
    for (const r of this.rows)
      if (r.electionId === electionId && r.purpose === purpose) counts[r.status] += 1;
    return counts;
  }

  statusCounts(): Record<OutboundStatus, number> {
    const counts: Record<OutboundStatus, number> = {
      pending: 0,
      sending: 0,
      sent: 0,
      failed: 0,
      unreachable: 0,
    };
    for (const r of this.rows) counts[r.status] += 1;
    return counts;
  }

  private row(id: string): Row {
    const r = this.byId.get(id);
    if (!r) throw new Error(`no message ${id}`);
    return r;
  }
}

function withoutLease(r: Row): OutboundMessage {
  const { leaseUntil: _lease, ...message } = r;
  return message;
}
