import { recordsOpen } from '../audit/records.access.js';
import { arg } from '../kit/args.js';
import { defineCommand } from '../kit/define.js';
import { mention, toActor } from '../kit/say.js';
import { ROLL_OPEN } from '../elections/election.rules.js';
import { postNotice } from '../notices/notice.service.js';
import { fail } from '../shared/result.js';
import type { ElectionContext } from '../kit/context.js';
import { timetableAllows } from '../elections/election.move.js';
import { planOf } from '../elections/timetable.js';
import { when } from '../elections/timetable.view.js';
import { parseRollImport } from './roll.rules.js';
import type { RollEntry } from './roll.types.js';

const entry = (
  electionId: string,
  memberId: string,
  weight: number,
  addedBy: string,
  at: string,
): RollEntry => ({
  electionId,
  memberId,
  weight,
  status: 'eligible',
  reason: null,
  addedBy,
  addedAt: at,
});

export const addToRoll = defineCommand<{ election: number; members: string[]; weight?: number }>({
  id: 'roll.add',
  path: ['roll', 'add'],
  access: 'organiser',
  phases: ROLL_OPEN,
  args: {
    election: arg.election('arg.election'),
    members: arg.members('arg.members'),
    weight: arg.int('arg.weight', 1, 1_000_000, { optional: true, named: true }),
  },
  async handler(ctx, args) {
    const e = ctx.election;
    let added = 0;
    for (const m of args.members) {
      if (!(await ctx.tx.roll.get(e.id, m))) added++;
      await ctx.tx.roll.upsert(entry(e.id, m, args.weight ?? 1, ctx.actor.memberId, ctx.now.toISOString()));
    }
    await ctx.audit('roll.added', { members: args.members.join(' '), weight: args.weight ?? 1 });
    const already = args.members.length - added;
    if (already === 0) return toActor(ctx.t('roll.added', { count: added, number: e.number }));
    return toActor(
      ctx.t('roll.added_already', { count: added, already, number: e.number, weight: args.weight ?? 1 }),
    );
  },
});

export const removeFromRoll = defineCommand<{ election: number; member: string }>({
  id: 'roll.remove',
  path: ['roll', 'remove'],
  access: 'organiser',
  phases: ROLL_OPEN,
  args: { election: arg.election('arg.election'), member: arg.member('arg.member') },
  async handler(ctx, args) {
    const e = ctx.election;
    if (!(await ctx.tx.roll.remove(e.id, args.member)))
      return fail('roll.not_on_roll', { member: mention(args.member) }, 'member');
    await ctx.audit('roll.removed', { member: args.member });
    return toActor(ctx.t('roll.removed', { member: mention(args.member), number: e.number }));
  },
});

export const importRoll = defineCommand<{ election: number; list: string }>({
  id: 'roll.import',
  path: ['roll', 'import'],
  access: 'organiser',
  phases: ROLL_OPEN,
  args: { election: arg.election('arg.election'), list: arg.text('arg.list', 200_000) },
  async handler(ctx, args) {
    const e = ctx.election;
    const parsed = parseRollImport(args.list);
    if (!parsed.ok) return parsed;
    for (const line of parsed.value)
      await ctx.tx.roll.upsert(
        entry(e.id, line.memberId, line.weight, ctx.actor.memberId, ctx.now.toISOString()),
      );
    await ctx.audit('roll.imported', { count: parsed.value.length });
    return toActor(ctx.t('roll.imported', { count: parsed.value.length, number: e.number }));
  },
});

export const setEligibility = defineCommand<{
  election: number;
  member: string;
  status: 'eligible' | 'ineligible';
  reason?: string;
}>({
  id: 'roll.status',
  path: ['roll', 'status'],
  access: 'organiser',
  phases: ROLL_OPEN,
  args: {
    election: arg.election('arg.election'),
    member: arg.member('arg.member'),
    status: arg.choice('arg.status', ['eligible', 'ineligible']),
    reason: arg.text('arg.reason', 500, { optional: true }),
  },
  async handler(ctx, args) {
    const e = ctx.election;
    const found = await ctx.tx.roll.get(e.id, args.member);
    if (!found) return fail('roll.not_on_roll', { member: mention(args.member) }, 'member');
    if (args.status === 'ineligible' && !args.reason) return fail('roll.reason_needed', {}, 'reason');
    await ctx.tx.roll.upsert({ ...found, status: args.status, reason: args.reason ?? null });
    await ctx.audit('roll.status', { member: args.member, status: args.status, reason: args.reason ?? null });
    return toActor(
      ctx.t('roll.status_set', { member: mention(args.member), status: ctx.t(`roll.status_${args.status}`) }),
    );
  },
});

export const showRoll = defineCommand<{ election: number; publish?: 'yes' | 'no' }>({
  id: 'roll.show',
  path: ['roll', 'show'],
  access: 'organiser-or-scrutineer',
  args: {
    election: arg.election('arg.election'),
    publish: arg.choice('arg.publish', ['yes', 'no'], { optional: true, named: true }),
  },
  async handler(ctx, args) {
    // archived: the records open only on an approved request (issue 14)
    const open = await recordsOpen(ctx, 'roll');
    if (!open.ok) return open;
    const e = ctx.election;
    const roll = await ctx.tx.roll.list(e.id);
    const weighted = roll.some((r) => r.weight !== 1);
    const lines = roll.map((r) => {
      const w = weighted ? ` ×${r.weight}` : '';
      const s = r.status === 'ineligible' ? ` — ${ctx.t('roll.status_ineligible')}: ${r.reason ?? ''}` : '';
      return `${mention(r.memberId)}${w}${s}`;
    });
    const title = ctx.t('roll.title', {
      number: e.number,
      title: e.title,
      count: roll.filter((r) => r.status === 'eligible').length,
    });
    const text = lines.join('\n') || ctx.t('roll.empty');
    if (args.publish === 'yes') {
      // the published roll shows eligibility only, not the reasons organisers recorded
      const publicText =
        roll
          .filter((r) => r.status === 'eligible')
          .map((r) => mention(r.memberId) + (weighted ? ` ×${r.weight}` : ''))
          .join('\n') || ctx.t('roll.empty');
      await ctx.audit('roll.published', { count: roll.length });
      const objections = await objectionsUntil(ctx);
      return postNotice(ctx, `roll-published:${ctx.now.toISOString()}`, {
        title,
        text: [publicText, objections].filter(Boolean).join('\n'),
        tone: 'info',
      });
    }
    return toActor(text, { title, tone: 'info' });
  },
});

/** The published roll says until when members may object to it: the planned close, else the minimum. */
async function objectionsUntil(ctx: ElectionContext): Promise<string> {
  const planned = (await planOf(ctx.tx, ctx.election.id)).get('roll-objections-close');
  const days = ctx.election.settings.rollObjectionDays ?? 0;
  const until = planned
    ? new Date(planned.at)
    : days > 0
      ? new Date(ctx.now.getTime() + days * 86_400_000)
      : undefined;
  const channel = { t: ctx.t, locale: ctx.locale, zone: ctx.zone };
  return until ? ctx.t('roll.objections_until', { when: when(channel, until, ctx.now) }) : '';
}

/**
 * The end of the roll's objection window: a notice, so members know the roll is settled. Planned by
 * the timetable (`roll-objections-close`); no earlier than its minimum after the roll was published.
 */
export const closeRollObjections = defineCommand<{ election: number; override?: string }>({
  id: 'roll.objections.close',
  path: ['roll', 'objections', 'close'],
  access: 'organiser',
  phases: ROLL_OPEN,
  args: {
    election: arg.election('arg.election'),
    override: arg.text('arg.override', 500, { optional: true, named: true }),
  },
  async handler(ctx, args) {
    const e = ctx.election;
    const allowed = await timetableAllows(
      ctx,
      'roll-objections-close',
      await planOf(ctx.tx, e.id),
      args.override,
    );
    if (!allowed.ok) return allowed;
    await ctx.audit('roll.objections_closed', {});
    const text = ctx.t('roll.objections_closed', { number: e.number, title: e.title });
    return postNotice(ctx, `roll-objections-closed:${ctx.now.toISOString()}`, { text, tone: 'info' });
  },
});
