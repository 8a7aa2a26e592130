// An in-memory DeliveryQueue that keeps the storage contract: claims move due messages to 'sending'
// with a lease; an expired lease makes a message claimable again with attempts raised (so the worker
// knows the earlier attempt may have reached Slack); dedupe keys are unique per organisation.

import { randomUUID } from 'node:crypto';
import type { DeliveryQueue, NewOutboundMessage, OutboundMessage, OutboundStatus, Platform } from '../../../src/core/index.js';

interface Row extends OutboundMessage {
  leaseUntil?: number;
}

export class MemoryQueue implements DeliveryQueue {
  readonly rows: Row[] = [];
  private readonly byId = new Map<string, Row>();

  enqueue(platformOrgId: string, m: NewOutboundMessage, now = new Date()): OutboundMessage | undefined {
    if (this.rows.some((r) => r.orgId === m.orgId && r.dedupeKey === m.dedupeKey)) return undefined;
    const row: Row = {
      ...m,
      id: randomUUID(),
      platform: 'slack',
      platformOrgId,
      status: 'pending',
      attempts: 0,
      notBefore: now.toISOString(),
      createdAt: now.toISOString(),
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
        ((r.status === 'pending' && Date.parse(r.notBefore) <= t) || (r.status === 'sending' && (r.leaseUntil ?? 0) <= t)),
    );
    return due.slice(0, limit).map((r) => {
      if (r.status === 'sending') {
        // a lease ran out: the worker holding it may have sent the message before it died
        r.attempts += 1;
        r.lastError = r.lastError ?? 'unknown: lease expired';
      }
      r.status = 'sending';
      r.leaseUntil = t + leaseMs;
      return structuredClone(r);
    });
  }

  async markSent(id: string, sentRef: string): Promise<void> {
    const r = this.get(id);
    r.status = 'sent';
    r.sentRef = sentRef;
    r.leaseUntil = undefined;
  }

  async retryLater(id: string, notBefore: Date, error: string): Promise<void> {
    const r = this.get(id);
    r.status = 'pending';
    r.attempts += 1;
    r.notBefore = notBefore.toISOString();
    r.lastError = error;
    r.leaseUntil = undefined;
  }

  async markFailed(id: string, status: 'failed' | 'unreachable', error: string): Promise<void> {
    const r = this.get(id);
    r.status = status;
    r.lastError = error;
    r.leaseUntil = undefined;
  }

  async sentRefOf(orgId: string, dedupeKey: string): Promise<string | undefined> {
    return this.rows.find((r) => r.orgId === orgId && r.dedupeKey === dedupeKey && r.status === 'sent')?.sentRef;
  }

  async progress(electionId: string, purpose: string): Promise<Record<OutboundStatus, number>> {
    const counts: Record<OutboundStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0, unreachable: 0 };
    for (const r of this.rows) if (r.electionId === electionId && r.purpose === purpose) counts[r.status]++;
    return counts;
  }

  private get(id: string): Row {
    const r = this.byId.get(id);
    if (!r) throw new Error(`no message ${id}`);
    return r;
  }
}
