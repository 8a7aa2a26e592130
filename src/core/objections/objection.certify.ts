// The objections' part in certification (C15): it is refused while any objection or appeal is open, and
// while a decision may still be appealed, since a certified result is final and an appeal still
// possible could change it. The certification notice then says how each objection ended.

import { when } from '../elections/timetable.view.js';
import type { ElectionContext } from '../kit/context.js';
import { fail, ok, type Result } from '../shared/result.js';
import { appealCloses, standsUpheld } from './objection.service.js';
import { refOf } from './objection.types.js';
import { aboutText, statusText } from './objection.view.js';

/** Why certification must wait for the objections, naming the objection and the date; else ok. */
export async function certificationBlock(ctx: ElectionContext): Promise<Result<true>> {
  const objections = await ctx.tx.objections.list(ctx.election.id);
  const appeals = await ctx.tx.objections.appeals(ctx.election.id);
  const shown = (at: Date | string) => when(ctx.reader, at, ctx.now);
  for (const o of objections) {
    const ref = refOf(o);
    if (!o.outcome) return fail('objection.certify_open', { ref, due: shown(o.dueAt) });
    const appeal = appeals.find((a) => a.objectionId === o.id);
    if (appeal && !appeal.outcome) return fail('objection.certify_appeal_open', { ref });
    const closes = await appealCloses(ctx, o);
    if (!appeal && closes && ctx.now < closes)
      return fail('objection.certify_appeal_window', { ref, until: shown(closes) });
  }
  return ok(true);
}

/** One line per objection for the certification notice: how it was decided, on appeal too. */
export async function certificationLines(ctx: ElectionContext): Promise<string[]> {
  const objections = await ctx.tx.objections.list(ctx.election.id);
  if (objections.length === 0) return [];
  const appeals = await ctx.tx.objections.appeals(ctx.election.id);
  return [
    ctx.t('objection.certify_heading', { count: objections.length }),
    ...objections.map((o) => {
      const appeal = appeals.find((a) => a.objectionId === o.id);
      return ctx.t('objection.certify_line', {
        ref: refOf(o),
        about: aboutText(ctx.t, o),
        status: statusText(ctx.t, o, appeal),
        final: ctx.t(standsUpheld(o, appeal) ? 'objection.outcome.upheld' : 'objection.outcome.dismissed'),
      });
    }),
  ];
}
