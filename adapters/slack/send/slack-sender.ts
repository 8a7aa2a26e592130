// PlatformSender for Slack: one OutboundMessage -> chat.postMessage (or chat.update in place), with the
// outbox id in message metadata so the recovery path can find a message whose send outcome is unknown
// (conversations.history with include_all_metadata). Results charts are uploaded with Slack's current
// upload flow (files.getUploadURLExternal, POST the bytes, files.completeUploadExternal).
//
// A body too long for one message (slack-parts.ts) is posted as its first part, then the rest as
// replies in that message's thread, each carrying the outbox id and its part number. A send that fails
// after the first part is reported as maybe sent; findSent then reads the thread back, and the next
// send posts only the parts that are missing, so no part is posted twice and none is lost.

import { LogLevel, WebClient } from '@slack/web-api';
import { type ChartData, chartsOf, type OutboundMessage } from '../../../src/core/index.js';
import type { Logger, PlatformSender, SendContext, SendResult } from '../../shared/index.js';
import { fallbackText, renderBlocks } from '../render/blocks.js';
import { slackParts } from '../render/slack-parts.js';
import { classifySlackError } from './classify-error.js';
import { uploadChart } from './chart-upload.js';
import { findInThread, OUTBOX_EVENT, type Resume } from './outbox-metadata.js';
import { afterFirst, postReply } from './thread-replies.js';

export { OUTBOX_EVENT };

export interface SlackSenderOptions {
  /** the bot token of a workspace (single-workspace token, or the OAuth installation's) */
  tokenFor(teamId: string): Promise<string | undefined>;
  apiUrl?: string;
  /** ChartData -> PNG bytes (adapters/shared chart renderer); without it charts are left out */
  renderChart?: (chart: ChartData) => Promise<Uint8Array> | Uint8Array;
  /** the title a shared chart file gets; `index` counts the message's charts from 0 */
  chartTitle?: (message: OutboundMessage, index: number) => string;
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
  /** outbox id -> what findSent found of a message in parts, for the send that follows it */
  private readonly resumes = new Map<string, Resume>();

  constructor(private readonly o: SlackSenderOptions) {}

  rateKeys(message: OutboundMessage): string[] {
    const team = message.platformOrgId;
    const method = message.replaces ? 'chat.update' : 'chat.postMessage';
    const post = [`${method}:${team}`, `channel:${team}:${this.channelKey(message)}`];
    // a key named once per post spends a token per post: a long body's thread replies are paced too
    const posts = message.replaces ? 1 : slackParts(message.body).length;
    const keys = Array.from({ length: posts }, () => post).flat();
    if (chartsOf(message.body).length > 0 && this.o.renderChart && !message.replaces)
      keys.push(`files.upload:${team}`);
    return keys;
  }

  async send(message: OutboundMessage, ctx: SendContext): Promise<SendResult> {
    this.o.observe?.(message);
    const client = await this.client(message.platformOrgId);
    if (!client)
      return { kind: 'unreachable', error: `no Slack installation for team ${message.platformOrgId}` };
    if (ctx.replacesRef) {
      // an edit (the live turnout line) replaces the one message it refers to: short by nature
      const [channel, ts] = splitRef(ctx.replacesRef);
      const text = fallbackText(message.body);
      try {
        await client.chat.update({ channel, ts, text, blocks: renderBlocks(message.body) as never });
        return { kind: 'sent', ref: ctx.replacesRef };
      } catch (err) {
        return classifySlackError(err, `chat.update:${message.platformOrgId}`, false);
      }
    }

    const parts = slackParts(message.body);
    const resume = this.resumes.get(message.id);
    this.resumes.delete(message.id);
    let ref = resume?.ref;
    if (!ref) {
      const first = await this.postFirst(client, message, parts[0], ctx);
      if (first.kind !== 'sent') return first;
      ref = first.ref;
    }
    const [channel, ts] = splitRef(ref);
    for (let part = 1; part < parts.length; part++) {
      if (resume?.posted.has(part)) continue;
      const failed = await postReply(client, message, { channel, ts, part, body: parts[part] }, ctx.signal);
      if (failed) return afterFirst(failed, part);
    }
    return { kind: 'sent', ref };
  }

  /** the first part, in the channel, with the charts shared right under it */
  private async postFirst(
    client: WebClient,
    message: OutboundMessage,
    first: OutboundMessage['body'],
    ctx: SendContext,
  ): Promise<SendResult> {
    // Chart bytes go up before the message is posted: a failed upload then costs nothing visible.
    const charts = this.o.renderChart ? chartsOf(message.body) : [];
    const fileIds: string[] = [];
    for (const [i, chart] of charts.entries()) {
      try {
        const png = await this.o.renderChart!(chart);
        fileIds.push(await uploadChart(client, png, ctx.signal, charts.length === 1 ? undefined : i));
      } catch (err) {
        return classifySlackError(err, `files.upload:${message.platformOrgId}`, false);
      }
    }

    let ref: string;
    try {
      const posted = await client.chat.postMessage({
        channel: this.target(message),
        text: fallbackText(first),
        blocks: renderBlocks(first) as never,
        unfurl_links: false,
        unfurl_media: false,
        metadata: { event_type: OUTBOX_EVENT, event_payload: { outbox_id: message.id } },
      });
      ref = `${posted.channel}:${posted.ts}`;
      if (message.destination.kind === 'dm' && posted.channel) this.rememberDm(message, posted.channel);
    } catch (err) {
      return classifySlackError(err, `chat.postMessage:${message.platformOrgId}`, true);
    }

    const [channel] = splitRef(ref);
    // Shared into the channel right under the results (not into a thread, where they would hide behind
    // "1 reply"), as many to a message as Slack shows together. The message is out; losing an image
    // must not make the worker post the text again.
    for (let i = 0; i < fileIds.length; i += CHARTS_PER_SHARE) {
      await client.files
        .completeUploadExternal({
          files: fileIds.slice(i, i + CHARTS_PER_SHARE).map((id, j) => ({
            id,
            title: this.o.chartTitle?.(message, i + j) ?? 'chart.png',
          })) as [{ id: string; title: string }],
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
      const ref = await this.findFirst(client, message);
      if (typeof ref !== 'string' || message.replaces) return ref;
      const parts = slackParts(message.body).length;
      if (parts === 1) return ref;
      const posted = await findInThread(client, ref, message.id);
      if (posted.size >= parts - 1) return ref;
      // some replies are missing: the send that follows posts those, under the first part found here
      this.resumes.set(message.id, { ref, posted });
      if (this.resumes.size > 1_000) this.resumes.delete(this.resumes.keys().next().value!);
      return undefined;
    } catch (err) {
      this.o.logger?.warn('slack findSent could not look', { id: message.id, error: String(err) });
      return { unknown: true };
    }
  }

  /** the first (or only) part of a message in its channel's history, by the outbox id in its metadata */
  private async findFirst(
    client: WebClient,
    message: OutboundMessage,
  ): Promise<string | undefined | { unknown: true }> {
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
        const payload = m.metadata?.event_payload as { outbox_id?: string; part?: number } | undefined;
        // a thread reply shown in the channel too is a later part, never the first
        if (m.metadata?.event_type === OUTBOX_EVENT && payload?.outbox_id === message.id && !payload.part)
          return `${channel}:${m.ts}`;
      }
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!res.has_more || !cursor) return undefined;
    }
    return { unknown: true };
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

/** how many files one files.completeUploadExternal shares, as Slack shows files together in a message */
const CHARTS_PER_SHARE = 10;

export function splitRef(ref: string): [string, string] {
  const i = ref.indexOf(':');
  return [ref.slice(0, i), ref.slice(i + 1)];
}
