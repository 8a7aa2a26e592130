// Modal submissions: the ballot (ballot.cast) and command forms. Slack lets a view_submission answer
// with response_action 'errors' keyed by block_id, which is how every mistake is shown inline, beside
// the question, without closing the modal. The cast is acknowledged with a "recorded" view carrying the
// core's reply (receipt code, never the choices); the receipt DM is the core's, queued with the cast
// and delivered by the outbound queue as on every platform, so the adapter sends none of its own.

import type { App, ViewSubmitAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { DispatchResult, Reply } from '../../../src/core/index.js';
import { ackOrDefer, clip } from '../../shared/index.js';
import { BALLOT_CALLBACK, type BallotMeta } from '../render/ballot-view.js';
import { fallbackText, renderBlocks } from '../render/blocks.js';
import { FORM_CALLBACK, type FormMeta } from '../render/command-form.js';
import { readChoices, type ViewValues } from './ballot-choices.js';
import { buildInvocation, specOf, translator, type SlackContext } from './context.js';
import { readFormArgs } from './form-values.js';
import { logResult, replyMessage } from './present.js';

type Blocks = { type: string; block_id?: string }[];

export function registerViews(app: App, ctx: SlackContext): void {
  app.view<ViewSubmitAction>(BALLOT_CALLBACK, async ({ ack, body, view, client }) => {
    const started = Date.now();
    const meta = JSON.parse(view.private_metadata) as BallotMeta;
    const src = viewSource(body);
    const work = buildInvocation(ctx, client, src, 'ballot.cast', {}).then(async (inv) => {
      const t = translator(ctx, inv.actor.locale);
      const read = readChoices(meta, view.state.values as ViewValues);
      if (!read.ok) {
        const errors = Object.fromEntries(
          Object.entries(read.errors).map(([b, e]) => [b, t(e.key, e.params)]),
        );
        return { local: errors, inv };
      }
      const args = { election: meta.election, contest: meta.contest, choices: read.choices };
      const result = await ctx.core.dispatch({ ...inv, args });
      logResult(ctx, 'ballot.cast', result);
      return { result, inv };
    });
    await ackOrDefer({
      deadlineMs: ctx.ackBudgetMs - (Date.now() - started),
      run: () => work,
      reply: async (done) => {
        if (done.local) return ack({ response_action: 'errors', errors: done.local });
        const { result, inv } = done as { result: DispatchResult; inv: typeof done.inv };
        if (result.kind !== 'ok')
          return ack({ response_action: 'errors', errors: inlineErrors(view.blocks as Blocks, result) });
        const t = translator(ctx, inv.actor.locale);
        await ack({
          response_action: 'update',
          view: noticeView(t('slack.ballot.recorded_title'), result.reply) as never,
        });
      },
      defer: () => ack(),
      // the modal has closed without an answer: a refusal is told by DM (a success has the core's receipt DM)
      followUp: async (late) => {
        if (late.result && late.result.kind !== 'ok')
          await sendDm(ctx, client, src.userId, late.result.reply);
      },
    });
  });

  app.view<ViewSubmitAction>(FORM_CALLBACK, async ({ ack, body, view, client }) => {
    const started = Date.now();
    const meta = JSON.parse(view.private_metadata) as FormMeta;
    const src = { ...viewSource(body), channelId: meta.channel };
    const args = { ...readFormArgs(view.state.values as never), ...meta.preset };
    const work = buildInvocation(
      ctx,
      client,
      src,
      meta.command,
      args,
      membersIn(ctx, meta.command, args),
    ).then(async (inv) => {
      const result = await ctx.core.dispatch(inv);
      logResult(ctx, meta.command, result);
      return result;
    });
    await ackOrDefer({
      deadlineMs: ctx.ackBudgetMs - (Date.now() - started),
      run: () => work,
      reply: async (done) => {
        if (done.kind !== 'ok')
          return ack({ response_action: 'errors', errors: inlineErrors(view.blocks as Blocks, done) });
        await ack({ response_action: 'clear' });
        await postReply(ctx, client, src.userId, meta.channel, done.reply);
      },
      defer: () => ack(),
      followUp: (late) => postReply(ctx, client, src.userId, meta.channel, late.reply),
    });
  });
}

/** the member ids a form's user selects picked (their profiles go to the core with the command) */
function membersIn(ctx: SlackContext, command: string, args: Record<string, unknown>): string[] {
  const spec = specOf(ctx.core, command);
  const ids = (spec?.args ?? [])
    .filter((a) => a.kind === 'member' || a.kind === 'members')
    .flatMap((a) => (typeof args[a.name] === 'string' ? String(args[a.name]).split(/[\s,;]+/) : []));
  return ids.filter((id) => /^[UW][A-Z0-9]+$/.test(id));
}

export function viewSource(body: ViewSubmitAction) {
  return {
    teamId: body.team?.id ?? body.user.team_id ?? '',
    teamName: body.team?.domain,
    userId: body.user.id,
    userName: body.user.name,
    body,
  };
}

/** Issues name the field; a field that is an input block gets its message there, the rest the first input. */
export function inlineErrors(
  blocks: Blocks,
  result: Exclude<DispatchResult, { kind: 'ok' }>,
): Record<string, string> {
  const inputs = blocks.filter((b) => b.type === 'input' && b.block_id).map((b) => b.block_id!);
  const first = inputs[0] ?? 'marks';
  const errors: Record<string, string> = {};
  if (result.kind === 'invalid') {
    for (const issue of result.issues) {
      const at = inputs.includes(issue.field) ? issue.field : first;
      errors[at] = errors[at] ? `${errors[at]} ${issue.message}` : issue.message;
    }
  }
  if (Object.keys(errors).length === 0) errors[first] = fallbackText(result.reply.body);
  for (const k of Object.keys(errors)) errors[k] = clip(errors[k], 2000);
  return errors;
}

function noticeView(title: string, reply: Reply): Record<string, unknown> {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: clip(title, 24) },
    close: { type: 'plain_text', text: 'OK' },
    blocks: renderBlocks(reply.body),
  };
}

async function sendDm(ctx: SlackContext, client: WebClient, userId: string, reply: Reply): Promise<void> {
  try {
    const open = await client.conversations.open({ users: userId });
    const msg = replyMessage(reply);
    await client.chat.postMessage({
      channel: open.channel!.id!,
      text: msg.text,
      blocks: msg.blocks as never,
    });
  } catch (err) {
    ctx.logger.warn('slack DM after modal failed', { error: String(err) });
  }
}

/** a form's answer, where the form was opened: to the channel, or to the member alone */
export async function postReply(
  ctx: SlackContext,
  client: WebClient,
  userId: string,
  channel: string | undefined,
  reply: Reply,
): Promise<void> {
  if (!channel) return sendDm(ctx, client, userId, reply);
  const msg = replyMessage(reply);
  try {
    if (reply.visibility === 'channel')
      await client.chat.postMessage({ channel, text: msg.text, blocks: msg.blocks as never });
    else
      await client.chat.postEphemeral({ channel, user: userId, text: msg.text, blocks: msg.blocks as never });
  } catch (err) {
    ctx.logger.warn('slack reply after form failed', { error: String(err) });
  }
}
