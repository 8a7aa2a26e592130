import { describe, expect, it } from 'vitest';
import { tally, TallyInputError } from '../../../src/counting/index.js';
import { expectExplained, input, keys, marks, people, repeat, winnerNames } from './helpers.js';

const abcd = people('Ana', 'Ben', 'Cai', 'Dee');

describe('two-round system', () => {
  it('a majority of the votes for candidates wins outright; blank ballots are not votes', () => {
    const ballots = [...repeat(marks([0]), 5), ...repeat(marks([1]), 3), marks([2]), ...repeat(marks([]), 3)];
    const result = tally(input('two-round', 1, abcd, ballots));
    expect(winnerNames(result)).toEqual(['Ana']);
    expect(result.furtherRound).toBeUndefined();
    expect(result.chart.line).toBe(4.5);
    expectExplained(result);
  });

  it('without a majority names the top two for a run-off and elects no one', () => {
    const ballots = [
      ...repeat(marks([0]), 4),
      ...repeat(marks([1]), 3),
      ...repeat(marks([2]), 2),
      marks([3]),
    ];
    const result = tally(input('two-round', 1, abcd, ballots));
    expect(result.winners).toEqual([]);
    expect(result.furtherRound).toEqual({ kind: 'runoff', candidates: [0, 1], seats: 1 });
    expect(keys(result)).toContain('counting.methods.further_runoff');
    expectExplained(result);
  });

  it('exactly half is not a majority', () => {
    const result = tally(input('two-round', 1, abcd, [...repeat(marks([0]), 2), marks([1]), marks([2])]));
    expect(result.winners).toEqual([]);
    expect(result.furtherRound?.candidates[0]).toBe(0);
    expect(result.furtherRound?.candidates).toHaveLength(2);
    expect(result.ties[0]).toMatchObject({ purpose: 'runoff-place', candidates: [1, 2] });
  });

  it('a tie for the second place is decided by the rule and recorded', () => {
    const ballots = [...repeat(marks([0]), 4), ...repeat(marks([1]), 3), ...repeat(marks([2]), 3)];
    const lot = tally(input('two-round', 1, abcd, ballots, { seed: 'x' }));
    expect(lot.furtherRound?.candidates[0]).toBe(0);
    expect(lot.furtherRound?.candidates).toHaveLength(2);
    expect(lot.ties[0]).toMatchObject({
      purpose: 'runoff-place',
      candidates: [1, 2],
      rule: 'lot',
      seed: 'x',
    });
    expect(lot.furtherRound?.candidates[1]).toBe(lot.ties[0].chosen[0]);

    const open = tally(input('two-round', 1, abcd, ballots, { tieBreak: 'organiser' }));
    expect(open.furtherRound).toEqual({ kind: 'runoff', candidates: [0, 1, 2], seats: 1 });
    expect(open.ties[0]).toMatchObject({ rule: 'organiser', chosen: [] });
    expectExplained(open);
  });

  it('a tie for first between three decides both places by the rule', () => {
    const ballots = [...repeat(marks([0]), 2), ...repeat(marks([1]), 2), ...repeat(marks([2]), 2)];
    const result = tally(input('two-round', 1, abcd, ballots, { tieBreak: 'candidate-order' }));
    expect(result.furtherRound?.candidates).toEqual([0, 1]);
    expect(result.ties[0]).toMatchObject({ candidates: [0, 1, 2], chosen: [0, 1] });
  });

  it('fills exactly one seat', () => {
    expect(() => tally(input('two-round', 2, abcd, [marks([0])]))).toThrow(TallyInputError);
  });
});
