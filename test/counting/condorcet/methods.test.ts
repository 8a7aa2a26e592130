// Hand-written Condorcet cases beyond the reference vectors: Copeland, several seats, write-ins
// and withdrawn candidates, the matrix in the result and its explanation lines.
import { describe, expect, it } from 'vitest';
import { tally, type Ballot, type MethodId } from '../../../src/counting/index.js';
import { expectExplained, input, people, repeat, winnerNames } from '../methods/helpers.js';

const rk = (...ranks: (number | number[])[]): Ballot => ({ kind: 'ranking', ranks });
const abcd = people('Ana', 'Ben', 'Cai', 'Dee');
const condorcet: MethodId[] = ['schulze', 'ranked-pairs', 'copeland'];

describe('Condorcet methods', () => {
  // a rock-paper-scissors cycle among A, B, C, all of whom beat D
  const cycle = [...repeat(rk(0, 1, 2, 3), 4), ...repeat(rk(1, 2, 0, 3), 3), ...repeat(rk(2, 0, 1, 3), 2)];

  it('put the pairwise matrix in the result and in a matrix chart', () => {
    for (const method of condorcet) {
      const result = tally(input(method, 1, abcd, cycle));
      expect(result.pairwise).toEqual([
        [0, 6, 4, 9],
        [3, 0, 7, 9],
        [5, 2, 0, 9],
        [0, 0, 0, 0],
      ]);
      expect(result.chart.kind).toBe('matrix');
      expect(result.chart.series.map((s) => s.values)).toEqual(result.pairwise);
      expect(result.ranking!.at(-1)).toEqual([3]);
      expectExplained(result);
    }
  });

  it('Copeland ties the whole cycle and leaves the tie to the rule; Schulze and ranked pairs resolve it', () => {
    const copeland = tally(input('copeland', 1, abcd, cycle, { tieBreak: 'revote' }));
    expect(copeland.rounds[0].counts).toEqual([2, 2, 2, 0]);
    expect(copeland.ranking).toEqual([[0, 1, 2], [3]]);
    expect(copeland.furtherRound).toEqual({ kind: 'revote', candidates: [0, 1, 2], seats: 1 });
    // B>C 7:2 is the strongest link, then C>A 5:4 is weaker than A>B 6:3: A wins both
    expect(winnerNames(tally(input('schulze', 1, abcd, cycle)))).toEqual(['Ana']);
    expect(tally(input('ranked-pairs', 1, abcd, cycle)).ranking).toEqual([[0], [1], [2], [3]]);
  });

  it('fill several seats from the top of the ranking', () => {
    for (const method of condorcet) {
      const result = tally(
        input(method, 2, abcd, [...repeat(rk(3, 2, 1, 0), 5), ...repeat(rk(2, 3, 0, 1), 4)]),
      );
      expect(winnerNames(result)).toEqual(['Dee', 'Cai']);
    }
  });

  it('never elect a write-in and ignore withdrawn candidates', () => {
    const candidates = [
      { name: 'Ana' },
      { name: 'Ben', withdrawn: true },
      { name: 'Other', writeIn: true },
      { name: 'Dee' },
    ];
    const ballots = [...repeat(rk(2, 1, 0, 3), 5), ...repeat(rk(1, 0, 3, 2), 2)];
    for (const method of condorcet) {
      const result = tally(input(method, 1, candidates, ballots));
      expect(result.ranking![0]).toEqual([2]);
      expect(result.ranking!.flat()).not.toContain(1);
      expect(winnerNames(result)).toEqual(['Ana']);
      expect(result.irregularities.writeIns).toBe(7);
    }
  });

  it("'ignore' treats unranked candidates as no opinion", () => {
    const ballots = [rk(0), rk(0), rk(1, 2), rk(2, 1), rk(2, 1)];
    const implicit = tally(input('copeland', 1, people('A', 'B', 'C'), ballots));
    expect(implicit.pairwise![0]).toEqual([0, 2, 2]);
    expect(implicit.pairwise![1][0]).toBe(3);
    const ignore = tally(input('copeland', 1, people('A', 'B', 'C'), ballots, { unranked: 'ignore' }));
    expect(ignore.pairwise![0]).toEqual([0, 0, 0]);
    expect(ignore.pairwise![1]).toEqual([0, 0, 1]);
    expect(winnerNames(ignore)).toEqual(['C']);
  });
});

describe('pairwise arithmetic', () => {
  it('fractional weights that sum to the same amount give an exact pairwise tie', () => {
    // A over B with 0.1 + 0.2, B over A with 0.3: equal, whatever the float rounding of the sums
    const ballots: Ballot[] = [
      { kind: 'ranking', ranks: [0], weight: 0.1 },
      { kind: 'ranking', ranks: [0, 1], weight: 0.2 },
      { kind: 'ranking', ranks: [1], weight: 0.3 },
    ];
    const result = tally(input('copeland', 1, people('A', 'B'), ballots, { tieBreak: 'revote' }));
    expect(result.pairwise![0][1]).toBe(result.pairwise![1][0]);
    expect(result.ranking).toEqual([[0, 1]]);
    expect(result.furtherRound).toEqual({ kind: 'revote', candidates: [0, 1], seats: 1 });
  });
});
