// Slash commands: /election <words> <args>, and the shortcuts /vote and /nominate. Text goes to the
// registry as typed (the core tokenises it), except that typed member and channel names become ids
// (resolve-names.ts); the adapter also decides between dispatching and opening a form when the member
// typed a command's words without the arguments it needs, or `schedule <election>` with no times
// (schedule.ts).

import type { App, RespondFn, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { CommandSpec, DispatchResult, Invocation, Reply } from '../../../src/core/index.js';
import { ackOrDefer } from '../../shared/index.js';
import { renderCommandForm, needsForm } from '../render/command-form.js';
import { buildInvocation, specOf, translator, type PayloadSource, type SlackContext } from './context.js';
import { resolveNames, splitPath, takesNames } from './resolve-names.js';
import {
  ballotOf,
  logResult,
  openBallot,
  replyMessage,
  replyMessages,
  respondAll,
  retryBallotReply,
} from './present.js';
import { electionFirst, openScheduleForm, scheduleFormElection } from './schedule.js';
import { shareReplyFiles, withFilesNote } from '../send/reply-files.js';

/**
 * slash command name -> the command it stands for, from the registry's aliases ('vote' is /vote);
 * anything else is the general /election
 */
export function shortcutsOf(commands: readonly CommandSpec[]): Map<string, string> {
  return new Map(commands.flatMap((c) => (c.aliases ?? []).map((a) => [`/${a}`, c.id] as const)));
}

export function registerCommands(app: App, ctx: SlackContext): void {
  app.command(/.*/, async ({ command, ack, respond, client, body }) => {
    const started = Date.now();
    const text = command.text.trim();
    const shortcut = shortcutsOf(ctx.core.commands).get(command.command);
    const src = {
      teamId: command.team_id,
      teamName: command.team_domain,
      userId: command.user_id,
      userName: command.user_name,
      channelId: command.channel_id,
      body,
    };

    const scheduled = shortcut ? undefined : scheduleFormElection(ctx.core.commands, text);
    if (scheduled !== undefined) {
      // like /vote: ack first, so the whole of the trigger's 3 s is left for the modal
      await ack();
      await openScheduleForm(ctx, client, respond, command, src, scheduled);
      return;
    }

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
    const work = prepare(ctx, client, src, shortcut, args.text).then(async ({ inv, refused }) => {
      const result = refused ?? (await ctx.core.dispatch(inv));
      logResult(ctx, shortcut ?? 'election', result);
      return { inv, result };
    });
    await ackOrDefer({
      deadlineMs: ctx.ackBudgetMs - (Date.now() - started),
      run: () => work,
      reply: async ({ inv, result }) => {
        if (!ballotOf(result)) {
          const [first, ...more] = replyMessages(filesNoted(ctx, inv, result.reply));
          await ack(first);
          await respondAll(respond, client, where(command), more);
          await shareFiles(ctx, client, respond, inv, result.reply);
          return;
        }
        await ack();
        await deliver(ctx, client, respond, command, inv, result, true);
      },
      defer: () => ack(),
      // late: the modal's trigger_id has expired, so a ballot is offered as a fresh Vote button
      followUp: ({ inv, result }) => deliver(ctx, client, respond, command, inv, result, false),
    });
  });
}

/**
 * The invocation for typed text, with every typed `@name` and `#channel` resolved to an id first (see
 * resolve-names.ts) and the named members' profiles attached; or the refusal, when a name is unknown
 * or ambiguous. Nothing reaches the core then, so nothing changes.
 */
async function prepare(
  ctx: SlackContext,
  client: WebClient,
  src: PayloadSource,
  shortcut: string | undefined,
  text: string,
): Promise<{ inv: Invocation; refused?: DispatchResult }> {
  const spec = shortcut
    ? specOf(ctx.core, shortcut)
    : matchSpec(ctx.core.commands, text.split(/\s+/).filter(Boolean));
  if (!spec || !takesNames(spec))
    return { inv: await buildInvocation(ctx, client, src, shortcut ?? '', { text }) };
  const { head, rest } = shortcut ? { head: '', rest: text } : splitPath(text, spec.path);
  const resolved = await resolveNames(ctx.directory, client, src.teamId, spec, rest);
  if (!resolved.ok) {
    const inv = await buildInvocation(ctx, client, src, shortcut ?? '', { text });
    const t = translator(ctx, inv.actor.locale);
    const issues = resolved.problems.map((p) => ({ field: p.arg, message: t(p.key, p.params) }));
    const lines = issues.length === 1 ? issues[0].message : issues.map((i) => `\n• ${i.message}`).join('');
    return {
      inv,
      refused: {
        kind: 'invalid',
        issues,
        reply: {
          visibility: 'only-you',
          body: { text: t('slack.name.refused', { problems: lines }), tone: 'error' },
        },
      },
    };
  }
  return {
    inv: await buildInvocation(
      ctx,
      client,
      src,
      shortcut ?? '',
      { text: head + resolved.text },
      resolved.memberIds,
    ),
  };
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
    const opened =
      triggerFresh && (await openBallot(ctx, client, command.trigger_id, form, inv.actor.locale));
    if (!opened) await respond(replyMessage(retryBallotReply(ctx, inv.actor.locale, form)));
    return;
  }
  await respondAll(respond, client, where(command), replyMessages(filesNoted(ctx, inv, result.reply)));
  await shareFiles(ctx, client, respond, inv, result.reply);
}

function filesNoted(ctx: SlackContext, inv: Invocation, reply: Reply): Reply {
  return withFilesNote(reply, translator(ctx, inv.actor.locale)('slack.files_in_dm'));
}

/** A reply's files reach the member's DM with Teller (a slash command's reply cannot carry them). */
async function shareFiles(
  ctx: SlackContext,
  client: WebClient,
  respond: RespondFn,
  inv: Invocation,
  reply: Reply,
): Promise<void> {
  if (!reply.body.files?.length) return;
  if (await shareReplyFiles(client, inv.actor.memberId, reply.body.files, ctx.logger)) return;
  await respond({
    response_type: 'ephemeral',
    text: translator(ctx, inv.actor.locale)('slack.files_failed'),
    replace_original: false,
  });
}

const where = (command: SlashCommand) => ({ channel: command.channel_id, user: command.user_id });

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
  const view = renderCommandForm(
    electionFirst(spec),
    { command: spec.id, preset: {}, channel: command.channel_id },
    translator(ctx, inv.actor.locale),
  );
  try {
    await client.views.open({ trigger_id: command.trigger_id, view: view as never });
  } catch (err) {
    ctx.logger.warn('slack views.open (form) failed', { command: spec.id, error: String(err) });
  }
}
