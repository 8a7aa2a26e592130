// Discord over HTTP interactions: each interaction POSTed to the adapter's endpoint, signed with
// Ed25519 as Discord signs (timestamp + body); the first answer is the response body, later ones go to
// the fake Discord's webhooks. No gateway connection.
import { generateKeyPairSync, sign } from 'node:crypto';
import { createDiscordAdapter, DiscordSender, INTERACTIONS_PATH } from '../../../adapters/discord/index.js';
import { createDeliveryWorker } from '../../../adapters/shared/index.js';
import { silentLogger } from '../../adapters/discord/harness.js';
import { FakeDiscord } from '../../fakes/discord/fake-discord.js';
import { chartRenderer, discordDriver } from '../discord-driver.js';
import type { ElectionDriver } from '../driver.js';
import { startCore } from '../real-core.js';

export async function startDiscordHttp(): Promise<ElectionDriver> {
  const { core, delivery, platformState, errors, close } = await startCore();
  const discord = new FakeDiscord();
  await discord.start();
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  const config = {
    token: 'contract-token',
    applicationId: discord.applicationId,
    apiUrl: discord.apiUrl,
    publicKey: der.subarray(der.length - 32).toString('hex'),
    interactionsPort: 0,
    gateway: false,
  };
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
  const url = `http://127.0.0.1:${bot.httpPort}${INTERACTIONS_PATH}`;
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
    name: 'Discord over HTTP interactions',
    discord,
    core,
    async send(payload) {
      const body = JSON.stringify(payload);
      const ts = String(Math.floor(Date.now() / 1000));
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-signature-ed25519': sign(null, Buffer.from(ts + body), privateKey).toString('hex'),
          'x-signature-timestamp': ts,
        },
        body,
      });
      if (res.status !== 200) throw new Error(`interactions endpoint answered ${res.status}`);
      return (await res.json()) as { type: number; data?: unknown };
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
