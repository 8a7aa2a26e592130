// The optional HTTP interactions endpoint, for deployments without a gateway connection. Discord
// signs each request with Ed25519 over timestamp + body; anything unsigned, badly signed or stale is
// refused with 401 before it is parsed, so a forged request changes nothing.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { REST } from 'discord.js';
import type { OutFile } from '../render/message.js';
import type { RawInteraction } from './actor.js';
import type { InteractionHandler } from './interaction-handler.js';
import { CallbackType, WebhookResponder, type InteractionResponse } from './responder.js';

/** the endpoint's path: the Interactions Endpoint URL in the Developer Portal is https://<host>/interactions */
export const INTERACTIONS_PATH = '/interactions';
/** how old a signed timestamp may be; replays of older requests are refused */
export const MAX_SKEW_SECONDS = 5 * 60;
const MAX_BODY = 1 << 20;
// SubjectPublicKeyInfo prefix for a raw 32-byte Ed25519 key
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function publicKeyFromHex(hex: string): KeyObject {
  const raw = Buffer.from(hex, 'hex');
  if (raw.length !== 32) throw new Error('DISCORD_PUBLIC_KEY must be 64 hex characters');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export function verifySignature(
  key: KeyObject,
  signatureHex: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  nowMs = Date.now(),
): boolean {
  if (!signatureHex || !timestamp || !/^[0-9a-f]{128}$/i.test(signatureHex) || !/^\d+$/.test(timestamp))
    return false;
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) return false;
  return verify(
    null,
    Buffer.concat([Buffer.from(timestamp, 'utf8'), body]),
    key,
    Buffer.from(signatureHex, 'hex'),
  );
}

/** The first answer is the HTTP response body; files cannot ride on it here, so those defer and edit. */
class HttpResponder extends WebhookResponder {
  private answered = false;
  constructor(
    rest: REST,
    applicationId: string,
    interaction: { id: string; token: string },
    private readonly res: ServerResponse,
  ) {
    super(rest, applicationId, interaction);
  }

  get done(): boolean {
    return this.answered;
  }

  async respond(response: InteractionResponse, files?: OutFile[]): Promise<void> {
    if (this.answered) throw new Error('interaction already answered');
    this.answered = true;
    if (
      files &&
      files.length > 0 &&
      (response.type === CallbackType.Message || response.type === CallbackType.UpdateMessage)
    ) {
      const data = response.data as { flags?: number } | undefined;
      const deferred =
        response.type === CallbackType.Message
          ? { type: CallbackType.DeferredMessage, data: { flags: data?.flags } }
          : { type: CallbackType.DeferredUpdate };
      this.write(deferred);
      await this.editOriginal(response.data as object, files);
      return;
    }
    this.write(response);
  }

  private write(body: unknown): void {
    this.res.writeHead(200, { 'content-type': 'application/json' });
    this.res.end(JSON.stringify(body));
  }
}

export interface HttpEndpointOptions {
  publicKey: string;
  port: number;
  host?: string;
  rest: REST;
  applicationId: string;
  handler: InteractionHandler;
  onError?: (err: unknown) => void;
}

export async function startHttpInteractions(
  o: HttpEndpointOptions,
): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const key = publicKeyFromHex(o.publicKey);
  const server = createServer((req, res) => {
    void serve(req, res).catch((err) => {
      o.onError?.(err);
      if (!res.headersSent) {
        res.writeHead(500);
        res.end();
      }
    });
  });
  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (new URL(req.url ?? '/', 'http://teller').pathname !== INTERACTIONS_PATH) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return void res.end(`Teller answers Discord interactions at ${INTERACTIONS_PATH}`);
    }
    if (req.method !== 'POST') {
      res.writeHead(405);
      return void res.end();
    }
    const body = await readLimited(req);
    const sig = req.headers['x-signature-ed25519'];
    const ts = req.headers['x-signature-timestamp'];
    if (
      !body ||
      !verifySignature(
        key,
        typeof sig === 'string' ? sig : undefined,
        typeof ts === 'string' ? ts : undefined,
        body,
      )
    ) {
      res.writeHead(401, { 'content-type': 'text/plain' });
      return void res.end('invalid request signature');
    }
    const interaction = JSON.parse(body.toString('utf8')) as RawInteraction;
    const responder = new HttpResponder(o.rest, o.applicationId, interaction, res);
    await o.handler(interaction, responder);
    if (!responder.done && !res.headersSent) {
      res.writeHead(500);
      res.end();
    }
  }
  await new Promise<void>((resolve) => server.listen(o.port, o.host ?? '0.0.0.0', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readLimited(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(undefined);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
