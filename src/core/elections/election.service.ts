// What every election-scoped module needs about the election itself: finding one of its contests
// (moving it on is election.move.ts, driven by the phase table). Low in the module order: it imports no other module.
import type { ElectionContext } from '../kit/context.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { Contest } from '../shared/election.types.js';

// Contests are added in draft, and by a further round as voting opens again, so from voting on an
// election's list is fixed within a phase and can be remembered by election and phase.
const FIXED: readonly string[] = ['voting', 'closed', 'counted', 'announced', 'certified', 'archived'];

async function contestsOf(ctx: ElectionContext): Promise<Contest[]> {
  const e = ctx.election;
  const fixedContests = ctx.state.table<Contest[]>('fixed-contests');
  // a further round adds contests when voting opens again, and every move changes phaseSince: within one
  // phase the list is fixed, in every process
  const key = `${e.id}@${e.phaseSince}`;
  const known = fixedContests.get(key);
  if (known) return known;
  const list = await ctx.tx.contests.list(e.id);
  if (FIXED.includes(e.phase)) fixedContests.set(key, list);
  return list;
}

/** The contests a voter can vote in now: those of the round being voted on (every contest in round 1). */
export async function openContests(ctx: ElectionContext): Promise<Contest[]> {
  const all = await contestsOf(ctx);
  const round = Math.max(1, ...all.map((c) => c.round ?? 1));
  return all.filter((c) => (c.round ?? 1) === round);
}

/** The round being voted on (or last voted on): 1 until a further round opens. */
export async function currentRound(ctx: ElectionContext): Promise<number> {
  return Math.max(1, ...(await contestsOf(ctx)).map((c) => c.round ?? 1));
}

/** A contest by number ("2") or name, case-insensitive; `open` limits it to the round being voted on. */
export async function findContest(
  ctx: ElectionContext,
  ref: string | undefined,
  open = false,
): Promise<Result<Contest>> {
  const contests = open ? await openContests(ctx) : await contestsOf(ctx);
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
