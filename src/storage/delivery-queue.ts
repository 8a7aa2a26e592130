// The durable outbound queue's worker side (ARCHITECTURE §5). Commands enqueue inside their own
// transaction (OutboxRepo); delivery workers in one or several processes claim, send and mark here.
import type { DeliveryQueue } from '../core/delivery/outbound.ports.js';
import type { OutboundMessage, OutboundStatus } from '../core/delivery/outbound.types.js';
import type { Database } from './connect.js';
import { outboxFromRow } from './mappers.js';
import { toCount } from './repos/context.js';

const STATUSES: readonly OutboundStatus[] = ['pending', 'sending', 'sent', 'failed', 'unreachable'];

export function createDeliveryQueue(database: Database): DeliveryQueue {
  const { db, dialect } = database;
  return {
    async claim(platform, limit, now, leaseMs) {
      if (limit <= 0) return [];
      const at = now.toISOString();
      const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
      // One statement picks and marks the batch, so no second claimer can take the same rows in
      // between. On PostgreSQL, SKIP LOCKED lets concurrent claimers pass over rows another process is
      // claiming instead of waiting for it (and then re-checking them against the new status).
      const rows = await db
        .updateTable('outbox')
        .set((eb) => ({
          status: 'sending',
          lease_until: leaseUntil,
          // A message still 'sending' had its lease run out: that attempt's outcome is unknown, count it.
          attempts: eb
            .case()
            .when('status', '=', 'sending')
            .then(eb('attempts', '+', 1))
            .else(eb.ref('attempts'))
            .end(),
        }))
        .where('id', 'in', (eb) => {
          const due = eb
            .selectFrom('outbox')
            .select('id')
            .where('platform', '=', platform)
            .where((w) =>
              w.or([
                w.and([w('status', '=', 'pending'), w('not_before', '<=', at)]),
                w.and([w('status', '=', 'sending'), w('lease_until', '<=', at)]),
              ]),
            )
            .orderBy('not_before')
            .orderBy('created_at')
            .orderBy('id')
            .limit(limit);
          return dialect === 'postgres' ? due.forUpdate().skipLocked() : due;
        })
        .returningAll()
        .execute();
      // RETURNING gives no order; hand messages out oldest-due first.
      return rows.map(outboxFromRow).sort(byDue);
    },
    async markSent(id, sentRef, now) {
      await db
        .updateTable('outbox')
        .set({
          status: 'sent',
          sent_ref: sentRef,
          sent_at: now.toISOString(),
          lease_until: null,
          last_error: null,
        })
        .where('id', '=', id)
        .execute();
    },
    async retryLater(id, notBefore, error) {
      // Only a message still being sent goes back: if another worker already marked it sent after this
      // worker's lease ran out, putting it back would send it twice.
      await db
        .updateTable('outbox')
        .set((eb) => ({
          status: 'pending',
          not_before: notBefore.toISOString(),
          last_error: error,
          lease_until: null,
          attempts: eb('attempts', '+', 1),
        }))
        .where('id', '=', id)
        .where('status', '=', 'sending')
        .execute();
    },
    async markFailed(id, status, error) {
      await db
        .updateTable('outbox')
        .set({ status, last_error: error, lease_until: null })
        .where('id', '=', id)
        .where('status', 'in', ['pending', 'sending'])
        .execute();
    },
    async sentRefOf(orgId, dedupeKey) {
      const row = await db
        .selectFrom('outbox')
        .select('sent_ref')
        .where('org_id', '=', orgId)
        .where('dedupe_key', '=', dedupeKey)
        .where('status', '=', 'sent')
        .executeTakeFirst();
      return row?.sent_ref ?? undefined;
    },
    async progress(electionId, purpose) {
      const rows = await db
        .selectFrom('outbox')
        .select((eb) => ['status', eb.fn.countAll().as('n')])
        .where('election_id', '=', electionId)
        .where('purpose', '=', purpose)
        .groupBy('status')
        .execute();
      const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<OutboundStatus, number>;
      for (const r of rows) counts[r.status as OutboundStatus] = toCount(r.n);
      return counts;
    },
  };
}

function byDue(a: OutboundMessage, b: OutboundMessage): number {
  return cmp(a.notBefore, b.notBefore) || cmp(a.createdAt, b.createdAt) || cmp(a.id, b.id);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
