// The acting member, always from the authenticated interaction payload. Who counts as an admin
// (may create elections) is a server setting: a chosen role, or Manage Server when none is set.
import { PermissionFlagsBits } from 'discord.js';
import type { Actor, PlatformStateStore } from '../../../src/core/index.js';

export const SETTINGS_KIND = 'guild-settings';

export interface GuildSettings {
  creatorRoleId?: string;
}

export interface RawInteraction {
  id: string;
  application_id: string;
  type: number;
  token: string;
  // biome-ignore lint/suspicious/noExplicitAny: the raw interaction payload, read field by field with checks
  data?: any;
  guild_id?: string;
  channel_id?: string;
  channel?: { id: string };
  member?: { user: RawUser; permissions?: string; roles?: string[]; nick?: string | null };
  user?: RawUser;
  locale?: string;
  guild_locale?: string;
  message?: { id: string; flags?: number };
}

interface RawUser {
  id: string;
  username?: string;
  global_name?: string | null;
}

export async function readSettings(state: PlatformStateStore, guildId: string): Promise<GuildSettings> {
  const v = await state.get('discord', SETTINGS_KIND, guildId);
  return v && typeof v === 'object' ? (v as GuildSettings) : {};
}

export function userOf(i: RawInteraction): RawUser {
  const u = i.member?.user ?? i.user;
  if (!u) throw new Error('interaction without a user');
  return u;
}

export function hasManageGuild(i: RawInteraction): boolean {
  const perms = BigInt(i.member?.permissions ?? '0');
  return (
    (perms & PermissionFlagsBits.ManageGuild) !== 0n || (perms & PermissionFlagsBits.Administrator) !== 0n
  );
}

export async function actorOf(state: PlatformStateStore, i: RawInteraction): Promise<Actor> {
  const u = userOf(i);
  // The member's client language; the server's preferred locale (guild_locale) is the organisation's
  // default, for members Teller has not heard from (Discord tells a member's locale only in their own
  // interactions), unless the organisers chose a language with /election language.
  const actor: Actor = {
    memberId: u.id,
    displayName: i.member?.nick ?? u.global_name ?? u.username,
    locale: i.locale,
    orgLocale: i.guild_locale,
  };
  if (i.guild_id && i.member) {
    const settings = await readSettings(state, i.guild_id);
    actor.isAdmin = settings.creatorRoleId
      ? (i.member.roles ?? []).includes(settings.creatorRoleId) || hasManageGuild(i)
      : hasManageGuild(i);
  } else {
    actor.isAdmin = false;
  }
  return actor;
}
