// `/election schedule` sets the timetable; `/election timeline` shows it. A plan and the jobs that carry
// it out are written in one transaction; a change is audited, and announced once the election is
// under way (L5: changed dates are noticed again).

import { arg } from '../kit/args.js';
import type { ElectionContext } from '../kit/context.js';
import { defineCommand } from '../kit/define.js';
import { mention, toActor } from '../kit/say.js';
import { notifyChannel } from '../notices/notice.service.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { Reply } from '../shared/reply.js';
import { formatTime, parseWhen } from '../shared/time.js';
import { ruleText } from './election.move.js';
import { BEFORE_CERTIFIED } from './election.phases.js';
import {
  happened,
  minimumOf,
  orderProblem,
  overridesOf,
  PERIOD_ENDED_BY,
  planOf,
  planStep,
  previousStep,
} from './timetable.js';
import { STEPS, type Step } from './timetable.types.js';
import { timelineText } from './timetable.view.js';

const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const CLEAR = new Set(['none', 'off', '-']);

/** `election`, `override`, and one optional time per step, named as typed (`voting-close=3d`) */
type ScheduleArgs = { election: number; override?: string; [step: string]: string | number | undefined };

const stepArgs = Object.fromEntries(
  STEPS.map((s) => [camel(s), arg.text('arg.when', 40, { optional: true, named: true })]),
);

export async function showTimeline(ctx: ElectionContext): Promise<Result<Reply>> {
  const e = ctx.election;
  const text = timelineText(
    ctx.reader,
    {
      election: e,
      plan: await planOf(ctx.tx, e.id),
      done: await happened(ctx.tx, e.id),
      overrides: (await overridesOf(ctx.tx, e.id)).map((o) => ({ ...o, actor: mention(o.actor) })),
      zone: ctx.zone,
    },
    ctx.now,
  );
  return toActor(text, { tone: 'info' });
}

export const showElectionTimeline = defineCommand<{ election: number }>({
  id: 'election.timeline',
  path: ['timeline'],
  access: 'anyone',
  args: { election: arg.election('arg.election') },
  handler: (ctx) => showTimeline(ctx),
});

export const scheduleElection = defineCommand<ScheduleArgs>({
  id: 'election.schedule',
  path: ['schedule'],
  access: 'organiser',
  phases: BEFORE_CERTIFIED,
  args: {
    election: arg.election('arg.election'),
    ...stepArgs,
    override: arg.text('arg.override', 500, { optional: true, named: true }),
  },
  async handler(ctx, args) {
    const e = ctx.election;
    const given = STEPS.filter((s) => args[camel(s)] !== undefined);
    if (given.length === 0) return showTimeline(ctx);
    const stored = await planOf(ctx.tx, e.id);
    const done = await happened(ctx.tx, e.id);
    // what is known of each step: when it happened, else when it is planned
    const plan = new Map<Step, Date>();
    for (const s of STEPS) {
      const at = done.get(s) ?? (stored.has(s) ? new Date(stored.get(s)!.at) : undefined);
      if (at) plan.set(s, at);
    }
    const changes: { step: Step; from?: Date; to?: Date }[] = [];
    for (const step of given) {
      const raw = String(args[camel(step)]).trim();
      const label = ctx.t(`timeline.step.${step}`);
      const at = done.get(step);
      if (at)
        return fail('timetable.already_happened', {
          step: label,
          at: formatTime(at, ctx.zone, ctx.locale, ctx.now),
        });
      const from = stored.has(step) ? new Date(stored.get(step)!.at) : undefined;
      if (CLEAR.has(raw.toLowerCase())) {
        plan.delete(step);
        if (from) changes.push({ step, from });
        continue;
      }
      const parsed = parseWhen(raw, ctx.zone, previousStep(step, plan) ?? ctx.now);
      if ('error' in parsed) return fail(parsed.error, { step: label, text: raw.slice(0, 40) });
      if (parsed.at <= ctx.now)
        return fail('timetable.in_past', {
          step: label,
          at: formatTime(parsed.at, ctx.zone, ctx.locale, ctx.now),
        });
      plan.set(step, parsed.at);
      if (from?.getTime() !== parsed.at.getTime())
        changes.push({ step, ...(from ? { from } : {}), to: parsed.at });
    }
    const order = orderProblem(plan, new Set(STEPS.filter((s) => done.has(s))));
    if (order)
      return fail('timetable.out_of_order', {
        early: ctx.t(`timeline.step.${order.early}`),
        late: ctx.t(`timeline.step.${order.late}`),
      });
    const cut = await shortPeriods(ctx, plan, done.get('announce'), args.override);
    if (!cut.ok) return cut;
    for (const c of changes) {
      if (c.to)
        await ctx.tx.timetable.put({
          electionId: e.id,
          step: c.step,
          at: c.to.toISOString(),
          setBy: ctx.actor.memberId,
          setAt: ctx.now.toISOString(),
        });
      else await ctx.tx.timetable.remove(e.id, c.step);
      await planStep(ctx, e, c.step, c.to, c.from);
      await ctx.audit('timetable.set', {
        step: c.step,
        from: c.from?.toISOString() ?? null,
        to: c.to?.toISOString() ?? null,
      });
    }
    await announceChanges(ctx, changes);
    return showTimeline(ctx);
  },
});

/** A plan that leaves a notice period shorter than its minimum needs a reason, which is audited. */
async function shortPeriods(
  ctx: ElectionContext,
  plan: ReadonlyMap<Step, Date>,
  announced: Date | undefined,
  override: string | undefined,
): Promise<Result<true>> {
  for (const step of STEPS) {
    const ends = PERIOD_ENDED_BY[step];
    const end = plan.get(step);
    if (!ends || !end) continue;
    const start = ends.from === 'announce' ? announced : plan.get(ends.from);
    if (!start) continue;
    const min = minimumOf(ctx.election, ends.period);
    if (end.getTime() - start.getTime() >= min.ms) continue;
    const until = new Date(start.getTime() + min.ms);
    if (!override)
      return fail('timetable.period_too_short', {
        period: ctx.t(`timeline.period.${ends.period}`),
        rule: ruleText(ctx, min.rule),
        until: formatTime(until, ctx.zone, ctx.locale, ctx.now),
      });
    await ctx.audit('timetable.override', {
      step,
      ends: until.toISOString(),
      rule: min.rule,
      reason: override,
    });
  }
  return ok(true);
}

/** Once the election is under way, members are told of every changed time (L5). */
async function announceChanges(
  ctx: ElectionContext,
  changes: { step: Step; from?: Date; to?: Date }[],
): Promise<void> {
  const moved = changes.filter((c) => c.from);
  if (ctx.election.phase === 'draft' || moved.length === 0) return;
  const fmt = (d: Date | undefined) =>
    d ? formatTime(d, ctx.zone, ctx.locale, ctx.now) : ctx.t('timeline.unplanned');
  const lines = moved.map((c) =>
    ctx.t('timeline.changed_line', {
      step: ctx.t(`timeline.step.${c.step}`),
      from: fmt(c.from),
      to: fmt(c.to),
    }),
  );
  const text = [
    ctx.t('timeline.changed', { number: ctx.election.number, title: ctx.election.title }),
    ...lines,
  ].join('\n');
  await notifyChannel(ctx, `timetable-changed:${ctx.now.toISOString()}`, { text, tone: 'warning' });
}
