// The counting engine's entry: `tally()` routes a contest to its method. Pure: ballots in, a result out.

import { countCopeland } from './condorcet/copeland.js';
import { countRankedPairs } from './condorcet/ranked-pairs.js';
import { countSchulze } from './condorcet/schulze.js';
import { countIrv } from './irv.js';
import { countMeekStv } from './stv/meek.js';
import { countScottishStv } from './stv/scottish.js';
import { countApproveOppose } from './methods/approve-oppose.js';
import { countBorda } from './methods/borda.js';
import { countJudged } from './methods/judged.js';
import { countScore } from './methods/score.js';
import { countApproval, countBlock, countPlurality } from './methods/marks-methods.js';
import { countTwoRound } from './methods/two-round.js';
import type { CountResult, MethodId, TallyInput } from './types.js';
import { METHOD_IDS, TallyInputError } from './types.js';

export * from './types.js';
export { breakTie, drawByLot, seededLot } from './ties.js';
export type { Lot, TieContext, TieOutcome } from './ties.js';

type Counter = (input: TallyInput) => CountResult;

const COUNTERS: Record<MethodId, Counter> = {
  plurality: countPlurality,
  block: countBlock,
  approval: countApproval,
  'approve-oppose': countApproveOppose,
  'two-round': countTwoRound,
  score: countScore,
  judged: countJudged,
  borda: countBorda,
  schulze: countSchulze,
  'ranked-pairs': countRankedPairs,
  copeland: countCopeland,
  irv: countIrv,
  'stv-scottish': countScottishStv,
  'stv-meek': countMeekStv,
};

export function isMethodId(value: string): value is MethodId {
  return (METHOD_IDS as readonly string[]).includes(value);
}

/** Count one contest. Throws TallyInputError for input no method could count (bad seats, wrong ballot kind). */
export function tally(input: TallyInput): CountResult {
  if (!isMethodId(input.method)) {
    throw new TallyInputError(`unknown counting method: ${String(input.method)}`, 'counting.unknown_method');
  }
  return COUNTERS[input.method](input);
}
