// A local stand-in for Slack's Web API (and Socket Mode endpoint) on node:http + ws. It records every call,
// answers like Slack for the methods Teller uses, and fails on demand (429 with Retry-After, 500, a platform
// error) so adapter tests run the real Bolt/WebClient code paths without the internet.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { blockProblems, messageError } from './block-limits.js';
import { RateLimiter, type RateLimits } from './rate-limits.js';
import { FakeSocketMode } from './fake-socket-mode.js';
import { zoneFields } from './zones.js';

export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  /** the bearer token the caller used */
  token?: string;
  /** 'ok' when answered normally, else what the fake answered */
  outcome: 'ok' | 'rate-limited' | 'server-error' | 'platform-error';
  at: number;
}

/** `applied`: Slack did the work (posted the message) and then answered 500, as it sometimes does */
export type Fault =
  | { status: 429; retryAfter: number }
  | { status: 500; applied?: boolean }
  | { error: string };

export interface PostedMessage {
  channel: string;
  ts: string;
  /** the thread it replies in (the parent's ts); unset for a message in the channel itself */
  thread_ts?: string;
  text?: string;
  blocks?: unknown;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

export interface SlackUser {
  id: string;
  locale?: string;
  is_admin?: boolean;
  real_name?: string;
  /** the legacy username (what `@carol` meant before display names) */
  name?: string;
  deleted?: boolean;
  is_bot?: boolean;
  /**
   * The member's zone as their Slack preferences set it (IANA). Slack answers every user with tz,
   * tz_label and tz_offset, defaulting to the workspace's zone: unset here means the fake's
   * `defaultTz`; null leaves the three fields out, as a payload without them would.
   */
  tz?: string | null;
  tz_label?: string;
  /** seconds east of UTC, at the time of asking */
  tz_offset?: number;
  profile?: {
    display_name?: string;
    real_name?: string;
    display_name_normalized?: string;
    real_name_normalized?: string;
  };
}

export interface SlackChannel {
  id: string;
  name: string;
  is_private?: boolean;
  is_archived?: boolean;
}

/** how many answers Slack takes through one response_url */
export const RESPONSE_URL_USES = 5;

// Slack sends these as JSON strings inside form-encoded bodies.
const JSON_FIELDS = ['blocks', 'attachments', 'metadata', 'view', 'files', 'user_scopes'];

export class FakeSlackServer {
  readonly calls: RecordedCall[] = [];
  readonly messages: PostedMessage[] = [];
  readonly uploads = new Map<string, Buffer>();
  readonly responses: { url: string; body: Record<string, unknown> }[] = [];
  /** messages and responses refused for breaking Slack's block or length limits, with what was wrong */
  readonly rejected: { method: string; error: string; problems: string[] }[] = [];
  readonly users = new Map<string, SlackUser>();
  /** what conversations.list returns (public channels, and private ones the bot was invited to) */
  readonly channels = new Map<string, SlackChannel>();
  /**
   * The most users.list / conversations.list return per page whatever `limit` asks: Slack may return
   * fewer than asked before the end of the list, so callers must follow response_metadata.next_cursor.
   */
  pageCap = 2;
  /** the zone of users that set none (Slack's own default for a new workspace) */
  defaultTz = 'America/Los_Angeles';
  /** member ids whose DMs cannot be opened (conversations.open answers an error) */
  readonly closedDms = new Set<string>();
  readonly socket = new FakeSocketMode();
  /** per method, what the next calls meet in turn: a fault, or null for a call answered normally */
  private readonly faults = new Map<string, (Fault | null)[]>();
  private readonly limiter: RateLimiter;
  private server: Server | undefined;
  private tsCounter = 0;
  private fileCounter = 0;
  private viewCounter = 0;
  port = 0;

  constructor(limits: RateLimits = {}) {
    this.limiter = new RateLimiter(limits);
  }

  /** Web API base URL as WebClient's `slackApiUrl` wants it (trailing slash). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.socket.attach(this.server);
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await this.socket.close();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next `times` calls of `method` fail with `fault`, after `after` calls that do not. */
  failNext(method: string, fault: Fault, times = 1, after = 0): void {
    const list = this.faults.get(method) ?? [];
    for (let i = 0; i < after; i++) list.push(null);
    for (let i = 0; i < times; i++) list.push(fault);
    this.faults.set(method, list);
  }

  callsOf(method: string, outcome: RecordedCall['outcome'] | 'any' = 'ok'): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && (outcome === 'any' || c.outcome === outcome));
  }

  /** counts for a fake running in another process (benchmarks): calls by method/outcome, posts per channel */
  stats(): { calls: Record<string, number>; perChannel: Record<string, number> } {
    const calls: Record<string, number> = {};
    for (const c of this.calls)
      calls[`${c.method} ${c.outcome}`] = (calls[`${c.method} ${c.outcome}`] ?? 0) + 1;
    const perChannel: Record<string, number> = {};
    for (const m of this.messages) perChannel[m.channel] = (perChannel[m.channel] ?? 0) + 1;
    return { calls, perChannel };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', this.baseUrl);
    if (url.pathname.startsWith('/upload/')) {
      this.uploads.set(url.pathname.slice('/upload/'.length), raw);
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${raw.length}`);
      return;
    }
    if (url.pathname.startsWith('/respond/')) {
      const body = JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>;
      // Slack takes at most five answers through one response_url (what it answers a sixth is not
      // documented: here, as for an expired one, 404 used_url)
      if (this.responses.filter((r) => r.url === url.pathname).length >= RESPONSE_URL_USES) {
        this.rejected.push({ method: 'response_url', error: 'used_url', problems: ['a sixth use'] });
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"ok":false,"error":"used_url"}');
        return;
      }
      const refused = this.refuse('response_url', body);
      if (refused) {
        res
          .writeHead(400, { 'content-type': 'application/json' })
          .end(JSON.stringify({ ok: false, error: refused }));
        return;
      }
      this.responses.push({ url: url.pathname, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    if (url.pathname === '/_stats') return json(res, this.stats());
    if (url.pathname === '/_fail' && req.method === 'POST') {
      const { method, fault, times } = JSON.parse(raw.toString('utf8')) as {
        method: string;
        fault: Fault;
        times?: number;
      };
      this.failNext(method, fault, times);
      return json(res, { ok: true });
    }
    if (!url.pathname.startsWith('/api/')) {
      res.writeHead(404).end();
      return;
    }
    const method = url.pathname.slice('/api/'.length);
    const params = parseParams(req.headers['content-type'] ?? '', raw, url);
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : (params.token as string | undefined);
    const call: RecordedCall = { method, params, token, outcome: 'ok', at: Date.now() };
    this.calls.push(call);

    const fault = this.faults.get(method)?.shift() ?? undefined;
    const limited = fault ? undefined : this.limiter.check(method, params);
    if ((fault && 'status' in fault && fault.status === 429) || limited !== undefined) {
      call.outcome = 'rate-limited';
      const retryAfter = fault && 'retryAfter' in fault ? fault.retryAfter : limited!;
      res.writeHead(429, { 'retry-after': String(retryAfter), 'content-type': 'application/json' });
      res.end('{"ok":false,"error":"ratelimited"}');
      return;
    }
    if (fault && 'status' in fault) {
      call.outcome = 'server-error';
      if ('applied' in fault && fault.applied) this.answer(method, params);
      res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
      return;
    }
    if (fault && 'error' in fault) {
      call.outcome = 'platform-error';
      return json(res, { ok: false, error: fault.error });
    }
    const answer = this.answer(method, params);
    if (answer.ok === false) call.outcome = 'platform-error';
    json(res, answer);
  }

  /** Slack's answer to a message over its limits, recorded; undefined when Slack would take it */
  private refuse(method: string, p: Record<string, unknown>): string | undefined {
    const error = messageError(p);
    if (error) this.rejected.push({ method, error, problems: blockProblems(p.blocks) });
    return error;
  }

  /** one page of a cursor-paginated list, as Slack pages: an opaque cursor, '' after the last page */
  private page<T>(all: T[], p: Record<string, unknown>): { items: T[]; next: string } | { error: string } {
    let offset = 0;
    if (p.cursor) {
      const decoded = /^offset:(\d+)$/.exec(Buffer.from(String(p.cursor), 'base64').toString('utf8'));
      if (!decoded) return { error: 'invalid_cursor' };
      offset = Number(decoded[1]);
    }
    const asked = Number(p.limit ?? 0) || 100;
    const size = Math.max(1, Math.min(asked, this.pageCap));
    const items = all.slice(offset, offset + size);
    const more = offset + size < all.length;
    return { items, next: more ? Buffer.from(`offset:${offset + size}`).toString('base64') : '' };
  }

  private nextTs(): string {
    this.tsCounter += 1;
    // Like Slack's: epoch seconds now, with a unique fraction (findSent filters history by time).
    return `${Math.floor(Date.now() / 1000)}.${String(this.tsCounter % 1_000_000).padStart(6, '0')}`;
  }

  /** the user as Slack describes them: tz, tz_label and tz_offset beside the rest */
  private withZone(user: SlackUser): SlackUser {
    if (user.tz === null) {
      const { tz: _tz, tz_label: _label, tz_offset: _offset, ...rest } = user;
      return rest;
    }
    return { ...user, ...zoneFields(user.tz ?? this.defaultTz), ...pick(user, ['tz_label', 'tz_offset']) };
  }

  private answer(method: string, p: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          team_id: 'T1',
          team: 'Test team',
          user_id: 'UBOT',
          bot_id: 'BBOT',
          url: this.baseUrl,
        };
      case 'apps.connections.open':
        return { ok: true, url: `ws://127.0.0.1:${this.port}/socket` };
      case 'oauth.v2.access':
        return {
          ok: true,
          app_id: 'A1',
          access_token: `xoxb-installed-${String(p.code)}`,
          token_type: 'bot',
          scope: 'commands,chat:write',
          bot_user_id: 'UBOT',
          team: { id: 'T2', name: 'Second team' },
          enterprise: null,
          is_enterprise_install: false,
          authed_user: { id: 'UINSTALLER' },
        };
      case 'conversations.open': {
        const user = String(p.users ?? '');
        if (this.closedDms.has(user)) return { ok: false, error: 'cannot_dm_bot' };
        return { ok: true, channel: { id: `D${user}` } };
      }
      case 'chat.postMessage': {
        const refused = this.refuse(method, p);
        if (refused) return { ok: false, error: refused };
        // Posting to a member id lands in the app's IM with that member, as on Slack.
        let channel = String(p.channel);
        if (/^[UW]/.test(channel)) {
          if (this.closedDms.has(channel)) return { ok: false, error: 'cannot_dm_bot' };
          channel = `D${channel}`;
        }
        const parent = p.thread_ts === undefined ? undefined : String(p.thread_ts);
        if (parent && !this.messages.some((m) => m.channel === channel && m.ts === parent && !m.thread_ts))
          return { ok: false, error: 'thread_not_found' };
        const msg: PostedMessage = {
          channel,
          ts: this.nextTs(),
          ...(parent ? { thread_ts: parent } : {}),
          text: p.text as string | undefined,
          blocks: p.blocks,
          metadata: p.metadata as PostedMessage['metadata'],
        };
        this.messages.push(msg);
        return { ok: true, channel: msg.channel, ts: msg.ts, message: { text: msg.text, ts: msg.ts } };
      }
      case 'chat.update': {
        const refused = this.refuse(method, p);
        if (refused) return { ok: false, error: refused };
        const msg = this.messages.find((m) => m.channel === p.channel && m.ts === p.ts);
        if (!msg) return { ok: false, error: 'message_not_found' };
        msg.text = p.text as string | undefined;
        msg.blocks = p.blocks;
        return { ok: true, channel: msg.channel, ts: msg.ts };
      }
      case 'chat.postEphemeral': {
        const refused = this.refuse(method, p);
        if (refused) return { ok: false, error: refused };
        return { ok: true, message_ts: this.nextTs() };
      }
      case 'conversations.replies': {
        // the parent first, then its replies, oldest first, as Slack lists a thread
        const thread = this.messages.filter(
          (m) => m.channel === p.channel && (m.ts === p.ts || m.thread_ts === p.ts),
        );
        if (!thread.some((m) => m.ts === p.ts)) return { ok: false, error: 'thread_not_found' };
        return {
          ok: true,
          messages: thread.map((m) => ({
            type: 'message',
            ts: m.ts,
            ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}),
            text: m.text,
            ...(p.include_all_metadata ? { metadata: m.metadata } : {}),
          })),
          has_more: false,
        };
      }
      case 'conversations.history': {
        const oldest = Number(p.oldest ?? 0);
        // a channel's history holds its own messages; replies stay in their threads
        const found = this.messages
          .filter((m) => m.channel === p.channel && !m.thread_ts && Number(m.ts) >= oldest)
          .reverse()
          .map((m) => ({
            type: 'message',
            ts: m.ts,
            text: m.text,
            ...(p.include_all_metadata ? { metadata: m.metadata } : {}),
          }));
        return { ok: true, messages: found, has_more: false };
      }
      case 'views.open':
      case 'views.push':
      case 'views.update': {
        this.viewCounter += 1;
        const view = (p.view ?? {}) as Record<string, unknown>;
        return { ok: true, view: { ...view, id: p.view_id ?? `V${this.viewCounter}` } };
      }
      case 'files.getUploadURLExternal': {
        this.fileCounter += 1;
        const id = `F${this.fileCounter}`;
        return { ok: true, upload_url: `${this.baseUrl}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const files = (p.files ?? []) as { id: string; title?: string }[];
        const missing = files.find((f) => !this.uploads.has(f.id));
        if (missing) return { ok: false, error: 'file_not_found' };
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) };
      }
      case 'users.info': {
        const found = this.users.get(String(p.user)) ?? { id: String(p.user), locale: 'en-US' };
        return { ok: true, user: withLocale(this.withZone(found), p.include_locale) };
      }
      case 'users.list': {
        const page = this.page([...this.users.values()], p);
        if ('error' in page) return { ok: false, error: page.error };
        return {
          ok: true,
          members: page.items.map((u) => withLocale(this.withZone(u), p.include_locale)),
          cache_ts: Math.floor(Date.now() / 1000),
          response_metadata: { next_cursor: page.next },
        };
      }
      case 'conversations.list': {
        const types = String(p.types ?? 'public_channel').split(',');
        const visible = [...this.channels.values()].filter(
          (c) =>
            types.includes(c.is_private ? 'private_channel' : 'public_channel') &&
            !(c.is_archived && String(p.exclude_archived) === 'true'),
        );
        const page = this.page(visible, p);
        if ('error' in page) return { ok: false, error: page.error };
        return {
          ok: true,
          channels: page.items.map((c) => ({
            is_channel: !c.is_private,
            is_private: Boolean(c.is_private),
            is_archived: Boolean(c.is_archived),
            name_normalized: c.name,
            ...c,
          })),
          response_metadata: { next_cursor: page.next },
        };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

/** Slack leaves `locale` out unless include_locale is set */
function withLocale(user: SlackUser, include: unknown): SlackUser {
  if (String(include) === 'true') return user;
  const { locale: _locale, ...rest } = user;
  return rest;
}

/** the fields a test set itself, which win over the computed ones */
function pick(user: SlackUser, keys: ('tz_label' | 'tz_offset')[]): Partial<SlackUser> {
  return Object.fromEntries(keys.filter((k) => user[k] !== undefined).map((k) => [k, user[k]]));
}

function json(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseParams(contentType: string, raw: Buffer, url: URL): Record<string, unknown> {
  const out: Record<string, unknown> = Object.fromEntries(url.searchParams);
  const text = raw.toString('utf8');
  if (contentType.includes('application/json')) return { ...out, ...(JSON.parse(text || '{}') as object) };
  for (const [key, value] of new URLSearchParams(text)) {
    out[key] = JSON_FIELDS.includes(key) ? safeJson(value) : value;
  }
  return out;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
