// Attendance (实到, issue 12): how many voters were present at a round. Rules that measure a threshold
// on those present (C5's `present` base) or a quorum of attendance (C1's four-fifths variant) read it
// at the count; the announcement shows it beside 应到 and 投票人数. Online, everyone who voted was
// present, so the count never takes fewer than voted; the organisers record more when members came to
// the meeting and did not vote. On the audit chain, like every organiser's decision the count applies.
import { arg } from '../kit/args.js';
import { defineCommand } from '../kit/define.js';
import { toActor } from '../kit/say.js';
import { currentRound } from '../elections/election.service.js';
import { fail } from '../shared/result.js';

export const recordAttendance = defineCommand<{ election: number; present: number }>({
  id: 'voting.attendance',
  path: ['voting', 'attendance'],
  access: 'organiser',
  // before the count reads it: a count already made is counted again with `count`
  phases: ['voting', 'closed'],
  args: {
    election: arg.election('arg.election'),
    present: arg.int('arg.present', 0, 1_000_000),
  },
  async handler(ctx, args) {
    const e = ctx.election;
    const eligible = (await ctx.tx.roll.list(e.id)).filter((r) => r.status === 'eligible').length;
    if (args.present > eligible)
      return fail('attendance.more_than_entitled', { present: args.present, eligible }, 'present');
    const round = await currentRound(ctx);
    await ctx.audit('attendance.recorded', { round, present: args.present });
    return toActor(
      ctx.t('attendance.recorded', { number: e.number, round, present: args.present, eligible }),
    );
  },
});
