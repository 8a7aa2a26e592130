// Slash commands: /election <words> <args>, and the shortcuts /vote and /nominate. Text goes to the
// registry untouched (the core tokenises it); the adapter only decides between dispatching and opening
// a form when the member typed a command's words without the arguments it needs.

import type { App, RespondFn, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { CommandSpec, Invocation } from '../../../src/core/index.js';
import { renderCommandForm, needsForm } from '../render/command-form.js';
import { buildInvocation, translator, type SlackContext } from './context.js';
import { LATE, withinDeadline } from './deadline.js';
import { ballotOf, logResult, openBallot, replyMessage, retryBallotReply } from './present.js';

/** slash command name -> the command it stands for; anything else is the general /election */
export const SHORTCUTS: Record<string, string> = { '/vote': 'ballot.get', '/nominate': 'nomination.create' };

export function registerCommands(app: App, ctx: SlackContext): void {
  app.command(/.*/, async ({ command, ack, respond, client, body }) => {
    const started = Date.now();
    const text = command.text.trim();
    const shortcut = SHORTCUTS[command.command];
    const src = {
      teamId: command.team_id,
      teamName: command.team_domain,
      userId: command.user_id,
      userName: command.user_name,
      channelId: command.channel_id,
      body,
    };

    const formSpec = shortcut ? formForShortcut(ctx, shortcut, text) : formForText(ctx, text);
    if (formSpec) {
      await ack();
      const inv = await buildInvocation(ctx, client, src, formSpec.id, {});
      await openForm(ctx, client, command, formSpec, inv);
      return;
    }

    const args = { text: shortcut ? text : text || 'help' };
    if (shortcut === 'ballot.get') {
      // /vote never answers in the ack (it opens a modal, or says why not via response_url), so ack
      // first: the modal's trigger_id stays valid for 3 s from the command, not from the ack.
      await ack();
      const inv = await buildInvocation(ctx, client, src, shortcut, args);
      const result = await ctx.core.dispatch(inv);
      logResult(ctx, shortcut, result);
      await deliver(ctx, client, respond, command, inv, result, true);
      return;
    }
    const work = buildInvocation(ctx, client, src, shortcut ?? '', args).then(async (inv) => {
      const result = await ctx.core.dispatch(inv);
      logResult(ctx, shortcut ?? 'election', result);
      return { inv, result };
    });
    const done = await withinDeadline(work, ctx.ackBudgetMs - (Date.now() - started));
    if (done === LATE) {
      await ack();
      const { inv, result } = await work;
      await deliver(ctx, client, respond, command, inv, result, false);
      return;
    }
    const { inv, result } = done;
    if (ballotOf(result)) {
      await ack();
      await deliver(ctx, client, respond, command, inv, result, true);
    } else {
      await ack(replyMessage(result.reply));
    }
  });
}

async function deliver(
  ctx: SlackContext,
  client: WebClient,
  respond: RespondFn,
  command: SlashCommand,
  inv: Invocation,
  result: Awaited<ReturnType<SlackContext['core']['dispatch']>>,
  triggerFresh: boolean,
): Promise<void> {
  const form = ballotOf(result);
  if (form) {
    const opened = triggerFresh && (await openBallot(ctx, client, command.trigger_id, form, inv.actor.locale));
    if (!opened) await respond(replyMessage(retryBallotReply(ctx, inv.actor.locale, form)));
    return;
  }
  await respond(replyMessage(result.reply));
}

function matchSpec(specs: readonly CommandSpec[], words: string[]): CommandSpec | undefined {
  let best: CommandSpec | undefined;
  for (const spec of specs) {
    if (spec.path.length === 0 || spec.path.length > words.length) continue;
    const same = spec.path.every((w, i) => w.toLowerCase() === words[i].toLowerCase());
    if (same && (!best || spec.path.length > best.path.length)) best = spec;
  }
  return best;
}

/** "/election create" typed alone: the words name a command that still needs arguments */
function formForText(ctx: SlackContext, text: string): CommandSpec | undefined {
  const words = text.split(/\s+/).filter(Boolean);
  const spec = matchSpec(ctx.core.commands, words);
  if (!spec || words.length !== spec.path.length) return undefined;
  return needsForm(spec, {}) ? spec : undefined;
}

function formForShortcut(ctx: SlackContext, commandId: string, text: string): CommandSpec | undefined {
  if (text !== '' || commandId === 'ballot.get') return undefined;
  const spec = ctx.core.commands.find((c) => c.id === commandId);
  return spec && needsForm(spec, {}) ? spec : undefined;
}

async function openForm(
  ctx: SlackContext,
  client: WebClient,
  command: SlashCommand,
  spec: CommandSpec,
  inv: Invocation,
): Promise<void> {
  const view = renderCommandForm(spec, { command: spec.id, preset: {}, channel: command.channel_id }, translator(ctx, inv.actor.locale));
  try {
    await client.views.open({ trigger_id: command.trigger_id, view: view as never });
  } catch (err) {
    ctx.logger.warn('slack views.open (form) failed', { command: spec.id, error: String(err) });
  }
}
