// PlatformSender for Slack: one OutboundMessage -> chat.postMessage (or chat.update in place), with the
// outbox id in message metadata so the recovery path can find a message whose send outcome is unknown
// (conversations.history with include_all_metadata). A results chart is uploaded with Slack's current
// upload flow (files.getUploadURLExternal, POST the bytes, files.completeUploadExternal).

import { LogLevel, WebClient } from '@slack/web-api';
import type { ChartData, OutboundMessage } from '../../../src/core/index.js';
import type { Logger, PlatformSender, SendContext, SendResult } from '../../shared/index.js';
import { fallbackText, renderBlocks } from '../render/blocks.js';
import { classifySlackError } from './classify-error.js';
import { uploadChart } from './chart-upload.js';

export const OUTBOX_EVENT = 'teller_outbox';

export interface SlackSenderOptions {
  /** the bot token of a workspace (single-workspace token, or the OAuth installation's) */
  tokenFor(teamId: string): Promise<string | undefined>;
  apiUrl?: string;
  /** ChartData -> PNG bytes (adapters/shared chart renderer); without it charts are left out */
  renderChart?: (chart: ChartData) => Promise<Uint8Array> | Uint8Array;
  chartTitle?: (message: OutboundMessage) => string;
  logger?: Logger;
  /** Web API timeout per call; default 15 s */
  timeoutMs?: number;
  /** sees every message before it is sent (the progress poster learns election channels from them) */
  observe?: (message: OutboundMessage) => void;
}

export class SlackSender implements PlatformSender {
  readonly platform = 'slack' as const;
  private readonly clients = new Map<string, WebClient>();
  /** team:member -> IM channel id, learnt from posts, so rate keys and history lookups know the channel */
  private readonly dmChannels = new Map<string, string>();

  constructor(private readonly o: SlackSenderOptions) {}

  rateKeys(message: OutboundMessage): string[] {
    const team = message.platformOrgId;
    const method = message.replaces ? 'chat.update' : 'chat.postMessage';
    const keys = [`${method}:${team}`, `channel:${team}:${this.channelKey(message)}`];
    if (message.body.chart && this.o.renderChart && !message.replaces) keys.push(`files.upload:${team}`);
    return keys;
  }

  async send(message: OutboundMessage, ctx: SendContext): Promise<SendResult> {
    this.o.observe?.(message);
    const client = await this.client(message.platformOrgId);
    if (!client)
      return { kind: 'unreachable', error: `no Slack installation for team ${message.platformOrgId}` };
    const text = fallbackText(message.body);
    const blocks = renderBlocks(message.body);

    if (ctx.replacesRef) {
      const [channel, ts] = splitRef(ctx.replacesRef);
      try {
        await client.chat.update({ channel, ts, text, blocks: blocks as never });
        return { kind: 'sent', ref: ctx.replacesRef };
      } catch (err) {
        return classifySlackError(err, `chat.update:${message.platformOrgId}`, false);
      }
    }

    // Chart bytes go up before the message is posted: a failed upload then costs nothing visible.
    let chartFileId: string | undefined;
    if (message.body.chart && this.o.renderChart) {
      try {
        const png = await this.o.renderChart(message.body.chart);
        chartFileId = await uploadChart(client, png, ctx.signal);
      } catch (err) {
        return classifySlackError(err, `files.upload:${message.platformOrgId}`, false);
      }
    }

    let ref: string;
    try {
      const posted = await client.chat.postMessage({
        channel: this.target(message),
        text,
        blocks: blocks as never,
        unfurl_links: false,
        unfurl_media: false,
        metadata: { event_type: OUTBOX_EVENT, event_payload: { outbox_id: message.id } },
      });
      ref = `${posted.channel}:${posted.ts}`;
      if (message.destination.kind === 'dm' && posted.channel) this.rememberDm(message, posted.channel);
    } catch (err) {
      return classifySlackError(err, `chat.postMessage:${message.platformOrgId}`, true);
    }

    if (chartFileId) {
      const [channel] = splitRef(ref);
      // Shared into the channel right under the results (not into a thread, where it would hide behind
      // "1 reply"). The message is out; losing the image must not make the worker post the text again.
      await client.files
        .completeUploadExternal({
          files: [{ id: chartFileId, title: this.o.chartTitle?.(message) ?? 'chart.png' }],
          channel_id: channel,
        })
        .catch((err: unknown) =>
          this.o.logger?.warn('slack chart share failed', { id: message.id, error: String(err) }),
        );
    }
    return { kind: 'sent', ref };
  }

  async findSent(message: OutboundMessage): Promise<string | undefined | { unknown: true }> {
    const client = await this.client(message.platformOrgId);
    if (!client) return undefined;
    try {
      const channel = await this.resolveChannel(client, message);
      // Slack timestamps are seconds; look a minute before creation in case clocks differ.
      const oldest = String(Math.floor(Date.parse(message.createdAt) / 1000) - 60);
      let cursor: string | undefined;
      for (let page = 0; page < 20; page++) {
        const res = await client.conversations.history({
          channel,
          oldest,
          include_all_metadata: true,
          limit: 200,
          cursor,
        });
        for (const m of res.messages ?? []) {
          const payload = m.metadata?.event_payload as { outbox_id?: string } | undefined;
          if (m.metadata?.event_type === OUTBOX_EVENT && payload?.outbox_id === message.id)
            return `${channel}:${m.ts}`;
        }
        cursor = res.response_metadata?.next_cursor || undefined;
        if (!res.has_more || !cursor) return undefined;
      }
      return { unknown: true };
    } catch (err) {
      this.o.logger?.warn('slack findSent could not look', { id: message.id, error: String(err) });
      return { unknown: true };
    }
  }

  /**
   * DMs are posted with the member id as channel: Slack delivers that to the app's IM with the member,
   * without a conversations.open per voter (Tier 3, about 50 a minute, would cap a 10,000-voter
   * fan-out at hours). The IM id comes back in the response and is remembered.
   */
  private target(message: OutboundMessage): string {
    const d = message.destination;
    if (d.kind === 'channel') return d.channelId;
    return this.dmChannels.get(`${message.platformOrgId}:${d.memberId}`) ?? d.memberId;
  }

  private channelKey(message: OutboundMessage): string {
    return this.target(message);
  }

  private rememberDm(message: OutboundMessage, channel: string): void {
    if (message.destination.kind !== 'dm') return;
    this.dmChannels.set(`${message.platformOrgId}:${message.destination.memberId}`, channel);
    if (this.dmChannels.size > 100_000) this.dmChannels.delete(this.dmChannels.keys().next().value!);
  }

  private async resolveChannel(client: WebClient, message: OutboundMessage): Promise<string> {
    const d = message.destination;
    if (d.kind === 'channel') return d.channelId;
    const known = this.dmChannels.get(`${message.platformOrgId}:${d.memberId}`);
    if (known) return known;
    const open = await client.conversations.open({ users: d.memberId });
    const id = open.channel?.id;
    if (!id) throw new Error('conversations.open returned no channel');
    this.rememberDm(message, id);
    return id;
  }

  /** the Web API client for a workspace (no retries: the worker owns them) */
  async client(teamId: string): Promise<WebClient | undefined> {
    const token = await this.o.tokenFor(teamId);
    if (!token) return undefined;
    let client = this.clients.get(token);
    if (!client) {
      client = new WebClient(token, {
        slackApiUrl: this.o.apiUrl,
        retryConfig: { retries: 0 },
        rejectRateLimitedCalls: true,
        timeout: this.o.timeoutMs ?? 15_000,
        // the worker records every failure itself; WebClient's own warnings would repeat each one
        logLevel: LogLevel.ERROR,
      });
      this.clients.set(token, client);
    }
    return client;
  }
}

export function splitRef(ref: string): [string, string] {
  const i = ref.indexOf(':');
  return [ref.slice(0, i), ref.slice(i + 1)];
}
