// Appeals (C10: a further appeal is possible; C15: to the higher committee, the original investigator
// recused; L18: members protest inside the organisation before complaining outside it). The objector or a member the decision concerns may appeal once, within the organisation's
// appeal window, to its appeal panel. A panel member with no stake in it decides for the panel, and that
// decision is final: upheld, the decision is overturned (its effect undone while the election still
// allows, and the panel's own effect, if it orders one, applied); dismissed, the decision stands.

import { BEFORE_CERTIFIED } from '../elections/election.rules.js';
import { when } from '../elections/timetable.view.js';
import { arg } from '../kit/args.js';
import { defineCommand } from '../kit/define.js';
import { mention, toActor } from '../kit/say.js';
import { notifyChannel, notifyMember } from '../notices/notice.service.js';
import { fail } from '../shared/result.js';
import { EFFECT_ARGS, effectOrder, type EffectArgs } from './effect.args.js';
import { applyEffect, syncVoids, undoEffect } from './objection.effects.js';
import { tellDecision } from './objection.notify.js';
import { affectedBy, appealCloses, appealOf, findObjection, recusal } from './objection.service.js';
import {
  type Appeal,
  DEFAULT_APPEAL_DAYS,
  type EffectRecord,
  OUTCOMES,
  type Outcome,
  refOf,
} from './objection.types.js';
import { detailText, effectText } from './objection.view.js';

export const fileAppeal = defineCommand<{ election: number; ref: string; grounds: string }>({
  id: 'objection.appeal',
  path: ['objection', 'appeal'],
  access: 'anyone',
  phases: BEFORE_CERTIFIED,
  args: {
    election: arg.election('arg.election'),
    ref: arg.word('arg.objection_ref', 12),
    grounds: arg.text('arg.grounds', 4000),
  },
  async handler(ctx, args) {
    const e = ctx.election;
    const found = await findObjection(ctx, args.ref);
    if (!found.ok) return found;
    const o = found.value;
    const ref = refOf(o);
    const me = ctx.actor.memberId;
    if (!o.outcome) return fail('objection.not_decided', { ref });
    if (me !== o.objector && !(await affectedBy(ctx, o)).includes(me))
      return fail('objection.appeal_not_party', { ref });
    if (await appealOf(ctx, o)) return fail('objection.appealed_already', { ref });
    const closes = (await appealCloses(ctx, o))!;
    if (ctx.now >= closes)
      return fail('objection.appeal_closed', { ref, closed: when(ctx.reader, closes, ctx.now) });
    const appeal: Appeal = {
      objectionId: o.id,
      electionId: e.id,
      appellant: me,
      grounds: args.grounds,
      filedAt: ctx.now.toISOString(),
      outcome: null,
      reason: null,
      decidedBy: null,
      decidedAt: null,
      effect: null,
      notUndone: null,
    };
    await ctx.tx.objections.insertAppeal(appeal);
    await ctx.audit('appeal.filed', { ref });
    // the appellant may be an objector who asked not to be named: the channel hears of the appeal only
    await notifyChannel(ctx, `appeal-filed:${ref}`, {
      text: ctx.t('objection.appeal_filed_notice', { number: e.number, ref }),
      tone: 'info',
    });
    const panel = (await ctx.tx.objections.panel(ctx.org.id))?.members ?? [];
    const hearing: string[] = [];
    for (const m of panel) if ((await recusal(ctx, o, m, appeal)).ok) hearing.push(m);
    const contests = await ctx.tx.contests.list(e.id);
    for (const m of hearing)
      await notifyMember(ctx, m, `appeal-filed:${ref}:${m}`, (t, r) => ({
        title: t('objection.appeal_title', { number: e.number, ref }),
        text: [
          t('objection.appeal_dm', { number: e.number, ref }),
          detailText(r, o, appeal, contests, ctx.now),
          t('objection.appeal_hint', { number: e.number, ref }),
        ].join('\n'),
        tone: 'warning',
      }));
    if (hearing.length === 0)
      for (const r of (await ctx.tx.roles.list(e.id)).filter((x) => x.role === 'organiser'))
        await notifyMember(ctx, r.memberId, `appeal-no-panel:${ref}:${r.memberId}`, (t) => ({
          text: t('objection.panel_missing', { number: e.number, ref }),
          tone: 'warning',
        }));
    return toActor(
      [
        ctx.t('objection.appeal_filed', { ref, number: e.number }),
        hearing.length === 0 ? ctx.t('objection.appeal_waits_panel') : '',
      ]
        .filter(Boolean)
        .join('\n'),
    );
  },
});

export const decideAppeal = defineCommand<
  {
    election: number;
    ref: string;
    outcome: Outcome;
    reason: string;
  } & EffectArgs
>({
  id: 'objection.appeal.decide',
  path: ['objection', 'appeal', 'decide'],
  access: 'anyone',
  phases: BEFORE_CERTIFIED,
  args: {
    election: arg.election('arg.election'),
    ref: arg.word('arg.objection_ref', 12),
    outcome: arg.choice('arg.appeal_outcome', OUTCOMES),
    reason: arg.text('arg.reason', 2000),
    ...EFFECT_ARGS,
  },
  async handler(ctx, args) {
    const e = ctx.election;
    const found = await findObjection(ctx, args.ref);
    if (!found.ok) return found;
    const o = found.value;
    const ref = refOf(o);
    const appeal = await appealOf(ctx, o);
    if (!appeal) return fail('objection.no_appeal', { ref });
    if (appeal.outcome) return fail('objection.appeal_decided_already', { ref });
    const me = ctx.actor.memberId;
    if (!((await ctx.tx.objections.panel(ctx.org.id))?.members ?? []).includes(me))
      return fail('objection.not_panel', { ref });
    // C15: the original investigator is recused, and so is anyone with a stake in it
    const allowed = await recusal(ctx, o, me, appeal);
    if (!allowed.ok) return allowed;
    const ordered = args.effect && args.effect !== 'none';
    if (args.outcome === 'dismissed' && ordered) return fail('objection.dismissed_no_effect', {}, 'effect');
    // an objection dismissed and upheld on appeal needs the effect the panel orders
    if (args.outcome === 'upheld' && o.outcome === 'dismissed' && !args.effect)
      return fail('objection.effect_needed', {}, 'effect');
    let notUndone: string | null = null;
    let own: EffectRecord | null = null;
    if (args.outcome === 'upheld') {
      if (o.effect && o.effect.effect !== 'none') notUndone = await undoEffect(ctx, o.effect, ref);
      if (ordered) {
        const rec = await applyEffect(ctx, o, effectOrder({ ...args, effect: args.effect! }, ref));
        if (!rec.ok) return rec;
        own = rec.value;
      }
    }
    const decided: Appeal = {
      ...appeal,
      outcome: args.outcome,
      reason: args.reason,
      decidedBy: me,
      decidedAt: ctx.now.toISOString(),
      effect: own,
      notUndone,
    };
    await ctx.tx.objections.updateAppeal(decided);
    await syncVoids(
      ctx,
      [...(o.effect?.voided ?? []), ...(own?.voided ?? [])].map((v) => v.contestId),
    );
    await ctx.audit('appeal.decided', {
      ref,
      outcome: args.outcome,
      reason: args.reason,
      effect: own?.effect ?? 'none',
      undone: args.outcome === 'upheld' && !!o.effect && o.effect.effect !== 'none' && notUndone === null,
    });
    const contests = await ctx.tx.contests.list(e.id);
    const undid = args.outcome === 'upheld' && o.effect && o.effect.effect !== 'none';
    await tellDecision(ctx, o, decided, 'appeal-decided', (r) =>
      [
        r.t(`objection.appeal_decided_${args.outcome}`, { ref }),
        r.t('objection.reason_line', { reason: args.reason }),
        undid && notUndone ? r.t(notUndone, { ref }) : '',
        undid && !notUndone
          ? r.t('objection.undone', { effect: effectText(r.t, o.effect, contests, o) })
          : '',
        own ? effectText(r.t, own, contests, o) : '',
        r.t('objection.appeal_final'),
      ]
        .filter(Boolean)
        .join('\n'),
    );
    return toActor(
      ctx.t('objection.appeal_decided', { ref, outcome: ctx.t(`objection.outcome.${args.outcome}`) }),
    );
  },
});

/** The organisation's appeal panel and its appeal window; alone, shows them. */
export const setAppealPanel = defineCommand<{ members?: string[]; days?: number }>({
  id: 'objection.panel',
  path: ['org', 'appeal-panel'],
  access: 'creator',
  args: {
    members: arg.members('arg.panel', { optional: true }),
    days: arg.int('arg.appeal_days', 1, 60, { optional: true, named: true }),
  },
  async handler(ctx, args) {
    const known = await ctx.tx.objections.panel(ctx.org.id);
    const members = args.members ?? known?.members ?? [];
    const days = args.days ?? known?.appealDays ?? DEFAULT_APPEAL_DAYS;
    const shown = members.length > 0 ? members.map(mention).join(' ') : ctx.t('objection.panel_empty');
    if (args.members === undefined && args.days === undefined)
      return toActor(ctx.t('objection.panel_current', { members: shown, days }), { tone: 'info' });
    await ctx.tx.objections.setPanel({
      orgId: ctx.org.id,
      members,
      appealDays: days,
      setBy: ctx.actor.memberId,
      setAt: ctx.now.toISOString(),
    });
    return toActor(ctx.t('objection.panel_set', { members: shown, days }));
  },
});
