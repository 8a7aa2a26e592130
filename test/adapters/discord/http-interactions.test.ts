// The HTTP interactions endpoint: Ed25519-signed requests only, PING answered, and the same handler
// as the gateway behind it.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createDiscordAdapter,
  INTERACTIONS_PATH,
  type DiscordAdapter,
} from '../../../adapters/discord/index.js';
import { FakeDiscord } from '../../fakes/discord/fake-discord.js';
import { MANAGE_GUILD, ping, slashCommand } from '../../fakes/discord/interactions.js';
import { FakeQueue } from '../../fakes/fake-queue.js';
import { FakeCore } from '../../fakes/discord/fake-core.js';
import { MemoryPlatformState } from '../../fakes/memory-platform-state.js';
import { CHANNEL, GUILD, silentLogger } from './harness.js';

function keys(): { publicHex: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return { publicHex: der.subarray(der.length - 32).toString('hex'), privateKey };
}

describe('HTTP interactions endpoint', () => {
  let discord: FakeDiscord;
  let core: FakeCore;
  let bot: DiscordAdapter;
  let privateKey: KeyObject;
  let url: string;

  beforeEach(async () => {
    discord = new FakeDiscord();
    await discord.start();
    core = new FakeCore();
    const k = keys();
    privateKey = k.privateKey;
    bot = createDiscordAdapter({
      core,
      deliveryQueue: new FakeQueue('discord'),
      platformState: new MemoryPlatformState(),
      logger: silentLogger,
      delivery: false,
      config: {
        token: 't',
        applicationId: discord.applicationId,
        apiUrl: discord.apiUrl,
        publicKey: k.publicHex,
        interactionsPort: 0,
        gateway: false,
      },
    });
    await bot.start();
    url = `http://127.0.0.1:${bot.httpPort}${INTERACTIONS_PATH}`;
  });
  afterEach(async () => {
    await bot.stop();
    await discord.stop();
  });

  async function post(
    body: unknown,
    opts: { key?: KeyObject; timestamp?: number; tamper?: boolean } = {},
  ): Promise<Response> {
    const raw = JSON.stringify(body);
    const ts = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
    const sig = sign(null, Buffer.from(ts + raw), opts.key ?? privateKey).toString('hex');
    return fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-signature-ed25519': sig,
        'x-signature-timestamp': ts,
      },
      body: opts.tamper ? raw.replace('Board', 'B0ard') : raw,
    });
  }

  const create = () => ({
    ...slashCommand(
      { userId: '1', guildId: GUILD, channelId: CHANNEL, permissions: MANAGE_GUILD },
      'election',
      [{ name: 'create', type: 1, options: [{ name: 'title', type: 3, value: 'Board' }] }],
    ),
    application_id: discord.applicationId,
  });

  it('listens at the path the README documents, and nowhere else', async () => {
    expect(INTERACTIONS_PATH).toBe('/interactions');
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(`https://<your host>${INTERACTIONS_PATH}`);
    const elsewhere = await fetch(`http://127.0.0.1:${bot.httpPort}/`, {
      method: 'POST',
      body: JSON.stringify(ping()),
    });
    expect(elsewhere.status).toBe(404);
    expect((await post(ping())).status).toBe(200);
    expect(core.invocations).toHaveLength(0);
  });

  it('answers PING with PONG', async () => {
    const res = await post(ping());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ type: 1 });
    expect(discord.gateway.connected).toBe(0); // no gateway in this mode
  });

  it('runs a signed command and answers in the HTTP response', async () => {
    const res = await post(create());
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.type).toBe(4);
    expect(body.data.embeds[0].description).toBe('Created election "Board"');
    expect(core.invocations).toHaveLength(1);
  });

  it('refuses bad, tampered, foreign-key, missing and stale signatures with 401 and changes nothing', async () => {
    const other = keys().privateKey;
    const attempts = [
      await post(create(), { key: other }),
      await post(create(), { tamper: true }),
      await post(create(), { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 }),
      await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(create()),
      }),
      await fetch(url, {
        method: 'POST',
        headers: { 'x-signature-ed25519': 'zz', 'x-signature-timestamp': 'now' },
        body: '{}',
      }),
      await post(ping(), { key: other }),
    ];
    expect(attempts.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(core.invocations).toHaveLength(0);
    expect(discord.callbacks).toHaveLength(0);
  });
});
