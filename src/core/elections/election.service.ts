// What every election-scoped module needs about the election itself: finding one of its contests
// (moving it on is election.move.ts, driven by the phase table). Low in the module order: it imports no other module.
import type { ElectionContext } from '../kit/context.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { Contest } from '../shared/election.types.js';

// Contests can only be added in draft, so from voting on an election's list is fixed and can be
// remembered by election id (random, never reused).
const FIXED: readonly string[] = ['voting', 'closed', 'counted', 'announced', 'certified', 'archived'];

async function contestsOf(ctx: ElectionContext): Promise<Contest[]> {
  const e = ctx.election;
  const fixedContests = ctx.state.table<Contest[]>('fixed-contests');
  const known = fixedContests.get(e.id);
  if (known) return known;
  const list = await ctx.tx.contests.list(e.id);
  if (FIXED.includes(e.phase)) fixedContests.set(e.id, list);
  return list;
}

/** A contest by number ("2") or name, case-insensitive. */
export async function findContest(ctx: ElectionContext, ref: string | undefined): Promise<Result<Contest>> {
  const contests = await contestsOf(ctx);
  if (contests.length === 0) return fail('contest.none');
  if (ref === undefined) {
    if (contests.length === 1) return ok(contests[0]);
    return fail(
      'contest.which',
      { contests: contests.map((c) => `${c.number}. ${c.name}`).join(', ') },
      'contest',
    );
  }
  const byNumber = /^\d+$/.test(ref) ? contests.find((c) => c.number === Number(ref)) : undefined;
  const found = byNumber ?? contests.find((c) => c.name.toLowerCase() === ref.toLowerCase());
  return found
    ? ok(found)
    : fail(
        'contest.not_found',
        { contest: ref, contests: contests.map((c) => `${c.number}. ${c.name}`).join(', ') },
        'contest',
      );
}
