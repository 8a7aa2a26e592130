// Turning a dispatch result into what the member sees. Every DispatchResult case carries a reply already
// translated for the actor, so all cases render the same way; what differs is where it goes.

import type { WebClient } from '@slack/web-api';
import type { BallotForm, DispatchResult, Reply } from '../../../src/core/index.js';
import { fallbackText, renderBlocks, type Block } from '../render/blocks.js';
import { renderBallotView } from '../render/ballot-view.js';
import { slackParts } from '../render/slack-parts.js';
import type { SlackContext } from './context.js';
import { translator } from './context.js';

export interface SlackMessage {
  response_type: 'in_channel' | 'ephemeral';
  text: string;
  blocks: Block[];
}

export function replyMessage(reply: Reply): SlackMessage {
  return {
    response_type: reply.visibility === 'channel' ? 'in_channel' : 'ephemeral',
    text: fallbackText(reply.body),
    blocks: renderBlocks(reply.body),
  };
}

/**
 * A reply as the messages that hold it within Slack's limits (slack-parts.ts): usually one; a long
 * one (the announced results of many contests) in several, sent one after the other, seen by the
 * same members as the first.
 */
export function replyMessages(reply: Reply): SlackMessage[] {
  return slackParts(reply.body).map((body) => replyMessage({ ...reply, body }));
}

/** Slack takes at most five answers through one response_url */
const RESPONSE_URL_USES = 5;

/**
 * Messages of a reply through response_url, and past its five uses through the Web API: to the
 * member alone (chat.postEphemeral) or to the channel, as the reply is meant. `used`: answers the
 * response_url has given already.
 */
export async function respondAll(
  respond: (message: SlackMessage) => Promise<unknown>,
  client: WebClient,
  where: { channel: string; user: string },
  messages: readonly SlackMessage[],
  used = 0,
): Promise<void> {
  for (const [i, m] of messages.entries()) {
    if (used + i < RESPONSE_URL_USES) await respond(m);
    else if (m.response_type === 'in_channel')
      await client.chat.postMessage({ channel: where.channel, text: m.text, blocks: m.blocks as never });
    else
      await client.chat.postEphemeral({
        channel: where.channel,
        user: where.user,
        text: m.text,
        blocks: m.blocks as never,
      });
  }
}

export function ballotOf(result: DispatchResult): BallotForm | undefined {
  return result.kind === 'ok' ? result.reply.body.ballot : undefined;
}

export function logResult(ctx: SlackContext, command: string, result: DispatchResult): void {
  // Only the command and outcome: arguments may hold ballot choices, which are never logged.
  if (result.kind === 'failed') ctx.logger.error('slack command failed', { command, ref: result.ref });
  else ctx.logger.debug('slack command', { command, outcome: result.kind });
}

export function ballotTexts(ctx: SlackContext, locale: string | undefined) {
  const t = translator(ctx, locale);
  return {
    submit: t('slack.ballot.submit'),
    close: t('slack.ballot.close'),
    rank: (rank: number) => t('slack.ballot.rank', { rank }),
    approve: t('slack.ballot.approve'),
    oppose: t('slack.ballot.oppose'),
    abstain: t('slack.ballot.abstain'),
    choose: t('slack.ballot.choose'),
    writeIn: t('slack.ballot.write_in_label'),
  };
}

/** Open the ballot modal; false when Slack refused (trigger expired, ~3 s after the click). */
export async function openBallot(
  ctx: SlackContext,
  client: WebClient,
  triggerId: string,
  form: BallotForm,
  locale: string | undefined,
): Promise<boolean> {
  try {
    await client.views.open({
      trigger_id: triggerId,
      view: renderBallotView(form, ballotTexts(ctx, locale)) as never,
    });
    return true;
  } catch (err) {
    ctx.logger.warn('slack views.open failed', { error: String(err) });
    return false;
  }
}

/** When the modal could not open in time: an ephemeral Vote button that opens it on a fresh click. */
export function retryBallotReply(ctx: SlackContext, locale: string | undefined, form: BallotForm): Reply {
  const t = translator(ctx, locale);
  return {
    visibility: 'only-you',
    body: {
      text: t('slack.ballot.open_failed'),
      tone: 'warning',
      actions: [
        {
          label: t('slack.ballot.vote_button'),
          command: 'ballot.get',
          args: { election: form.election, contest: form.contest },
          style: 'primary',
        },
      ],
    },
  };
}
