import type { CommandContext } from '../kit/context.js';
import type { Reply } from '../shared/reply.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { Contest, Election, Phase } from './election.types.js';
import { canMove } from './election.rules.js';

/** The election loaded by dispatch (every command with an `election` argument has one). */
export function current(ctx: CommandContext): Election {
  if (!ctx.election) throw new Error('command needs an election argument');
  return ctx.election;
}

/** Move the election to the next phase, audited. */
export async function moveTo(
  ctx: CommandContext,
  to: Phase,
  data: Record<string, string | number | null> = {},
): Promise<Result<Election>> {
  const e = current(ctx);
  if (!canMove(e.phase, to))
    return fail('election.cannot_move', { from: ctx.t(`phase.${e.phase}`), to: ctx.t(`phase.${to}`) });
  const next: Election = { ...e, phase: to, phaseSince: ctx.now.toISOString() };
  await ctx.tx.elections.update(next);
  ctx.election = next;
  await ctx.audit(`phase.${to}`, { from: e.phase, ...data });
  return ok(next);
}

// Contests can only be added in draft, so from voting on an election's list is fixed and can be
// remembered by election id (random, never reused).
const FIXED: readonly string[] = ['voting', 'closed', 'counted', 'announced', 'certified', 'archived'];

async function contestsOf(ctx: CommandContext): Promise<Contest[]> {
  const e = current(ctx);
  const fixedContests = ctx.state.table<Contest[]>('fixed-contests');
  const known = fixedContests.get(e.id);
  if (known) return known;
  const list = await ctx.tx.contests.list(e.id);
  if (FIXED.includes(e.phase)) fixedContests.set(e.id, list);
  return list;
}

/** A contest by number ("2") or name, case-insensitive. */
export async function findContest(ctx: CommandContext, ref: string | undefined): Promise<Result<Contest>> {
  const contests = await contestsOf(ctx);
  if (contests.length === 0) return fail('contest.none');
  if (ref === undefined) {
    if (contests.length === 1) return ok(contests[0]);
    return fail(
      'contest.which',
      { contests: contests.map((c) => `${c.number}. ${c.name}`).join(', ') },
      'contest',
    );
  }
  const byNumber = /^\d+$/.test(ref) ? contests.find((c) => c.number === Number(ref)) : undefined;
  const found = byNumber ?? contests.find((c) => c.name.toLowerCase() === ref.toLowerCase());
  return found
    ? ok(found)
    : fail(
        'contest.not_found',
        { contest: ref, contests: contests.map((c) => `${c.number}. ${c.name}`).join(', ') },
        'contest',
      );
}

/** Post to the election's channel (or where the command ran) through the outbound queue. */
export async function notifyChannel(
  ctx: CommandContext,
  key: string,
  body: Parameters<CommandContext['enqueue']>[0]['body'],
  purpose = 'notice',
  /** the key of an earlier post this one edits in place */
  replaces?: string,
): Promise<void> {
  const e = current(ctx);
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
  ctx: CommandContext,
  key: string,
  body: Parameters<CommandContext['enqueue']>[0]['body'],
  purpose = 'notice',
): Promise<Result<Reply>> {
  const channelId = current(ctx).channelId ?? ctx.channelId;
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
  ctx: CommandContext,
  memberId: string,
  key: string,
  build: (
    t: (k: string, p?: Record<string, string | number>) => string,
  ) => Parameters<CommandContext['enqueue']>[0]['body'],
  purpose = 'notice',
): Promise<boolean> {
  const e = current(ctx);
  const t = await ctx.translatorFor(memberId);
  return ctx.enqueue({
    destination: { kind: 'dm', memberId },
    body: build(t),
    dedupeKey: `${e.id}:${key}`,
    electionId: e.id,
    purpose,
  });
}
