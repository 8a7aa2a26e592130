// Instant-runoff voting (single seat), following the rules RCTab applies in US elections so that its
// published reports can be reproduced round by round:
//  - threshold: floor(continuing votes / 2) + 1 of the current round (or of round 1 with
//    `firstRoundThreshold`); a candidate at or above it wins; with two left, the one ahead wins;
//  - eliminations, in this order: undeclared write-ins holding votes (never elected, removed first),
//    then batch elimination when enabled, then the lowest candidate with ties by the contest's rule;
//  - withdrawn candidates never continue: their marks are passed over;
//  - `continueUntilTwo` keeps eliminating after the winner is known (the winner round eliminates
//    nobody, and the threshold stays as it was then);
//  - with several seats and `sequential`, one IRV count per seat, each without the earlier winners.
// A million ballots cost one read into the ballot store plus the transfers (see ranked/irv-pass.ts).
import { buildRankedStore } from './ranked/ballot-store.js';
import { runIrvPass } from './ranked/irv-pass.js';
import { assembleIrvResult, type IrvStop } from './ranked/irv-result.js';
import { makeTieBreaker } from './ranked/tie-breaker.js';
import type { CountResult, Round, TallyInput, TieRecord } from './types.js';
import { TallyInputError } from './types.js';

export function countIrv(input: TallyInput): CountResult {
  const options = input.options ?? {};
  const seats = input.seats;
  if (!Number.isInteger(seats) || seats < 1 || (seats > 1 && options.sequential !== true)) {
    throw new TallyInputError(
      `instant-runoff fills one seat, not ${seats} (several seats: sequential IRV, or STV)`,
      'counting.irv.seats',
    );
  }
  const candidates = input.candidates;
  const names = candidates.map((c) => c.name);
  const store = buildRankedStore(
    input.ballots,
    candidates,
    options.irregularities,
    options.allowBlank ?? true,
  );
  const defaultSeed = `irv:${names.join('\u001f')}:${store.size}:${store.figures.validWeight}`;
  const ties = makeTieBreaker(candidates, options, defaultSeed);
  const tieRecords: TieRecord[] = [];

  // Sequential IRV (RCTab's multi-pass): each seat is a fresh IRV count without the earlier winners.
  const rounds: Round[] = [];
  const winners: number[] = [];
  let stop: IrvStop | undefined;
  for (let pass = 1; pass <= seats; pass++) {
    const excluded = new Set<number>(winners);
    candidates.forEach((c, i) => c.withdrawn && excluded.add(i));
    if (!candidates.some((c, i) => !excluded.has(i) && !c.writeIn)) {
      stop = { kind: 'unfilled', candidates: [], seats: seats - winners.length };
      break;
    }
    const outcome = runIrvPass({
      store,
      candidates,
      options,
      ties,
      tieRecords,
      excluded,
      firstRound: rounds.length + 1,
      pass: { number: pass, seats },
    });
    rounds.push(...outcome.rounds);
    stop = outcome.stop;
    if (outcome.winner < 0) break;
    winners.push(outcome.winner);
  }

  return assembleIrvResult({
    input,
    options,
    names,
    store,
    rounds,
    ties: tieRecords,
    winners,
    stop,
    seed: ties.seed,
  });
}
