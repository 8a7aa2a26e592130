// The investigation (C15: investigated independently): the organisers assign an investigator with no
// stake in the objection, who records findings and decides it, upheld or dismissed, with a reason and,
// when upheld, its effect. The organisers are reminded as the decision comes due (C10: within 3 days).

import { BEFORE_CERTIFIED } from '../elections/election.rules.js';
import { when } from '../elections/timetable.view.js';
import { arg } from '../kit/args.js';
import { defineCommand } from '../kit/define.js';
import { mention, toActor } from '../kit/say.js';
import { notifyMember } from '../notices/notice.service.js';
import { fail, ok } from '../shared/result.js';
import { EFFECT_ARGS, effectOrder, type EffectArgs } from './effect.args.js';
import { applyEffect, syncVoids } from './objection.effects.js';
import { tellDecision } from './objection.notify.js';
import { appealCloses, findObjection, recusal } from './objection.service.js';
import { type EffectRecord, type Objection, OUTCOMES, type Outcome, refOf } from './objection.types.js';
import { hidesObjector } from './objection.rules.js';
import { decisionText, detailText } from './objection.view.js';

export const assignInvestigator = defineCommand<{ election: number; ref: string; member: string }>({
  id: 'objection.assign',
  path: ['objection', 'assign'],
  access: 'organiser',
  phases: BEFORE_CERTIFIED,
  args: {
    election: arg.election('arg.election'),
    ref: arg.word('arg.objection_ref', 12),
    member: arg.member('arg.investigator'),
  },
  async handler(ctx, args) {
    const e = ctx.election;
    const found = await findObjection(ctx, args.ref);
    if (!found.ok) return found;
    const o = found.value;
    const ref = refOf(o);
    if (o.outcome) return fail('objection.decided_already', { ref });
    const allowed = await recusal(ctx, o, args.member);
    if (!allowed.ok) return allowed;
    const next: Objection = { ...o, investigator: args.member, assignedAt: ctx.now.toISOString() };
    await ctx.tx.objections.update(next);
    await ctx.audit('objection.assigned', { ref, investigator: args.member });
    const contests = await ctx.tx.contests.list(e.id);
    await notifyMember(ctx, args.member, `objection-assigned:${ref}:${ctx.now.toISOString()}`, (t, r) => ({
      title: t('objection.assigned_title', { number: e.number, ref }),
      text: [
        t('objection.assigned_dm', { number: e.number, ref, due: when(r, o.dueAt, ctx.now) }),
        detailText(r, next, undefined, contests, ctx.now),
        t('objection.decide_hint', { number: e.number, ref }),
      ].join('\n'),
      tone: 'warning',
    }));
    return toActor(ctx.t('objection.assigned', { ref, member: mention(args.member) }));
  },
});

export const recordFindings = defineCommand<{ election: number; ref: string; findings: string }>({
  id: 'objection.findings',
  path: ['objection', 'findings'],
  access: 'anyone',
  phases: BEFORE_CERTIFIED,
  args: {
    election: arg.election('arg.election'),
    ref: arg.word('arg.objection_ref', 12),
    findings: arg.text('arg.findings', 4000),
  },
  async handler(ctx, args) {
    const found = await findObjection(ctx, args.ref);
    if (!found.ok) return found;
    const o = found.value;
    const ref = refOf(o);
    if (o.investigator !== ctx.actor.memberId) return fail('objection.not_investigator', { ref });
    if (o.outcome) return fail('objection.decided_already', { ref });
    const finding = { at: ctx.now.toISOString(), by: ctx.actor.memberId, text: args.findings };
    await ctx.tx.objections.update({ ...o, findings: [...o.findings, finding] });
    // the findings are in the objection's file; the chain records that they were made, and when
    await ctx.audit('objection.findings', { ref, count: o.findings.length + 1 });
    return toActor(ctx.t('objection.findings_recorded', { ref, number: ctx.election.number }));
  },
});

export const decideObjection = defineCommand<
  {
    election: number;
    ref: string;
    outcome: Outcome;
    reason: string;
  } & EffectArgs
>({
  id: 'objection.decide',
  path: ['objection', 'decide'],
  access: 'anyone',
  phases: BEFORE_CERTIFIED,
  args: {
    election: arg.election('arg.election'),
    ref: arg.word('arg.objection_ref', 12),
    outcome: arg.choice('arg.outcome', OUTCOMES),
    reason: arg.text('arg.reason', 2000),
    ...EFFECT_ARGS,
  },
  async handler(ctx, args) {
    const e = ctx.election;
    const found = await findObjection(ctx, args.ref);
    if (!found.ok) return found;
    const o = found.value;
    const ref = refOf(o);
    if (o.outcome) return fail('objection.decided_already', { ref });
    if (!o.investigator) return fail('objection.not_assigned', { ref, number: e.number });
    if (o.investigator !== ctx.actor.memberId) return fail('objection.not_investigator', { ref });
    // a stake taken since the assignment (a nomination) recuses them as it would have then
    const allowed = await recusal(ctx, o, ctx.actor.memberId);
    if (!allowed.ok) return allowed;
    if (o.findings.length === 0) return fail('objection.findings_first', { ref, number: e.number });
    if (args.outcome === 'dismissed' && args.effect && args.effect !== 'none')
      return fail('objection.dismissed_no_effect', {}, 'effect');
    if (args.outcome === 'upheld' && !args.effect) return fail('objection.effect_needed', {}, 'effect');
    const rec =
      args.outcome === 'upheld'
        ? await applyEffect(ctx, o, effectOrder({ ...args, effect: args.effect! }, ref))
        : ok<EffectRecord>({ effect: 'none' });
    if (!rec.ok) return rec;
    const decided: Objection = {
      ...o,
      outcome: args.outcome,
      reason: args.reason,
      decidedBy: ctx.actor.memberId,
      decidedAt: ctx.now.toISOString(),
      effect: rec.value,
    };
    await ctx.tx.objections.update(decided);
    await syncVoids(
      ctx,
      (rec.value.voided ?? []).map((v) => v.contestId),
    );
    const contests = await ctx.tx.contests.list(e.id);
    const voided = (rec.value.voided ?? [])
      .map((v) => contests.find((c) => c.id === v.contestId)?.number)
      .join(',');
    await ctx.audit('objection.decided', {
      ref,
      outcome: args.outcome,
      effect: rec.value.effect,
      reason: args.reason,
      // the correction names the entry in the roll's own record; here it would name the objector
      member: hidesObjector(o, rec.value.member) ? null : (rec.value.member ?? null),
      status: rec.value.status ?? null,
      voided: voided || null,
    });
    const until = await appealCloses(ctx, decided);
    await tellDecision(ctx, decided, undefined, 'objection-decided', (r) =>
      decisionText(r, decided, contests, until, ctx.now),
    );
    return toActor(ctx.t('objection.decided', { ref, outcome: ctx.t(`objection.outcome.${args.outcome}`) }));
  },
});

/** Teller's reminder to the organisers (and the investigator) of a decision due soon, or overdue. */
export const remindObjection = defineCommand<{
  election: number;
  ref: string;
  about: 'due_soon' | 'overdue';
}>({
  id: 'objection.remind',
  path: ['objection', 'remind'],
  access: 'teller',
  listed: false,
  args: {
    election: arg.election('arg.election'),
    ref: arg.word('arg.objection_ref', 12),
    about: arg.choice('arg.about', ['due_soon', 'overdue']),
  },
  async handler(ctx, args) {
    const e = ctx.election;
    const found = await findObjection(ctx, args.ref);
    if (!found.ok) return found;
    const o = found.value;
    const ref = refOf(o);
    if (o.outcome || !BEFORE_CERTIFIED.includes(e.phase))
      return toActor(ctx.t('objection.remind_nothing', { ref }));
    const organisers = (await ctx.tx.roles.list(e.id)).filter((r) => r.role === 'organiser');
    const to = new Set([...organisers.map((r) => r.memberId), ...(o.investigator ? [o.investigator] : [])]);
    for (const m of to)
      await notifyMember(ctx, m, `objection-remind:${ref}:${args.about}:${m}`, (t, r) => ({
        text: t(`objection.remind_${args.about}`, {
          number: e.number,
          title: e.title,
          ref,
          due: when(r, o.dueAt, ctx.now),
          investigator: o.investigator ? mention(o.investigator) : t('objection.no_investigator'),
        }),
        tone: 'warning',
      }));
    return toActor(
      ctx.t(`objection.remind_${args.about}`, {
        number: e.number,
        title: e.title,
        ref,
        due: when(ctx.reader, o.dueAt, ctx.now),
        investigator: o.investigator ? mention(o.investigator) : ctx.t('objection.no_investigator'),
      }),
    );
  },
});
