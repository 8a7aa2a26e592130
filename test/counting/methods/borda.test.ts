// Borda beyond the condorcet-php vectors (test/counting/condorcet/condorcet-php.test.ts checks
// borda_start_1 / borda_start_0 there): equal ranks, withdrawn candidates, irregular ballots.
import { describe, expect, it } from 'vitest';
import { tally, type Ballot } from '../../../src/counting/index.js';
import { expectExplained, input, keys, people, winnerNames } from './helpers.js';

const rk = (...ranks: (number | number[])[]): Ballot => ({ kind: 'ranking', ranks });
const abcd = people('Ana', 'Ben', 'Cai', 'Dee');

describe('Borda count', () => {
  it('states the variant and gives equal ranks the average of their places', () => {
    const result = tally(input('borda', 1, abcd, [rk(0, [1, 2], 3)]));
    expect(result.rounds[0].counts).toEqual([4, 2.5, 2.5, 1]);
    expect(keys(result)).toContain('counting.methods.rule_borda_start1');
    const zero = tally(input('borda', 1, abcd, [rk(0, [1, 2], 3)], { borda: 'start-0' }));
    expect(zero.rounds[0].counts).toEqual([3, 1.5, 1.5, 0]);
    expect(zero.explanation).toContainEqual({
      key: 'counting.methods.rule_borda_start0',
      params: { first: 3, last: 0 },
    });
    expectExplained(result);
    expectExplained(zero);
  });

  it('withdrawn candidates leave the count: the others close up', () => {
    const candidates = [{ name: 'Ana' }, { name: 'Ben', withdrawn: true }, { name: 'Cai' }];
    const result = tally(input('borda', 1, candidates, [rk(1, 2, 0), rk(0, 2)]));
    expect(result.rounds[0].counts).toEqual([3, 0, 3]);
    expect(result.ranking).toEqual([[0, 2]]);
  });

  it('skipped ranks change nothing, repeats are skipped or end the ballot, unknown candidates invalidate', () => {
    const ballots = [rk(0, [], 1), rk(2, 2, 1), rk(9, 1)];
    const skip = tally(input('borda', 1, people('Ana', 'Ben', 'Cai'), ballots));
    expect(skip.ballots).toMatchObject({ cast: 3, valid: 2, invalid: 1 });
    expect(skip.irregularities).toMatchObject({ skippedRanks: 1, duplicates: 1 });
    // ballot 1: A3 B2 C1; ballot 2: C3 B2 A1
    expect(skip.rounds[0].counts).toEqual([4, 4, 4]);
    const exhaust = tally(
      input('borda', 1, people('Ana', 'Ben', 'Cai'), ballots, { irregularities: { duplicate: 'exhaust' } }),
    );
    // ballot 2 stops at the repeat: C3, A and B share 2 and 1
    expect(exhaust.rounds[0].counts).toEqual([4.5, 3.5, 4]);
    expect(winnerNames(exhaust)).toEqual(['Ana']);
  });

  it('honours the skipped-rank and maximum-rankings rules', () => {
    const abc = people('Ana', 'Ben', 'Cai');
    // Ana, a skipped rank, then Ben: with no skips tolerated Ben is never reached
    const ballots = [rk(0, [], 1)];
    expect(tally(input('borda', 1, abc, ballots)).rounds[0].counts).toEqual([3, 2, 1]);
    const strict = tally(input('borda', 1, abc, ballots, { irregularities: { maxSkippedRanks: 0 } }));
    expect(strict.rounds[0].counts).toEqual([3, 1.5, 1.5]);
    expect(strict.irregularities.skippedRanks).toBe(1);
    const one = tally(input('borda', 1, abc, [rk(2, 1, 0)], { irregularities: { maxRankings: 1 } }));
    expect(one.rounds[0].counts).toEqual([1.5, 1.5, 3]);
  });

  it('counts a rank that is not a candidate as an invalid ballot', () => {
    const odd = { kind: 'ranking', ranks: [0, 'Ben' as unknown as number] } as Ballot;
    const result = tally(input('borda', 1, abcd, [odd, rk(1)]));
    expect(result.ballots).toMatchObject({ cast: 2, valid: 1, invalid: 1 });
  });
});
