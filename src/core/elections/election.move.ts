// Commands that move an election on. Their phases, access, target phase and notice come from the phase
// table (election.phases.ts); the handler does the command's own work and calls `step.move()` where
// the move belongs, so no command names its own target phase and the table cannot drift from them.
//
// Every move also answers to the timetable, whoever makes it: a member may not make a planned move
// before its time, and no move may cut a notice period below its minimum, unless an organiser gives a
// reason (`override=...`), which is audited and shown in the timeline and the announcement. The move's
// channel notice says what comes next and when, and says so when the clock ran it late.

import type { CommandDef, DefineInput } from '../kit/define.js';
import { defineCommand } from '../kit/define.js';
import { arg } from '../kit/args.js';
import type { ElectionContext } from '../kit/context.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { Reply } from '../shared/reply.js';
import { formatTime } from '../shared/time.js';
import { phaseMove, type PhaseMove } from './election.phases.js';
import { canMove } from './election.rules.js';
import type { Election } from '../shared/election.types.js';
import { happened, minimumOf, PERIOD_ENDED_BY, planOf, stepOfCommand } from './timetable.js';
import type { Step, TimetableEntry } from './timetable.types.js';
import { deadlineLine, lateLine, nextStep, when } from './timetable.view.js';

export interface MoveStep {
  readonly row: PhaseMove;
  /** the dedupe key of the channel notice this move posts (from the table) */
  readonly notice: string;
  /** move the election to the table's target phase, audited; `data` goes into the audit entry */
  move(data?: Record<string, string | number | null>): Promise<Result<Election>>;
  /** the planned time of a step, if the timetable has one */
  planned(step: Step): Date | undefined;
}

export type DefineMoveInput<A extends { election: number }> = Omit<
  DefineInput<A>,
  'access' | 'phases' | 'handler'
> & {
  handler(ctx: ElectionContext, args: A, step: MoveStep): Promise<Result<Reply>>;
};

/** Phases after which nothing in the plan comes next. */
const ENDED: readonly Election['phase'][] = ['certified', 'archived', 'cancelled'];

/** Define a command that moves the election on, from its row in the phase table. */
export function defineMove<A extends { election: number }>(
  input: DefineMoveInput<A>,
): CommandDef<A & { override?: string }> {
  const row = phaseMove(input.id);
  const step = stepOfCommand(row.command);
  return defineCommand<A & { override?: string }>({
    ...input,
    args: { ...input.args, override: arg.text('arg.override', 500, { optional: true, named: true }) },
    access: row.access,
    phases: row.from,
    handler: async (ctx, args) => {
      const ectx = ctx as ElectionContext;
      const plan = step ? await planOf(ectx.tx, ectx.election.id) : new Map<Step, TimetableEntry>();
      if (step) {
        const allowed = await timetableAllows(ectx, step, plan, args.override);
        if (!allowed.ok) return allowed;
      }
      const moveStep: MoveStep = {
        row,
        notice: row.notice ?? row.to,
        move: (data = {}) => moveTo(ectx, row, data),
        planned: (s) => {
          const p = plan.get(s);
          return p ? new Date(p.at) : undefined;
        },
      };
      if (row.notice && !ENDED.includes(row.to))
        await annotateNotice(ectx, `${ectx.election.id}:${row.notice}`, step, plan);
      return input.handler(ectx, args as A, moveStep);
    },
  } as DefineInput<A & { override?: string }>);
}

/**
 * A planned move made early by a member, or a move that would end a notice period before its minimum,
 * needs a reason; with one it goes ahead and the reason is audited.
 */
export async function timetableAllows(
  ctx: ElectionContext,
  step: Step,
  plan: ReadonlyMap<Step, TimetableEntry>,
  override: string | undefined,
): Promise<Result<true>> {
  const e = ctx.election;
  const planned = plan.get(step);
  if (!ctx.byTeller && planned && new Date(planned.at) > ctx.now) {
    if (!override)
      return fail('timetable.planned_later', {
        step: ctx.t(`timeline.step.${step}`),
        when: when(ctx.reader, planned.at, ctx.now),
      });
    await ctx.audit('timetable.override', { step, planned: planned.at, rule: 'timetable', reason: override });
  }
  const ends = PERIOD_ENDED_BY[step];
  if (ends) {
    const start =
      ends.from === 'roll-publish'
        ? (await happened(ctx.tx, e.id)).get('roll-publish')
        : new Date(e.phaseSince);
    const min = minimumOf(e, ends.period);
    if (start && ctx.now.getTime() - start.getTime() < min.ms) {
      const until = new Date(start.getTime() + min.ms);
      if (!override)
        return fail('timetable.period_open', {
          period: ctx.t(`timeline.period.${ends.period}`),
          rule: ruleText(ctx, min.rule),
          until: formatTime(until, ctx.reader.zone, ctx.locale, ctx.now),
        });
      await ctx.audit('timetable.override', {
        step,
        ends: until.toISOString(),
        rule: min.rule,
        reason: override,
      });
    }
  }
  return ok(true);
}

export function ruleText(ctx: Pick<ElectionContext, 't'>, rule: string): string {
  return rule.startsWith('setting.') ? ctx.t(`timeline.rule.${rule}`) : ctx.t('timeline.rule.code', { rule });
}

/** The move's channel notice carries the next deadline, and says when the clock ran it late. */
async function annotateNotice(
  ctx: ElectionContext,
  dedupeKey: string,
  step: Step | undefined,
  plan: ReadonlyMap<Step, TimetableEntry>,
): Promise<void> {
  const enqueue = ctx.enqueue;
  const done = await happened(ctx.tx, ctx.election.id);
  if (step) done.set(step, ctx.now);
  const channel = { t: ctx.t, locale: ctx.locale, zone: ctx.zone };
  ctx.enqueue = async (message) => {
    if (message.dedupeKey !== dedupeKey || message.destination.kind !== 'channel') return enqueue(message);
    const extra: string[] = [];
    const scheduled = ctx.scheduled;
    if (step && scheduled) {
      const late = lateLine(channel, step, scheduled.for, ctx.now, scheduled.retried);
      if (late) extra.push(late);
    }
    const next = nextStep(plan, done, ctx.now);
    if (next) extra.push(deadlineLine(channel, next, ctx.now));
    if (extra.length === 0) return enqueue(message);
    return enqueue({ ...message, body: { ...message.body, text: [message.body.text, ...extra].join('\n') } });
  };
}

async function moveTo(
  ctx: ElectionContext,
  row: PhaseMove,
  data: Record<string, string | number | null>,
): Promise<Result<Election>> {
  const e = ctx.election;
  const to = row.to;
  if (!canMove(e.phase, to))
    return fail('election.cannot_move', { from: ctx.t(`phase.${e.phase}`), to: ctx.t(`phase.${to}`) });
  const next: Election = { ...e, phase: to, phaseSince: ctx.now.toISOString() };
  await ctx.tx.elections.update(next);
  ctx.election = next;
  await ctx.audit(`phase.${to}`, { from: e.phase, ...data });
  return ok(next);
}
