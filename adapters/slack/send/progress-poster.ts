// Shows the organisers how a large fan-out is going: one line in the election's channel, edited in
// place as the worker reports ("Ballot messages: 4,210 of 10,000 delivered · 5,790 still to send").
// The channel is learnt from the election's own channel posts passing through the sender; small
// fan-outs (under `minTotal`) are not worth a message.

import type { WebClient } from '@slack/web-api';
import type { OutboundMessage } from '../../../src/core/index.js';
import { progressText, type ProgressReport, type TranslateFn } from '../../shared/index.js';

export class ProgressPoster {
  private readonly channels = new Map<string, string>();
  private readonly posted = new Map<string, string>();

  constructor(
    private readonly clientFor: (teamId: string) => Promise<WebClient | undefined>,
    private readonly translate: TranslateFn,
    private readonly minTotal = 50,
  ) {}

  /** called for every message the sender posts: remember where each election talks */
  observe(message: OutboundMessage): void {
    if (message.electionId && message.destination.kind === 'channel')
      this.channels.set(message.electionId, message.destination.channelId);
  }

  async report(report: ProgressReport): Promise<void> {
    if (report.total < this.minTotal) return;
    const channel = this.channels.get(report.electionId);
    const client = channel ? await this.clientFor(report.platformOrgId) : undefined;
    if (!channel || !client) return;
    const text = progressText(report, this.translate);
    const key = `${report.electionId}:${report.purpose}`;
    const ts = this.posted.get(key);
    // Progress is a convenience: a failed post or edit is dropped, the next report tries again.
    try {
      if (ts) await client.chat.update({ channel, ts, text });
      else {
        const res = await client.chat.postMessage({ channel, text });
        if (res.ts) this.posted.set(key, res.ts);
      }
      if (report.done) this.posted.delete(key);
    } catch {
      /* next report */
    }
  }
}
