// How an election tells people things: a post in its channel, a notice that says where it went, a DM
// in the member's own language. All through the outbound queue, inside the command's transaction, so a
// message exists exactly when the change that caused it committed. The lowest module: every other one
// may use it.
import type { CommandContext, ElectionContext, Reader } from '../kit/context.js';
import type { Reply } from '../shared/reply.js';
import { ok, type Result } from '../shared/result.js';

/** Post to the election's channel (or where the command ran) through the outbound queue. */
export async function notifyChannel(
  ctx: ElectionContext,
  key: string,
  body: Parameters<CommandContext['enqueue']>[0]['body'],
  purpose = 'notice',
  /** the key of an earlier post this one edits in place */
  replaces?: string,
): Promise<void> {
  const e = ctx.election;
  const channelId = e.channelId ?? ctx.channelId;
  if (!channelId) return;
  await ctx.enqueue({
    destination: { kind: 'channel', channelId },
    body,
    dedupeKey: `${e.id}:${key}`,
    electionId: e.id,
    purpose,
    ...(replaces ? { replaces: `${e.id}:${replaces}` } : {}),
  });
}

/**
 * One event, one post: a public notice goes to the election's channel through the queue (durable, sent
 * once), and the member who caused it is told where it went, not shown a second copy. With no channel
 * to post to, the member is shown the notice itself.
 */
export async function postNotice(
  ctx: ElectionContext,
  key: string,
  body: Parameters<CommandContext['enqueue']>[0]['body'],
  purpose = 'notice',
): Promise<Result<Reply>> {
  const channelId = ctx.election.channelId ?? ctx.channelId;
  if (!channelId) return ok({ visibility: 'only-you', body: { tone: 'success', ...body } });
  await notifyChannel(ctx, key, body, purpose);
  const what = body.title ?? body.text.split('\n')[0] ?? '';
  return ok({
    visibility: 'only-you',
    body: { tone: 'success', text: ctx.t('notice.posted', { channel: `<#${channelId}>`, what }) },
  });
}

/** Send a member a DM through the outbound queue, in their language. */
export async function notifyMember(
  ctx: ElectionContext,
  memberId: string,
  key: string,
  build: (
    t: (k: string, p?: Record<string, string | number>) => string,
    reader: Reader,
  ) => Parameters<CommandContext['enqueue']>[0]['body'],
  purpose = 'notice',
): Promise<boolean> {
  const e = ctx.election;
  const reader = await ctx.readerFor(memberId);
  return ctx.enqueue({
    destination: { kind: 'dm', memberId },
    body: build(reader.t, reader),
    dedupeKey: `${e.id}:${key}`,
    electionId: e.id,
    purpose,
  });
}
