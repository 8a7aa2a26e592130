// Who votes on paper or by mail, the ballots issued to them, and the ballots they return (issue 13).
// A return is the member's participation in the round, as an online cast is: the first of the two to
// reach the box counts, and the other is refused, saying which channel was first and nothing else.
import { arg } from '../kit/args.js';
import { defineCommand } from '../kit/define.js';
import { mention, toActor } from '../kit/say.js';
import { currentRound, openContests } from '../elections/election.service.js';
import { planOf } from '../elections/timetable.js';
import { ROLL_OPEN } from '../elections/election.rules.js';
import { updateTurnout } from '../notices/turnout.notice.js';
import { parseWhen } from '../shared/time.js';
import { fail } from '../shared/result.js';
import type { ElectionContext } from '../kit/context.js';
import { markOffline, notOnRoll } from './paper.service.js';
import { OFFLINE_CHANNELS, type OfflineChannel } from './paper.types.js';

export const markChannel = defineCommand<{
  election: number;
  channel: OfflineChannel | 'online';
  members?: string[];
}>({
  id: 'paper.channel',
  path: ['roll', 'channel'],
  // organisers mark anyone; a voter asks for their own ballot on paper or by mail
  access: 'anyone',
  phases: ROLL_OPEN,
  args: {
    election: arg.election('arg.election'),
    channel: arg.choice('arg.ballot_channel', [...OFFLINE_CHANNELS, 'online'] as const),
    members: arg.members('arg.members', { optional: true }),
  },
  async handler(ctx, args) {
    const e = ctx.election;
    const me = ctx.actor.memberId;
    // an 'anyone' command is dispatched without the actor's roles (the cast path needs none): read them
    const organiser = (await ctx.tx.roles.list(e.id)).some(
      (r) => r.memberId === me && r.role === 'organiser',
    );
    const members = args.members ?? [me];
    if (!organiser && members.some((m) => m !== me)) return fail('paper.channel_others');
    const missing = await notOnRoll(ctx, members);
    if (missing.length > 0) return fail('paper.not_on_roll', { members: missing.join(', ') }, 'members');
    for (const m of members) {
      if (args.channel === 'online') await ctx.tx.paper.removeVoter(e.id, m);
      else
        await ctx.tx.paper.putVoter({
          electionId: e.id,
          memberId: m,
          channel: args.channel,
          markedBy: me,
          markedAt: ctx.now.toISOString(),
        });
    }
    if (args.channel !== 'online') await markOffline(ctx);
    await ctx.audit('paper.channel', {
      channel: args.channel,
      members: members.join(','),
      asked: !organiser,
    });
    return toActor(
      ctx.t('paper.channel_set', {
        members: members.map(mention).join(', '),
        channel: ctx.t(`paper.channel.${args.channel}`),
        number: e.number,
      }),
    );
  },
});

export const issueBallots = defineCommand<{ election: number; members: string[]; channel?: OfflineChannel }>({
  id: 'paper.issue',
  path: ['paper', 'issue'],
  access: 'organiser-or-scrutineer',
  phases: ['published', 'voting'],
  args: {
    election: arg.election('arg.election'),
    members: arg.members('arg.members'),
    channel: arg.choice('arg.ballot_channel', OFFLINE_CHANNELS, { optional: true, named: true }),
  },
  async handler(ctx, args) {
    const e = ctx.election;
    const missing = await notOnRoll(ctx, args.members);
    if (missing.length > 0) return fail('paper.not_on_roll', { members: missing.join(', ') }, 'members');
    const marked = new Map((await ctx.tx.paper.voters(e.id)).map((v) => [v.memberId, v.channel]));
    const round = await currentRound(ctx);
    for (const m of args.members) {
      // as marked, unless said otherwise; a member nobody marked gets paper, the ballot at the desk
      const channel = args.channel ?? marked.get(m) ?? 'paper';
      await ctx.tx.paper.putIssue({
        electionId: e.id,
        round,
        memberId: m,
        channel,
        issuedBy: ctx.actor.memberId,
        issuedAt: ctx.now.toISOString(),
      });
    }
    await markOffline(ctx);
    await ctx.audit('paper.issued', { round, members: args.members.join(',') });
    return toActor(ctx.t('paper.issued', { count: args.members.length, round, number: e.number }));
  },
});

/** When voting closed (or is planned to): a mail ballot received later is late (not counted). */
async function deadlineOf(ctx: ElectionContext): Promise<Date | undefined> {
  const e = ctx.election;
  if (e.phase === 'voting') {
    const planned = (await planOf(ctx.tx, e.id)).get('voting-close');
    return planned ? new Date(planned.at) : undefined;
  }
  const closed = [...(await ctx.tx.audit.list(e.id))].reverse().find((a) => a.event === 'phase.closed');
  return closed ? new Date(closed.at) : undefined;
}

export const recordReturns = defineCommand<{ election: number; members: string[]; received?: string }>({
  id: 'paper.return',
  path: ['paper', 'return'],
  access: 'organiser-or-scrutineer',
  // mail keeps arriving after the close: logged as late, and not counted
  phases: ['voting', 'closed', 'counted', 'announced'],
  args: {
    election: arg.election('arg.election'),
    members: arg.members('arg.members'),
    received: arg.word('arg.received', 40, { optional: true, named: true }),
  },
  async handler(ctx, args) {
    const e = ctx.election;
    const when = args.received === undefined ? { at: ctx.now } : parseWhen(args.received, ctx.zone, ctx.now);
    if ('error' in when) return fail(when.error, { text: args.received ?? '' }, 'received');
    if (when.at > ctx.now) return fail('paper.received_future', {}, 'received');
    const round = await currentRound(ctx);
    const issued = new Map(
      (await ctx.tx.paper.issues(e.id)).filter((i) => i.round === round).map((i) => [i.memberId, i.channel]),
    );
    const deadline = await deadlineOf(ctx);
    const contests = await openContests(ctx);
    const late: string[] = [];
    for (const m of args.members) {
      const channel = issued.get(m);
      if (!channel) return fail('paper.not_issued', { member: mention(m), round }, 'members');
      if (await ctx.tx.paper.getReturn(e.id, round, m))
        return fail('paper.already_returned', { member: mention(m) }, 'members');
      // whichever came first counts: a member who voted online has their ballot in already
      for (const c of contests)
        if (await ctx.tx.participation.has(e.id, c.id, m))
          return fail('paper.voted_online', { member: mention(m) }, 'members');
      // the box's list may be written up after the close: what counts is when the ballot came
      const isLate = deadline !== undefined && when.at > deadline;
      await ctx.tx.paper.addReturn({
        electionId: e.id,
        round,
        memberId: m,
        channel,
        receivedAt: when.at.toISOString(),
        recordedBy: ctx.actor.memberId,
        late: isLate,
      });
      if (isLate) late.push(mention(m));
      else
        for (const c of contests)
          await ctx.tx.participation.add({ electionId: e.id, contestId: c.id, memberId: m });
    }
    await ctx.audit('paper.returned', { round, members: args.members.join(','), late: late.length });
    if (e.phase === 'voting') await updateTurnout(ctx);
    const counted = args.members.length - late.length;
    return toActor(
      [
        ctx.t('paper.returned', { count: counted, round, number: e.number }),
        late.length > 0 ? ctx.t('paper.late', { members: late.join(', ') }) : '',
      ]
        .filter(Boolean)
        .join('\n'),
    );
  },
});
