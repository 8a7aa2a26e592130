// LMRDA L10: each bona fide candidate may inspect the membership list once within the 30 days before
// the vote, before ballots go out; the right is to inspect, not to copy. Teller shows the list to the
// candidate alone, in the reply (never a DM, which would be a copy kept for them), once, and audits it.

import { arg } from '../kit/args.js';
import { defineCommand } from '../kit/define.js';
import { mention, toActor } from '../kit/say.js';
import { planOf } from '../elections/timetable.js';
import { when } from '../elections/timetable.view.js';
import { presetOf } from '../shared/presets.js';
import { fail } from '../shared/result.js';
import type { NominationStatus } from '../nominations/nomination.types.js';

const WINDOW_DAYS = 30;
/** a nominee still standing: not withdrawn, declined or rejected */
const BONA_FIDE: readonly NominationStatus[] = ['seconding', 'awaiting-acceptance', 'accepted', 'approved'];

export const inspectRoll = defineCommand<{ election: number }>({
  id: 'roll.inspect',
  path: ['roll', 'inspect'],
  access: 'anyone',
  phases: ['nominating', 'reviewing', 'published'],
  args: { election: arg.election('arg.election') },
  async handler(ctx) {
    const e = ctx.election;
    if (!presetOf(e.settings)?.inspection) return fail('inspect.not_offered', { rule: 'L10' });
    const me = ctx.actor.memberId;
    const standing = (await ctx.tx.nominations.list(e.id)).some(
      (n) => n.nominee === me && BONA_FIDE.includes(n.status),
    );
    if (!standing) return fail('inspect.candidates_only', { rule: 'L10' });
    const opens = (await planOf(ctx.tx, e.id)).get('voting-open');
    if (!opens) return fail('inspect.no_date', { rule: 'L10', number: e.number });
    const from = new Date(new Date(opens.at).getTime() - WINDOW_DAYS * 86_400_000);
    if (ctx.now < from)
      return fail('inspect.too_early', { rule: 'L10', when: when(ctx.reader, from, ctx.now) });
    const before = (await ctx.tx.audit.list(e.id)).some(
      (a) => a.event === 'roll.inspected' && a.actor === me,
    );
    if (before) return fail('inspect.once', { rule: 'L10' });
    await ctx.audit('roll.inspected', {});
    const roll = (await ctx.tx.roll.list(e.id)).filter((r) => r.status === 'eligible');
    const list = roll.map((r) => mention(r.memberId)).join('\n') || ctx.t('roll.empty');
    return toActor(list, {
      title: ctx.t('inspect.title', { number: e.number, count: roll.length, rule: 'L10' }),
      tone: 'info',
    });
  },
});
