// What a modal submit answers with beside the modal: the payload's member and team, the core's refusals
// placed beside the inputs they name, and a form's reply posted where the form was opened.

import type { ViewSubmitAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { DispatchResult, Reply } from '../../../src/core/index.js';
import { clip } from '../../shared/index.js';
import { fallbackText } from '../render/blocks.js';
import type { SlackContext } from './context.js';
import { replyMessages } from './present.js';

type Blocks = { type: string; block_id?: string }[];

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

export async function sendDm(
  ctx: SlackContext,
  client: WebClient,
  userId: string,
  reply: Reply,
): Promise<void> {
  try {
    const open = await client.conversations.open({ users: userId });
    for (const msg of replyMessages(reply))
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
  try {
    for (const msg of replyMessages(reply)) {
      if (reply.visibility === 'channel')
        await client.chat.postMessage({ channel, text: msg.text, blocks: msg.blocks as never });
      else
        await client.chat.postEphemeral({
          channel,
          user: userId,
          text: msg.text,
          blocks: msg.blocks as never,
        });
    }
  } catch (err) {
    ctx.logger.warn('slack reply after form failed', { error: String(err) });
  }
}
