// The scrutineers see each version of the count first, privately (C12, issue 13).
import type { ElectionContext } from '../kit/context.js';
import { notifyMember } from '../notices/notice.service.js';
import { planConfirmReminder } from '../elections/timetable.js';
import { NEW_COUNT, scrutinyOf } from '../elections/election.scrutiny.js';
import { announcement } from './result.view.js';

/**
 * The count waits on the scrutineers: each sees the tally privately, before anyone else, with how to
 * confirm or dispute it; those who have not answered a day later are reminded (the job checks the
 * election is still waiting).
 */
export async function askScrutineers(ctx: ElectionContext): Promise<void> {
  const e = ctx.election;
  const s = await scrutinyOf(ctx);
  if (s.scrutineers.length === 0) return;
  const contests = await ctx.tx.contests.list(e.id);
  const results = await ctx.tx.results.list(e.id);
  const weighted = (await ctx.tx.roll.list(e.id)).some((r) => r.weight !== 1);
  // once per version of the count: the count itself, then each change to it
  const version = (await ctx.tx.audit.list(e.id)).filter((a) => NEW_COUNT.has(a.event)).length;
  for (const memberId of s.scrutineers)
    await notifyMember(ctx, memberId, `confirm-ask:${version}:${memberId}`, (t) => {
      const tally = announcement(t, e.title, contests, results, weighted, []);
      return {
        ...tally,
        title: t('scrutiny.private_title', { number: e.number, title: e.title }),
        text: t('count.please_confirm', { number: e.number, title: e.title }),
        tone: 'info',
      };
    });
  await planConfirmReminder(ctx, e, new Date(ctx.now.getTime() + 86_400_000));
}
