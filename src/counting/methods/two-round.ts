// Two-round system, first round: a candidate with more than half of the votes given to candidates
// wins outright (blank ballots are not votes for anyone, as in the French "suffrages exprimés");
// otherwise the two with most votes go to a run-off, which the service holds as a further round.
// A tie for a run-off place goes to the contest's tie rule; when the rule leaves it open, every
// candidate tied for the place goes into the run-off and the tie is reported.

import type { CountResult, FurtherRound, TallyInput } from '../types.js';
import { TallyInputError } from '../types.js';
import { decideTie, makeContext } from './shared/context.js';
import { countMarks } from './shared/marks.js';
import { buildResult, electableList } from './shared/result.js';
import { byScore, comparable } from './shared/select.js';

export function countTwoRound(input: TallyInput): CountResult {
  if (input.seats !== 1) {
    throw new TallyInputError('the two-round system fills one seat', 'counting.bad_seats');
  }
  const ctx = makeContext(input);
  const { counts, figures } = countMarks(ctx, 1);
  const electable = electableList(ctx);
  const votes = electable.reduce((sum, c) => sum + counts[c], 0);
  const needed = votes / 2;
  const sorted = byScore(counts, electable);
  const roundLines = counts.flatMap((v, c) =>
    ctx.active[c]
      ? [{ key: 'counting.methods.votes', params: { name: input.candidates[c].name, votes: v } }]
      : [],
  );
  const ruleLines = [
    {
      key: 'counting.methods.rule_two_round',
      params: { votes: comparable(votes), needed: comparable(needed) },
    },
  ];

  const leader = sorted[0];
  if (leader === undefined) {
    return buildResult(ctx, {
      counts,
      winners: [],
      figures,
      roundLines,
      ruleLines,
      chartTitle: 'counting.methods.chart_votes',
    });
  }
  if (sorted.length === 1 || comparable(counts[leader]) > comparable(needed)) {
    return buildResult(ctx, {
      counts,
      winners: [leader],
      figures,
      roundLines,
      ruleLines,
      chartTitle: 'counting.methods.chart_votes',
      chartLine: needed,
    });
  }

  // run-off places: everyone strictly above the second place's count, then the tie for what is left
  const cut = comparable(counts[sorted[1]]);
  const above = sorted.filter((c) => comparable(counts[c]) > cut);
  const atCut = sorted.filter((c) => comparable(counts[c]) === cut);
  let runoff: number[];
  const need = 2 - above.length;
  if (atCut.length === need) {
    runoff = [...above, ...atCut];
  } else {
    const chosen = decideTie(ctx, atCut, need, 'highest', 'runoff-place', 1, [counts]);
    runoff = [...above, ...(chosen ?? atCut)];
  }
  const furtherRound: FurtherRound = { kind: 'runoff', candidates: runoff, seats: 1 };
  return buildResult(ctx, {
    counts,
    winners: [],
    figures,
    roundLines,
    ruleLines,
    furtherRound,
    chartTitle: 'counting.methods.chart_votes',
    chartLine: needed,
  });
}
