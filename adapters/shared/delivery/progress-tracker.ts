// Tells the organiser how a fan-out is going (ballot DMs to thousands of voters take minutes under the
// platforms' rate limits). The worker marks an election/purpose dirty when one of its messages changes
// state; reports are throttled and a last one is always given when the worker runs out of due work.

import type { DeliveryQueue, OutboundMessage, OutboundStatus } from '../../../src/core/index.js';
import type { Clock, DeliveryLogEvent, ProgressReport } from './delivery-worker.types.js';

interface Entry {
  electionId: string;
  purpose: string;
  platformOrgId: string;
  lastReportAt: number;
  dirty: boolean;
}

export class ProgressTracker {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly queue: DeliveryQueue,
    private readonly clock: Clock,
    private readonly everyMs: number,
    private readonly onProgress: ((report: ProgressReport) => void | Promise<void>) | undefined,
    private readonly log: (event: DeliveryLogEvent) => void,
  ) {}

  touch(message: OutboundMessage): void {
    if (!this.onProgress || !message.electionId) return;
    const key = `${message.electionId}\u0000${message.purpose}`;
    const entry = this.entries.get(key);
    if (entry) entry.dirty = true;
    else
      this.entries.set(key, {
        electionId: message.electionId,
        purpose: message.purpose,
        platformOrgId: message.platformOrgId,
        lastReportAt: 0,
        dirty: true,
      });
  }

  /** report dirty entries whose last report is older than the interval, or all dirty ones when `final` */
  async flush(final: boolean): Promise<void> {
    if (!this.onProgress) return;
    const now = this.clock.now().getTime();
    for (const [key, entry] of this.entries) {
      if (!entry.dirty || (!final && now - entry.lastReportAt < this.everyMs)) continue;
      entry.dirty = false;
      entry.lastReportAt = now;
      try {
        const counts = await this.queue.progress(entry.electionId, entry.purpose);
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        const done = counts.pending === 0 && counts.sending === 0;
        const { electionId, purpose, platformOrgId } = entry;
        await this.onProgress({ electionId, purpose, platformOrgId, counts, total, done });
        if (done) this.entries.delete(key);
      } catch (error) {
        entry.dirty = true;
        this.log({ kind: 'error', where: 'progress', error: String(error) });
      }
    }
  }
}

export function emptyCounts(): Record<OutboundStatus, number> {
  return { pending: 0, sending: 0, sent: 0, failed: 0, unreachable: 0 };
}
