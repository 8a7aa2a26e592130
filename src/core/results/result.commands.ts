import { arg } from '../kit/args.js';
import { defineCommand } from '../kit/define.js';
import { mention, toActor } from '../kit/say.js';
import { defineMove } from '../elections/election.move.js';
import { notifyMember, postNotice } from '../notices/notice.service.js';
import { fail } from '../shared/result.js';
import type { ElectionContext } from '../kit/context.js';
import { minimumOf, overridesOf, planCertifyReminder, planConfirmReminder } from '../elections/timetable.js';
import { when } from '../elections/timetable.view.js';
import { formatTime } from '../shared/time.js';

/** The overrides of the timetable, for the announcement: a cut-short period is part of the record. */
async function overrideLines(ctx: ElectionContext): Promise<string[]> {
  return (await overridesOf(ctx.tx, ctx.election.id)).map((o) =>
    ctx.t('timeline.override_line', {
      at: formatTime(new Date(o.at), ctx.zone, ctx.locale, ctx.now),
      step: ctx.t(`timeline.step.${o.step}`),
      reason: o.reason,
      actor: mention(o.actor),
    }),
  );
}
import { countContest } from './result.service.js';
import { announcement } from './result.view.js';

/**
 * The count waits on the scrutineers: each is told now, and those who have not confirmed it a day later
 * are reminded (the job checks the election is still waiting).
 */
async function askScrutineers(ctx: ElectionContext): Promise<void> {
  const e = ctx.election;
  const scrutineers = (await ctx.tx.roles.list(e.id)).filter((r) => r.role === 'scrutineer');
  if (scrutineers.length === 0) return;
  for (const s of scrutineers)
    await notifyMember(ctx, s.memberId, `confirm-ask:${ctx.now.toISOString()}:${s.memberId}`, (t) => ({
      text: t('count.please_confirm', { number: e.number, title: e.title }),
      tone: 'info',
    }));
  await planConfirmReminder(ctx, e, new Date(ctx.now.getTime() + 86_400_000));
}

export const runCount = defineMove<{ election: number }>({
  id: 'result.count.run',
  path: ['count'],
  args: { election: arg.election('arg.election') },
  async handler(ctx, _args, step) {
    const e = ctx.election;
    const contests = await ctx.tx.contests.list(e.id);
    await ctx.tx.results.deleteForElection(e.id);
    for (const c of contests) {
      const stored = await countContest(ctx, c);
      await ctx.tx.results.put(stored);
      await ctx.audit('count.contest', {
        contest: c.number,
        winners: stored.result.winners.map((w) => stored.result.candidates[w]).join(', '),
        ties: stored.result.ties.length,
      });
    }
    const moved = await step.move();
    if (!moved.ok) return moved;
    await askScrutineers(ctx);
    const results = await ctx.tx.results.list(e.id);
    const weighted = (await ctx.tx.roll.list(e.id)).some((r) => r.weight !== 1);
    const body = announcement(ctx.t, e.title, contests, results, weighted, []);
    const { text: _confirmation, ...rest } = body;
    return toActor(ctx.t('count.done', { number: e.number }), { ...rest, tone: 'info' });
  },
});

export const confirmCount = defineCommand<{ election: number }>({
  id: 'result.count.confirm',
  path: ['count', 'confirm'],
  access: 'scrutineer',
  phases: ['counted'],
  args: { election: arg.election('arg.election') },
  async handler(ctx) {
    const e = ctx.election;
    const log = await ctx.tx.audit.list(e.id);
    const counter = [...log].reverse().find((x) => x.event === 'phase.counted')?.actor;
    // the two-person rule: whoever ran the count cannot also be the one who confirms it
    if (counter === ctx.actor.memberId) return fail('count.confirm_own');
    const already = await ctx.tx.results.confirmations(e.id);
    if (already.some((c) => c.memberId === ctx.actor.memberId)) return fail('count.already_confirmed');
    await ctx.tx.results.addConfirmation({
      electionId: e.id,
      memberId: ctx.actor.memberId,
      at: ctx.now.toISOString(),
    });
    await ctx.audit('count.confirmed');
    return toActor(ctx.t('count.confirmed', { number: e.number }));
  },
});

export const announceResult = defineMove<{ election: number }>({
  id: 'result.announce',
  path: ['announce'],
  args: { election: arg.election('arg.election') },
  async handler(ctx, _args, step) {
    const e = ctx.election;
    const scrutineers = (await ctx.tx.roles.list(e.id)).filter((r) => r.role === 'scrutineer');
    const confirmations = await ctx.tx.results.confirmations(e.id);
    if (scrutineers.length > 0 && confirmations.length === 0) return fail('result.needs_confirmation');
    const contests = await ctx.tx.contests.list(e.id);
    const results = await ctx.tx.results.list(e.id);
    const weighted = (await ctx.tx.roll.list(e.id)).some((r) => r.weight !== 1);
    const moved = await step.move();
    if (!moved.ok) return moved;
    const body = announcement(
      ctx.t,
      e.title,
      contests,
      results,
      weighted,
      confirmations.map((c) => c.memberId),
    );
    // the result's public notice: objections until its end, which certification may not come before
    const ends = new Date(ctx.now.getTime() + minimumOf(e, 'result-notice').ms);
    const notice = ctx.t('result.objection_until', {
      when: when({ ...ctx.reader, zone: ctx.zone }, ends, ctx.now),
    });
    if (!step.planned('certify')) await planCertifyReminder(ctx, e, ends);
    const overrides = await overrideLines(ctx);
    const full = { ...body, text: [body.text, notice, ...overrides].filter(Boolean).join('\n') };
    return postNotice(ctx, step.notice, full, 'results');
  },
});

export const certifyResult = defineMove<{ election: number }>({
  id: 'result.certify',
  path: ['certify'],
  args: { election: arg.election('arg.election') },
  async handler(ctx, _args, step) {
    // the result notice's minimum (C15) is checked with every move's periods, in defineMove
    const e = ctx.election;
    const moved = await step.move();
    if (!moved.ok) return moved;
    const text = ctx.t('result.certified', { title: e.title, number: e.number });
    return postNotice(ctx, step.notice, { text, tone: 'success' });
  },
});
