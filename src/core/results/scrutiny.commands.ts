// A scrutineer disputes the count; the organisers resolve the dispute or count again (issue 13, C12).
// Either way the record says so: the dispute, its resolution or the recount are audited, and a
// dispute left open stops the announcement.
import { arg } from '../kit/args.js';
import { defineCommand } from '../kit/define.js';
import { mention, toActor } from '../kit/say.js';
import { notifyMember } from '../notices/notice.service.js';
import { fail } from '../shared/result.js';
import { countedReply } from './result.commands.js';
import { countAll } from './result.service.js';
import { scrutinyOf } from '../elections/election.scrutiny.js';

export const disputeCount = defineCommand<{ election: number; note: string }>({
  id: 'result.count.dispute',
  path: ['count', 'dispute'],
  access: 'scrutineer',
  phases: ['counted'],
  args: { election: arg.election('arg.election'), note: arg.text('arg.note', 1000) },
  async handler(ctx, args) {
    const e = ctx.election;
    await ctx.audit('count.disputed', { note: args.note });
    for (const o of (await ctx.tx.roles.list(e.id)).filter((r) => r.role === 'organiser'))
      await notifyMember(ctx, o.memberId, `count-dispute:${ctx.now.toISOString()}:${o.memberId}`, (t) => ({
        text: t('scrutiny.dispute_told', {
          number: e.number,
          title: e.title,
          member: mention(ctx.actor.memberId),
          note: args.note,
        }),
        tone: 'warning',
      }));
    return toActor(ctx.t('scrutiny.disputed_done', { number: e.number }), { tone: 'warning' });
  },
});

export const resolveDispute = defineCommand<{ election: number; note: string }>({
  id: 'result.count.resolve',
  path: ['count', 'resolve'],
  access: 'organiser',
  phases: ['counted'],
  args: { election: arg.election('arg.election'), note: arg.text('arg.note', 1000) },
  async handler(ctx, args) {
    const e = ctx.election;
    const open = (await scrutinyOf(ctx)).disputes.filter((d) => d.resolution === null);
    if (open.length === 0) return fail('scrutiny.nothing_disputed', { number: e.number });
    await ctx.audit('count.resolved', { note: args.note, disputes: open.length });
    return toActor(ctx.t('scrutiny.resolved', { number: e.number, count: open.length }));
  },
});

export const recount = defineCommand<{ election: number; reason: string }>({
  id: 'result.count.recount',
  path: ['count', 'recount'],
  access: 'organiser',
  phases: ['counted'],
  args: { election: arg.election('arg.election'), reason: arg.text('arg.reason', 1000) },
  async handler(ctx, args) {
    const contests = await countAll(ctx);
    // a new version of the count: every confirmation and dispute is of the old one
    await ctx.audit('count.recounted', { reason: args.reason });
    return countedReply(ctx, contests);
  },
});
