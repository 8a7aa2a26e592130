// Filing an objection in a notice period (C10 the roll's, C11 the candidates', C15 the result's), and
// reading them. The objector is answered privately with a reference and the date a decision is due; the
// channel is told one was filed and what about, naming the objector only if they agreed (`name=yes`);
// the organisers are told everything, since they assign the investigator and must know who may not be.

import { BEFORE_CERTIFIED } from '../elections/election.rules.js';
import { findContest } from '../elections/election.service.js';
import { when } from '../elections/timetable.view.js';
import { arg, parseMember } from '../kit/args.js';
import type { ElectionContext } from '../kit/context.js';
import { defineCommand } from '../kit/define.js';
import { mention, toActor } from '../kit/say.js';
import { notifyChannel, notifyMember } from '../notices/notice.service.js';
import type { Contest } from '../shared/election.types.js';
import { randomId } from '../shared/ids.js';
import { fail, ok, type Result } from '../shared/result.js';
import { allWindows, type PeriodWindow } from './objection.periods.js';
import { appealOf, dueFrom, findObjection, isOrganiser, standingIn } from './objection.service.js';
import { OBJECTION_PERIODS, type Objection, type ObjectionPeriod, refOf } from './objection.types.js';
import { aboutText, detailText, listLine } from './objection.view.js';

const DAY = 86_400_000;
/** The durable job that reminds the organisers of a decision coming due, and of one overdue. */
export const OBJECTION_JOB = 'objection.reminder';

interface Subject {
  contest?: Contest;
  member?: string;
}

/** A contest by number or name, else a member. */
async function subjectOf(ctx: ElectionContext, about: string): Promise<Subject | undefined> {
  const contest = await findContest(ctx, about);
  if (contest.ok) return { contest: contest.value };
  // a bare number names a contest; a member is a mention or a name
  const member = /^\d+$/.test(about) ? undefined : parseMember(about);
  return member ? { member } : undefined;
}

/** The period to file in: the one named, else the one open now that fits what the objection is about. */
function choosePeriod(
  ctx: ElectionContext,
  windows: PeriodWindow[],
  named: ObjectionPeriod | undefined,
  subject: Subject,
): Result<ObjectionPeriod> {
  const closed = (w: PeriodWindow) =>
    fail<ObjectionPeriod>('objection.period_closed', {
      period: ctx.t(`objection.period.${w.period}`),
      closed: when(ctx.reader, w.closes!, ctx.now),
    });
  if (named) {
    const w = windows.find((x) => x.period === named)!;
    if (!w.opens) return fail('objection.period_not_open', { period: ctx.t(`objection.period.${named}`) });
    return w.open ? ok(named) : closed(w);
  }
  // the roll's objections are about its entries, members; a contest is the candidates' or the result's
  const fits = windows.filter((w) => w.opens && (w.period !== 'roll' || !subject.contest));
  const open = fits.filter((w) => w.open);
  if (open.length === 1) return ok(open[0]!.period);
  if (open.length > 1)
    return fail('objection.which_period', { periods: open.map((w) => w.period).join(', ') }, 'period');
  const last = fits.filter((w) => w.closes).sort((a, b) => b.closes!.getTime() - a.closes!.getTime())[0];
  return last ? closed(last) : fail('objection.no_period', { number: ctx.election.number });
}

export const fileObjection = defineCommand<{
  election: number;
  about: string;
  grounds: string;
  evidence?: string;
  name?: 'yes' | 'no';
  period?: ObjectionPeriod;
}>({
  id: 'objection.file',
  path: ['objection', 'file'],
  access: 'anyone',
  phases: BEFORE_CERTIFIED,
  args: {
    election: arg.election('arg.election'),
    about: arg.word('arg.objection_about', 100),
    grounds: arg.text('arg.grounds', 4000),
    evidence: arg.text('arg.evidence', 4000, { optional: true, named: true }),
    name: arg.choice('arg.objection_name', ['yes', 'no'], { optional: true, named: true }),
    period: arg.choice('arg.objection_period', OBJECTION_PERIODS, { optional: true, named: true }),
  },
  async handler(ctx, args) {
    const e = ctx.election;
    const me = ctx.actor.memberId;
    const subject = await subjectOf(ctx, args.about);
    if (!subject) return fail('objection.unknown_subject', { about: args.about }, 'about');
    const period = choosePeriod(ctx, await allWindows(ctx), args.period, subject);
    if (!period.ok) return period;
    const p = period.value;
    if (p === 'roll' && !subject.member) return fail('objection.roll_needs_member', {}, 'about');
    if (p !== 'roll' && subject.member && (await standingIn(ctx, subject.member)).length === 0)
      return fail('objection.not_candidate', { member: mention(subject.member) }, 'about');
    // a member of the roll objects; one left off it may object to that (C10)
    const onRoll = await ctx.tx.roll.get(e.id, me);
    if (!onRoll && !(p === 'roll' && subject.member === me)) return fail('objection.not_on_roll');
    const all = await ctx.tx.objections.list(e.id);
    const named = args.name === 'yes';
    const member = subject.member ?? null;
    const shown = member ? ((await ctx.tx.members.get(ctx.org.id, member))?.displayName ?? member) : '';
    const o: Objection = {
      id: randomId(),
      electionId: e.id,
      number: Math.max(0, ...all.map((x) => x.number)) + 1,
      period: p,
      contestId: subject.contest?.id ?? null,
      memberId: member,
      // an unnamed objector's own roll entry is "an entry of the roll", never their name
      about: subject.contest?.name ?? (member === me && !named ? 'roll' : shown),
      grounds: args.grounds,
      evidence: args.evidence ?? null,
      objector: me,
      named,
      filedAt: ctx.now.toISOString(),
      dueAt: dueFrom(ctx, ctx.now).toISOString(),
      investigator: null,
      assignedAt: null,
      findings: [],
      outcome: null,
      reason: null,
      decidedBy: null,
      decidedAt: null,
      effect: null,
    };
    await ctx.tx.objections.insert(o);
    const ref = refOf(o);
    // the actor of the entry is the objector; the data names them only if they agreed
    await ctx.audit('objection.filed', {
      ref,
      period: p,
      about: o.about,
      public: named,
      contest: subject.contest?.number ?? null,
    });
    const channel = { t: ctx.t, locale: ctx.locale, zone: ctx.zone };
    await notifyChannel(ctx, `objection-filed:${ref}`, {
      text: [
        ctx.t('objection.filed_notice', {
          number: e.number,
          ref,
          about: aboutText(ctx.t, o),
          period: ctx.t(`objection.period.${p}`),
          due: when(channel, o.dueAt, ctx.now),
        }),
        named ? ctx.t('objection.filed_by', { member: mention(me) }) : '',
      ]
        .filter(Boolean)
        .join('\n'),
      tone: 'info',
    });
    for (const r of (await ctx.tx.roles.list(e.id)).filter((x) => x.role === 'organiser'))
      await notifyMember(ctx, r.memberId, `objection-filed:${ref}:${r.memberId}`, (t, reader) => ({
        text: [
          t('objection.filed_organiser', { number: e.number, ref, member: mention(me) }),
          detailText(reader, o, undefined, [], ctx.now),
          t('objection.assign_hint', { number: e.number, ref }),
        ].join('\n'),
        tone: 'warning',
      }));
    const due = new Date(o.dueAt);
    for (const [about, at] of [
      ['due_soon', new Date(due.getTime() - DAY)],
      ['overdue', due],
    ] as const)
      if (at > ctx.now)
        await ctx.schedule({
          kind: OBJECTION_JOB,
          dedupeKey: `objection:${e.id}:${o.number}:${about}`,
          runAt: at.toISOString(),
          payload: { ref, about },
        });
    return toActor(
      [
        ctx.t('objection.filed', { ref, number: e.number, due: when(ctx.reader, due, ctx.now) }),
        ctx.t(named ? 'objection.filed_named' : 'objection.filed_unnamed'),
      ].join('\n'),
    );
  },
});

export const listObjections = defineCommand<{ election: number }>({
  id: 'objection.list',
  path: ['objection', 'list'],
  access: 'anyone',
  args: { election: arg.election('arg.election') },
  async handler(ctx) {
    const e = ctx.election;
    const all = await ctx.tx.objections.list(e.id);
    if (all.length === 0) return toActor(ctx.t('objection.none', { number: e.number }), { tone: 'info' });
    const appeals = await ctx.tx.objections.appeals(e.id);
    const view = { organiser: await isOrganiser(ctx), me: ctx.actor.memberId };
    const lines = all.map((o) =>
      listLine(
        ctx.reader,
        o,
        appeals.find((a) => a.objectionId === o.id),
        view,
        ctx.now,
      ),
    );
    return toActor(lines.join('\n'), {
      title: ctx.t('objection.list_title', { number: e.number }),
      tone: 'info',
    });
  },
});

export const showObjection = defineCommand<{ election: number; ref: string }>({
  id: 'objection.show',
  path: ['objection', 'show'],
  access: 'anyone',
  args: { election: arg.election('arg.election'), ref: arg.word('arg.objection_ref', 12) },
  async handler(ctx, args) {
    const found = await findObjection(ctx, args.ref);
    if (!found.ok) return found;
    const o = found.value;
    const appeal = await appealOf(ctx, o);
    const me = ctx.actor.memberId;
    const panel = appeal ? ((await ctx.tx.objections.panel(ctx.org.id))?.members ?? []) : [];
    // the file (grounds, evidence, who objected) is for those who act on it and the objector
    const entitled =
      (await isOrganiser(ctx)) || me === o.objector || me === o.investigator || panel.includes(me);
    if (!entitled) return fail('objection.not_yours', { ref: refOf(o) });
    const contests = await ctx.tx.contests.list(ctx.election.id);
    return toActor(detailText(ctx.reader, o, appeal, contests, ctx.now), { tone: 'info' });
  },
});
