// A local fake of Discord for tests and benchmarks: the REST API pieces Teller uses, served by
// node:http, plus the gateway websocket (fake-gateway.ts) on the same port. The real discord.js
// client and Teller's own REST calls are pointed at it through DISCORD_API_URL.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { commandProblems } from './command-limits.js';
import { messageProblems, modalProblems } from './message-limits.js';
import { FakeGateway } from './fake-gateway.js';
import { FakeRateLimiter, UNLIMITED, type FakeLimits } from './rate-limits.js';
import { snowflake } from './snowflake.js';

export interface FakeMessage {
  id: string;
  channelId: string;
  content?: string;
  embeds: any[];
  components: any[];
  /** as uploaded; `data` holds the bytes, for tests that read a file back */
  attachments: { filename: string; size: number; contentType?: string; data?: Buffer }[];
  nonce?: string;
  flags?: number;
  /** 'bot' for channel posts, or 'webhook:<token>' for interaction follow-ups */
  via: string;
  edits: number;
}

export interface InteractionCallback {
  interactionId: string;
  token: string;
  type: number;
  data?: any;
  attachments: FakeMessage['attachments'];
  /** set when Discord would have refused the callback (400, Invalid Form Body): what is wrong */
  problems?: string[];
}

export interface Fault {
  method?: string;
  /** matched against the path after /api/v10 */
  path: RegExp;
  status: number;
  times: number;
  /** for 429 */
  retryAfterSeconds?: number;
  global?: boolean;
  /** for a 5xx: perform the request first, then answer with the error (the "did it post?" case) */
  afterEffect?: boolean;
}

export interface RequestLog {
  method: string;
  path: string;
  status: number;
  at: number;
}

export class FakeDiscord {
  readonly applicationId = snowflake();
  readonly botUserId = snowflake();
  readonly gateway: FakeGateway;
  readonly limiter: FakeRateLimiter;
  readonly messages = new Map<string, FakeMessage>();
  readonly callbacks: InteractionCallback[] = [];
  /** deployed command sets: 'global' or the guild id -> the JSON bodies as received */
  readonly deployed = new Map<string, any[]>();
  readonly dmChannels = new Map<string, string>(); // user id -> DM channel id
  readonly closedDms = new Set<string>();
  readonly requests: RequestLog[] = [];
  readonly faults: Fault[] = [];
  /** messages and callbacks refused for breaking Discord's component or embed limits */
  readonly rejected: { method: string; path: string; problems: string[] }[] = [];
  private readonly dmRecipient = new Map<string, string>(); // DM channel id -> user id
  private readonly nonces = new Map<string, string>(); // channel:nonce -> message id
  /** interactions pushed by tests, so callbacks can find the message a component was on */
  readonly interactions = new Map<string, any>();
  /** interaction token -> the message its "@original" means (the component's message after 6/7) */
  private readonly originalOf = new Map<string, string>();
  private readonly callbackWaiters = new Map<string, (cb: InteractionCallback) => void>();
  private server?: Server;
  url = '';

  constructor(limits: FakeLimits = UNLIMITED) {
    this.limiter = new FakeRateLimiter(limits);
    this.gateway = new FakeGateway(this);
  }

  get apiUrl(): string {
    return `${this.url}/api`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.gateway.attach(this.server);
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    this.gateway.close();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** the messages posted in a channel (or a user's DM channel), oldest first */
  messagesIn(channelId: string): FakeMessage[] {
    return [...this.messages.values()].filter((m) => m.channelId === channelId);
  }

  dmsTo(userId: string): FakeMessage[] {
    const ch = this.dmChannels.get(userId);
    return ch ? this.messagesIn(ch) : [];
  }

  /** resolves with the first callback posted for this interaction */
  waitForCallback(interactionId: string): Promise<InteractionCallback> {
    const done = this.callbacks.find((c) => c.interactionId === interactionId);
    if (done) return Promise.resolve(done);
    return new Promise((resolve) => this.callbackWaiters.set(interactionId, resolve));
  }

  /** follow-ups and edits of the original made through the interaction's webhook */
  webhookMessages(token: string): FakeMessage[] {
    return [...this.messages.values()].filter((m) => m.via === `webhook:${token}`);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v\d+/, ''));
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}): void => {
      this.requests.push({ method, path, status, at: Date.now() });
      res.writeHead(
        status,
        body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      );
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    try {
      const raw = await readBody(req);
      if (req.headers.authorization !== undefined && !/^Bot .+/.test(req.headers.authorization)) {
        return send(401, { message: '401: Unauthorized', code: 0 });
      }
      const fault = this.takeFault(method, path);
      if (fault && fault.status === 429) {
        const retry_after = fault.retryAfterSeconds ?? 0.05;
        return send(
          429,
          { message: 'You are being rate limited.', retry_after, global: fault.global ?? false },
          {
            'Retry-After': String(Math.ceil(retry_after)),
            'X-RateLimit-Scope': fault.global ? 'global' : 'user',
            ...(fault.global
              ? { 'X-RateLimit-Global': 'true' }
              : {
                  'X-RateLimit-Remaining': '0',
                  'X-RateLimit-Reset-After': String(retry_after),
                  'X-RateLimit-Limit': '5',
                  'X-RateLimit-Bucket': 'fault',
                }),
          },
        );
      }
      if (fault && !fault.afterEffect) return send(fault.status, { message: 'Server error', code: 0 });
      const body = await parseBody(req, raw);
      const route = routeKey(method, path);
      const verdict = route.limited
        ? this.limiter.check(route.bucket, route.perRoute)
        : { ok: true as const, headers: {} };
      if (!verdict.ok) {
        const retry_after = verdict.retryAfterMs / 1000;
        return send(
          429,
          { message: 'You are being rate limited.', retry_after, global: verdict.global },
          verdict.headers,
        );
      }
      const [status, out] = this.route(method, path, { ...body, query: url.searchParams });
      if (fault) return send(fault.status, { message: 'Server error', code: 0 });
      send(status, out, verdict.headers);
    } catch (err) {
      send(500, { message: String(err), code: 0 });
    }
  }

  private takeFault(method: string, path: string): Fault | undefined {
    const f = this.faults.find((x) => x.times > 0 && (!x.method || x.method === method) && x.path.test(path));
    if (f) f.times--;
    return f;
  }

  private route(method: string, path: string, body: ParsedBody): [number, unknown] {
    const p = path.split('/').filter(Boolean);
    const json = body.json ?? {};
    if (method === 'GET' && path === '/gateway/bot') {
      return [
        200,
        {
          url: `${this.url.replace('http', 'ws')}/gateway`,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
        },
      ];
    }
    if (method === 'GET' && path === '/gateway')
      return [200, { url: `${this.url.replace('http', 'ws')}/gateway` }];
    if (p[0] === 'applications' && method === 'PUT') {
      const scope = p[2] === 'guilds' ? p[3] : 'global';
      const list = (Array.isArray(json) ? json : []) as any[];
      const problems = commandProblems(list);
      if (problems.length > 0) return [400, { message: 'Invalid Form Body', code: 50035, errors: problems }];
      this.deployed.set(scope, list);
      return [
        200,
        list.map((c) => ({
          ...c,
          id: snowflake(),
          application_id: this.applicationId,
          version: snowflake(),
        })),
      ];
    }
    const invalid =
      p[0] === 'interactions' && json.type === 9
        ? this.refuseModal(method, path, json.data)
        : this.refuse(
            method,
            path,
            p[0] === 'interactions'
              ? json.type === 4 || json.type === 7
                ? json.data
                : undefined
              : method === 'POST' || method === 'PATCH'
                ? json
                : undefined,
            body.files.length,
          );
    if (p[0] === 'interactions' && p[3] === 'callback' && method === 'POST') {
      const cb: InteractionCallback = {
        interactionId: p[1],
        token: p[2],
        type: json.type,
        data: json.data,
        attachments: body.files,
      };
      if (invalid) {
        // Discord answers 400 and the member's screen does not change; the test sees what was wrong
        cb.problems = invalid;
        this.callbacks.push(cb);
        this.callbackWaiters.get(p[1])?.(cb);
        this.callbackWaiters.delete(p[1]);
        return [400, { message: 'Invalid Form Body', code: 50035, errors: invalid }];
      }
      this.callbacks.push(cb);
      const source = this.interactions.get(p[1])?.message?.id as string | undefined;
      if ((json.type === 6 || json.type === 7) && source) this.originalOf.set(p[2], source);
      // 5 shows a "thinking…" placeholder that later edits (or a delete) resolve, like Discord
      if (json.type === 4 || json.type === 5)
        this.storeMessage(
          `interaction:${p[1]}`,
          json.data ?? {},
          body.files,
          `webhook:${p[2]}`,
          `orig:${p[2]}`,
        );
      if (json.type === 7)
        this.storeMessage(
          `interaction:${p[1]}`,
          json.data ?? {},
          body.files,
          `webhook:${p[2]}`,
          source ?? `orig:${p[2]}`,
        );
      this.callbackWaiters.get(p[1])?.(cb);
      this.callbackWaiters.delete(p[1]);
      return [204, undefined];
    }
    if (invalid && (p[0] === 'webhooks' || (p[0] === 'channels' && p[2] === 'messages')))
      return [400, { message: 'Invalid Form Body', code: 50035, errors: invalid }];
    if (p[0] === 'webhooks' && p.length === 3 && method === 'POST') {
      return [
        200,
        this.toApi(this.storeMessage(`interaction-followup`, json, body.files, `webhook:${p[2]}`)),
      ];
    }
    if (p[0] === 'webhooks' && p[3] === 'messages') {
      const id = p[4] === '@original' ? (this.originalOf.get(p[2]) ?? `orig:${p[2]}`) : p[4];
      if (method === 'DELETE') {
        this.messages.delete(id);
        return [204, undefined];
      }
      if (method === 'PATCH')
        return [
          200,
          this.toApi(this.storeMessage(`interaction-original`, json, body.files, `webhook:${p[2]}`, id)),
        ];
    }
    if (method === 'POST' && path === '/users/@me/channels') {
      const user = String(json.recipient_id);
      let ch = this.dmChannels.get(user);
      if (!ch) {
        ch = snowflake();
        this.dmChannels.set(user, ch);
        this.dmRecipient.set(ch, user);
      }
      return [
        200,
        { id: ch, type: 1, recipients: [{ id: user, username: `user${user}`, discriminator: '0' }] },
      ];
    }
    if (p[0] === 'channels' && p[2] === 'messages') {
      const channelId = p[1];
      const recipient = this.dmRecipient.get(channelId);
      if (recipient && this.closedDms.has(recipient))
        return [403, { message: 'Cannot send messages to this user', code: 50007 }];
      if (method === 'POST' && p.length === 3) {
        if (json.enforce_nonce && json.nonce !== undefined) {
          const prior = this.nonces.get(`${channelId}:${json.nonce}`);
          if (prior && this.messages.has(prior)) return [200, this.toApi(this.messages.get(prior)!)];
        }
        const m = this.storeMessage(channelId, json, body.files, 'bot');
        if (json.nonce !== undefined) this.nonces.set(`${channelId}:${json.nonce}`, m.id);
        return [200, this.toApi(m)];
      }
      if (method === 'GET' && p.length === 3) {
        // newest first, as Discord lists them; `before` pages back (ids are snowflakes: later = larger)
        const limit = Math.min(100, Number(body.query?.get('limit') ?? 50));
        const before = body.query?.get('before');
        const inChannel = [...this.messages.values()]
          .filter((m) => m.channelId === channelId && (!before || BigInt(m.id) < BigInt(before)))
          .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
        return [200, inChannel.slice(0, limit).map((m) => this.toApi(m))];
      }
      if (method === 'PATCH' && p.length === 4) {
        if (!this.messages.has(p[3])) return [404, { message: 'Unknown Message', code: 10008 }];
        return [200, this.toApi(this.storeMessage(channelId, json, body.files, 'bot', p[3]))];
      }
    }
    return [404, { message: `404: Not Found (${method} ${path})`, code: 0 }];
  }

  /** the problems of a message body Discord would refuse, recorded; undefined when it is fine */
  private refuse(method: string, path: string, message: unknown, files = 0): string[] | undefined {
    if (!message || typeof message !== 'object' || Array.isArray(message)) return undefined;
    const problems = messageProblems(message);
    if (files > 10) problems.push(`${files} files, over 10`);
    if (problems.length === 0) return undefined;
    this.rejected.push({ method, path, problems });
    return problems;
  }

  private refuseModal(method: string, path: string, modal: unknown): string[] | undefined {
    const problems = modalProblems(modal);
    if (problems.length === 0) return undefined;
    this.rejected.push({ method, path, problems });
    return problems;
  }

  private storeMessage(
    channelId: string,
    json: any,
    files: FakeMessage['attachments'],
    via: string,
    id?: string,
  ): FakeMessage {
    const prior = id ? this.messages.get(id) : undefined;
    const m: FakeMessage = {
      id: id ?? snowflake(),
      channelId: prior?.channelId ?? channelId,
      content: json.content ?? prior?.content,
      embeds: json.embeds ?? prior?.embeds ?? [],
      components: json.components ?? prior?.components ?? [],
      attachments: files.length > 0 ? files : (prior?.attachments ?? []),
      nonce: json.nonce !== undefined ? String(json.nonce) : prior?.nonce,
      flags: json.flags ?? prior?.flags,
      via: prior?.via ?? via,
      edits: prior ? prior.edits + 1 : 0,
    };
    this.messages.set(m.id, m);
    return m;
  }

  private toApi(m: FakeMessage): unknown {
    return {
      id: m.id,
      channel_id: m.channelId,
      type: 0,
      content: m.content ?? '',
      embeds: m.embeds,
      components: m.components,
      attachments: m.attachments.map((a, i) => ({ id: String(i), filename: a.filename, size: a.size })),
      nonce: m.nonce,
      flags: m.flags ?? 0,
      author: { id: this.botUserId, username: 'teller', discriminator: '0', bot: true },
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      pinned: false,
    };
  }
}

interface ParsedBody {
  json: any;
  files: FakeMessage['attachments'];
  query?: URLSearchParams;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function parseBody(req: IncomingMessage, raw: Buffer): Promise<ParsedBody> {
  const type = req.headers['content-type'] ?? '';
  if (raw.length === 0) return { json: undefined, files: [] };
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    const files: FakeMessage['attachments'] = [];
    let json: any = {};
    for (const [key, value] of form.entries()) {
      if (key === 'payload_json') json = JSON.parse(String(value));
      else if (typeof value !== 'string')
        files.push({
          filename: value.name,
          size: value.size,
          contentType: value.type,
          data: Buffer.from(await value.arrayBuffer()),
        });
    }
    return { json, files };
  }
  return { json: JSON.parse(raw.toString('utf8')), files: [] };
}

/** Which requests count against rate limits, and their bucket (per channel for messages, like Discord). */
// Opening a DM spends only the global budget here (Discord does not publish its per-user figure).
function routeKey(method: string, path: string): { limited: boolean; perRoute: boolean; bucket: string } {
  const m = /^\/channels\/(\d+)\/messages/.exec(path);
  if (m) return { limited: true, perRoute: true, bucket: `${method} /channels/${m[1]}/messages` };
  if (path === '/users/@me/channels')
    return { limited: true, perRoute: false, bucket: 'POST /users/@me/channels' };
  return { limited: false, perRoute: false, bucket: path };
}
