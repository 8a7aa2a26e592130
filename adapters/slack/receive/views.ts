// Modal submissions: the ballot (ballot.cast) and command forms. Slack lets a view_submission answer
// with response_action 'errors' keyed by block_id, which is how every mistake is shown inline, beside
// the question, without closing the modal. The cast is acknowledged with a "recorded" view carrying the
// core's reply (receipt code, never the choices); the receipt DM is the core's, queued with the cast
// and delivered by the outbound queue as on every platform, so the adapter sends none of its own.

import type { App, ViewSubmitAction } from '@slack/bolt';
import type { DispatchResult, Reply } from '../../../src/core/index.js';
import { ackOrDefer, clip } from '../../shared/index.js';
import { BALLOT_CALLBACK, type BallotMeta } from '../render/ballot-view.js';
import { renderBlocks } from '../render/blocks.js';
import { FORM_CALLBACK, type FormMeta } from '../render/command-form.js';
import { readChoices, type ViewValues } from './ballot-choices.js';
import { buildInvocation, specOf, translator, type SlackContext } from './context.js';
import { readFormArgs } from './form-values.js';
import { logResult } from './present.js';
import { inlineErrors, postReply, sendDm, viewSource } from './view-replies.js';
import { SCHEDULE_COMMAND, scheduleFromElectionForm } from './schedule.js';

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
      const args = {
        election: meta.election,
        contest: meta.contest,
        choices: read.choices,
        ...(read.writeIns ? { writeIn: read.writeIns } : {}),
        ...(meta.for ? { for: meta.for } : {}),
      };
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
    if (meta.command === SCHEDULE_COMMAND && args.election !== undefined)
      return scheduleFromElectionForm(
        ctx,
        { ack, client, blocks: view.blocks as Blocks },
        src,
        args.election,
      );
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

function noticeView(title: string, reply: Reply): Record<string, unknown> {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: clip(title, 24) },
    close: { type: 'plain_text', text: 'OK' },
    blocks: renderBlocks(reply.body),
  };
}
