import { tally } from '../../counting/index.js';
import { BALLOT_KIND, type CountResult } from '../../counting/types.js';
import { candidatesOf } from '../ballots/ballot.service.js';
import { toEngineBallot } from '../ballots/ballot.rules.js';
import type { ElectionContext } from '../kit/context.js';
import type { Contest } from '../shared/election.types.js';
import type { StoredResult } from './result.types.js';

/** Count one contest with the engine; the ballots come without any link to voters. */
export async function countContest(ctx: ElectionContext, contest: Contest): Promise<StoredResult> {
  const e = ctx.election;
  const candidates = await candidatesOf(ctx, contest);
  const roll = (await ctx.tx.roll.list(e.id)).filter((r) => r.status === 'eligible');
  const eligibleWeight = roll.reduce((s, r) => s + r.weight, 0);
  const stored = await ctx.tx.ballots.listForCount(contest.id);
  const kind = BALLOT_KIND[contest.method];
  const { order: _order, ...options } = contest.options;
  // C3: an approve-oppose ballot approving more candidates than seats is invalid, unless max-marks says
  if (contest.method === 'approve-oppose') options.maxMarks ??= contest.seats;
  const result: CountResult = tally({
    method: contest.method,
    seats: contest.seats,
    candidates: candidates.map((c) => ({ name: c.name })),
    ballots: stored.map((b) => toEngineBallot(b.content, kind, b.weight, candidates.length)),
    // the seed for any lot is fixed by the election, so a recount draws the same lots
    options: { ...options, eligible: eligibleWeight, seed: options.seed ?? `${e.id}:${contest.number}` },
  });
  return {
    electionId: e.id,
    contestId: contest.id,
    round: 1,
    result,
    eligible: roll.length,
    issued: roll.length,
    createdAt: ctx.now.toISOString(),
  };
}
