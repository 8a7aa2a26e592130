import { describe, expect, it } from 'vitest';
import { tally, TallyInputError, type Ballot } from '../../../src/counting/index.js';
import { expectExplained, input, people, winnerNames } from './helpers.js';

const sc = (scores: (number | null)[], weight?: number): Ballot => ({
  kind: 'scores',
  scores,
  ...(weight !== undefined ? { weight } : {}),
});
const cr = (scores: (number | null)[][], weight?: number): Ballot => ({
  kind: 'criteria',
  scores,
  ...(weight !== undefined ? { weight } : {}),
});
const abc = people('Ana', 'Ben', 'Cai');

describe('score voting', () => {
  it('elects the highest totals; unscored counts as the minimum', () => {
    const ballots = [sc([5, 3, null]), sc([0, 4, 5]), sc([2, 4, 1], 2)];
    const result = tally(input('score', 1, abc, ballots));
    expect(result.rounds[0].counts).toEqual([9, 15, 7]);
    expect(winnerNames(result)).toEqual(['Ben']);
    expect(result.ranking).toEqual([[1], [0], [2]]);
    expect(result.rounds[0].explanation[1]).toEqual({
      key: 'counting.methods.score_total',
      params: { name: 'Ben', total: 15, average: 3.75, scored: 4 },
    });
    expectExplained(result);
  });

  it('a score outside the range, or for no candidate, makes the ballot invalid', () => {
    const ballots = [sc([6, 0, 0]), sc([1, 1, 1, 1]), sc([-1]), sc([1, 2, 3]), sc([null, null])];
    const result = tally(input('score', 1, abc, ballots));
    expect(result.ballots).toMatchObject({ cast: 5, valid: 2, invalid: 3, blank: 1 });
    expect(result.rounds[0].counts).toEqual([1, 2, 3]);
  });

  it('honours a custom range with a non-zero minimum', () => {
    const ballots = [sc([10, null, 1]), sc([null, 7, 1])];
    const result = tally(input('score', 2, abc, ballots, { scoreRange: { min: 1, max: 10 } }));
    // unscored = 1
    expect(result.rounds[0].counts).toEqual([11, 8, 2]);
    expect(winnerNames(result)).toEqual(['Ana', 'Ben']);
    expect(() => tally(input('score', 1, abc, ballots, { scoreRange: { min: 3, max: 3 } }))).toThrow(
      TallyInputError,
    );
  });
});

describe('judged scoring', () => {
  const criteria = [
    { name: 'vision', weight: 2 },
    { name: 'delivery', weight: 1 },
  ];

  it('weights the criteria, then averages over the judges who scored the candidate', () => {
    const ballots = [
      cr([
        [5, 2],
        [3, 3],
        [1, 4],
      ]), // marks: Ana 4, Ben 3, Cai 2
      cr([[4, 4], [5, 5], []]), // Cai left out (recused): Ana 4, Ben 5
      cr(
        [
          [1, 1],
          [2, 5],
          [5, 5],
        ],
        2,
      ), // two judges' worth: Ana 1, Ben 3, Cai 5
    ];
    const result = tally(input('judged', 1, abc, ballots, { criteria }));
    expect(result.rounds[0].counts).toEqual([2.5, 3.5, 4]);
    expect(winnerNames(result)).toEqual(['Cai']);
    const lines = result.rounds[0].explanation;
    expect(lines).toContainEqual({
      key: 'counting.methods.judged_mean',
      params: { name: 'Cai', mean: 4, judges: 3 },
    });
    expect(lines).toContainEqual({
      key: 'counting.methods.judged_criterion',
      params: { name: 'Ana', criterion: 'vision', mean: 2.75, weight: 2 },
    });
    expectExplained(result);
  });

  it('a candidate scored on only some criteria, or out of 1..5, makes the ballot invalid', () => {
    const ballots = [
      cr([
        [5, null],
        [3, 3],
      ]),
      cr([[0, 3]]),
      cr([[5, 5, 5]]),
      cr([
        [3, 3],
        [4, 4],
      ]),
      cr([]),
    ];
    const result = tally(input('judged', 1, abc, ballots, { criteria }));
    expect(result.ballots).toMatchObject({ cast: 5, valid: 2, invalid: 3, blank: 1 });
    expect(winnerNames(result)).toEqual(['Ben']);
  });

  it('infers equally weighted criteria when none are named, and leaves seats unfilled without scores', () => {
    const result = tally(input('judged', 2, abc, [cr([[2, 4, 3]]), cr([[4, 4, 4]])]));
    expect(result.rounds[0].counts).toEqual([3.5, 0, 0]);
    expect(winnerNames(result)).toEqual(['Ana']);
    expect(result.furtherRound).toEqual({ kind: 'unfilled', candidates: [1, 2], seats: 1 });
    expect(() => tally(input('judged', 1, abc, [], { criteria: [] }))).toThrow(TallyInputError);
  });
});
