// Every RCTab single-winner reference case, round by round: tallies, threshold, who was elected or
// eliminated, transfers, and inactive ballots by reason.
//
// Not run here, and why:
//  - test_set_multi_winner_whole_threshold, test_set_multi_winner_fractional_threshold,
//    test_set_allow_only_one_winner_per_round, minneapolis_multi_seat_threshold, 2013_minneapolis_park:
//    RCTab's multi-seat rule is an STV with fractional surplus transfer (not IRV); Teller's STV methods are
//    Scottish and Meek STV, checked against the Droop references instead.
//  - multi_seat_bottoms_up_with_static_threshold (eliminate until everyone left has 15 %): a rule
//    Teller does not offer.
// Run differently: max_ranking_enforcement has no report (RCTab rejects its CSV, and so does Teller's
// reader), and sequential_with_batch (multi-pass IRV) runs with the `sequential` option, pass by pass.
import { describe, expect, it } from 'vitest';
import { countIrv } from '../../../src/counting/irv.js';
import { TallyInputError, type CountResult, type Round } from '../../../src/counting/types.js';
import { loadRctabCase, rctabCaseNames, readConfig, readReport, type RctabRound } from './rctab-cases.js';

const singleWinner = rctabCaseNames().filter((name) => {
  const rules = readConfig(name).rules;
  return rules.winnerElectionMode === 'singleWinnerMajority' && name !== 'max_ranking_enforcement';
});

const sortNames = (xs: string[]) => [...xs].sort();

function expectRounds(
  where0: string,
  expectedRounds: RctabRound[],
  rounds: Round[],
  result: CountResult,
): void {
  const names = result.candidates;
  const idx = (n: string) => {
    const i = names.indexOf(n);
    expect(i, `candidate ${n}`).toBeGreaterThanOrEqual(0);
    return i;
  };
  expect(rounds.length, where0).toBe(expectedRounds.length);
  expectedRounds.forEach((expected, k) => {
    const round = rounds[k];
    const where = `${where0} round ${expected.round}`;
    const tally: Record<string, number> = {};
    names.forEach((n, i) => {
      if (round.counts[i] !== 0 || n in expected.tally) tally[n] = round.counts[i];
    });
    const expectedTally = Object.fromEntries(Object.entries(expected.tally).map(([n, v]) => [n, Number(v)]));
    expect(tally, where).toEqual(expectedTally);
    expect(round.quota, where).toBe(Number(expected.threshold));
    const elected = expected.tallyResults.flatMap((r) => (r.elected ? [r.elected] : []));
    const eliminated = expected.tallyResults.flatMap((r) => (r.eliminated ? [r.eliminated] : []));
    expect(sortNames(round.elected.map((c) => names[c])), where).toEqual(sortNames(elected));
    expect(sortNames(round.eliminated.map((c) => names[c])), where).toEqual(sortNames(eliminated));
    for (const r of expected.tallyResults.filter((x) => x.eliminated)) {
      const transfer = round.transfers?.find((t) => t.from === idx(r.eliminated!));
      expect(transfer, `${where} transfer from ${r.eliminated}`).toBeDefined();
      const got: Record<string, number> = {};
      for (const [to, v] of Object.entries(transfer!.to)) got[names[Number(to)]] = v;
      if (transfer!.exhausted > 0) got.exhausted = transfer!.exhausted;
      const want = Object.fromEntries(Object.entries(r.transfers).map(([n, v]) => [n, Number(v)]));
      expect(got, `${where} transfer from ${r.eliminated}`).toEqual(want);
    }
    const inactive = expected.inactiveBallots;
    expect(round.exhaustedBy, where).toEqual({
      overvote: Number(inactive.overvotes),
      skippedRanks: Number(inactive.skippedRankings),
      duplicate: Number(inactive.repeatedRankings),
      noMoreChoices: Number(inactive.exhaustedChoices),
    });
    expect(round.exhausted, where).toBe(
      Number(inactive.overvotes) +
        Number(inactive.skippedRankings) +
        Number(inactive.repeatedRankings) +
        Number(inactive.exhaustedChoices),
    );
  });
}

describe('RCTab single-winner reference cases', () => {
  it('finds every single-winner case', () => {
    expect(singleWinner.length).toBe(22);
  });

  for (const name of singleWinner) {
    it(name, () => {
      const input = loadRctabCase(name);
      const report = readReport(name);
      const result = countIrv(input);
      expectRounds(name, report.results, result.rounds, result);
      const elected = report.results.flatMap((r) =>
        r.tallyResults.flatMap((t) => (t.elected ? [t.elected] : [])),
      );
      expect(result.winners.map((c) => result.candidates[c])).toEqual(elected);
      expect(result.ballots.cast).toBe(Array.isArray(input.ballots) ? input.ballots.length : -1);
    });
  }

  it('sequential_with_batch: multi-pass IRV, one report per seat', () => {
    const input = loadRctabCase('sequential_with_batch');
    expect(input.options?.sequential).toBe(true);
    const result = countIrv(input);
    expect(result.winners.map((c) => result.candidates[c])).toEqual(['A', 'B', 'C']);
    let from = 0;
    for (const pass of [1, 2, 3]) {
      const report = readReport('sequential_with_batch', pass);
      const rounds = result.rounds.slice(from, from + report.results.length);
      expectRounds(`pass ${pass}`, report.results, rounds, result);
      expect(rounds.at(-1)!.elected).toHaveLength(1);
      from += report.results.length;
    }
    expect(from).toBe(result.rounds.length);
  });

  it('max_ranking_enforcement: a CSV ballot marking rank 4 of at most 3 is refused, naming the line', () => {
    expect(() => loadRctabCase('max_ranking_enforcement')).toThrowError(
      /line 2: rank 4 is marked but at most 3/,
    );
    expect(() => loadRctabCase('max_ranking_enforcement')).toThrowError(TallyInputError);
  });

  it('several seats need the sequential option: countIrv refuses them otherwise', () => {
    const input = loadRctabCase('sequential_with_batch');
    expect(input.seats).toBe(3);
    expect(() => countIrv({ ...input, options: { ...input.options, sequential: false } })).toThrowError(
      TallyInputError,
    );
  });
});
