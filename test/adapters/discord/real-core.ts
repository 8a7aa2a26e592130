// The real core on real storage (SQLite in memory) behind the real discord.js adapter and the fake
// Discord: for behaviour that belongs to the core and must show on Discord (ballot validity, receipt
// DMs, notices to organisers). Set-up runs through core.dispatch as a Discord member would type it, so
// that only the part a test is about goes through discord.js.
import {
  createCore,
  type DispatchResult,
  type Invocation,
  type TellerCore,
} from '../../../src/core/index.js';
import { createDeliveryQueue, createPlatformState, createStore } from '../../../src/storage/index.js';
import {
  createDiscordAdapter,
  DiscordSender,
  type DiscordAdapter,
  type DiscordAdapterOptions,
} from '../../../adapters/discord/index.js';
import { createDeliveryWorker } from '../../../adapters/shared/index.js';
import { FakeDiscord, type FakeMessage } from '../../fakes/discord/fake-discord.js';
import { openTestDatabase, testDatabases, type Opened } from '../../storage/databases.js';
import { DiscordDriver } from './discord-driver.js';
import { CHANNEL, GUILD, silentLogger } from './harness.js';
import { Voter } from './ballot-steps.js';

export interface RealCore {
  discord: FakeDiscord;
  core: TellerCore;
  opened: Opened;
  driver: DiscordDriver;
  /** every invocation the adapter dispatched (not those `type` sends to the core directly) */
  dispatched: Invocation[];
  bot: DiscordAdapter;
  errors: string[];
  /** stop the running bot and start a new one on the same core and database: a restarted process */
  restart(options?: Partial<DiscordAdapterOptions>): Promise<DiscordAdapter>;
  /** what `name` typed after /election, through the core as a Discord member of the test server */
  type(name: string, text: string, admin?: boolean): Promise<DispatchResult>;
  /** the DMs Teller sent `name` */
  dms(name: string): FakeMessage[];
  /** a voter acting in their DM channel with the bot */
  voterInDm(name: string): Voter;
  /** deliver everything queued (ballot DMs, notices) with a worker of its own, until nothing is pending */
  deliver(): Promise<void>;
  /** how many ballots are held for the election while voting is open (ciphertexts) */
  castCount(): Promise<number>;
  stop(): Promise<void>;
}

export async function startRealCore(
  options: Partial<DiscordAdapterOptions> = {},
  /** the core's clock; the wall clock by default (the delivery worker compares notBefore with it) */
  clock: { now(): Date } = { now: () => new Date() },
): Promise<RealCore> {
  const opened = await openTestDatabase(testDatabases[0]);
  const { database } = opened;
  const errors: string[] = [];
  const delivery = createDeliveryQueue(database);
  const platformState = createPlatformState(database);
  const core = createCore({
    store: createStore(database),
    delivery,
    platformState,
    clock,
    serverSecret: 'discord-real-core-test-secret',
    logger: { info: () => undefined, error: (m, meta) => errors.push(`${m} ${JSON.stringify(meta)}`) },
  });
  const discord = new FakeDiscord();
  await discord.start();
  const driver = new DiscordDriver(discord, core, GUILD, CHANNEL);
  const dispatched: Invocation[] = [];
  const recorded: TellerCore = {
    ...core,
    dispatch: (inv) => {
      dispatched.push(structuredClone(inv));
      return core.dispatch(inv);
    },
  };
  const make = (o: Partial<DiscordAdapterOptions>) =>
    createDiscordAdapter({
      delivery: false,
      logger: silentLogger,
      ...o,
      core: recorded,
      deliveryQueue: delivery,
      platformState,
      config: { token: 't', applicationId: discord.applicationId, apiUrl: discord.apiUrl },
    });
  let bot = make(options);
  await bot.start();
  const rc: RealCore = {
    discord,
    core,
    opened,
    driver,
    dispatched,
    errors,
    get bot() {
      return bot;
    },
    async restart(o = options) {
      await bot.stop();
      bot = make(o);
      await bot.start();
      return bot;
    },
    type(name, text, admin = false) {
      const who = driver.who(name, admin);
      return core.dispatch({
        platform: 'discord',
        platformOrgId: GUILD,
        actor: { memberId: who.userId, displayName: who.name, locale: 'en-US', isAdmin: admin },
        channelId: CHANNEL,
        command: '',
        args: { text: text.replace(/@([a-z]\w*)/g, (_, n: string) => `<@${driver.idOf(n)}>`) },
      });
    },
    dms: (name) => discord.dmsTo(driver.idOf(name)),
    voterInDm(name) {
      const id = driver.idOf(name);
      const { guildId: _g, permissions: _p, ...who } = driver.who(name);
      return new Voter(discord, { ...who, channelId: discord.dmChannels.get(id) ?? 'unknown' });
    },
    async deliver() {
      const sender = new DiscordSender({ token: 't', apiUrl: discord.apiUrl, requestsPerSecond: 0 });
      await createDeliveryWorker({
        queue: delivery,
        sender,
        limits: { buckets: {} },
        backoff: { baseMs: 5, maxMs: 20 },
        idleMs: 5,
      }).drain({ untilEmpty: true });
    },
    async castCount() {
      const row = await database.db
        .selectFrom('cast_ballots')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async stop() {
      await bot.stop();
      await discord.stop();
      await opened.dispose();
    },
  };
  return rc;
}

/** run and expect ok */
export async function ok(rc: RealCore, name: string, text: string, admin = false): Promise<string> {
  const r = await rc.type(name, text, admin);
  if (r.kind !== 'ok') throw new Error(`${text} -> ${r.kind}: ${r.reply.body.text} ${rc.errors.join('\n')}`);
  return r.reply.body.text;
}

/**
 * Election 1 "Board 2026", one contest "Chair", in voting: every candidate nominated themselves
 * (no seconders needed) and was approved; candidates are numbered in the order given and, unless told
 * otherwise, listed in that order on every ballot. `olga` organises. Ballot DMs are queued, not sent.
 */
export async function electionInVoting(
  rc: RealCore,
  o: {
    candidates: string[];
    voters: string[];
    method?: string;
    seats?: number;
    order?: 'fixed' | 'shuffled';
    beforeVoting?: () => Promise<void>;
  },
): Promise<void> {
  await ok(rc, 'olga', 'create "Board 2026"', true);
  await ok(rc, 'olga', 'configure 1 seconders=0');
  await ok(
    rc,
    'olga',
    `contest add 1 Chair ${o.seats ?? 1} ${o.method ?? 'irv'} order=${o.order ?? 'fixed'}`,
  );
  const roll = [...new Set([...o.candidates, ...o.voters])];
  await ok(rc, 'olga', `roll add 1 ${roll.map((n) => `@${n}`).join(' ')}`);
  await ok(rc, 'olga', 'nominations open 1');
  for (const c of o.candidates) await ok(rc, c, 'nominate 1 Chair');
  await ok(rc, 'olga', 'nominations close 1');
  for (let i = 1; i <= o.candidates.length; i++) await ok(rc, 'olga', `review approve 1 ${i}`);
  await ok(rc, 'olga', 'candidates publish 1');
  await o.beforeVoting?.();
  await ok(rc, 'olga', 'voting open 1');
}
