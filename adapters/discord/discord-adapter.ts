// The Discord adapter's factory: the gateway client, the optional HTTP interactions endpoint and the
// delivery worker for the outbound queue. It acknowledges, translates, dispatches and renders.
import { Client, REST } from 'discord.js';
import { readChannelTexts } from './send/channel-reader.js';
import type { DeliveryQueue, PlatformStateStore, TellerCore } from '../../src/core/index.js';
import {
  consoleLogger,
  createDeliveryWorker,
  type Logger,
  type DeliveryWorker,
  type ProgressReport,
  type RateLimitConfig,
} from '../shared/index.js';
import { DraftStore } from './ballot/ballot-draft.js';
import { buildCommandTable } from './commands/command-definitions.js';
import { DiscordSender } from './send/discord-sender.js';
import type { ChartRenderer } from './render/message.js';
import type { RawInteraction } from './receive/actor.js';
import type { HandlerDeps } from './receive/handler-deps.js';
import { startHttpInteractions } from './receive/http-interactions.js';
import { createInteractionHandler, type InteractionHandler } from './receive/interaction-handler.js';
import { RestResponder } from './receive/responder.js';

export interface DiscordConfig {
  token: string;
  applicationId: string;
  /** DISCORD_API_URL: REST base without the version, e.g. http://127.0.0.1:9999/api */
  apiUrl?: string;
  /** DISCORD_PUBLIC_KEY + DISCORD_INTERACTIONS_PORT enable the HTTP interactions endpoint */
  publicKey?: string;
  interactionsPort?: number;
  /** connect to the gateway (default true); false for HTTP-interactions-only deployments */
  gateway?: boolean;
}

export interface DiscordAdapterOptions {
  core: TellerCore;
  /** the durable outbound queue this adapter's delivery worker sends from */
  deliveryQueue: DeliveryQueue;
  /** per-guild settings (who may create elections) */
  platformState: PlatformStateStore;
  config: DiscordConfig;
  logger?: Logger;
  /** ChartData -> PNG, from adapters/shared; without it results are posted without the image */
  renderChart?: ChartRenderer;
  /** run the outbound delivery worker in this process (default true) */
  delivery?:
    | boolean
    | {
        limits?: RateLimitConfig;
        concurrency?: number;
        onProgress?: (r: ProgressReport) => void | Promise<void>;
      };
  /** answer directly when a command finishes within this, else defer; default 2500 ms (Discord allows 3 s) */
  deferAfterMs?: number;
}

export interface DiscordAdapter {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** the HTTP interactions endpoint's port once started (0 when not running) */
  readonly httpPort: number;
  readonly handler: InteractionHandler;
  /** a channel's recent message texts, for audit verification */
  readChannel(guildId: string, channelId: string): Promise<string[]>;
}

/** Discord's published limits: 50 requests/s per bot, about 5 messages per 5 s in one channel */
export const DISCORD_LIMITS: RateLimitConfig = {
  global: { ratePerSecond: 50, burst: 50 },
  buckets: { channel: { ratePerSecond: 1, burst: 5 }, dm: { ratePerSecond: 1, burst: 5 } },
};

export function createDiscordAdapter(opts: DiscordAdapterOptions): DiscordAdapter {
  const { core, config } = opts;
  const logger = opts.logger ?? consoleLogger;
  const api = config.apiUrl ? { api: config.apiUrl } : {};
  const rest = new REST({ version: '10', ...api }).setToken(config.token);
  const deps: HandlerDeps = {
    core,
    platformState: opts.platformState,
    dispatch: (inv) => core.dispatch(inv),
    table: buildCommandTable(core),
    drafts: new DraftStore(),
    renderChart: opts.renderChart,
    deferAfterMs: opts.deferAfterMs ?? 2500,
    logger,
  };
  const handler = createInteractionHandler(deps);
  let client: Client | undefined;
  let worker: DeliveryWorker | undefined;
  let http: Awaited<ReturnType<typeof startHttpInteractions>> | undefined;

  return {
    handler,
    readChannel: (_guildId, channelId) => readChannelTexts(rest, channelId),
    get httpPort() {
      return http?.port ?? 0;
    },
    async start() {
      if (config.gateway !== false) {
        // No gateway intents: interactions arrive regardless, and Teller reads no messages or members.
        client = new Client({ intents: [], rest: api });
        client.ws.on('INTERACTION_CREATE' as never, (raw: RawInteraction) => {
          void handler(raw, new RestResponder(rest, config.applicationId, raw));
        });
        await client.login(config.token);
      }
      if (config.publicKey && config.interactionsPort !== undefined) {
        http = await startHttpInteractions({
          publicKey: config.publicKey,
          port: config.interactionsPort,
          rest,
          applicationId: config.applicationId,
          handler,
          onError: (err) => logger.error('discord: http interaction failed', { error: String(err) }),
        });
      }
      if (opts.delivery !== false) {
        const d = typeof opts.delivery === 'object' ? opts.delivery : {};
        const limits = d.limits ?? DISCORD_LIMITS;
        const sender = new DiscordSender({
          token: config.token,
          apiUrl: config.apiUrl,
          renderChart: opts.renderChart,
          requestsPerSecond: limits.global?.ratePerSecond,
        });
        worker = createDeliveryWorker({
          queue: opts.deliveryQueue,
          sender,
          limits,
          // only when set: the worker spreads options over its defaults, so an explicit undefined would win
          ...(d.concurrency !== undefined ? { concurrency: d.concurrency } : {}),
          // The core tells the organisers, by DM, about ballots that could not be delivered; it reads the
          // counts from the queue and remembers what it told in the outbox, so a restart loses nothing.
          onProgress: async (r) => {
            await d.onProgress?.(r);
            await core.reportDelivery(r);
          },
          log: (e) =>
            e.kind === 'error' || e.kind === 'gave-up'
              ? logger.warn('discord delivery', { ...e })
              : undefined,
        });
        worker.start();
      }
    },
    async stop() {
      await worker?.stop({ graceMs: 5000 });
      await http?.close();
      await client?.destroy();
      worker = undefined;
      http = undefined;
      client = undefined;
    },
  };
}
