// Builders for the INTERACTION_CREATE payloads a member's clicks and commands produce, shaped as
// Discord sends them (guild interactions carry `member`, DM interactions carry `user`).
import type { FakeDiscord, FakeMessage, InteractionCallback } from './fake-discord.js';
import { snowflake } from './snowflake.js';

export const MANAGE_GUILD = 1n << 5n;
export const BASIC_PERMISSIONS = (1n << 10n) | (1n << 11n); // view channel, send messages

export interface Who {
  userId: string;
  /** the member's name as Discord shows it (username and global name) */
  name?: string;
  /** present for interactions inside a server */
  guildId?: string;
  channelId: string;
  locale?: string;
  permissions?: bigint;
  roles?: string[];
}

export interface CommandOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: CommandOption[];
}

function base(who: Who, type: number, data: unknown, message?: FakeMessage): Record<string, unknown> {
  const user = {
    id: who.userId,
    username: who.name ?? `user${who.userId}`,
    discriminator: '0',
    global_name: who.name ?? null,
    avatar: null,
  };
  const common: Record<string, unknown> = {
    id: snowflake(),
    application_id: '',
    type,
    data,
    token: `tok-${snowflake()}`,
    version: 1,
    locale: who.locale ?? 'en-US',
    channel_id: who.channelId,
    app_permissions: '2248473465835073',
    entitlements: [],
    attachment_size_limit: 8388608,
    // the app is installed to the server (owner type 0); DMs with the bot report the same install
    authorizing_integration_owners: { '0': who.guildId ?? '0' },
  };
  if (who.guildId) {
    common.guild_id = who.guildId;
    common.guild_locale = 'en-US';
    common.channel = { id: who.channelId, type: 0, guild_id: who.guildId, name: 'general' };
    common.context = 0;
    common.member = {
      user,
      roles: who.roles ?? [],
      permissions: String(who.permissions ?? BASIC_PERMISSIONS),
      joined_at: new Date(0).toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
    };
  } else {
    common.user = user;
    common.channel = { id: who.channelId, type: 1, recipients: [user] };
    common.context = 1;
  }
  if (message) {
    common.message = {
      id: message.id,
      channel_id: message.channelId,
      type: 0,
      content: message.content ?? '',
      embeds: message.embeds,
      components: message.components,
      attachments: [],
      author: { id: '1', username: 'teller', discriminator: '0', bot: true },
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: message.flags ?? 0,
      mentions: [],
      mention_roles: [],
      pinned: false,
      tts: false,
      mention_everyone: false,
    };
  }
  return common;
}

export function slashCommand(
  who: Who,
  name: string,
  options: CommandOption[] = [],
  resolved?: unknown,
): Record<string, unknown> {
  return base(who, 2, { id: snowflake(), name, type: 1, options, ...(resolved ? { resolved } : {}) });
}

export function autocomplete(who: Who, name: string, options: CommandOption[]): Record<string, unknown> {
  return base(who, 4, { id: snowflake(), name, type: 1, options });
}

export function buttonPress(who: Who, customId: string, message: FakeMessage): Record<string, unknown> {
  return base(who, 3, { custom_id: customId, component_type: 2 }, message);
}

export function selectPick(
  who: Who,
  customId: string,
  values: string[],
  message: FakeMessage,
): Record<string, unknown> {
  return base(who, 3, { custom_id: customId, component_type: 3, values }, message);
}

/** A user select (component type 5), as Discord sends it: the ids picked and their resolved users. */
export function userPick(
  who: Who,
  customId: string,
  userIds: string[],
  message: FakeMessage,
): Record<string, unknown> {
  const users = Object.fromEntries(userIds.map((id) => [id, { id, username: `user${id.slice(-4)}` }]));
  return base(
    who,
    3,
    { custom_id: customId, component_type: 5, values: userIds, resolved: { users } },
    message,
  );
}

export function modalSubmit(
  who: Who,
  customId: string,
  fields: Record<string, string>,
  message?: FakeMessage,
): Record<string, unknown> {
  const components = Object.entries(fields).map(([id, value]) => ({
    type: 1,
    components: [{ type: 4, custom_id: id, value }],
  }));
  return base(who, 5, { custom_id: customId, components }, message);
}

export function ping(): Record<string, unknown> {
  return { id: snowflake(), application_id: '', type: 1, token: `tok-${snowflake()}`, version: 1 };
}

/** Send an interaction over the gateway and wait for Teller's first callback to it. */
export async function interact(
  discord: FakeDiscord,
  payload: Record<string, unknown>,
): Promise<InteractionCallback> {
  payload.application_id = discord.applicationId;
  discord.interactions.set(String(payload.id), payload);
  const waiting = discord.waitForCallback(String(payload.id));
  discord.gateway.dispatch('INTERACTION_CREATE', payload);
  return waiting;
}

/** find the button or select with this custom id prefix in a message's components */
export function findComponent(message: FakeMessage | { components?: any[] }, prefix: string): any {
  for (const row of message.components ?? []) {
    for (const c of row.components ?? [])
      if (typeof c.custom_id === 'string' && c.custom_id.startsWith(prefix)) return c;
  }
  return undefined;
}
