// Starts the fake Discord and the real adapter (real discord.js client over the fake gateway).
import {
  createDiscordAdapter,
  type DiscordAdapter,
  type DiscordAdapterOptions,
} from '../../../adapters/discord/index.js';
import { FakeDiscord } from '../../fakes/discord/fake-discord.js';
import type { FakeLimits } from '../../fakes/discord/rate-limits.js';
import { FakeQueue } from '../../fakes/fake-queue.js';
import { FakeCore } from '../../fakes/discord/fake-core.js';
import { MemoryPlatformState } from '../../fakes/memory-platform-state.js';

export const GUILD = '100000000000000001';
export const CHANNEL = '200000000000000001';

export const silentLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

export interface Harness {
  discord: FakeDiscord;
  core: FakeCore;
  delivery: FakeQueue;
  platformState: MemoryPlatformState;
  bot: DiscordAdapter;
  stop(): Promise<void>;
}

export async function startHarness(
  options: Partial<Omit<DiscordAdapterOptions, 'deliveryQueue' | 'platformState'>> & {
    limits?: FakeLimits;
    core?: FakeCore;
  } = {},
): Promise<Harness> {
  const discord = new FakeDiscord(options.limits);
  await discord.start();
  const core = options.core ?? new FakeCore();
  const delivery = new FakeQueue('discord');
  const platformState = new MemoryPlatformState();
  const bot = createDiscordAdapter({
    delivery: false,
    logger: silentLogger,
    ...options,
    deliveryQueue: delivery,
    platformState,
    core,
    config: {
      token: 'test-token',
      applicationId: discord.applicationId,
      apiUrl: discord.apiUrl,
      ...options.config,
    },
  });
  await bot.start();
  return {
    discord,
    core,
    delivery,
    platformState,
    bot,
    async stop() {
      await bot.stop();
      await discord.stop();
    },
  };
}

export async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
