// What every handler needs: the core, the logger, cached member profiles, and a helper that turns an
// authenticated Slack payload into an Invocation. The actor is always the payload's user, never an id
// found in a button or modal.

import { createHash } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import type { CommandSpec, Invocation, TellerCore } from '../../../src/core/index.js';
import type { SlackLogger } from '../logger.js';
import { MemberProfiles } from './member-profiles.js';

export interface SlackContext {
  core: TellerCore;
  logger: SlackLogger;
  profiles: MemberProfiles;
  /** how long a handler may work before it must acknowledge (Slack allows 3 s) */
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

export function createContext(core: TellerCore, logger: SlackLogger, ackBudgetMs = 2500): SlackContext {
  return { core, logger, profiles: new MemberProfiles(), ackBudgetMs };
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
): Promise<Invocation> {
  const profile = await ctx.profiles.get(client, src.teamId, src.userId);
  return {
    platform: 'slack',
    platformOrgId: src.teamId,
    orgName: src.teamName,
    actor: {
      memberId: src.userId,
      displayName: profile.displayName ?? src.userName,
      locale: profile.locale,
      // No isAdmin: on Slack any member may create an election (branch organisers are rarely workspace
      // admins); the core reads isAdmin as the platform's own "may create elections" setting.
    },
    channelId: src.channelId,
    command,
    args,
    idempotencyKey: idempotencyKey(src.teamId, src.body),
  };
}

export function translator(ctx: SlackContext, locale: string | undefined) {
  return (key: string, params?: Record<string, string | number>) => ctx.core.translate(locale, key, params);
}
