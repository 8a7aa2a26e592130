// The Slack adapter's factory. Chooses the receiver (Socket Mode when an app token is set, HTTP with
// the signing secret otherwise), the authorisation (one bot token, or OAuth installs kept in
// the platform state store), registers the handlers, and runs the delivery worker for outbound messages.

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, SocketModeReceiver, type Receiver } from '@slack/bolt';
import {
  type ChartData,
  chartsOf,
  type DeliveryQueue,
  type PlatformStateStore,
  type TellerCore,
} from '../../src/core/index.js';
import {
  consoleLogger,
  type Logger,
  createDeliveryWorker,
  renderChart,
  type DeliveryWorker,
  type DeliveryWorkerOptions,
  type ProgressReport,
  type RateLimitConfig,
} from '../shared/index.js';
import { boltLogger } from './bolt-logger.js';
import { PlatformStateInstallationStore } from './installation-store.js';
import { registerActions } from './receive/actions.js';
import { registerCommands } from './receive/commands.js';
import { createContext } from './receive/context.js';
import { registerViews } from './receive/views.js';
import { registerScheduleView } from './receive/schedule.js';
import { ProgressPoster } from './send/progress-poster.js';
import { readChannelTexts } from './send/channel-reader.js';
import { SlackSender } from './send/slack-sender.js';
import { SLACK_RATE_LIMITS } from './slack-limits.js';

export interface SlackConfig {
  botToken?: string;
  signingSecret?: string;
  appToken?: string;
  clientId?: string;
  clientSecret?: string;
  stateSecret?: string;
  /** Web API base URL, e.g. http://127.0.0.1:9000/api/ (default https://slack.com/api/) */
  apiUrl?: string;
  port?: number;
}

export interface SlackAdapterOptions {
  core: TellerCore;
  /** the durable outbound queue this adapter's delivery worker sends from */
  deliveryQueue: DeliveryQueue;
  /** where OAuth installations are kept (Teller's database in production) */
  platformState: PlatformStateStore;
  config: SlackConfig;
  logger?: Logger;
  /** ChartData -> PNG (adapters/shared chart renderer), for results posts */
  renderChart?: (chart: ChartData) => Promise<Uint8Array> | Uint8Array;
  /** false to leave outbound delivery to another process; default true */
  deliver?: boolean;
  limits?: RateLimitConfig;
  worker?: Partial<Omit<DeliveryWorkerOptions, 'queue' | 'sender' | 'limits'>>;
  onProgress?: (report: ProgressReport) => void | Promise<void>;
  /** how long a handler works before acking empty and answering later; default 2.5 s of Slack's 3 s */
  ackBudgetMs?: number;
}

export interface SlackAdapter {
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly bolt: App;
  readonly sender: SlackSender;
  /** a channel's recent message texts, for audit verification */
  readChannel(teamId: string, channelId: string): Promise<string[]>;
  readonly worker: DeliveryWorker;
  /** the HTTP port actually bound (HTTP mode, or the OAuth install server in Socket Mode) */
  readonly port: number | undefined;
}

export const SLACK_SCOPES = [
  'commands',
  'chat:write',
  'chat:write.public',
  'im:write',
  'im:history',
  'channels:history',
  'groups:history',
  'channels:read',
  'groups:read',
  'users:read',
  'files:write',
];

export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { core, config } = options;
  const logger = options.logger ?? consoleLogger;
  const oauth = Boolean(config.clientId && config.clientSecret);
  if (!oauth && !config.botToken)
    throw new Error('Slack needs SLACK_BOT_TOKEN, or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET for OAuth');
  if (!config.appToken && !config.signingSecret)
    throw new Error('Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP)');

  const store = new PlatformStateInstallationStore(options.platformState);
  const clientOptions = config.apiUrl ? { slackApiUrl: config.apiUrl } : {};
  const oauthOptions = oauth
    ? {
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        stateSecret: config.stateSecret ?? randomSecret(),
        scopes: SLACK_SCOPES,
        installationStore: store,
      }
    : {};
  const receiver: Receiver & { start(...args: unknown[]): Promise<unknown> } = config.appToken
    ? new SocketModeReceiver({
        appToken: config.appToken,
        logger: boltLogger(logger),
        ...oauthOptions,
        installerOptions: { clientOptions, port: config.port ?? 3000, directInstall: true },
      })
    : new HTTPReceiver({
        signingSecret: config.signingSecret!,
        logger: boltLogger(logger),
        ...oauthOptions,
        installerOptions: { clientOptions, directInstall: true },
      });

  const bolt = new App({
    receiver,
    token: oauth ? undefined : config.botToken,
    clientOptions,
    logger: boltLogger(logger),
  });
  const ctx = createContext(core, logger, options.ackBudgetMs);
  registerCommands(bolt, ctx);
  registerActions(bolt, ctx);
  registerViews(bolt, ctx);
  registerScheduleView(bolt, ctx);
  bolt.error(async (err) => logger.error('slack handler error', { error: String(err) }));

  let progress: ProgressPoster | undefined;
  const sender: SlackSender = new SlackSender({
    observe: (m) => progress?.observe(m),
    tokenFor: async (teamId) => (oauth ? store.botTokenFor(teamId) : config.botToken),
    apiUrl: config.apiUrl,
    // the organisation's default language titles the image: a channel post has no single reader
    renderChart:
      options.renderChart ??
      (async (chart) =>
        (await renderChart(chart, { title: core.translate(undefined, chart.title.key, chart.title.params) }))
          .png),
    // one chart is "Results chart"; of several, each file is named by its chart's title (its contest)
    chartTitle: (m, i) => {
      const charts = chartsOf(m.body);
      const chart = charts.length > 1 ? charts[i] : undefined;
      return chart
        ? core.translate(undefined, chart.title.key, chart.title.params)
        : core.translate(undefined, 'slack.chart.title') || m.purpose;
    },
    logger,
  });
  progress = new ProgressPoster(
    (team) => sender.client(team),
    (locale, key, params) => core.translate(locale, key, params),
  );
  const worker = createDeliveryWorker({
    queue: options.deliveryQueue,
    sender,
    limits: options.limits ?? SLACK_RATE_LIMITS,
    // the core tells organisers by DM about ballots that could not be delivered (durable, told once)
    onProgress: async (r) => {
      await (options.onProgress ?? ((x) => progress!.report(x)))(r);
      await core.reportDelivery(r);
    },
    log: (event) =>
      event.kind === 'error' || event.kind === 'gave-up'
        ? logger.warn('slack delivery', event)
        : logger.debug('slack delivery', event),
    ...options.worker,
  });

  let port: number | undefined;
  return {
    bolt,
    sender,
    worker,
    async readChannel(teamId, channelId) {
      return readChannelTexts(await sender.client(teamId), channelId);
    },
    get port() {
      return port;
    },
    async start() {
      const started = (
        config.appToken ? await bolt.start() : await bolt.start(config.port ?? 3000)
      ) as unknown;
      if (!config.appToken) port = ((started as Server).address() as AddressInfo).port;
      else if (oauth) port = config.port ?? 3000;
      if (options.deliver !== false) worker.start();
      logger.info(
        `slack adapter started (${config.appToken ? 'socket mode' : `http on ${port}`}${oauth ? ', oauth' : ''})`,
      );
    },
    async stop() {
      await worker.stop({ graceMs: 5_000 });
      await bolt.stop();
    },
  };
}

function randomSecret(): string {
  // Without SLACK_STATE_SECRET the OAuth state is only valid for this process's lifetime, which is
  // fine for one process but breaks installs that start on one replica and finish on another.
  return crypto.randomUUID();
}
