import { arg } from '../kit/args.js';
import type { CommandContext, ElectionContext } from '../kit/context.js';
import { defineCommand } from '../kit/define.js';
import { mention, toActor } from '../kit/say.js';
import { findContest } from '../elections/election.service.js';
import { notifyMember, postNotice } from '../notices/notice.service.js';
import { planOf } from '../elections/timetable.js';
import { when } from '../elections/timetable.view.js';
import { randomId } from '../shared/ids.js';
import { fail, ok, type Result } from '../shared/result.js';
import { ACTIVE, afterSeconding } from './nomination.rules.js';
import type { Nomination } from './nomination.types.js';

async function findNomination(ctx: ElectionContext, number: number): Promise<Result<Nomination>> {
  const n = await ctx.tx.nominations.get(ctx.election.id, number);
  return n ? ok(n) : fail('nomination.not_found', { number }, 'nomination');
}

async function eligible(ctx: ElectionContext, memberId: string): Promise<boolean> {
  const r = await ctx.tx.roll.get(ctx.election.id, memberId);
  return r?.status === 'eligible';
}

async function save(
  ctx: CommandContext,
  n: Nomination,
  event: string,
  data: Record<string, string | number | null> = {},
): Promise<void> {
  await ctx.tx.nominations.update({ ...n, updatedAt: ctx.now.toISOString() });
  await ctx.audit(event, { nomination: n.number, ...data });
}

export const nominate = defineCommand<{
  election: number;
  contest: string;
  member?: string;
  statement?: string;
}>({
  id: 'nomination.create',
  path: ['nominate'],
  aliases: ['nominate'],
  access: 'anyone',
  phases: ['nominating'],
  args: {
    election: arg.election('arg.election'),
    contest: arg.contest('arg.contest'),
    member: arg.member('arg.nominee', { optional: true }),
    statement: arg.text('arg.statement', 2000, { optional: true, named: true }),
  },
  async handler(ctx, args) {
    const e = ctx.election;
    // only the round being nominated for: an earlier round's list is settled
    const contest = await findContest(ctx, args.contest, true);
    if (!contest.ok) return contest;
    const nominee = args.member ?? ctx.actor.memberId;
    const self = nominee === ctx.actor.memberId;
    if (self && !e.settings.selfNomination) return fail('nomination.self_not_allowed');
    const mine = await ctx.tx.roll.get(e.id, ctx.actor.memberId);
    if (!mine) return fail('nomination.nominator_not_on_roll');
    if (mine.status !== 'eligible')
      return fail('nomination.nominator_ineligible', { reason: mine.reason ?? '—' });
    if (!(await eligible(ctx, nominee)))
      return fail('nomination.nominee_not_on_roll', { member: mention(nominee) }, 'member');
    const roles = await ctx.tx.roles.list(e.id);
    if (roles.some((r) => r.memberId === nominee && r.role === 'scrutineer'))
      return fail('role.scrutineer_is_candidate', { member: mention(nominee) }, 'member');
    const existing = await ctx.tx.nominations.list(e.id);
    if (
      existing.some(
        (n) => n.contestId === contest.value.id && n.nominee === nominee && ACTIVE.includes(n.status),
      )
    ) {
      return fail('nomination.duplicate', { member: mention(nominee), contest: contest.value.name });
    }
    const now = ctx.now.toISOString();
    const draft: Nomination = {
      id: randomId(),
      electionId: e.id,
      contestId: contest.value.id,
      number: (await ctx.tx.nominations.maxNumber(e.id)) + 1,
      nominee,
      nominator: ctx.actor.memberId,
      statement: args.statement ?? null,
      status: 'seconding',
      reason: null,
      candidateNumber: null,
      createdAt: now,
      updatedAt: now,
    };
    const n: Nomination = { ...draft, status: afterSeconding(draft, 0, e.settings.seconders) };
    await ctx.tx.nominations.insert(n);
    await ctx.audit('nomination.created', {
      nomination: n.number,
      contest: contest.value.number,
      nominee,
      nominator: ctx.actor.memberId,
    });
    if (!self) {
      const closes = await nominationsClose(ctx);
      await notifyMember(ctx, nominee, `nominated:${n.number}`, (t, reader) => ({
        text: [
          t('nomination.you_were_nominated', {
            nominator: mention(ctx.actor.memberId),
            contest: contest.value.name,
            title: e.title,
            election: e.number,
            nomination: n.number,
          }),
          closes ? t('timeline.next.nominations-close', { when: when(reader, closes, ctx.now) }) : '',
        ]
          .filter(Boolean)
          .join('\n'),
        tone: 'info',
      }));
    }
    const created = e.settings.seconders > 0 ? 'nomination.created' : 'nomination.created_unseconded';
    return postNotice(ctx, `nomination:${n.number}`, {
      text: ctx.t(created, {
        number: n.number,
        member: mention(nominee),
        contest: contest.value.name,
        needed: e.settings.seconders,
        election: e.number,
      }),
      tone: 'info',
    });
  },
});

export const second = defineCommand<{ election: number; nomination: number }>({
  id: 'nomination.second',
  path: ['second'],
  access: 'anyone',
  phases: ['nominating'],
  args: { election: arg.election('arg.election'), nomination: arg.nomination('arg.nomination') },
  async handler(ctx, args) {
    const e = ctx.election;
    const found = await findNomination(ctx, args.nomination);
    if (!found.ok) return found;
    const n = found.value;
    const me = ctx.actor.memberId;
    if (n.status !== 'seconding') return fail('nomination.not_seconding', { number: n.number });
    if (me === n.nominee) return fail('nomination.second_self');
    if (me === n.nominator) return fail('nomination.second_own');
    if (!(await eligible(ctx, me))) return fail('nomination.seconder_not_on_roll');
    const before = await ctx.tx.nominations.seconders(n.id);
    if (before.some((s) => s.memberId === me))
      return fail('nomination.already_seconded', { number: n.number });
    await ctx.tx.nominations.addSeconder({ nominationId: n.id, memberId: me, at: ctx.now.toISOString() });
    const status = afterSeconding(n, before.length + 1, e.settings.seconders);
    await save(ctx, { ...n, status }, 'nomination.seconded', { seconder: me });
    if (status === 'awaiting-acceptance') {
      const closes = await nominationsClose(ctx);
      await notifyMember(ctx, n.nominee, `accept-now:${n.number}`, (t, reader) => ({
        text: [
          t('nomination.please_accept', { election: e.number, nomination: n.number, title: e.title }),
          closes ? t('timeline.next.nominations-close', { when: when(reader, closes, ctx.now) }) : '',
        ]
          .filter(Boolean)
          .join('\n'),
        tone: 'info',
      }));
    }
    return toActor(
      ctx.t('nomination.seconded', {
        number: n.number,
        count: before.length + 1,
        needed: e.settings.seconders,
      }),
    );
  },
});

function answer(id: 'nomination.accept' | 'nomination.decline', accept: boolean) {
  return defineCommand<{ election: number; nomination: number }>({
    id,
    path: [accept ? 'accept' : 'decline'],
    access: 'anyone',
    phases: ['nominating', 'reviewing'],
    args: { election: arg.election('arg.election'), nomination: arg.nomination('arg.nomination') },
    async handler(ctx, args) {
      const found = await findNomination(ctx, args.nomination);
      if (!found.ok) return found;
      const n = found.value;
      if (n.nominee !== ctx.actor.memberId) return fail('nomination.not_nominee', { number: n.number });
      if (n.status === 'seconding') return fail('nomination.still_seconding', { number: n.number });
      if (n.status !== 'awaiting-acceptance')
        return fail('nomination.already_answered', {
          number: n.number,
          status: ctx.t(`nomination.status_${n.status}`),
        });
      await save(
        ctx,
        { ...n, status: accept ? 'accepted' : 'declined' },
        accept ? 'nomination.accepted' : 'nomination.declined',
      );
      const text = ctx.t(accept ? 'nomination.accepted' : 'nomination.declined', {
        number: n.number,
        member: mention(n.nominee),
      });
      return postNotice(ctx, `${accept ? 'accepted' : 'declined'}:${n.number}`, { text, tone: 'info' });
    },
  });
}
export const accept = answer('nomination.accept', true);
export const decline = answer('nomination.decline', false);

export const approve = defineCommand<{ election: number; nomination: number }>({
  id: 'nomination.approve',
  path: ['review', 'approve'],
  access: 'organiser',
  phases: ['reviewing'],
  args: { election: arg.election('arg.election'), nomination: arg.nomination('arg.nomination') },
  async handler(ctx, args) {
    const e = ctx.election;
    const found = await findNomination(ctx, args.nomination);
    if (!found.ok) return found;
    const n = found.value;
    if (n.status !== 'accepted')
      return fail('nomination.not_reviewable', {
        number: n.number,
        status: ctx.t(`nomination.status_${n.status}`),
      });
    await save(ctx, { ...n, status: 'approved' }, 'nomination.approved');
    await notifyMember(ctx, n.nominee, `approved:${n.number}`, (t) => ({
      text: t('nomination.you_were_approved', { title: e.title, number: n.number }),
      tone: 'success',
    }));
    return toActor(ctx.t('nomination.approved', { number: n.number, member: mention(n.nominee) }));
  },
});

export const reject = defineCommand<{ election: number; nomination: number; reason: string }>({
  id: 'nomination.reject',
  path: ['review', 'reject'],
  access: 'organiser',
  phases: ['reviewing'],
  args: {
    election: arg.election('arg.election'),
    nomination: arg.nomination('arg.nomination'),
    reason: arg.text('arg.reason', 1000),
  },
  async handler(ctx, args) {
    const e = ctx.election;
    const found = await findNomination(ctx, args.nomination);
    if (!found.ok) return found;
    const n = found.value;
    if (!['accepted', 'awaiting-acceptance', 'seconding'].includes(n.status)) {
      return fail('nomination.not_reviewable', {
        number: n.number,
        status: ctx.t(`nomination.status_${n.status}`),
      });
    }
    await save(ctx, { ...n, status: 'rejected', reason: args.reason }, 'nomination.rejected', {
      reason: args.reason,
    });
    await notifyMember(ctx, n.nominee, `rejected:${n.number}`, (t) => ({
      text: t('nomination.you_were_rejected', { title: e.title, number: n.number, reason: args.reason }),
      tone: 'warning',
    }));
    return toActor(ctx.t('nomination.rejected', { number: n.number, member: mention(n.nominee) }));
  },
});

export const listNominations = defineCommand<{ election: number }>({
  id: 'nomination.list',
  path: ['nominations', 'list'],
  access: 'anyone',
  args: { election: arg.election('arg.election') },
  async handler(ctx) {
    const e = ctx.election;
    const contests = await ctx.tx.contests.list(e.id);
    const all = await ctx.tx.nominations.list(e.id);
    const lines: string[] = [];
    for (const n of all) {
      const seconds = (await ctx.tx.nominations.seconders(n.id)).length;
      const contest = contests.find((c) => c.id === n.contestId)?.name ?? '?';
      lines.push(
        ctx.t('nomination.line', {
          number: n.number,
          member: mention(n.nominee),
          contest,
          status: ctx.t(`nomination.status_${n.status}`),
          seconds,
        }),
      );
    }
    return toActor(lines.join('\n') || ctx.t('nomination.none'), {
      title: ctx.t('nomination.list_title', { number: e.number }),
      tone: 'info',
    });
  },
});

/** The planned close of nominations, for the DMs that ask a nominee to act before it. */
async function nominationsClose(ctx: ElectionContext): Promise<string | undefined> {
  return (await planOf(ctx.tx, ctx.election.id)).get('nominations-close')?.at;
}
