// The composition root: the only file that wires storage, the core and the platform adapters.
import { join } from 'node:path';
import { createDiscordAdapter, deployCommands, type DeployResult } from '../adapters/discord/index.js';
import { ConsoleSession } from '../adapters/console/console.js';
import { renderChart, type Logger as AdapterLogger } from '../adapters/shared/index.js';
import { createSlackAdapter } from '../adapters/slack/index.js';
import {
  createCore,
  type ChartData,
  type DeliveryQueue,
  type Logger,
  type PlatformStateStore,
  type Store,
  type TellerCore,
} from './core/index.js';
import { systemClock } from './core/shared/clock.js';
import type { Config } from './config.js';
import { loadServerSecret } from './secret.js';
import { checkSecretFingerprint } from './secret-fingerprint.js';
import { StartupError } from './startup-error.js';
import {
  connect,
  createDeliveryQueue,
  createPlatformState,
  createStore,
  explainOpenError,
  migrateToLatest,
  type Database,
} from './storage/index.js';

export interface Teller {
  core: TellerCore;
  /** the durable outbound queue, which each adapter's delivery worker (or the console) sends from */
  delivery: DeliveryQueue;
  /** what adapters keep per workspace or guild: Slack installations, Discord guild settings */
  platformState: PlatformStateStore;
  database: Database;
  close(): Promise<void>;
}

/**
 * Open the database and bring its schema up to date. A database the operator must fix (unreachable,
 * missing, not a database, read-only ...) throws a StartupError naming the setting to change.
 */
export async function openDatabase(
  config: Config,
  url = config.databaseUrl,
): Promise<{ database: Database; applied: string[] }> {
  const target = {
    url,
    setting: url === config.databaseUrl ? (config.databaseSetting ?? 'DATABASE_URL') : 'DATABASE_URL',
  } as const;
  let database: Database | undefined;
  try {
    database = await connect(url);
    return { database, applied: await migrateToLatest(database) };
  } catch (error) {
    await database?.close().catch(() => undefined);
    const why = explainOpenError(error, target);
    throw why ? new StartupError(why, { cause: error }) : error;
  }
}

/** Open the database for a task that needs only the store (`teller audit verify`), then close it. */
export async function withStore<T>(config: Config, use: (store: Store) => Promise<T>): Promise<T> {
  const { database } = await openDatabase(config);
  try {
    return await use(createStore(database));
  } finally {
    await database.close();
  }
}

/** Open the database, bring its schema up to date and build the core. */
export async function buildTeller(
  config: Config,
  logger: Logger,
  overrides: { databaseUrl?: string; secret?: string } = {},
): Promise<Teller> {
  const { database } = await openDatabase(config, overrides.databaseUrl ?? config.databaseUrl);
  const store = createStore(database);
  let serverSecret: string;
  try {
    serverSecret = overrides.secret ?? loadServerSecret(config.secret, config.dataDir);
    await checkSecretFingerprint(store, serverSecret);
  } catch (error) {
    // an open PostgreSQL pool would keep the process alive after the error is reported
    await database.close();
    throw error;
  }
  const delivery = createDeliveryQueue(database);
  const platformState = createPlatformState(database);
  const core = createCore({ store, delivery, platformState, clock: systemClock, serverSecret, logger });
  return { core, delivery, platformState, database, close: () => database.close() };
}

/** ChartData -> PNG, titled in the reader's language; both platforms post the same image. */
function chartRenderer(core: TellerCore) {
  return async (chart: ChartData, locale?: string): Promise<Uint8Array> =>
    (await renderChart(chart, { title: core.translate(locale, chart.title.key, chart.title.params) })).png;
}

/** The local console, when no platform is configured: the member and language come from the settings. */
export function createConsoleSession(
  teller: Teller,
  config: Config,
  write: (text: string) => void,
): ConsoleSession {
  return new ConsoleSession(teller.core, {
    delivery: teller.delivery,
    member: config.consoleMember,
    // a report downloaded in the console is written beside the database
    filesDir: join(config.dataDir, 'files'),
    ...(config.consoleLocale ? { locale: config.consoleLocale } : {}),
    write,
  });
}

export interface Running {
  platforms: string[];
  stop(): Promise<void>;
}

/** Start every configured platform (Slack, Discord); each runs its own outbound delivery worker. */
export async function startPlatforms(
  teller: Teller,
  config: Config,
  logger: AdapterLogger,
): Promise<Running> {
  const stops: (() => Promise<void>)[] = [];
  const chartPng = chartRenderer(teller.core);
  const platforms: string[] = [];
  if (config.slack) {
    const slack = createSlackAdapter({
      core: teller.core,
      deliveryQueue: teller.delivery,
      platformState: teller.platformState,
      config: config.slack,
      renderChart: chartPng,
      logger,
    });
    await slack.start();
    teller.core.readChannelsWith('slack', (team, channel) => slack.readChannel(team, channel));
    stops.push(() => slack.stop());
    platforms.push(
      config.slack.appToken
        ? 'Slack (Socket Mode)'
        : `Slack (HTTP on port ${slack.port ?? config.slack.port})`,
    );
  }
  if (config.discord) {
    const discord = createDiscordAdapter({
      core: teller.core,
      deliveryQueue: teller.delivery,
      platformState: teller.platformState,
      config: config.discord,
      renderChart: chartPng,
      logger,
    });
    await discord.start();
    teller.core.readChannelsWith('discord', (guild, channel) => discord.readChannel(guild, channel));
    stops.push(() => discord.stop());
    platforms.push(
      discord.httpPort ? `Discord (gateway and HTTP interactions on port ${discord.httpPort})` : 'Discord',
    );
  }
  logger.info(`Teller running: ${platforms.join(', ')}`);
  return {
    platforms,
    async stop() {
      for (const stop of stops.reverse()) await stop();
    },
  };
}

export function deployDiscordCommands(
  teller: Teller,
  config: Config,
  guildId?: string,
): Promise<DeployResult> {
  if (!config.discord)
    throw new Error('Set DISCORD_TOKEN and DISCORD_APPLICATION_ID to deploy Discord commands');
  const { token, applicationId, apiUrl } = config.discord;
  return deployCommands({
    core: teller.core,
    token,
    applicationId,
    ...(apiUrl ? { apiUrl } : {}),
    ...(guildId ? { guildId } : {}),
  });
}
