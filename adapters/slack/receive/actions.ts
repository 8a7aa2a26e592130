// Buttons. The action id carries `command:election=3;contest=1`; the pressing member comes from the
// signed payload. A button whose command still needs input opens the command's form; ballot.get opens
// the ballot modal; anything else is dispatched and its reply posted back where the button was.

import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { decodeActionId } from '../action-id.js';
import { needsForm, renderCommandForm } from '../render/command-form.js';
import { buildInvocation, specOf, translator, type SlackContext } from './context.js';
import {
  ballotOf,
  logResult,
  openBallot,
  replyMessage,
  replyMessages,
  respondAll,
  retryBallotReply,
} from './present.js';

export function registerActions(app: App, ctx: SlackContext): void {
  // Only buttons: inputs inside modals do not dispatch actions (no dispatch_action), so every
  // block_actions payload that reaches here is a button press on a message.
  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions' },
    async ({ ack, body, action, client, respond }) => {
      // a block_actions ack carries no message, so there is nothing to gain from waiting (no ackOrDefer)
      await ack();
      if (action.type !== 'button') return;
      const { command, args } = decodeActionId(action.action_id);
      const teamId = body.team?.id ?? body.user.team_id ?? '';
      const src = {
        teamId,
        teamName: body.team?.domain,
        userId: body.user.id,
        userName: body.user.username,
        channelId: body.channel?.id,
        body,
      };

      const spec = specOf(ctx.core, command);
      if (spec && needsForm(spec, args)) {
        const inv = await buildInvocation(ctx, client, src, command, args);
        const view = renderCommandForm(
          spec,
          { command, preset: args, channel: body.channel?.id },
          translator(ctx, inv.actor.locale),
        );
        await client.views
          .open({ trigger_id: body.trigger_id, view: view as never })
          .catch((err: unknown) => {
            ctx.logger.warn('slack views.open (form) failed', { command, error: String(err) });
          });
        return;
      }

      const inv = await buildInvocation(ctx, client, src, command, args);
      const result = await ctx.core.dispatch(inv);
      logResult(ctx, command, result);
      const form = ballotOf(result);
      if (form) {
        if (!(await openBallot(ctx, client, body.trigger_id, form, inv.actor.locale))) {
          await respond({
            ...replyMessage(retryBallotReply(ctx, inv.actor.locale, form)),
            replace_original: false,
          });
        }
        return;
      }
      // Never replace the message the button sits on (a ballot DM keeps its Vote button for changing
      // one's vote); replies go beside it.
      const messages = replyMessages(result.reply);
      await respondAll(
        (m) => respond({ ...m, replace_original: false }),
        client,
        { channel: body.channel?.id ?? body.user.id, user: body.user.id },
        messages,
      );
    },
  );
}
