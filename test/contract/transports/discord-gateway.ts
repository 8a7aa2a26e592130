// Discord over the gateway: the real discord.js client logs in to the fake Discord's websocket and
// receives each interaction as INTERACTION_CREATE; answers and messages go to the fake's REST API.
import { createDiscordAdapter, DiscordSender } from '../../../adapters/discord/index.js';
import { createDeliveryWorker } from '../../../adapters/shared/index.js';
import { silentLogger } from '../../adapters/discord/harness.js';
import { FakeDiscord } from '../../fakes/discord/fake-discord.js';
import { interact } from '../../fakes/discord/interactions.js';
import { chartRenderer, discordDriver } from '../discord-driver.js';
import type { ElectionDriver } from '../driver.js';
import { startCore } from '../real-core.js';

export async function startDiscordGateway(): Promise<ElectionDriver> {
  const { core, delivery, platformState, errors, close } = await startCore();
  const discord = new FakeDiscord();
  await discord.start();
  const config = { token: 'contract-token', applicationId: discord.applicationId, apiUrl: discord.apiUrl };
  const renderChart = chartRenderer(core);
  const bot = createDiscordAdapter({
    core,
    deliveryQueue: delivery,
    platformState,
    config,
    logger: silentLogger,
    delivery: false,
    renderChart,
  });
  await bot.start();
  // the bot's own worker runs on a timer; this one is drained after each step
  const worker = createDeliveryWorker({
    queue: delivery,
    sender: new DiscordSender({
      token: config.token,
      apiUrl: config.apiUrl,
      renderChart,
      requestsPerSecond: 0,
    }),
    limits: { buckets: {} },
    backoff: { baseMs: 5, maxMs: 20 },
    idleMs: 5,
    onProgress: (r) => core.reportDelivery(r),
  });

  return discordDriver({
    name: 'Discord over the gateway',
    discord,
    core,
    async send(payload) {
      const cb = await interact(discord, payload);
      if (cb.problems) throw new Error(`Discord refused the answer: ${cb.problems.join('; ')}`);
      return cb;
    },
    drain: async () => void (await worker.drain({ untilEmpty: true })),
    errors: () => errors,
    async stop() {
      await bot.stop();
      await discord.stop();
      await close();
    },
  });
}
