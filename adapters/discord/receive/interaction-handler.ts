// One entry for every interaction, whether it came over the gateway or the HTTP endpoint: slash
// commands and autocomplete, buttons, selects and modal submits. It builds an Invocation from the
// authenticated payload, dispatches to the core's registry and renders the answer; nothing more.
import type { DispatchResult, Invocation, Platform } from '../../../src/core/index.js';
import { BALLOT_COMMAND } from '../ballot/ballot-view.js';
import { optionName, ROOT, SETTINGS_COMMAND, TEXT_COMMAND } from '../commands/command-definitions.js';
import { decodeCustomId } from '../custom-id.js';
import { notice, renderReply, type Rendered } from '../render/message.js';
import { actorOf, hasManageGuild, userOf, SETTINGS_KIND, type RawInteraction } from './actor.js';
import { answer } from './answer.js';
import { onBallotComponent, outcome, type BallotContext } from './ballot-flow.js';
import { electionChoices } from './election-choices.js';
import { SCHEDULE_FORM } from '../schedule/schedule-form.js';
import {
  onScheduleCommand,
  onScheduleComponent,
  type ScheduleContext,
  wantsScheduleForm,
} from './schedule-flow.js';
import type { HandlerDeps } from './handler-deps.js';
import { CallbackType, type Responder } from './responder.js';

const PLATFORM: Platform = 'discord';

export type InteractionHandler = (i: RawInteraction, r: Responder) => Promise<void>;

export function createInteractionHandler(deps: HandlerDeps): InteractionHandler {
  return async (i, r) => {
    try {
      switch (i.type) {
        case 1:
          return await r.respond({ type: CallbackType.Pong });
        case 2:
          return await onCommand(deps, i, r);
        case 3:
        case 5:
          return await onComponent(deps, i, r);
        case 4:
          return await onAutocomplete(deps, i, r);
        default:
          deps.logger.warn('discord: unhandled interaction type', { type: i.type });
      }
    } catch (err) {
      // Interaction ids only: option values may hold ballot choices and must not be logged.
      deps.logger.error('discord: interaction failed', {
        interaction: i.id,
        type: i.type,
        error: String(err),
      });
    }
  };
}

async function baseOf(
  deps: HandlerDeps,
  i: RawInteraction,
  guildId: string,
): Promise<Omit<Invocation, 'command' | 'args'>> {
  return {
    platform: PLATFORM,
    platformOrgId: guildId,
    actor: await actorOf(deps.platformState, i),
    channelId: i.channel_id ?? i.channel?.id,
    // Discord redelivers nothing by itself, but the HTTP endpoint may see a retried request.
    idempotencyKey: i.id,
  };
}

function translator(deps: HandlerDeps, locale: string | undefined) {
  return (key: string, params?: Record<string, string | number>) => deps.core.translate(locale, key, params);
}

async function onCommand(deps: HandlerDeps, i: RawInteraction, r: Responder): Promise<void> {
  const t = translator(deps, i.locale);
  if (!i.guild_id)
    return r.respond({ type: CallbackType.Message, data: notice(t('discord.error.server_only')) });
  const data = i.data as { name: string; options?: RawOption[] };
  if (data.name === SETTINGS_COMMAND) return onSettings(deps, i, r, data.options ?? []);
  const base = await baseOf(deps, i, i.guild_id);
  let command: string;
  let args: Invocation['args'];
  if (data.name === TEXT_COMMAND) {
    command = '';
    args = { text: String(data.options?.find((o) => o.name === 'command')?.value ?? '') };
  } else {
    const { key, leaf } = routeOf(data.name, data.options ?? []);
    const spec = deps.table.routes.get(key);
    if (!spec)
      return r.respond({ type: CallbackType.Message, data: notice(t('discord.error.stale_command')) });
    command = spec.id;
    args = {};
    for (const o of leaf) {
      const a = spec.args.find((x) => optionName(x) === o.name);
      if (a && o.value !== undefined) args[a.name] = o.value;
    }
  }
  const ctx = ballotContext(deps, base, i.guild_id, userOf(i).id, t);
  if (wantsScheduleForm(command, args))
    return onScheduleCommand(scheduleContext(ctx), r, String((args as { election: unknown }).election));
  const work = deps
    .dispatch({ ...base, command, args })
    .then((res) => resultToMessage(deps, ctx, res), failure(deps, i, t));
  await answer(r, work, 'new', deps.deferAfterMs);
}

interface RawOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: RawOption[];
}

function routeOf(name: string, options: RawOption[]): { key: string; leaf: RawOption[] } {
  const first = options[0];
  if (name === ROOT && first?.type === 2) {
    const sub = first.options?.[0];
    return { key: `${ROOT} ${first.name} ${sub?.name ?? ''}`, leaf: sub?.options ?? [] };
  }
  if (name === ROOT && first?.type === 1) return { key: `${ROOT} ${first.name}`, leaf: first.options ?? [] };
  // a group with a command of its own (`/objection file`); a shortcut (`/vote`) has options, not subcommands
  if (first?.type === 1) return { key: `${name} ${first.name}`, leaf: first.options ?? [] };
  return { key: name, leaf: options };
}

function ballotContext(
  deps: HandlerDeps,
  base: BallotContext['base'],
  guildId: string,
  userId: string,
  t: BallotContext['t'],
): BallotContext {
  return { deps, base, guildId, userId, t };
}

function scheduleContext(ctx: BallotContext): ScheduleContext {
  return { ...ctx, render: (res) => resultToMessage(ctx.deps, ctx, res) };
}

/** any dispatch result as a message; every mistake is ephemeral and says what to fix (the core's text) */
async function resultToMessage(
  deps: HandlerDeps,
  ctx: BallotContext,
  res: DispatchResult,
): Promise<Rendered> {
  if (res.kind === 'ok' && res.reply.body.ballot) return outcome(ctx, res);
  const reply =
    res.kind === 'ok'
      ? res.reply
      : { visibility: 'only-you' as const, body: { tone: 'error' as const, ...res.reply.body } };
  return renderReply(reply, {
    guildId: ctx.guildId,
    renderChart: deps.renderChart,
    locale: ctx.base.actor.locale,
  });
}

function failure(deps: HandlerDeps, i: RawInteraction, t: BallotContext['t']) {
  return (err: unknown): Rendered => {
    deps.logger.error('discord: dispatch threw', { interaction: i.id, error: String(err) });
    return { message: notice(t('discord.error.internal')), files: [] };
  };
}

async function onComponent(deps: HandlerDeps, i: RawInteraction, r: Responder): Promise<void> {
  const t = translator(deps, i.locale);
  const decoded = decodeCustomId(String(i.data?.custom_id ?? ''));
  const guildId = i.guild_id ?? decoded.guildId;
  if (!guildId)
    return r.respond({ type: CallbackType.Message, data: notice(t('discord.error.server_only')) });
  const base = await baseOf(deps, i, guildId);
  const ctx = ballotContext(deps, base, guildId, userOf(i).id, t);
  if (decoded.command === SCHEDULE_FORM) return onScheduleComponent(scheduleContext(ctx), r, i, decoded.args);
  if (decoded.command === BALLOT_COMMAND) {
    const typed = i.type === 5 ? modalValue(i.data, 'ranking') : undefined;
    return onBallotComponent(
      ctx,
      r,
      decoded.args,
      (i.data?.values as string[] | undefined) ?? [],
      typed,
      i.message?.id,
    );
  }
  const work = deps
    .dispatch({ ...base, command: decoded.command, args: decoded.args })
    .then((res) => resultToMessage(deps, ctx, res), failure(deps, i, t));
  await answer(r, work, 'new', deps.deferAfterMs);
}

// biome-ignore lint/suspicious/noExplicitAny: the raw modal payload, whose nesting discord.js does not type
function modalValue(data: any, id: string): string | undefined {
  for (const row of data?.components ?? [])
    for (const c of row.components ?? []) if (c.custom_id === id) return String(c.value ?? '');
  return undefined;
}

async function onAutocomplete(deps: HandlerDeps, i: RawInteraction, r: Responder): Promise<void> {
  const data = i.data as { name: string; options?: RawOption[] };
  const { leaf } = routeOf(data.name, data.options ?? []);
  const focused = leaf.find((o) => o.focused);
  let choices: { name: string; value: string }[] = [];
  if (focused && i.guild_id) {
    const base = await baseOf(deps, i, i.guild_id);
    choices = await electionChoices(
      deps,
      { ...base, idempotencyKey: undefined },
      String(focused.value ?? ''),
    );
  }
  await r.respond({ type: CallbackType.Autocomplete, data: { choices } });
}

async function onSettings(
  deps: HandlerDeps,
  i: RawInteraction,
  r: Responder,
  options: RawOption[],
): Promise<void> {
  const t = translator(deps, i.locale);
  // Discord hides the command from others by default, but server admins can re-grant it; check anyway.
  if (!hasManageGuild(i))
    return r.respond({ type: CallbackType.Message, data: notice(t('discord.settings.forbidden')) });
  const sub = options[0];
  if (sub?.name !== 'creator-role')
    return r.respond({ type: CallbackType.Message, data: notice(t('discord.error.stale_command')) });
  const role = sub.options?.find((o) => o.name === 'role')?.value;
  if (role) {
    await deps.platformState.put('discord', SETTINGS_KIND, i.guild_id!, { creatorRoleId: String(role) });
    return r.respond({
      type: CallbackType.Message,
      data: notice(t('discord.settings.role_set', { role: `<@&${role}>` }), 'success'),
    });
  }
  await deps.platformState.delete('discord', SETTINGS_KIND, i.guild_id!);
  await r.respond({
    type: CallbackType.Message,
    data: notice(t('discord.settings.role_cleared'), 'success'),
  });
}
