// What every handler needs: the core, the logger, cached member profiles, and a helper that turns an
// authenticated Slack payload into an Invocation. The actor is always the payload's user, never an id
// found in a button or modal.

import { createHash } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import type {
  CommandSpec,
  Invocation,
  MemberProfile as NamedProfile,
  TellerCore,
} from '../../../src/core/index.js';
import type { Logger } from '../../shared/index.js';
import { type DirectoryUser, SlackDirectory } from './directory.js';
import { MemberProfiles } from './member-profiles.js';

export interface SlackContext {
  core: TellerCore;
  logger: Logger;
  profiles: MemberProfiles;
  /** the workspace's members and channels by name (typed @name / #channel) */
  directory: SlackDirectory;
  /**
   * How long a handler may work before it must acknowledge (Slack allows 3 s, then shows an error and
   * retries). Most commands finish inside it, and then the reply rides on the ack itself (one round trip,
   * and modals can answer with response_action); later work is acked empty and delivered afterwards
   * (response_url, ephemeral or DM). adapters/shared ackOrDefer decides which, as it does for Discord.
   */
  ackBudgetMs: number;
}

export interface PayloadSource {
  teamId: string;
  teamName?: string;
  userId: string;
  userName?: string;
  channelId?: string;
  /** the raw payload, hashed into the idempotency key when it has no trigger id */
  body: unknown;
}

export function createContext(core: TellerCore, logger: Logger, ackBudgetMs = 2500): SlackContext {
  return { core, logger, profiles: new MemberProfiles(), directory: new SlackDirectory(), ackBudgetMs };
}

export function specOf(core: TellerCore, id: string): CommandSpec | undefined {
  return core.commands.find((c) => c.id === id);
}

/**
 * A retried delivery of the same request (Slack resends when the ack is late, X-Slack-Retry-Num)
 * carries the same trigger_id, so it maps to the same key and the core runs the command once.
 */
export function idempotencyKey(teamId: string, body: unknown): string {
  const b = body as { trigger_id?: string; actions?: { action_ts?: string }[] };
  const basis = b.trigger_id
    ? `${b.trigger_id}:${b.actions?.[0]?.action_ts ?? ''}`
    : createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 32);
  return `slack:${teamId}:${basis}`;
}

export async function buildInvocation(
  ctx: SlackContext,
  client: WebClient,
  src: PayloadSource,
  command: string,
  args: Invocation['args'],
  /** members named in the arguments: their profiles go to the core with the command */
  named: readonly string[] = [],
): Promise<Invocation> {
  const [profile, profiles] = await Promise.all([
    ctx.profiles.get(client, src.teamId, src.userId),
    namedProfiles(ctx, client, src.teamId, named),
  ]);
  return {
    platform: 'slack',
    platformOrgId: src.teamId,
    orgName: src.teamName,
    actor: {
      memberId: src.userId,
      displayName: profile.displayName ?? src.userName,
      locale: profile.locale,
      ...(profile.timeZone ? { timeZone: profile.timeZone } : {}),
      // No isAdmin: on Slack any member may create an election (branch organisers are rarely workspace
      // admins); the core reads isAdmin as the platform's own "may create elections" setting.
    },
    channelId: src.channelId,
    command,
    args,
    idempotencyKey: idempotencyKey(src.teamId, src.body),
    ...(profiles.length > 0 ? { profiles } : {}),
  };
}

/** Looking up more members than this one by one (users.info) costs more than reading the member list. */
const ONE_BY_ONE = 10;

/**
 * Name, locale and zone of members named in a command (added to a roll, nominated, made a scrutineer),
 * read before the core sends them anything: a member who never used Teller gets their first DM in their
 * own Slack language, with its deadline in their own zone, and results show their name rather than their id.
 */
export async function namedProfiles(
  ctx: SlackContext,
  client: WebClient,
  teamId: string,
  ids: readonly string[],
): Promise<NamedProfile[]> {
  if (ids.length === 0) return [];
  const fromList = new Map<string, NamedProfile>();
  const unknown: string[] = [];
  for (const id of ids) {
    const u = await ctx.directory.knownUser(teamId, id);
    if (u) fromList.set(id, listed(u));
    else unknown.push(id);
  }
  if (unknown.length > ONE_BY_ONE) {
    const all = await ctx.directory.listUsers(client, teamId).catch(() => []);
    for (const u of all) if (unknown.includes(u.id)) fromList.set(u.id, listed(u));
  }
  const rest = await Promise.all(
    ids
      .filter((id) => !fromList.has(id))
      .map(async (id) => {
        const p = await ctx.profiles.get(client, teamId, id);
        return {
          memberId: id,
          ...(p.displayName ? { displayName: p.displayName } : {}),
          ...(p.locale ? { locale: p.locale } : {}),
          ...(p.timeZone ? { timeZone: p.timeZone } : {}),
        };
      }),
  );
  return [...fromList.values(), ...rest].filter(
    (p) => p.displayName !== undefined || p.locale !== undefined || p.timeZone !== undefined,
  );
}

function listed(u: DirectoryUser): NamedProfile {
  return {
    memberId: u.id,
    displayName: u.shown,
    ...(u.locale ? { locale: u.locale } : {}),
    ...(u.timeZone ? { timeZone: u.timeZone } : {}),
  };
}

export function translator(ctx: SlackContext, locale: string | undefined) {
  return (key: string, params?: Record<string, string | number>) => ctx.core.translate(locale, key, params);
}
