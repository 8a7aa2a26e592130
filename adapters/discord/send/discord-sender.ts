// The Discord side of the durable outbound queue: opens DM channels, posts embeds (with the charts
// as attached PNGs), edits in place for `replaces`, and classifies every outcome for the worker.
// Posts carry a nonce derived from the outbox id with enforce_nonce, so Discord itself turns a
// repeated post of the same message (after a timeout, 5xx or restart) into the original message.
// A body too long for one message goes out as several, each with a nonce of its own: a send that
// failed after the first simply posts them all again, and Discord answers the ones it has with the
// originals, so every part is there once.
import { createHash } from 'node:crypto';
import type { OutboundMessage } from '../../../src/core/index.js';
import {
  type PlatformSender,
  type RateHint,
  type SendContext,
  type SendResult,
  systemClock,
} from '../../shared/index.js';
import { discordParts } from '../render/discord-parts.js';
import {
  renderBody,
  type ChartRenderer,
  type DiscordMessage,
  type OutFile,
  type Rendered,
} from '../render/message.js';
import { RequestPacer } from './request-pacer.js';

const DM_CLOSED = 50007; // "Cannot send messages to this user"
const UNKNOWN_CHANNEL = 10003;
const UNKNOWN_USER = 10013;
/** a later part refused for the rate limit is waited for at most this often, and this long each time */
const MAX_PART_WAITS = 5;
const MAX_PART_WAIT_MS = 30_000;

export interface DiscordSenderOptions {
  token: string;
  /** REST base without version, e.g. https://discord.com/api or DISCORD_API_URL */
  apiUrl?: string;
  renderChart?: ChartRenderer;
  /** requests per second for this bot; Discord's global limit is 50 */
  requestsPerSecond?: number;
  fetch?: typeof fetch;
}

class HttpFailure extends Error {
  constructor(readonly result: SendResult) {
    super('discord request failed');
  }
}

export class DiscordSender implements PlatformSender {
  readonly platform = 'discord' as const;
  private readonly base: string;
  private readonly dmChannels = new Map<string, string>();
  /** outbox id -> the parts of a long body posted so far (and the first's ref), for a send tried again */
  private readonly posted = new Map<string, { ref?: string; parts: Set<number> }>();
  private readonly pacer: RequestPacer;
  private readonly fetchFn: typeof fetch;

  constructor(private readonly o: DiscordSenderOptions) {
    this.base = `${(o.apiUrl ?? 'https://discord.com/api').replace(/\/$/, '')}/v10`;
    this.pacer = new RequestPacer(o.requestsPerSecond ?? 50);
    this.fetchFn = o.fetch ?? fetch;
  }

  rateKeys(message: OutboundMessage): string[] {
    const d = message.destination;
    const keys = [
      'POST /channels/:id/messages',
      d.kind === 'channel' ? `channel:${d.channelId}` : `dm:${d.memberId}`,
    ];
    // a key named once per post spends a token per post: a long body's follow-ups are paced too
    const posts = message.replaces ? 1 : discordParts(message.body).length;
    return Array.from({ length: posts }, () => keys).flat();
  }

  async findSent(): Promise<string | undefined> {
    // Posts are idempotent through nonce + enforce_nonce (Discord keeps nonces for a few minutes,
    // longer than the worker's lease), so a re-send returns the first message instead of a second.
    return undefined;
  }

  async send(message: OutboundMessage, ctx: SendContext): Promise<SendResult> {
    try {
      const rendered = await renderBody(message.body, {
        guildId: message.platformOrgId,
        renderChart: this.o.renderChart,
      });
      if (ctx.replacesRef) {
        // an edit (the live turnout line) replaces the one message it refers to: short by nature
        const [channelId, messageId] = ctx.replacesRef.split(':');
        const { json, hints } = await this.call(
          'PATCH',
          `/channels/${channelId}/messages/${messageId}`,
          rendered.message,
          rendered.files,
          ctx.signal,
          true,
        );
        return {
          kind: 'sent',
          ref: `${channelId}:${String((json as { id: string }).id ?? messageId)}`,
          hints,
        };
      }
      const channelId =
        message.destination.kind === 'channel'
          ? message.destination.channelId
          : await this.dmChannel(message.destination.memberId, ctx.signal);
      return await this.postParts(message.id, channelId, [rendered, ...(rendered.more ?? [])], ctx.signal);
    } catch (err) {
      if (err instanceof HttpFailure) return err.result;
      return { kind: 'retry', error: describe(err), maybeSent: !isRefused(err) };
    }
  }

  /**
   * The parts of a body in order. A part after the first that Discord refuses for its rate limit is
   * waited for and posted then, and Discord's count of what a channel has left is heeded between parts:
   * sending all parts again after a 429 would spend the channel's budget on parts already there (their
   * nonces keep them single, but every request counts). What is posted is remembered, so a send tried
   * again in this process posts only the rest.
   */
  private async postParts(
    outboxId: string,
    channelId: string,
    parts: Rendered[],
    signal: AbortSignal,
  ): Promise<SendResult> {
    const done = this.posted.get(outboxId) ?? { parts: new Set<number>() };
    let hints: RateHint[] | undefined;
    for (const [i, part] of parts.entries()) {
      if (done.parts.has(i)) continue;
      // the first part keeps the nonce a single message always had, so a send begun before is found
      const nonce = nonceOf(i === 0 ? outboxId : `${outboxId}#${i}`);
      const body: DiscordMessage = { ...part.message, nonce, enforce_nonce: true };
      const posted = await this.postPart(channelId, body, part.files, signal, i > 0);
      // the first message is the one a later edit or a reader refers to
      if (i === 0) done.ref = `${channelId}:${(posted.json as { id: string }).id}`;
      done.parts.add(i);
      if (parts.length > 1) this.remember(outboxId, done);
      hints = posted.hints;
      const left = hints?.find((h) => h.key === `channel:${channelId}`);
      if (i < parts.length - 1 && left && left.remaining <= 0)
        await systemClock.sleep(left.resetAfterMs, signal);
    }
    this.posted.delete(outboxId);
    return { kind: 'sent', ref: done.ref!, hints };
  }

  private async postPart(
    channelId: string,
    body: DiscordMessage,
    files: OutFile[],
    signal: AbortSignal,
    waitOut429: boolean,
  ): Promise<{ json: unknown; hints?: RateHint[] }> {
    for (let tries = 0; ; tries++) {
      try {
        return await this.call('POST', `/channels/${channelId}/messages`, body, files, signal, true);
      } catch (err) {
        const refused = err instanceof HttpFailure ? err.result : undefined;
        const wait = refused?.kind === 'rate-limited' ? refused.retryAfterMs : Number.POSITIVE_INFINITY;
        if (!waitOut429 || tries >= MAX_PART_WAITS || wait > MAX_PART_WAIT_MS || signal.aborted) throw err;
        await systemClock.sleep(wait, signal);
      }
    }
  }

  private remember(outboxId: string, done: { ref?: string; parts: Set<number> }): void {
    this.posted.set(outboxId, done);
    if (this.posted.size > 1_000) this.posted.delete(this.posted.keys().next().value!);
  }

  private async dmChannel(memberId: string, signal: AbortSignal): Promise<string> {
    const known = this.dmChannels.get(memberId);
    if (known) return known;
    // Opening a DM channel changes nothing visible, so a failure here is "certainly not sent".
    const { json } = await this.call(
      'POST',
      '/users/@me/channels',
      { recipient_id: memberId },
      [],
      signal,
      false,
    );
    const id = (json as { id: string }).id;
    this.dmChannels.set(memberId, id);
    return id;
  }

  private async call(
    method: string,
    path: string,
    body: unknown,
    files: OutFile[],
    signal: AbortSignal,
    effectful: boolean,
  ): Promise<{ json: unknown; hints?: RateHint[] }> {
    await this.pacer.take(signal);
    const init: RequestInit = { method, signal, headers: { authorization: `Bot ${this.o.token}` } };
    if (files.length > 0) {
      const form = new FormData();
      form.append('payload_json', JSON.stringify(body));
      files.forEach((f, i) =>
        form.append(
          `files[${i}]`,
          new Blob([f.data], { type: f.contentType ?? 'application/octet-stream' }),
          f.name,
        ),
      );
      init.body = form;
    } else {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const res = await this.fetchFn(`${this.base}${path}`, init);
    const text = await res.text();
    const json = text ? safeJson(text) : undefined;
    if (res.ok) return { json, hints: hintsOf(res, path) };
    const code = (json as { code?: number } | undefined)?.code;
    if (res.status === 429) {
      const retryAfterMs = Math.ceil(
        Number((json as { retry_after?: number })?.retry_after ?? res.headers.get('retry-after') ?? 1) * 1000,
      );
      const global = (json as { global?: boolean })?.global === true || res.headers.has('x-ratelimit-global');
      if (global) this.pacer.pause(retryAfterMs);
      throw new HttpFailure({ kind: 'rate-limited', retryAfterMs, scope: global ? 'global' : 'route' });
    }
    if (res.status >= 500)
      throw new HttpFailure({ kind: 'retry', error: `HTTP ${res.status}`, maybeSent: effectful });
    if (code === DM_CLOSED || code === UNKNOWN_USER || code === UNKNOWN_CHANNEL) {
      throw new HttpFailure({ kind: 'unreachable', error: `discord ${code}` });
    }
    throw new HttpFailure({ kind: 'failed', error: `HTTP ${res.status} discord ${code ?? '?'}` });
  }
}

/** Discord nonces are at most 25 characters */
export function nonceOf(outboxId: string): string {
  return createHash('sha256').update(outboxId).digest('base64url').slice(0, 25);
}

function hintsOf(res: Response, path: string): RateHint[] | undefined {
  const remaining = res.headers.get('x-ratelimit-remaining');
  const reset = res.headers.get('x-ratelimit-reset-after');
  const m = /^\/channels\/(\d+)\/messages/.exec(path);
  if (remaining === null || reset === null || !m) return undefined;
  return [
    { key: `channel:${m[1]}`, remaining: Number(remaining), resetAfterMs: Math.ceil(Number(reset) * 1000) },
  ];
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function describe(err: unknown): string {
  const e = err as { name?: string; cause?: { code?: string } };
  return e?.cause?.code ?? e?.name ?? 'error';
}

function isRefused(err: unknown): boolean {
  const code = (err as { cause?: { code?: string } })?.cause?.code;
  return code === 'ECONNREFUSED' || code === 'ENOTFOUND';
}
