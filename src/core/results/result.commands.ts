import { arg } from '../kit/args.js';
import { defineCommand } from '../kit/define.js';
import { mention, toActor } from '../kit/say.js';
import { defineMove } from '../elections/election.move.js';
import { notifyMember, postNotice } from '../notices/notice.service.js';
import { fail } from '../shared/result.js';
import type { ElectionContext } from '../kit/context.js';
import { minimumOf, overridesOf, planCertifyReminder } from '../elections/timetable.js';
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
import { countAll, openTies } from './result.service.js';
import { askScrutineers } from './scrutiny.js';
import { conclusionLines, scrutinyOf, standingConfirmations } from '../elections/election.scrutiny.js';
import { openTieLine } from './tie.commands.js';
import { latestRounds } from './round.commands.js';
import type { Contest } from '../shared/election.types.js';
import type { StoredResult } from './result.types.js';
import { announcement } from './result.view.js';
import { certificationBlock, certificationLines } from '../objections/objection.certify.js';

/** The official notice's first line: the election, the rules it followed, when voting opened and closed. */
async function noticeHeader(ctx: ElectionContext): Promise<string> {
  const e = ctx.election;
  const log = await ctx.tx.audit.list(e.id);
  const shown = (entry: { at: string } | undefined) =>
    entry ? formatTime(new Date(entry.at), ctx.zone, ctx.locale) : '—';
  const rules = ctx.t(`preset.name.${e.settings.preset ?? 'none'}`);
  return ctx.t('result.notice_header', {
    number: e.number,
    title: e.title,
    rules,
    // the first round opened voting; the last close ended it
    opened: shown(log.find((a) => a.event === 'phase.voting')),
    closed: shown([...log].reverse().find((a) => a.event === 'phase.closed')),
  });
}

/** The count stopped at ties for the organisers: the one who ran it is told, and so is every organiser. */
async function tellOpenTies(
  ctx: ElectionContext,
  contests: Contest[],
  results: StoredResult[],
): Promise<string[]> {
  const lines: string[] = [];
  for (const r of latestRounds(results, contests)) {
    const tie = openTies(r.result)[0];
    const contest = contests.find((c) => c.id === r.contestId);
    if (tie && contest) lines.push(openTieLine(ctx, contest, r.result.candidates, tie));
  }
  if (lines.length === 0) return [];
  const e = ctx.election;
  for (const o of (await ctx.tx.roles.list(e.id)).filter((x) => x.role === 'organiser'))
    await notifyMember(ctx, o.memberId, `tie-open:${ctx.now.toISOString()}:${o.memberId}`, (t) => ({
      text: [t('tie.open_title', { number: e.number, title: e.title }), ...lines].join('\n'),
      tone: 'warning',
    }));
  return lines;
}

export const runCount = defineMove<{ election: number }>({
  id: 'result.count.run',
  path: ['count'],
  args: { election: arg.election('arg.election') },
  async handler(ctx, _args, step) {
    const e = ctx.election;
    // a batch not yet confirmed, or disputed and not settled, is not in the box: count with all of them
    const waiting = e.settings.offlineBallots
      ? (await ctx.tx.paper.batches(e.id)).filter((b) => b.status === 'entered' || b.status === 'disputed')
      : [];
    if (waiting.length > 0)
      return fail('paper.batches_pending', {
        batches: waiting.map((b) => `${b.number} (${ctx.t(`paper.status.${b.status}`)})`).join(', '),
      });
    const contests = await countAll(ctx);
    const moved = await step.move();
    if (!moved.ok) return moved;
    return countedReply(ctx, contests);
  },
});

/**
 * After a count: the scrutineers see it first, privately (C12), and nobody else until enough have
 * confirmed it; without scrutineers the one who counted sees it. Ties left to the organisers are told
 * to them either way: the count cannot go on without their decision.
 */
export async function countedReply(ctx: ElectionContext, contests: Contest[]) {
  const e = ctx.election;
  await askScrutineers(ctx);
  const results = await ctx.tx.results.list(e.id);
  const ties = await tellOpenTies(ctx, contests, results);
  const scrutiny = await scrutinyOf(ctx);
  if (scrutiny.needed > 0)
    return toActor(
      [ctx.t('count.done_hidden', { number: e.number, needed: scrutiny.needed }), ...ties].join('\n'),
      { tone: 'info' },
    );
  const weighted = (await ctx.tx.roll.list(e.id)).some((r) => r.weight !== 1);
  const { text: _confirmation, ...rest } = announcement(ctx.t, e.title, contests, results, weighted, []);
  return toActor([ctx.t('count.done', { number: e.number }), ...ties].join('\n'), { ...rest, tone: 'info' });
}

export const confirmCount = defineCommand<{ election: number; observation?: string }>({
  id: 'result.count.confirm',
  path: ['count', 'confirm'],
  access: 'scrutineer',
  phases: ['counted'],
  args: {
    election: arg.election('arg.election'),
    observation: arg.text('arg.observation', 1000, { optional: true }),
  },
  async handler(ctx, args) {
    const e = ctx.election;
    const log = await ctx.tx.audit.list(e.id);
    const counter = [...log].reverse().find((x) => x.event === 'phase.counted')?.actor;
    // the two-person rule: whoever ran the count cannot also be the one who confirms it
    if (counter === ctx.actor.memberId) return fail('count.confirm_own');
    if ((await standingConfirmations(ctx)).includes(ctx.actor.memberId))
      return fail('count.already_confirmed');
    // a confirmation of a count a tie decision has since changed is on file already: the new one is audited
    const onFile = await ctx.tx.results.confirmations(e.id);
    if (!onFile.some((c) => c.memberId === ctx.actor.memberId))
      await ctx.tx.results.addConfirmation({
        electionId: e.id,
        memberId: ctx.actor.memberId,
        at: ctx.now.toISOString(),
      });
    await ctx.audit('count.confirmed', args.observation ? { observation: args.observation } : {});
    const s = await scrutinyOf(ctx);
    return toActor(
      ctx.t('count.confirmed_of', { number: e.number, count: s.confirmed.length, needed: s.needed }),
    );
  },
});

export const announceResult = defineMove<{ election: number }>({
  id: 'result.announce',
  path: ['announce'],
  args: { election: arg.election('arg.election') },
  async handler(ctx, _args, step) {
    const e = ctx.election;
    const scrutiny = await scrutinyOf(ctx);
    if (scrutiny.needed > scrutiny.scrutineers.length)
      return fail('scrutiny.too_few', { needed: scrutiny.needed, scrutineers: scrutiny.scrutineers.length });
    const open = scrutiny.disputes.find((d) => d.resolution === null);
    if (open) return fail('scrutiny.disputed', { member: mention(open.memberId), note: open.note });
    if (scrutiny.confirmed.length < scrutiny.needed)
      return fail('result.needs_confirmations', {
        count: scrutiny.confirmed.length,
        needed: scrutiny.needed,
      });
    const confirmations = scrutiny.confirmed.map((c) => c.memberId);
    const contests = await ctx.tx.contests.list(e.id);
    const results = await ctx.tx.results.list(e.id);
    // a tie left to the organisers must be settled (or re-voted in a further round) before anyone is told
    for (const r of latestRounds(results, contests)) {
      const tie = openTies(r.result)[0];
      const contest = contests.find((c) => c.id === r.contestId);
      if (tie && contest)
        return fail('tie.must_decide', { line: openTieLine(ctx, contest, r.result.candidates, tie) });
    }
    const weighted = (await ctx.tx.roll.list(e.id)).some((r) => r.weight !== 1);
    const moved = await step.move();
    if (!moved.ok) return moved;
    const body = announcement(ctx.t, e.title, contests, results, weighted, confirmations);
    // the result's public notice: objections until its end, which certification may not come before;
    // a planned certification says so itself (the move's notice carries the next step)
    const ends = new Date(ctx.now.getTime() + minimumOf(e, 'result-notice').ms);
    const planned = step.planned('certify');
    const notice = planned
      ? ''
      : ctx.t('result.objection_until', { when: when({ ...ctx.reader, zone: ctx.zone }, ends, ctx.now) });
    if (!planned) await planCertifyReminder(ctx, e, ends);
    const overrides = await overrideLines(ctx);
    const header = await noticeHeader(ctx);
    // C14, 监督情况及结论: what the scrutineers found, in their words, with any dispute and its end
    const conclusion = conclusionLines(ctx.t, scrutiny);
    const full = {
      ...body,
      text: [
        header,
        body.text,
        ...(conclusion.length > 0 ? [ctx.t('scrutiny.conclusion'), ...conclusion] : []),
        notice,
        ...overrides,
      ]
        .filter(Boolean)
        .join('\n'),
    };
    return postNotice(ctx, step.notice, full, 'results');
  },
});

export const certifyResult = defineMove<{ election: number; vacant?: string }>({
  id: 'result.certify',
  path: ['certify'],
  args: {
    election: arg.election('arg.election'),
    vacant: arg.text('arg.vacant', 500, { optional: true, named: true }),
  },
  async handler(ctx, args, step) {
    // the result notice's minimum (C15) is checked with every move's periods, in defineMove; the
    // objections and appeals, and their windows, here (issue 14)
    const e = ctx.election;
    const objections = await certificationBlock(ctx);
    if (!objections.ok) return objections;
    // a result that leaves a seat unfilled, or calls for a run-off or a re-vote, is not final: the
    // organisers hold that round, or leave the seat vacant with a reason on record
    const contests = await ctx.tx.contests.list(e.id);
    const open = latestRounds(await ctx.tx.results.list(e.id), contests).filter((r) => r.result.furtherRound);
    if (open.length > 0 && !args.vacant) {
      const r = open[0];
      const fr = r.result.furtherRound!;
      return fail('result.not_final', {
        contest: contests.find((c) => c.id === r.contestId)?.name ?? '',
        round: ctx.t(`result.further_${fr.kind}`, {
          seats: fr.seats,
          names: fr.candidates.map((c) => r.result.candidates[c]).join(', '),
        }),
      });
    }
    for (const r of open)
      await ctx.audit('result.vacancy', {
        contest: contests.find((c) => c.id === r.contestId)?.number ?? null,
        seats: r.result.furtherRound!.seats,
        kind: r.result.furtherRound!.kind,
        reason: args.vacant ?? null,
      });
    const moved = await step.move();
    if (!moved.ok) return moved;
    const text = [
      ctx.t('result.certified', { title: e.title, number: e.number }),
      ...open.map((r) =>
        ctx.t('result.left_vacant', {
          contest: contests.find((c) => c.id === r.contestId)?.name ?? '',
          seats: r.result.furtherRound!.seats,
          reason: args.vacant ?? '',
        }),
      ),
      ...(await certificationLines(ctx)),
    ].join('\n');
    return postNotice(ctx, step.notice, { text, tone: 'success' });
  },
});
