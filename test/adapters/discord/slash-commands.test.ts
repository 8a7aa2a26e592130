// Slash commands through the real discord.js client connected to the fake gateway.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  autocomplete,
  interact,
  MANAGE_GUILD,
  slashCommand,
  type Who,
} from '../../fakes/discord/interactions.js';
import { CHANNEL, GUILD, startHarness, until, type Harness } from './harness.js';

const EPHEMERAL = 64;
const member: Who = { userId: '300000000000000001', guildId: GUILD, channelId: CHANNEL };
const manager: Who = { ...member, userId: '300000000000000002', permissions: MANAGE_GUILD };

describe('slash commands over the gateway', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ deferAfterMs: 1000 });
  });
  afterEach(() => h.stop());

  it('identifies with no privileged intents and answers a command in the channel', async () => {
    expect(h.discord.gateway.identifies[0].intents).toBe(0);
    const payload = slashCommand(manager, 'election', [
      {
        name: 'create',
        type: 1,
        options: [
          { name: 'title', type: 3, value: 'Board 2026' },
          { name: 'channel', type: 7, value: '555' },
        ],
      },
    ]);
    const cb = await interact(h.discord, payload);
    expect(cb.type).toBe(4);
    expect((cb.data.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(cb.data.embeds[0].description).toBe('Created election "Board 2026"');
    const inv = h.core.invocations.at(-1)!;
    expect(inv).toMatchObject({
      platform: 'discord',
      platformOrgId: GUILD,
      channelId: CHANNEL,
      command: 'election.create',
      args: { title: 'Board 2026', channel: '555' },
      actor: { memberId: manager.userId, isAdmin: true, locale: 'en-US' },
      idempotencyKey: payload.id,
    });
  });

  it('refuses election creation to members without Manage Server, privately', async () => {
    const cb = await interact(
      h.discord,
      slashCommand(member, 'election', [
        { name: 'create', type: 1, options: [{ name: 'title', type: 3, value: 'X' }] },
      ]),
    );
    expect(cb.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(cb.data.embeds[0].description).toMatch(/Only server managers/);
    expect(h.core.invocations.at(-1)!.actor.isAdmin).toBe(false);
  });

  it('a creator role set by a manager lets its members create elections', async () => {
    const role = '700000000000000001';
    const set = await interact(
      h.discord,
      slashCommand(manager, 'teller-settings', [
        { name: 'creator-role', type: 1, options: [{ name: 'role', type: 8, value: role }] },
      ]),
    );
    expect(set.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(await h.platformState.get('discord', 'guild-settings', GUILD)).toEqual({
      creatorRoleId: role,
    });

    const denied = await interact(
      h.discord,
      slashCommand(member, 'teller-settings', [{ name: 'creator-role', type: 1, options: [] }]),
    );
    expect(denied.data.embeds[0].description).toMatch(/Only members with Manage Server/);
    expect(await h.platformState.get('discord', 'guild-settings', GUILD)).toEqual({
      creatorRoleId: role,
    });

    await interact(
      h.discord,
      slashCommand({ ...member, roles: [role] }, 'election', [
        { name: 'create', type: 1, options: [{ name: 'title', type: 3, value: 'Y' }] },
      ]),
    );
    expect(h.core.invocations.at(-1)!.actor.isAdmin).toBe(true);
    await interact(
      h.discord,
      slashCommand(member, 'election', [
        { name: 'create', type: 1, options: [{ name: 'title', type: 3, value: 'Z' }] },
      ]),
    );
    expect(h.core.invocations.at(-1)!.actor.isAdmin).toBe(false);
  });

  it('maps groups, typed options, shortcuts and the text command to the registry', async () => {
    await interact(
      h.discord,
      slashCommand(manager, 'election', [
        {
          name: 'roll',
          type: 2,
          options: [
            {
              name: 'add',
              type: 1,
              options: [
                { name: 'election', type: 3, value: '3' },
                { name: 'members', type: 3, value: '<@1> <@2>' },
              ],
            },
          ],
        },
      ]),
    );
    expect(h.core.invocations.at(-1)).toMatchObject({
      command: 'roll.add',
      args: { election: '3', members: '<@1> <@2>' },
    });
    await interact(
      h.discord,
      slashCommand(manager, 'election', [
        {
          name: 'roll',
          type: 2,
          options: [{ name: 'show', type: 1, options: [{ name: 'election', type: 3, value: '3' }] }],
        },
      ]),
    );
    expect(h.core.invocations.at(-1)).toMatchObject({ command: 'roll.show', args: { election: '3' } });
    await interact(
      h.discord,
      slashCommand(member, 'nominate', [
        { name: 'election', type: 3, value: '3' },
        { name: 'contest', type: 3, value: '1' },
        { name: 'member', type: 6, value: '900' },
      ]),
    );
    expect(h.core.invocations.at(-1)).toMatchObject({
      command: 'nomination.create',
      args: { election: '3', contest: '1', member: '900' },
    });
    await interact(
      h.discord,
      slashCommand(manager, 'election', [
        {
          name: 'contest',
          type: 2,
          options: [
            {
              name: 'add',
              type: 1,
              options: [
                { name: 'election', type: 3, value: '3' },
                { name: 'name', type: 3, value: 'Chair' },
                { name: 'seats', type: 4, value: 2 },
              ],
            },
          ],
        },
      ]),
    );
    expect(h.core.invocations.at(-1)).toMatchObject({
      command: 'election.contest.add',
      args: { election: '3', name: 'Chair', seats: 2 },
    });
    const unknown = await interact(
      h.discord,
      slashCommand(member, 'teller', [{ name: 'command', type: 3, value: 'frobnicate 3' }]),
    );
    expect(h.core.invocations.at(-1)).toMatchObject({ command: '', args: { text: 'frobnicate 3' } });
    expect(unknown.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(unknown.data.embeds[0].description).toMatch(/Commands:/);
  });

  it('tells the member to redeploy when a subcommand is no longer in the registry, dispatching nothing', async () => {
    const before = h.core.invocations.length;
    const cb = await interact(
      h.discord,
      slashCommand(member, 'election', [{ name: 'retired', type: 1, options: [] }]),
    );
    expect(cb.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(cb.data.embeds[0].description).toMatch(/deploy-commands/);
    expect(h.core.invocations.length).toBe(before);
  });

  it('autocompletes election names from the election list', async () => {
    h.core.addElection({
      number: '3',
      title: 'Board 2026',
      kind: 'marks',
      candidates: ['A'],
      roll: new Set(),
    });
    h.core.addElection({
      number: '4',
      title: 'Treasurer',
      kind: 'marks',
      candidates: ['A'],
      roll: new Set(),
    });
    const cb = await interact(
      h.discord,
      autocomplete(member, 'election', [
        {
          name: 'voting',
          type: 2,
          options: [
            {
              name: 'open',
              type: 1,
              options: [{ name: 'election', type: 3, value: 'treas', focused: true }],
            },
          ],
        },
      ]),
    );
    expect(cb.type).toBe(8);
    expect(cb.data.choices).toEqual([{ name: '#4 Treasurer', value: '4' }]);
  });
});

describe('slow commands', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ deferAfterMs: 50 });
  });
  afterEach(() => h.stop());

  it('defers first, then replaces the placeholder with a public follow-up', async () => {
    h.core.slowMs = 300;
    const payload = slashCommand(member, 'election', [
      { name: 'show', type: 1, options: [{ name: 'election', type: 3, value: '3' }] },
    ]);
    const cb = await interact(h.discord, payload);
    expect(cb.type).toBe(5);
    await until(() =>
      h.discord.webhookMessages(String(payload.token)).some((m) => m.embeds[0]?.description === 'slow done'),
    );
    const msgs = h.discord.webhookMessages(String(payload.token));
    expect(msgs).toHaveLength(1); // the ephemeral placeholder was deleted, only the public answer is left
    expect(
      h.discord.requests.some((r) => r.method === 'DELETE' && r.path.endsWith('/messages/@original')),
    ).toBe(true);
    expect((msgs[0].flags ?? 0) & EPHEMERAL).toBe(0);
  });
});
