// Discord tells a member's locale only in their own interactions, so for members Teller has not heard
// from the server's preferred locale (guild_locale, in every guild interaction) is the organisation's
// language: through the real discord.js client, a never-seen member's ballot DM is in the server's
// language although the organiser's own client is English — until the organisers choose another.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type TellerCore } from '../../../src/core/index.js';
import { createDiscordAdapter, type DiscordAdapter } from '../../../adapters/discord/index.js';
import { FakeDiscord } from '../../fakes/discord/fake-discord.js';
import { interact, slashCommand } from '../../fakes/discord/interactions.js';
import { FakeClock } from '../../core/harness.js';
import { MemoryStore } from '../../fakes/memory-store.js';
import { FakeQueue } from '../../fakes/fake-queue.js';
import { MemoryPlatformState } from '../../fakes/memory-platform-state.js';
import { DiscordDriver, textOf } from './discord-driver.js';
import { CHANNEL, GUILD, silentLogger } from './harness.js';

describe('the server preferred locale on Discord', () => {
  let discord: FakeDiscord;
  let core: TellerCore;
  let bot: DiscordAdapter;
  let store: MemoryStore;

  beforeEach(async () => {
    discord = new FakeDiscord();
    await discord.start();
    // a Chinese server: every guild interaction says so, whatever the member's own client language
    const dispatch = discord.gateway.dispatch.bind(discord.gateway);
    discord.gateway.dispatch = ((event: string, payload: Record<string, unknown>) => {
      if (event === 'INTERACTION_CREATE' && payload.guild_id) payload.guild_locale = 'zh-CN';
      return dispatch(event, payload);
    }) as typeof discord.gateway.dispatch;
    const platformState = new MemoryPlatformState();
    const queue = new FakeQueue('discord');
    core = createCore({
      store: (store = new MemoryStore()),
      delivery: queue,
      platformState,
      clock: new FakeClock(),
      serverSecret: 'test-server-secret',
      logger: { info: () => undefined, error: () => undefined },
    });
    bot = createDiscordAdapter({
      core,
      deliveryQueue: queue,
      platformState,
      logger: silentLogger,
      delivery: false,
      config: { token: 't', applicationId: discord.applicationId, apiUrl: discord.apiUrl },
    });
    await bot.start();
  });
  afterEach(async () => {
    await bot.stop();
    await discord.stop();
  });

  async function toVoting(d: DiscordDriver, extra: () => Promise<unknown> = async () => undefined) {
    const ok = async (cb: Promise<{ data?: any; type: number }>) => {
      const r = await cb;
      if ((r.data?.embeds?.[0]?.color ?? 0) === 0xed4245) throw new Error(`refused: ${textOf(r, false)}`);
      return textOf(r, false);
    };
    await ok(d.run('olga', 'election.create', { title: 'Staff council' }, true));
    await extra();
    await ok(d.run('olga', 'election.configure', { election: '1', seconders: 0 }));
    await ok(
      d.run('olga', 'election.contest.add', { election: '1', name: 'Chair', seats: 1, method: 'plurality' }),
    );
    await ok(d.run('olga', 'roll.add', { election: '1', members: ['olga', 'erin'] }));
    await ok(d.run('olga', 'nominations.open', { election: '1' }));
    await ok(d.run('olga', 'nomination.create', { election: '1', contest: 'Chair' }));
    await ok(d.run('olga', 'nominations.close', { election: '1' }));
    await ok(d.run('olga', 'nomination.approve', { election: '1', nomination: '1' }));
    await ok(d.run('olga', 'nominations.publish', { election: '1' }));
    // the organiser reads her own replies in her client's language
    expect(await ok(d.run('olga', 'voting.open', { election: '1' }))).not.toMatch(/[\u4e00-\u9fff]/);
  }

  const ballotDm = (d: DiscordDriver, name: string) =>
    store.state.outbox.find(
      (m) => m.purpose === 'ballot' && m.destination.kind === 'dm' && m.destination.memberId === d.idOf(name),
    )?.body.text ?? '';

  it("writes a never-seen member's first DM in the server's language", async () => {
    const d = new DiscordDriver(discord, core, GUILD, CHANNEL);
    await toVoting(d);
    expect(ballotDm(d, 'erin')).toMatch(/正在投票/);
    // olga's own client language is known from her interactions
    expect(ballotDm(d, 'olga')).toMatch(/Voting in .* is open/);
  });

  it("lets the organisers' choice override the server's language", async () => {
    const d = new DiscordDriver(discord, core, GUILD, CHANNEL);
    // /election has more words than Discord's 25 subcommands, so this one is typed through /teller
    await toVoting(d, async () => {
      const r = await interact(
        discord,
        slashCommand(d.who('olga', true), 'teller', [{ name: 'command', type: 3, value: 'language en' }]),
      );
      expect(textOf(r, false)).toMatch(/now writes in English/);
    });
    expect(ballotDm(d, 'erin')).toMatch(/Voting in .* is open/);
  });
});
